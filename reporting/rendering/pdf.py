"""PDF with WeasyPrint from the print HTML (title page, contents, page
numbers, printed date: see templates/reporting/report_document.html).

The PDF is PDF/UA-1 (tagged, with the structure of the HTML, the document
title shown and the language set), as the accessibility law asks of what a
government publishes; its outline (bookmarks) comes from the headings.

What it costs (issue 16; bench scale 10, ZH 2025: 159 pages, 2,038 table
rows, 49,000 boxes) and what is done about it here:

- WeasyPrint keeps a computed style for every element and every
  pseudo-element its stylesheets could give it. Its own user-agent
  stylesheet gives every element six (``::marker`` and the calls and
  markers of footnotes and notes, written for any element): 91,000 styles
  for 15,000 elements, a quarter of the memory. The report has no footnotes
  or notes and markers only on list items, so it is rendered with that
  stylesheet minus those rules (``report_ua_stylesheet``); what is drawn
  stays the same.
- Python's automatic full collections find nothing while WeasyPrint lays
  out (its boxes stay alive until then) yet took a tenth of the time with
  half a million objects about. They are off during ``render_pdf``; the
  garbage is collected at the two moments there is some: the box tree the
  layout started from once it is done, and the laid-out pages once they are
  drawn and tagged (``_release_pages``), so that drawing, tagging and
  writing reuse that memory instead of adding to it.
- pydyf rebuilds the tuple of all page references each time WeasyPrint's
  tagging asks for one page's, once per structure element: 36,000 times
  159 pages, 1.2 s. It is kept until a page is added
  (``_remembered_page_references``); the PDF stays byte for byte the same.

The tables have fixed column widths and the contents' leaders repeat
". " rather than "." (see the print styles): both cost WeasyPrint work per
cell or per dot."""

from __future__ import annotations

import gc
import re
from functools import cache
from importlib.resources import files

import pydyf
import weasyprint.html
from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle

from .publication import language_tag

PDF_VARIANT = "pdf/ua-1"

# Rules of WeasyPrint's html5_ua.css that match every element through a
# pseudo-element: markers (list items only need them) and the calls and
# markers of footnotes and notes (the report has neither).
_UNIVERSAL_PSEUDO = re.compile(
    r"^::(marker|footnote-call|footnote-marker|note-call|note-marker|note-callback)"
    r"(\s*\{[^}]*\})",
    re.MULTILINE,
)


def lean_user_agent_css(css: str) -> tuple[str, int]:
    """WeasyPrint's user-agent CSS with ``::marker`` for list items only and
    without the footnote and note pseudo-elements; and how many rules were
    changed (0 when a WeasyPrint version writes them otherwise: then the
    stylesheet stays as it was)."""

    def rewrite(match: re.Match) -> str:
        if match.group(1) == "marker":
            return f"li::marker, summary::marker{match.group(2)}"
        return ""

    return _UNIVERSAL_PSEUDO.subn(rewrite, css)


@cache
def report_ua_stylesheet():
    """The user-agent stylesheet the report is rendered with, parsed once
    per process (like WeasyPrint's own); None when WeasyPrint's could not be
    read, then its own is used."""
    try:
        source = (files("weasyprint") / "css" / "html5_ua.css").read_text("utf-8")
    except OSError:
        return None
    css, changed = lean_user_agent_css(source)
    if not changed:
        return None
    # Its @counter-style rules are already in WeasyPrint's own counter
    # styles (the ones a document starts from): they go to a throwaway.
    return CSS(string=css, counter_style=CounterStyle())


def _remembered_page_references(pdf) -> tuple[bytes, ...]:
    """pydyf's ``PDF.page_references``, computed again only when the pages
    changed: they only grow (``add_page`` appends to /Kids)."""
    kids = pdf.pages["Kids"]
    key = (id(kids), len(kids))
    remembered = pdf.__dict__.get("_report_page_references")
    if remembered is None or remembered[0] != key:
        remembered = (key, _PAGE_REFERENCES.fget(pdf))
        pdf.__dict__["_report_page_references"] = remembered
    return remembered[1]


_PAGE_REFERENCES = pydyf.PDF.__dict__.get("page_references")
if isinstance(_PAGE_REFERENCES, property):
    pydyf.PDF.page_references = property(_remembered_page_references)


class ReportHTML(HTML):
    """WeasyPrint's HTML with ``report_ua_stylesheet()`` in place of its own
    user-agent stylesheet (the way WeasyPrint's own tests swap it)."""

    def _ua_stylesheets(self, *args, **kwargs):
        sheets = super()._ua_stylesheets(*args, **kwargs)
        lean = report_ua_stylesheet()
        own = getattr(weasyprint.html, "UA_STYLESHEET", None)
        if lean is None or own is None:
            return sheets
        return [lean if sheet is own else sheet for sheet in sheets]


def render_pdf(html: str, doc: dict) -> bytes:
    """The PDF/UA-1 file of the print HTML of `doc`."""
    automatic = gc.isenabled()
    gc.disable()
    try:
        document = ReportHTML(string=html, base_url=None).render(
            pdf_variant=PDF_VARIANT
        )
        metadata = document.metadata
        metadata.title = f"{doc['title']} · {doc['province']}"
        metadata.authors = [doc["province"]]
        metadata.lang = language_tag(doc["language"])
        # The printed date, not the moment of rendering, so that rendering
        # the same frozen figures twice gives the same metadata.
        metadata.created = metadata.modified = doc["printed_iso"]
        # The box tree the layout started from is garbage now. With the
        # automatic collections off, all WeasyPrint made is still in the
        # youngest generation: collecting that one leaves the process's older
        # objects (Django, the figures) alone.
        gc.collect(0)
        return document.write_pdf(pdf_variant=PDF_VARIANT, finisher=_release_pages)
    finally:
        if automatic:
            gc.enable()


def _release_pages(document, pdf) -> None:
    """Called by WeasyPrint once every page is drawn and tagged, before the
    PDF is serialised: the laid-out pages are not needed any more, so their
    memory serves the serialising."""
    document.pages.clear()
    # The survivors of the first collection went to generation 1.
    gc.collect(1)
