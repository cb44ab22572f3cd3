"""What the generated files say: the 2016 report of Overijssel."""

import io
import re
import zipfile

import pytest
from django.utils import translation
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from participants.models import ContactPerson
from reporting.formatting import dutch_number, euro, percentage
from reporting.rendering.document import mutation_sentence
from reporting.rendering.xlsx import safe_cell
from reporting.services import report_run_generate, report_run_request

pytestmark = pytest.mark.django_db

TURKEY = "Missie naar Turkije rondom het thema energie"
MATCH2MEDICA = "Missie naar Duitsland rondom het thema health (Match2Medica)"
HANNOVER = "Missie naar Duitsland rondom het thema HTSM (Hannover Messe)"
CHINA = (
    "Missie naar China (Liaoning) rondom de thema's EMT en HTSM, onder leiding "
    "van gedeputeerde Eddy van Hijum"
)
PARTICIPANTS = (
    "In totaal hebben 52 vertegenwoordigers van het regionale mkb en onderwijs "
    "aan deze missies deelgenomen."
)
WITHDRAWAL = (
    "Wij stellen u voor om € 234.000 te onttrekken aan de Reserve uitvoering "
    "Kwaliteit van Overijssel en dit bedrag toe te voegen aan de exploitatie "
    "2017 van prestatie 5.4.2."
)


def _run(data, language="nl", **kwargs):
    run, _ = report_run_request(
        province=data.province, year=2016, language=language, queue=False, **kwargs
    )
    return report_run_generate(run_id=run.pk)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pdf_text(run) -> str:
    with run.pdf_file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return _flat(" ".join(page.extract_text() for page in reader.pages)), reader


@pytest.fixture
def run(data):
    return _run(data)


def test_the_pdf_tells_the_2016_story_of_prestatie_542(run):
    text, reader = _pdf_text(run)
    for expected in (
        "Voortgangsrapportage 2016",
        "Provincie Overijssel",
        "Inhoudsopgave",
        "In 2016 zijn 4 uitgaande missies gerealiseerd:",
        TURKEY,
        MATCH2MEDICA,
        HANNOVER,
        CHINA,
        PARTICIPANTS,
        "Bouman Industries heeft twee vloeistofscheiders verkocht.",
        "De missies zijn goed bezocht.",
        WITHDRAWAL,
        "Uw Staten hebben besloten om € 50.000 te onttrekken",
        "Basisinformatie",
        "Verantwoordelijk portefeuillehouder Eddy van Hijum",
        "Rol provincie Wij vervullen de rol van faciliteerder.",
        "Looptijd prestatie Structureel",
        "Relatie met reserve Ja, Reserve uitvoering Kwaliteit van Overijssel",
        "#in – Overijssel innoveert en internationaliseert (PS/2016/871)",
        "Financiën",
        "Acties",
        "Toelichting op voortgang",
        "Behaald",
    ):
        assert expected in text, expected
    assert "Een notitie van een ander jaar" not in text
    # Title page without a footer, then numbered pages "Pagina n van N".
    pages = len(reader.pages)
    assert f"Pagina 2 van {pages}" in _flat(reader.pages[1].extract_text())
    assert "Pagina" not in reader.pages[0].extract_text()
    assert "Afgedrukt op" in _flat(reader.pages[0].extract_text())
    assert reader.metadata.title.startswith("Voortgangsrapportage 2016")


def test_the_table_of_contents_gives_page_numbers(run):
    text, reader = _pdf_text(run)
    contents = _flat(reader.pages[1].extract_text())
    assert re.search(r"5\.4\.2 Bevorderen van export\W*\d+", contents)


def test_the_english_report_uses_the_english_sentences(data):
    run = _run(data, language="en")
    text, _ = _pdf_text(run)
    assert "Progress report 2016" in text
    assert "In 2016, 4 outgoing missions were realised:" in text
    assert "Mission to Türkiye on the theme energy" in text
    assert (
        "We propose to withdraw € 234,000 from the Reserve uitvoering Kwaliteit "
        "van Overijssel and add this amount to the 2017 budget of prestatie 5.4.2."
    ) in text
    assert run.pdf_file.name.endswith("-en.pdf")


def test_the_docx_has_the_same_sentences_and_a_contents_field(run):
    with run.docx_file.open("rb") as handle:
        content = handle.read()
    document = Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    for expected in (
        "In 2016 zijn 4 uitgaande missies gerealiseerd:",
        TURKEY,
        PARTICIPANTS,
        WITHDRAWAL,
    ):
        assert expected in text
    tables = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Eddy van Hijum" in tables
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    assert "TOC \\o" in xml
    footer = zipfile.ZipFile(io.BytesIO(content)).read("word/footer1.xml").decode()
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_the_html_file_is_a_standalone_document(run):
    with run.html_file.open("rb") as handle:
        html = handle.read().decode()
    assert html.startswith("<!doctype html>")
    assert '<html lang="nl-NL">' in html
    assert WITHDRAWAL in _flat(html)
    assert "<script" not in html


