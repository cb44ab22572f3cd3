"""Files fit for publication (issue 16, item 5): a tagged PDF/UA in the
report's language with bookmarks and whole decision references; a DOCX in
A4 with Dutch proofing, real headings, lists and contents; an XLSX with
numbers and dates as such."""

import datetime
import io
import os
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject
from weasyprint import HTML

from config.money import format_euro
from reporting.formatting import dutch_number, euro, percentage
from reporting.rendering.publication import (
    decision_references,
    keep_references_whole,
    language_tag,
)
from reporting.services import report_run_generate, report_run_request
from tests.reporting.pdfua import pdfua_problems

pytestmark = pytest.mark.django_db


def _run(data, language="nl"):
    run, _ = report_run_request(
        province=data.province, year=2016, language=language, queue=False
    )
    return report_run_generate(run_id=run.pk)


def _read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(("language", "lang"), [("nl", "nl-NL"), ("en", "en-GB")])
def test_the_pdf_is_tagged_pdfua_in_the_reports_language(data, language, lang):
    run = _run(data, language=language)
    content = _read(run.pdf_file)
    assert pdfua_problems(content, lang) == []
    reader = PdfReader(io.BytesIO(content))
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    expected = "Financiën" if language == "nl" else "Finance"
    assert "5.4.2 Bevorderen van export" in titles
    assert expected in titles
    html = _read(run.html_file).decode()
    assert f'<html lang="{lang}">' in html


def test_pdfinfo_says_tagged(data):
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        # make test installs it; CI must not pass without the check.
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("pdfinfo (poppler-utils) is missing in CI")
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    content = _read(_run(data).pdf_file)
    out = subprocess.run(
        [pdfinfo, "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    assert re.search(r"Tagged:\s+yes", out)
    assert re.search(r"Title:\s+Voortgangsrapportage 2016", out)


def test_the_checks_find_an_untagged_pdf():
    """The check above can fail: a plain WeasyPrint PDF does."""
    content = HTML(string="<html><h1>Kop</h1><p>Tekst</p>").write_pdf()
    problems = pdfua_problems(content, "nl-NL")
    assert "not marked as tagged (/MarkInfo /Marked)" in problems
    assert "no structure tree" in problems
    assert "page 1: 2 pieces of text are not tagged" in problems


def test_the_checks_find_untagged_text_in_a_tagged_pdf():
    """A PDF/UA file with one line of text drawn outside the structure (as
    a page decoration added afterwards would be) fails, and only on that."""
    tagged = HTML(
        string="<html lang='nl-NL'><title>Kop</title><h1>Kop</h1><p>Tekst</p>"
    ).write_pdf(pdf_variant="pdf/ua-1")
    assert pdfua_problems(tagged, "nl-NL", roles=("/H1", "/P")) == []
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(tagged)))
    page = writer.pages[0]
    font = next(iter(page["/Resources"]["/Font"]))
    extra = DecodedStreamObject()
    extra.set_data(f"BT {font} 12 Tf 72 72 Td (CONCEPT) Tj ET".encode())
    contents = page.get_contents()
    contents.set_data(contents.get_data() + b"\n" + extra.get_data())
    page.replace_contents(contents)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert pdfua_problems(buffer.getvalue(), "nl-NL", roles=("/H1", "/P")) == [
        "page 1: 1 pieces of text are not tagged"
    ]


