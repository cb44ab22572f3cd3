"""The draft watermark and version line of a report (issue 16, item 6).

Until a civil servant marks a run as adopted by Gedeputeerde Staten, every
format says so: "CONCEPT" across every page of the HTML and PDF, in the
header of every DOCX page and in the header of every XLSX sheet. The title
page names the version and, once adopted, the date of the GS decision.
Call inside ``translation.override(run.language)``.
"""

from __future__ import annotations

import io

from django.utils import formats
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor
from openpyxl import load_workbook


def run_stamp(run) -> dict:
    """What the document says about its own state: draft or adopted, and
    which version of the report it is."""
    version = _("Version %(version)s") % {"version": run.version}
    if run.is_adopted:
        adopted = _("Adopted by Gedeputeerde Staten on %(date)s") % {
            "date": formats.date_format(run.adopted_on, "j F Y")
        }
        if run.adopted_reference:
            adopted = f"{adopted} ({run.adopted_reference})"
        return {
            "concept": False,
            "watermark": "",
            "version": version,
            "state_line": f"{adopted}. {version}.",
        }
    return {
        "concept": True,
        # Dutch: "CONCEPT".
        "watermark": _("DRAFT"),
        "version": version,
        "state_line": _("Draft: not yet adopted by Gedeputeerde Staten. %(version)s.")
        % {"version": version},
    }


def stamp_docx(content: bytes, stamp: dict) -> bytes:
    """The watermark in the header of every section, the state under the
    title; an adopted report gets only the state line."""
    document = Document(io.BytesIO(content))
    for section in document.sections:
        if not stamp["concept"]:
            break
        header = section.header
        paragraph = header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(stamp["watermark"])
        run.bold = True
        run.font.size = Pt(28)
        run.font.color.rgb = RGBColor(0xC0, 0x30, 0x30)
    body = document.paragraphs
    # After the title, province and scope of the title page.
    anchor = body[min(3, len(body) - 1)] if body else document.add_paragraph()
    anchor.insert_paragraph_before(stamp["state_line"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def stamp_xlsx(content: bytes, stamp: dict) -> bytes:
    """The watermark in the printed header of every sheet and the state in
    the workbook's properties."""
    workbook = load_workbook(io.BytesIO(content))
    # "&" starts a control code in a header or footer.
    state_line = stamp["state_line"].replace("&", "&&")
    for sheet in workbook.worksheets:
        if stamp["concept"]:
            sheet.oddHeader.center.text = stamp["watermark"]
            sheet.evenHeader.center.text = stamp["watermark"]
            sheet.firstHeader.center.text = stamp["watermark"]
        sheet.oddFooter.left.text = state_line
    workbook.properties.subject = stamp["state_line"]
    if stamp["concept"]:
        workbook.properties.keywords = stamp["watermark"]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
