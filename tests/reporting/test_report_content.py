"""The report carries every part of the P&C page (issue 16, items 1-3, 7):
read from the generated HTML and DOCX of the demo's seed provinces."""

import io
import re
from html import unescape

import pytest
from django.core.management import call_command
from docx import Document

from programmes.models import Prestatie, ProgressNote, ReserveMutation
from provinces.models import Province
from reporting.rendering.sections import text_blocks
from reporting.services import report_run_generate, report_run_request

pytestmark = pytest.mark.django_db

UTRECHT_RESULTS = [
    "Begin 2020 is het beleidsplan voor het brede MKB vastgesteld door "
    "Provinciale Staten.",
    "Een aantal lopende pilots (denk o.a. aan opvolging (familie)bedrijven en "
    "vroege fase signalering (MKBDoorgaan!)) zijn geëvalueerd en worden (op "
    "basis van uitkomst evaluatie) structureel opgenomen in het provinciale "
    "beleid.",
    "De Smart Industry Hub (samenwerking met provincies Noord-Holland en "
    "Flevoland) is operationeel.",
    "De dienstverlening richting het brede MKB is verbeterd.",
    "Clusterversterking op bedrijventerreinen en een integrale aanpak van "
    "verschillende opgaven die in dit gebied spelen (de provincie ondersteunt "
    "actief de pilot voor dit type samenwerking op de Lage Weide).",
]


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def _generate(code, year, language="nl"):
    province = Province.objects.get(code=code)
    run, _ = report_run_request(
        province=province, year=year, language=language, queue=False
    )
    return report_run_generate(run_id=run.pk)


def _html(run) -> str:
    with run.html_file.open("rb") as handle:
        return handle.read().decode()


def _text(html: str) -> str:
    body = html.split("<main>", 1)[1]
    # Inline elements (a decision reference kept whole, a link) are part of
    # the sentence; block elements separate texts.
    body = re.sub(r"</?(span|a|strong|em)\b[^>]*>", "", body)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


def _docx(run) -> str:
    with run.docx_file.open("rb") as handle:
        document = Document(io.BytesIO(handle.read()))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return re.sub(r"\s+", " ", " ".join(paragraphs + cells))


def test_utrecht_2020_prints_its_programme_heading_and_five_intended_results(demo):
    run = _generate("UT", 2020)
    html, docx = _html(run), _docx(run)
    text = _text(html)
    for found in (text, docx):
        assert "Programma 4a. Economie" in found
        assert "Beoogd resultaat 2020" in found
        for result in UTRECHT_RESULTS:
            assert result in found, result
        assert "Deze prestatie heeft geen acties." not in found
    # The kenmerken of the seed print as a list, not as dashes.
    assert (
        "<li>Het bieden van ondersteuning bij uitdagingen om het bedrijf verder "
        "toekomstbestendig te maken.</li>"
    ) in html
    assert html.count('class="report-intended-results"') == 1


def test_limburg_2018_prints_the_mkb_aanpak_with_its_amount_and_decision(demo):
    run = _generate("LI", 2018)
    text, docx = _text(_html(run)), _docx(run)
    for found in (text, docx):
        assert "MKB-aanpak Zuid-Limburg" in found
        assert (
            "Provinciale Staten hebben € 600.000 toegekend aan MKB-aanpak Zuid-Limburg."
        ) in found
        assert "Gezamenlijke MKB-aanpak Zuid-Limburg (juni 2018)" in found
        assert "Ondernemend Limburg" in found
        assert "Er zijn geen prestaties voor dit jaar en deze omvang" not in found
        # No tables of zeros for a year without missions: a sentence.
        assert "geen missies gerealiseerd" in found
        assert "Exportomzet" not in found and "Kerncijfers 2018" not in found
    assert "Programma's en besluiten" in text


def test_overijssel_2016_prints_the_civil_servants_narrative_once(demo):
    run = _generate("OV", 2016)
    html, docx = _html(run), _docx(run)
    text = _text(html)
    for found in (text, docx):
        assert found.count("In 2016 zijn 4 uitgaande missies gerealiseerd:") == 1
        assert found.count("twee vloeistofscheiders verkocht") == 1
        assert "Door deze missies hebben de deelnemende MKB-ers kennis genomen" in found
        assert "Programma 5. Regionale economie" in found
    # The generated participant sentence is not printed beside the own text.
    assert "vertegenwoordigers van het regionale mkb" not in text
    assert "<li>Missie naar Turkije rondom het thema energie</li>" in html
    assert "- Missie naar Turkije" not in text


