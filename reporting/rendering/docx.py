"""The DOCX version, for civil servants to edit before it goes to the
Staten: the same document as the PDF, with a contents field and page numbers
that Word fills in."""

from __future__ import annotations

import datetime
import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from . import docx_content


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (TOC, PAGE, NUMPAGES), updated when the file is opened."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    text = OxmlElement("w:t")
    text.text = placeholder
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, text, end):
        run._r.append(element)


def _table(document, headers, rows, header_row=True):
    table = document.add_table(rows=0, cols=len(headers or rows[0]))
    table.style = "Table Grid"
    if header_row and headers:
        cells = table.add_row().cells
        for cell, header in zip(cells, headers, strict=True):
            cell.text = str(header)
            for run in cell.paragraphs[0].runs:
                run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    return table


def render_docx(doc: dict) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10)
    props = document.core_properties
    props.title = f"{doc['title']} · {doc['province']}"
    props.author = doc["province"]
    props.language = doc["language"]
    printed = datetime.datetime.fromisoformat(doc["printed_iso"])
    props.created = props.modified = printed

    footer = document.sections[0].footer.paragraphs[0]
    footer.text = f"{doc['province']} · {doc['title']} · {_('Page')} "
    _field(footer, "PAGE", "1")
    footer.add_run(f" {_('of')} ")
    _field(footer, "NUMPAGES", "1")

    document.add_heading(doc["title"], level=0)
    document.add_paragraph(doc["province"]).runs[0].bold = True
    document.add_paragraph(doc["scope"])
    document.add_paragraph(doc["printed_label"])
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    document.add_heading(_("Table of contents"), level=1)
    _field(
        document.add_paragraph(),
        'TOC \\o "1-2" \\h \\z \\u',
        _("Right-click and choose Update field to show the contents."),
    )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    document.add_heading(_("Key figures"), level=1)
    if doc.get("has_missions", True):
        _table(document, None, doc["key_figures"], header_row=False)
    else:
        document.add_paragraph(_("No missions were realised in this year."))

    for p in doc["prestaties"]:
        document.add_page_break()
        docx_content.add_programme_heading(document, p)
        document.add_heading(p["heading"], level=1)
        if p["purpose"]:
            document.add_paragraph(p["purpose"])
        if p["context"]:
            document.add_heading(_("Context"), level=2)
            document.add_paragraph(p["context"])
        docx_content.add_intended_results(document, p)
        if p["actions"]:
            document.add_heading(_("Actions"), level=2)
        for a in p["actions"]:
            document.add_paragraph(f"{a['number']}. {a['text']}")
            for target in a["targets"]:
                document.add_paragraph(target, style="List Bullet")
        if p["progress"]:
            document.add_heading(_("Progress"), level=2)
        for pr in p["progress"]:
            document.add_heading(
                _("Action %(number)s") % {"number": pr["number"]}, level=3
            )
            docx_content.add_notes(document, pr)
            for block in pr["mission_blocks"]:
                document.add_paragraph(block["intro"])
                for line in block["lines"]:
                    document.add_paragraph(line, style="List Bullet")
            for sentence in (pr["participants"], pr["results"]):
                if sentence:
                    document.add_paragraph(sentence)
            if pr["highlights"]:
                document.add_paragraph().add_run(_("Highlights")).bold = True
                for line in pr["highlights"]:
                    document.add_paragraph(line, style="List Bullet")
        if p["indicators"]:
            _table(
                document,
                [_("Action"), _("Indicator"), _("Target"), _("Realised"), _("Status")],
                [
                    (
                        i["action"],
                        i["name"],
                        i["target"],
                        i["realised"],
                        i["status_label"],
                    )
                    for i in p["indicators"]
                ],
            )
        document.add_heading(_("Finance"), level=2)
        docx_content.add_finance(document, p, _table)
        if p["budget"]:
            b = p["budget"]
            _table(
                document,
                [_("Budgeted"), _("After amendments"), _("Realised"), _("Remaining")],
                [(b["planned"], b["current"], b["realised"], b["remaining"])],
            )
        document.add_heading(_("Basic information"), level=2)
        _table(document, None, p["basic"], header_row=False)

    docx_content.add_programmes(document, doc, _table)
    document.add_page_break()
    document.add_heading(_("Realised missions"), level=1)
    if doc["missions"]:
        _table(
            document,
            [_("Mission"), _("Start date"), _("Participants"), _("Organisations")],
            [
                (m["line"], m["dates"], m["participants"], m["organisations"])
                for m in doc["missions"]
            ],
        )
    else:
        document.add_paragraph(_("No missions were realised in this year."))
    document.add_heading(_("Participation"), level=1)
    for table in doc["spread"] if doc.get("has_missions", True) else []:
        document.add_heading(table["title"], level=2)
        _table(
            document,
            [table["title"], _("Missions"), _("Participants"), _("Organisations")],
            table["rows"],
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
