"""Files of a report run, rendered from its frozen figures.

``render_report(run)`` returns ``{file field: (file name, bytes)}`` for the
HTML, PDF, XLSX and DOCX versions; ``render_report_files(run)`` yields them
one at a time. Everything comes from ``run.figures`` and
the moment they were frozen, so a second rendering says the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .document import build_document
from .docx import render_docx
from .extras import enrich_document
from .pdf import render_pdf
from .publication import (
    decision_references,
    keep_compounds_whole,
    keep_references_whole,
    language_tag,
)
from .stamp import run_stamp, stamp_docx, stamp_xlsx
from .xlsx import render_xlsx


def css_string(text: str) -> str:
    """A quoted CSS string that is safe inside a <style> element."""
    escaped = (
        str(text)
        .replace("\\", "\\\\")
        .replace('"', "\\22 ")
        .replace("<", "\\3C ")
        .replace("\n", "\\A ")
    )
    return mark_safe(f'"{escaped}"')


def report_context(run) -> dict:
    """The document and the print settings of a run, in its language."""
    printed = timezone.localtime(run.figures_at or timezone.now()).date()
    doc = build_document(run.figures, language=run.language, printed=printed)
    # Draft watermark and version (stamp.py); the sections of issue 16
    # item 6 (extras.py).
    doc["stamp"] = run_stamp(run)
    enrich_document(doc, run.figures)
    return {
        "doc": doc,
        "lang_tag": language_tag(run.language),
        "printed_iso": printed.isoformat(),
        "css": {
            "footer": css_string(f"{doc['province']} · {doc['title']}"),
            "page": css_string(_("Page") + " "),
            "of": css_string(" " + _("of") + " "),
            "colour": mark_safe(run.province.colour),
        },
    }


def file_stem(run) -> str:
    scope = slugify(run.figures["scope"].get("code") or run.scope) or run.scope
    province = run.figures["province"]["code"]
    name = slugify(f"{_('progress report')}-{province}-{run.year}-{scope}")
    return f"{name}-{run.language}"


def render_report_files(run) -> Iterator[tuple[str, tuple[str, bytes]]]:
    """The files one by one, as ``(file field, (file name, bytes))``, so the
    caller can record progress between formats. Each is rendered in the
    run's language; the caller's language is active again at every yield."""
    with translation.override(run.language):
        context = report_context(run)
        html = keep_compounds_whole(
            keep_references_whole(
                render_to_string("reporting/report_document.html", context),
                decision_references(run.figures),
            )
        )
        stem = file_stem(run)
    yield "html_file", (f"{stem}.html", html.encode("utf-8"))
    with translation.override(run.language):
        pdf = render_pdf(html, context["doc"])
    yield "pdf_file", (f"{stem}.pdf", pdf)
    with translation.override(run.language):
        xlsx = stamp_xlsx(
            render_xlsx(run.figures, context["doc"]), context["doc"]["stamp"]
        )
    yield "xlsx_file", (f"{stem}.xlsx", xlsx)
    with translation.override(run.language):
        docx = stamp_docx(render_docx(context["doc"]), context["doc"]["stamp"])
    yield "docx_file", (f"{stem}.docx", docx)


def render_report(run) -> dict[str, tuple[str, bytes]]:
    return dict(render_report_files(run))
