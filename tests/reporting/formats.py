"""The text of each format of a report, as a reader finds it: pdftotext
(poppler) for the PDF, python-docx for the DOCX, openpyxl for the XLSX
(numbers shown with their number format: € 234.000, 10-03-2016). Each
returns one string with runs of whitespace as one space, so a sentence
broken over lines reads whole."""

from __future__ import annotations

import datetime
import io
import re
import shutil
import subprocess

from django.utils import translation
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from reporting.formatting import dutch_number, euro


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(content: bytes, watermark: str = "", layout: bool = False) -> str:
    """pdftotext's reading of the PDF: in reading order, or with `layout`
    as laid out (a table's row on one line). The draft watermark is drawn
    letter by letter diagonally across the page; pdftotext puts its letters
    on lines of their own, so lines holding only letters of it are left
    out."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext (poppler-utils) is needed: make test installs it"
    options = ["-layout"] if layout else []
    out = subprocess.run(
        [pdftotext, "-enc", "UTF-8", *options, "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    letters = set(watermark)

    def only_watermark(line: str) -> bool:
        marks = line.replace(" ", "")
        return bool(marks) and len(marks) <= 3 and set(marks) <= letters

    return flat(
        "\n".join(line for line in out.splitlines() if not only_watermark(line))
    )


def _docx_blocks(document):
    """Paragraphs and tables in the order of the body."""
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, document)
        elif child.tag.endswith("}tbl"):
            yield Table(child, document)


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = []
    for block in _docx_blocks(document):
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            for row in block.rows:
                seen = []
                for cell in row.cells:
                    # A merged cell is returned once per grid column.
                    if cell._tc not in seen:
                        seen.append(cell._tc)
                        parts.append(cell.text)
    return flat("\n".join(parts))


def _cell_text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    number_format = cell.number_format or ""
    if number_format.startswith('"€"'):
        return euro(value)
    if number_format == "General":
        # Years and numbers of actions: as typed, without grouping.
        return str(int(value)) if float(value).is_integer() else dutch_number(value)
    if number_format.endswith("%"):
        return f"{dutch_number(value * 100, 1)}%"
    return dutch_number(value)


def xlsx_text(content: bytes, language: str = "nl") -> str:
    """Every cell of every sheet, row by row, shown with its number format
    in the report's language."""
    workbook = load_workbook(io.BytesIO(content))
    parts = []
    with translation.override(language):
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows():
                parts.extend(_cell_text(cell) for cell in row)
    return flat("\n".join(p for p in parts if p))