def test_the_data_annex_has_the_tables_and_no_personal_data(run, data):
    with run.xlsx_file.open("rb") as handle:
        workbook = load_workbook(io.BytesIO(handle.read()))
    assert workbook.sheetnames == [
        "Samenvatting",
        "Tekst",
        "Status per actie",
        "Missies",
        "Naar land",
        "Naar thema",
        "Naar sector",
        "Naar mkb-klasse",
        "Naar soort organisatie",
        "Indicatoren",
        "Reservemutaties",
        "Begroting",
        "Reserves",
        "Acties door de jaren",
        "Effect van de missies",
        "Programma's",
        "Besluiten",
    ]
    missions = list(workbook["Missies"].values)
    assert len(missions) == 5
    assert missions[1][0] == TURKEY
    kinds = {
        row[0]: row[2] for row in list(workbook["Naar soort organisatie"].values)[1:]
    }
    assert kinds == {"Mkb": 44, "Onderwijs": 8}
    mutation = list(workbook["Reservemutaties"].values)[1]
    assert mutation[3] == 234000
    every_cell = " ".join(
        str(cell)
        for sheet in workbook.worksheets
        for row in sheet.values
        for cell in row
        if cell is not None
    )
    for contact in ContactPerson.objects.all():
        assert contact.name not in every_cell
        assert contact.email not in every_cell


def test_text_that_looks_like_a_formula_is_neutralised(data):
    data.missions[0].title = '=HYPERLINK("http://evil.example","klik")'
    data.missions[0].save()
    run = _run(data)
    with run.xlsx_file.open("rb") as handle:
        workbook = load_workbook(io.BytesIO(handle.read()))
    titles = [row[1] for row in list(workbook["Missies"].values)[1:]]
    assert '\'=HYPERLINK("http://evil.example","klik")' in titles
    for value in ("=1+1", "+31", "-2", "@SUM(A1)"):
        assert safe_cell(value) == "'" + value
    assert safe_cell(-2) == -2
    assert safe_cell("Gewoon") == "Gewoon"


def test_money_and_numbers_are_written_dutch_style():
    assert euro("234000.00") == "€ 234.000"
    assert euro("1234.5") == "€ 1.234,50"
    assert euro("-50000") == "€ -50.000"
    assert dutch_number(1234567) == "1.234.567"
    assert percentage("92.3") == "92,3%"


@pytest.mark.parametrize(
    ("status", "body", "kind", "expected"),
    [
        (
            "decided",
            "GS",
            "withdrawal",
            "Wij hebben besloten om € 109.000 te onttrekken",
        ),
        ("decided", "PS", "addition", "Uw Staten hebben besloten om € 109.000 uit"),
        (
            "proposed",
            "",
            "addition",
            "Wij stellen u voor om € 109.000 uit de exploitatie 2019",
        ),
    ],
)
def test_mutation_sentences_fit_whether_proposed_or_decided(
    status, body, kind, expected
):
    mutation = {
        "amount": "109000.00",
        "reserve": "Reserve uitvoering Kwaliteit van Overijssel",
        "budget_year": 2019,
        "prestatie_code": "5.4.2",
        "decision_reference": "GS/2018/1" if body else "",
        "decision_body": body,
        "status": status,
        "kind": kind,
    }
    with translation.override("nl"):
        assert mutation_sentence(mutation).startswith(expected)


def test_one_mission_reads_in_the_singular(data):
    for mission in data.missions[1:]:
        mission.status = "cancelled"
        mission.save()
    run = _run(data)
    text, _ = _pdf_text(run)
    assert "In 2016 is 1 uitgaande missie gerealiseerd:" in text
    assert "In totaal hebben 12 vertegenwoordigers van het regionale mkb" in text


def test_markup_in_a_prestatie_title_is_printed_as_text_in_every_file(data):
    hostile = "Export <script>hostile(1)</script> & <b>vet</b>"
    data.prestatie.title = hostile
    data.prestatie.save()
    run = _run(data)

    text, _ = _pdf_text(run)
    assert hostile in text

    with run.docx_file.open("rb") as handle:
        content = handle.read()
    document = Document(io.BytesIO(content))
    words = "\n".join(p.text for p in document.paragraphs) + " ".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )
    assert hostile in words
    # Word keeps it as escaped text, not as an element of its own.
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    assert "<script>" not in xml
    assert "&lt;script&gt;hostile(1)&lt;/script&gt;" in xml

    with run.html_file.open("rb") as handle:
        html = handle.read().decode()
    assert "<script" not in html
    assert "&lt;script&gt;hostile(1)&lt;/script&gt;" in html
