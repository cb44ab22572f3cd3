"""PDF with WeasyPrint from the print HTML (title page, contents, page
numbers, printed date: see templates/reporting/report_document.html)."""

from weasyprint import HTML


def render_pdf(html: str, doc: dict) -> bytes:
    document = HTML(string=html, base_url=None).render()
    metadata = document.metadata
    metadata.title = f"{doc['title']} · {doc['province']}"
    metadata.authors = [doc["province"]]
    metadata.lang = doc["language"]
    # The printed date, not the moment of rendering, so that rendering the
    # same frozen figures twice gives the same metadata.
    metadata.created = metadata.modified = doc["printed_iso"]
    return document.write_pdf()