def test_the_decision_reference_is_found_whole_in_the_pdf(data):
    run = _run(data)
    reader = PdfReader(io.BytesIO(_read(run.pdf_file)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "(PS/2016/871)" in text
    assert (
        '<span class="report-ref">PS/2016/871</span>' in _read(run.html_file).decode()
    )


def _narrow_pdf_text(html_body: str) -> str:
    css = render_to_string("reporting/_report_print_publication.css")
    html = (
        f"<html lang='nl-NL'><head><style>{css}"
        "p { width: 3.2cm; font: 10pt 'DejaVu Sans'; }</style></head>"
        f"<body><p>{html_body}</p></body></html>"
    )
    content = HTML(string=html).write_pdf()
    return PdfReader(io.BytesIO(content)).pages[0].extract_text()


def test_a_reference_at_the_end_of_a_line_does_not_break_at_a_slash():
    sentence = "Zie het besluit van Provinciale Staten PS/2016/871 van november."
    # Without the span the line breaks inside the reference...
    assert "PS/2016/871" not in _narrow_pdf_text(sentence)
    # ...with it the reference stays whole.
    kept = keep_references_whole(f"<body>{sentence}</body>", ["PS/2016/871"])
    assert "PS/2016/871" in _narrow_pdf_text(kept.removeprefix("<body>")[:-7])


def test_references_are_taken_from_the_figures_and_wrapped_in_text_only():
    figures = {
        "mutations": [{"decision_reference": "PS/2016/871"}],
        "prestaties": [
            {"investment_decisions": [{"reference": "kenmerk 45/5.8/2020002069"}]}
        ],
        "other": {"reference": ""},
    }
    references = decision_references(figures)
    assert references == ["kenmerk 45/5.8/2020002069", "PS/2016/871"]
    html = (
        '<head><title>PS/2016/871</title></head><body><a href="#PS/2016/871" '
        'title="PS/2016/871">PS/2016/871 &amp; kenmerk 45/5.8/2020002069</a></body>'
    )
    wrapped = keep_references_whole(html, references)
    assert wrapped == (
        '<head><title>PS/2016/871</title></head><body><a href="#PS/2016/871" '
        'title="PS/2016/871"><span class="report-ref">PS/2016/871</span> &amp; '
        '<span class="report-ref">kenmerk 45/5.8/2020002069</span></a></body>'
    )
    assert language_tag("nl") == "nl-NL"
    assert language_tag("en") == "en-GB"


# --- DOCX ----------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(data, language="nl"):
    content = _read(_run(data, language=language).docx_file)
    return Document(io.BytesIO(content))


@pytest.mark.parametrize(("language", "lang"), [("nl", "nl-NL"), ("en", "en-GB")])
def test_the_docx_is_a4_in_the_reports_proofing_language(data, language, lang):
    document = _docx(data, language)
    for section in document.sections:
        assert (section.page_width.mm, section.page_height.mm) == pytest.approx(
            (210, 297), abs=0.5
        )
    styles = document.styles.element
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default.get(f"{W}val") == lang
    normal = document.styles["Normal"].element.rPr.find(f"{W}lang")
    assert normal.get(f"{W}val") == lang
    assert document.core_properties.language == lang


def test_the_docx_headings_are_word_headings(data):
    document = _docx(data)
    style_of = {p.text: p.style.name for p in document.paragraphs}
    assert style_of["Kerncijfers"] == "Heading 1"
    assert style_of["5.4.2 Bevorderen van export"] == "Heading 1"
    for heading in ("Acties", "Toelichting op voortgang", "Financiën"):
        assert style_of[heading] == "Heading 2", heading
    assert style_of["Actie 1"] == "Heading 3"


def test_the_docx_actions_are_a_numbered_word_list(data):
    document = _docx(data)
    action = data.action.text.splitlines()[0]
    paragraph = next(p for p in document.paragraphs if p.text.startswith(action))
    assert paragraph.style.name == "List Number"
    num_pr = paragraph._p.pPr.numPr
    assert num_pr is not None and num_pr.numId is not None
    # Its numbering starts at the action's number.
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(num_pr.numId.val)
    start = num.find(f"{W}lvlOverride/{W}startOverride")
    assert int(start.get(f"{W}val")) == data.action.number
    # No number typed in the text.
    assert not re.match(r"\d+\.", paragraph.text)
    # Bullets (targets, missions) are real list paragraphs too.
    bullets = [p for p in document.paragraphs if p.style.name.startswith("List ")]
    assert bullets and all(p._p.pPr.numPr is not None for p in bullets)


def test_the_docx_contents_are_filled_and_link_to_the_headings(data):
    document = _docx(data)
    body = document.element.body
    bookmarks = {
        b.get(f"{W}name"): b.getparent() for b in body.iter(f"{W}bookmarkStart")
    }
    entries = [
        (
            p.get_or_add_pPr().find(f"{W}pStyle").get(f"{W}val"),
            "".join(t.text for t in link.iter(f"{W}t")),
            link.get(f"{W}anchor"),
        )
        for p in body.iter(f"{W}p")
        for link in p.findall(f"{W}hyperlink")
    ]
    texts = [text for _style, text, _anchor in entries]
    assert texts[:2] == ["Kerncijfers", "5.4.2 Bevorderen van export"]
    assert "Financiën" in texts and "Deelname" in texts
    for style, text, anchor in entries:
        heading = bookmarks[anchor]
        assert "".join(t.text for t in heading.iter(f"{W}t")) == text
        level = heading.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
        assert level == f"Heading{style.removeprefix('TOC')}"
    # The entries are the result of a TOC field, which Word can update.
    instructions = " ".join(i.text for i in body.iter(f"{W}instrText"))
    assert 'TOC \\o "1-2"' in instructions
    assert "Update field" not in " ".join(p.text for p in document.paragraphs)


# --- XLSX and the English report ----------------------------------------


def _workbook(data, language="nl"):
    return load_workbook(io.BytesIO(_read(_run(data, language=language).xlsx_file)))


def test_the_xlsx_stores_numbers_as_numbers_and_dates_as_dates(data):
    workbook = _workbook(data)
    summary = {row[0].value: row[1] for row in workbook["Samenvatting"].iter_rows()}
    printed = summary["Afgedrukt op"]
    assert printed.is_date and printed.number_format == "dd-mm-yyyy"
    participants = summary["Deelnemers"]
    assert participants.data_type == "n" and participants.value == 52
    share = summary["Deelnemers uit de eigen provincie"]
    assert share.data_type == "n" and share.number_format == "0.0%"
    assert 0 < share.value <= 1
    turnover = summary["Gerealiseerde exportomzet"]
    assert turnover.data_type == "n" and turnover.number_format.startswith('"€"')

    missions = workbook["Missies"]
    start = missions["H2"]
    assert start.is_date and start.number_format == "dd-mm-yyyy"
    assert start.value.date() == datetime.date(2016, 3, 10)
    assert missions["J2"].data_type == "n"

    amount = workbook["Reservemutaties"]["D2"]
    assert amount.data_type == "n" and amount.value == 234000
    assert amount.number_format == '"€" #,##0'
    budget = workbook["Begroting"]
    for cell in budget[2][2:]:
        assert cell.value is None or cell.data_type == "n"
    for row in workbook["Indicatoren"].iter_rows(min_row=2):
        target, realised = row[4], row[5]
        assert target.value is None or target.data_type == "n"
        assert realised.value is None or realised.data_type == "n"


def test_money_and_percentages_follow_the_report_language():
    with translation.override("en"):
        assert euro("1250") == "€ 1,250"
        assert euro("1234.5") == "€ 1,234.50"
        assert dutch_number(1234567) == "1,234,567"
        assert percentage("12.5") == "12.5%"
    with translation.override("nl"):
        assert euro("1250") == "€ 1.250"
        assert euro("1234.5") == "€ 1.234,50"
        assert percentage("12.5") == "12,5%"
    # The portal's pages keep the Dutch format in both languages.
    assert format_euro(Decimal("1234.5")) == "€ 1.234,50"
    assert format_euro(Decimal("1234.5"), language="en") == "€ 1,234.50"


def test_the_english_report_writes_english_numbers_and_english(data):
    run = _run(data, language="en")
    reader = PdfReader(io.BytesIO(_read(run.pdf_file)))
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    assert "€ 234,000" in text
    assert "€ 234.000" not in text
    assert "The Provincial Council decided to withdraw € 50,000" in text
    assert "Your States" not in text
    assert re.search(r"Participants from the own province \d+\.\d%", text)
    document = Document(io.BytesIO(_read(run.docx_file)))
    words = "\n".join(p.text for p in document.paragraphs)
    assert "€ 234,000" in words and "Your States" not in words
    dutch = _flat(
        " ".join(
            p.extract_text()
            for p in PdfReader(io.BytesIO(_read(_run(data).pdf_file))).pages
        )
    )
    assert "Uw Staten hebben besloten om € 50.000 te onttrekken" in dutch
