"""PDF with WeasyPrint from the print HTML (title page, contents, page
numbers, printed date: see templates/reporting/report_document.html).

The PDF is PDF/UA-1 (tagged, with the structure of the HTML, the document
title shown and the language set), as the accessibility law asks of what a
government publishes; its outline (bookmarks) comes from the headings."""

from weasyprint import HTML

from .publication import language_tag

PDF_VARIANT = "pdf/ua-1"


def render_pdf(html: str, doc: dict) -> bytes:
    document = HTML(string=html, base_url=None).render(pdf_variant=PDF_VARIANT)
    metadata = document.metadata
    metadata.title = f"{doc['title']} · {doc['province']}"
    metadata.authors = [doc["province"]]
    metadata.lang = language_tag(doc["language"])
    # The printed date, not the moment of rendering, so that rendering the
    # same frozen figures twice gives the same metadata.
    metadata.created = metadata.modified = doc["printed_iso"]
    return document.write_pdf(pdf_variant=PDF_VARIANT)
