"""What makes the PDF and the DOCX cheaper to make (issue 16, bench scale
10): the lean user-agent stylesheet, the remembered page references, the
garbage collected at two moments only, fixed table columns; the DOCX's style
names read once. The files must stay what they were: tagged PDF/UA, lists
with their markers, every cell's text, the same Word styles."""

import gc
import re
from importlib.resources import files

import pydyf
import pytest
import weasyprint.html
from django.template.loader import render_to_string
from django.utils import translation
from docx import Document

from reporting.rendering import report_context
from reporting.rendering.docx import _paragraph_style_names
from reporting.rendering.pdf import (
    ReportHTML,
    lean_user_agent_css,
    render_pdf,
    report_ua_stylesheet,
)
from reporting.services import report_run_generate, report_run_request
from tests.reporting.formats import pdf_text
from tests.reporting.pdfua import pdfua_problems

DOC = {
    "title": "Voortgangsrapportage 2016",
    "province": "Provincie Overijssel",
    "language": "nl",
    "printed_iso": "2016-12-01",
}

HTML_DOC = """<!doctype html><html lang="nl-NL"><head><meta charset="utf-8">
<title>Voortgangsrapportage 2016</title>
<style>html { font-family: "DejaVu Sans"; }</style></head><body>
<h1>Voortgangsrapportage 2016</h1>
<h2>5.4.2 Bevorderen van export</h2>
<p>Wij faciliteren handelsmissies.</p>
<ol><li>Missies</li><li>Beurzen</li></ol>
<ul><li>Missie naar Turkije</li></ul>
<table><thead>
<tr><th scope="col">Jaar</th><th scope="col">Gerealiseerd</th></tr></thead>
<tbody><tr><th scope="row">2016</th><td>4</td></tr></tbody></table>
</body></html>"""


def test_the_lean_stylesheet_drops_only_the_rules_for_every_element():
    """Six rules of WeasyPrint's user-agent stylesheet give every element a
    pseudo-element; the lean one keeps markers for list items and nothing
    else changes. A WeasyPrint that writes them otherwise fails here."""
    source = (files("weasyprint") / "css" / "html5_ua.css").read_text("utf-8")
    lean, changed = lean_user_agent_css(source)
    assert changed == 6
    assert not re.search(r"^::", lean, re.MULTILINE)
    assert "li::marker, summary::marker {" in lean
    removed = set(source.splitlines()) - set(lean.splitlines())
    assert all(line.startswith("::") for line in removed), removed
    added = set(lean.splitlines()) - set(source.splitlines())
    assert [line.split("{")[0] for line in added] == ["li::marker, summary::marker "]


def test_the_report_is_rendered_with_the_lean_stylesheet():
    sheets = ReportHTML(string=HTML_DOC)._ua_stylesheets()
    assert report_ua_stylesheet() in sheets
    assert weasyprint.html.UA_STYLESHEET not in sheets


def test_the_pdf_keeps_its_list_markers_and_its_tags():
    content = render_pdf(HTML_DOC, DOC)
    text = pdf_text(content)
    assert "1. Missies 2. Beurzen" in text
    assert "• Missie naar Turkije" in text
    assert "Jaar Gerealiseerd 2016 4" in text
    assert pdfua_problems(content, "nl-NL") == []


def test_the_page_references_are_pydyfs_and_made_once_per_page_count():
    pdf = pydyf.PDF()
    made = []
    for _ in range(3):
        page = pydyf.Dictionary({"Type": "/Page"})
        pdf.add_page(page)
        made.append(f"{page.number} 0 R".encode())
        assert pdf.page_references == tuple(made)
    # Asked again without a new page: the same tuple, not a new one.
    assert pdf.page_references is pdf.page_references


@pytest.mark.parametrize("enabled", [True, False])
def test_rendering_leaves_the_automatic_garbage_collection_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        render_pdf(HTML_DOC, DOC)
        assert gc.isenabled() is enabled
        # Also when rendering fails half way.
        with pytest.raises(KeyError):
            render_pdf(HTML_DOC, {})
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.django_db
def test_every_report_table_has_its_columns_fixed_with_room_left(data):
    """The tables of the print HTML lay out with fixed columns (but the two
    small ones that keep measuring): a <col> per column, and the widths
    given leave at least a fifth of the page to each column without one."""
    run, _ = report_run_request(province=data.province, year=2016, queue=False)
    run = report_run_generate(run_id=run.pk)
    with translation.override(run.language):
        html = render_to_string("reporting/report_document.html", report_context(run))
    widths = {
        (table, column): float(width)
        for table, column, width in re.findall(
            r"(?:\.(report-[a-z]+) )?\.(report-col-[a-z]+) \{ width: ([\d.]+)%; \}",
            html,
        )
    }
    tables = re.findall(r'<table class="([^"]+)">(.*?)</table>', html, re.S)
    assert len(tables) > 5
    for classes, body in tables:
        kinds = set(classes.split())
        if kinds & {"report-key-figures", "report-support"}:
            assert "<colgroup>" not in body
            continue
        columns = re.findall(r'<col(?: class="([^"]+)")?>', body)
        first_row = re.search(r"<tr>(.*?)</tr>", body, re.S).group(1)
        cells = re.findall(r"<t[hd][ >]", first_row)
        if not columns:
            # Equal columns (the budget): nothing to add up.
            assert "report-budget" in kinds
            continue
        assert len(columns) == len(cells), classes
        given = [_width(widths, kinds, column) for column in columns if column]
        free = len(columns) - len(given)
        assert free and sum(given) <= 100 - 20 * free, (classes, given)


def _width(widths: dict, kinds: set, column: str) -> float:
    """A <col>'s width: the table's own rule before the general one."""
    for kind in kinds:
        if (kind, column) in widths:
            return widths[kind, column]
    return widths["", column]


def test_the_docx_style_names_are_python_docxs():
    document = Document()
    document.add_heading("Kerncijfers", level=1)
    document.add_paragraph("Tekst")
    document.add_paragraph("Punt", style="List Bullet")
    document.add_paragraph("Nummer", style="List Number")
    unknown = document.add_paragraph("Onbekend")
    unknown._p.style = "GeenStijl"
    style_name = _paragraph_style_names(document)
    names = [style_name(p) for p in document.paragraphs]
    assert names == [p.style.name for p in document.paragraphs]
    assert names == ["Heading 1", "Normal", "List Bullet", "List Number", "Normal"]