def test_overijssel_2016_finance_reads_as_the_seed(demo):
    text = _text(_html(_generate("OV", 2016)))
    assert (
        "U heeft op 9 november 2016 ingestemd met het programma #in - Overijssel "
        "innoveert en internationaliseert (PS/2016/871). De realisatie van dit "
        "voorstel loopt in 2017 door."
    ) in text
    assert (
        "Onttrekking aan een reserve Wij stellen u voor om € 234.000 te onttrekken "
        "aan de Reserve uitvoering Kwaliteit van Overijssel en dit bedrag toe te "
        "voegen aan de exploitatie 2017 van prestatie 5.4.2."
    ) in text
    # The reserve table: proposed apart from decided, the end balance after.
    assert "Beginsaldo" in text and "Mutaties voorgesteld" in text
    assert "€ 500.000 € -234.000 € 500.000 € 266.000" in text


def _without_basis():
    """The demo's 2018 withdrawal opens with its basis of the decision
    (seed 002); without one the portal writes its usual sentence."""
    ReserveMutation.objects.filter(prestatie__year=2018).update(decision_basis="")


def test_overijssel_2018_finance_has_a_subheading_and_the_jaarschijf(demo):
    _without_basis()
    run = _generate("OV", 2018)
    html, docx = _html(run), _docx(run)
    for found in (_text(html), docx):
        assert "Begrotingswijziging GS" in found
        assert (
            "Het saldo van de jaarschijf 2018 is nodig voor het afronden van het "
            "programma."
        ) in found
        assert (
            "Wij hebben besloten om € 109.000 te onttrekken aan de Reserve "
            "uitvoering Kwaliteit van Overijssel en dit bedrag toe te voegen aan "
            "de jaarschijf 2019 van prestatie 5.4.2 van de begroting 2019"
        ) in found
        assert "exploitatie 2019" not in found
    assert "<h4>Begrotingswijziging GS</h4>" in html


def test_the_english_finance_sentence_names_the_tranche(demo):
    _without_basis()
    text = _text(_html(_generate("OV", 2018, language="en")))
    assert (
        "We decided to withdraw € 109,000 from the Reserve uitvoering Kwaliteit "
        "van Overijssel and add this amount to the 2019 tranche of prestatie "
        "5.4.2 of the 2019 budget"
    ) in text
    assert "Budget amendment GS" in text


@pytest.mark.parametrize(
    ("narrative", "own", "generated"),
    [
        ("generated", False, True),
        ("own", True, False),
        ("own_with_figures", True, True),
    ],
)
def test_the_civil_servant_chooses_the_narrative(demo, narrative, own, generated):
    ProgressNote.objects.filter(action__prestatie__year=2016).update(
        narrative=narrative
    )
    text = _text(_html(_generate("OV", 2016)))
    assert ("Door deze missies hebben de deelnemende MKB-ers" in text) is own
    assert ("vertegenwoordigers van het regionale mkb" in text) is generated


def test_text_blocks_make_lists_of_dash_lines():
    assert text_blocks("Intro:\n- een\n- twee\n\nSlot.") == [
        {"kind": "paragraph", "text": "Intro:"},
        {"kind": "list", "items": ["een", "twee"]},
        {"kind": "paragraph", "text": "Slot."},
    ]
    assert text_blocks("") == []


def test_the_note_editor_says_what_prints_and_previews_the_section(demo, client):
    from tests.factories import UserFactory

    province = Province.objects.get(code="OV")
    user = UserFactory(civil_servant=True, province=province)
    client.force_login(user)
    note = ProgressNote.objects.get(action__prestatie__year=2016)
    response = client.get(f"/beheer/voortgang/{note.pk}/bewerken/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wat de jaarrapportage bij deze actie afdrukt" in html
    assert "Voorbeeld van het deel van de rapportage" in html
    assert "<li>Missie naar Turkije rondom het thema energie</li>" in html
    assert 'name="narrative"' in html
    response = client.post(
        f"/beheer/voortgang/{note.pk}/bewerken/",
        {"year": 2016, "narrative": "generated", "text": note.text},
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.narrative == "generated"
    html = client.get(f"/beheer/voortgang/{note.pk}/bewerken/").content.decode()
    assert "uitgaande missies gerealiseerd" in html
    assert "Door deze missies hebben" not in html.split("preview-title", 1)[1]
    assert Prestatie.objects.filter(code="4.3.2").exists()
