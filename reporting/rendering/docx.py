"""The DOCX version, for civil servants to edit before it goes to the
Staten: the same document as the PDF.

Fit for publication (issue 16, item 5): A4 pages; Dutch (nl-NL) or British
English proofing as the document default; headings in Word's own Heading
styles; actions as a real numbered list and targets and missions as real
bulleted lists (numbering properties on each paragraph, so that Word and
LibreOffice show them as lists and a screen reader announces them).

The table of contents is a TOC field whose result is already filled in:
one line per heading of level 1 and 2, each an internal link to a bookmark
on its heading. python-docx cannot lay out pages, so those lines carry no
page numbers; Word adds them when the field is updated (right-click, Update
field, or F9), and then rewrites the field from the same headings. We do not
ask Word to update fields on opening: it would ask every reader a question
about fields first."""

from __future__ import annotations

import datetime
import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from . import docx_content
from .publication import language_tag

TOC_LEVELS = 2


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


def _set_language(document, tag: str) -> None:
    """The proofing language of the whole document: the default run
    properties and the Normal style (every other style is based on it)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_default = defaults.find(qn("w:rPrDefault"))
    for rpr in (
        run_default.find(qn("w:rPr")),
        document.styles["Normal"].element.get_or_add_rPr(),
    ):
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)


def _a4(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.4)


def _num_pr(paragraph, num_id: int, level: int = 0) -> None:
    """Numbering properties on the paragraph itself (not only its style)."""
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def _style_num_id(document, style_name: str) -> int:
    return document.styles[style_name].element.pPr.numPr.numId.val


class _Lists:
    """Word lists of the document. Bullets get their style's numbering on
    the paragraph itself; every run of numbered actions gets a numbering of
    its own that starts at its first action's number (actions 1-5, or 3
    alone)."""

    BULLETS = ("List Bullet", "List Bullet 2")

    def __init__(self, document):
        self.document = document
        self.numbering = document.part.numbering_part.element
        number_id = _style_num_id(document, "List Number")
        self.abstract_number = self.numbering.num_having_numId(
            number_id
        ).abstractNumId.val
        self.restart()

    def restart(self) -> None:
        """The next numbered item begins a new list."""
        self._next = self._num_id = None

    def numbered(self, number: int, text: str):
        """A paragraph of a numbered list showing `number`; a gap in the
        numbers starts a new list that starts at `number`."""
        if number != getattr(self, "_next", None):
            num = self.numbering.add_num(self.abstract_number)
            num.add_lvlOverride(ilvl=0).add_startOverride(number)
            self._num_id = num.numId
        paragraph = self.document.add_paragraph(text, style="List Number")
        _num_pr(paragraph, self._num_id)
        self._next = number + 1
        return paragraph

    def mark_bullets(self) -> None:
        ids = {name: _style_num_id(self.document, name) for name in self.BULLETS}
        style_name = _paragraph_style_names(self.document)
        for paragraph in self.document.paragraphs:
            name = style_name(paragraph)
            if name in ids and paragraph._p.pPr.numPr is None:
                _num_pr(paragraph, ids[name])


def _paragraph_style_names(document):
    """A function giving a paragraph's style name, as ``paragraph.style.name``
    does. python-docx looks for the default paragraph style among all styles
    at every ``paragraph.style``: reading the 2,400 paragraphs of the largest
    report (bench scale 10) twice that way took almost half of its time."""
    names = {
        style.style_id: style.name
        for style in document.styles
        if style.type == WD_STYLE_TYPE.PARAGRAPH
    }
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = default.name if default is not None else ""

    def style_name(paragraph) -> str:
        return names.get(paragraph._p.style, default_name)

    return style_name


def _bookmark_headings(document) -> list[tuple[int, str, str]]:
    """A bookmark on every heading of level 1 to TOC_LEVELS, for the table
    of contents to link to: ``[(level, text, bookmark)]``."""
    levels = {f"Heading {n}": n for n in range(1, TOC_LEVELS + 1)}
    style_name = _paragraph_style_names(document)
    entries = []
    for paragraph in document.paragraphs:
        level = levels.get(style_name(paragraph))
        if level is None or not paragraph.text.strip():
            continue
        number = str(len(entries) + 1)
        name = f"_Toc{len(entries) + 1:06d}"
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), number)
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), number)
        paragraph._p.pPr.addnext(start)
        paragraph._p.append(end)
        entries.append((level, paragraph.text, name))
    return entries


def _toc_styles(document) -> None:
    for level in range(1, TOC_LEVELS + 1):
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), f"TOC{level}")
        style.base_style = document.styles["Normal"]
        style.paragraph_format.left_indent = Cm(0.5 * (level - 1))
        style.paragraph_format.space_after = Pt(3)


def _fld_char(kind: str):
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _fill_contents(placeholder, entries) -> None:
    """Replace `placeholder` (an empty paragraph) by a TOC field whose result
    is one linked line per heading."""
    paragraphs = []
    for level, text, bookmark in entries:
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), f"TOC{level}")
        ppr.append(style)
        p.append(ppr)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), bookmark)
        link.set(qn("w:history"), "1")
        run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run.append(t)
        link.append(run)
        p.append(link)
        paragraphs.append(p)
    if not paragraphs:
        return
    begin = OxmlElement("w:r")
    begin.append(_fld_char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f' TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u '
    begin.append(code)
    begin.append(_fld_char("separate"))
    first_ppr = paragraphs[0].find(qn("w:pPr"))
    first_ppr.addnext(begin)
    end = OxmlElement("w:r")
    end.append(_fld_char("end"))
    paragraphs[-1].append(end)
    anchor = placeholder._p
    for p in paragraphs:
        anchor.addnext(p)
        anchor = p
    placeholder._p.getparent().remove(placeholder._p)


def render_docx(doc: dict) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10)
    tag = language_tag(doc["language"])
    _a4(document)
    _set_language(document, tag)
    _toc_styles(document)
    lists = _Lists(document)
    props = document.core_properties
    props.title = f"{doc['title']} · {doc['province']}"
    props.author = doc["province"]
    props.language = tag
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

    document.add_paragraph(_("Table of contents"), style="TOC Heading")
    contents = document.add_paragraph()
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
            lists.restart()
        for a in p["actions"]:
            lists.numbered(a["number"], a["text"])
            for target in a["targets"]:
                document.add_paragraph(target, style="List Bullet 2")
            docx_content.add_action_status(document, a)
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
            docx_content.add_history(document, pr, _table)
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
    docx_content.add_support(document, doc, _table)
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
    docx_content.add_funnel(document, doc, _table)
    lists.mark_bullets()
    _fill_contents(contents, _bookmark_headings(document))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
