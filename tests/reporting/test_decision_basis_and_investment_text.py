"""Issue 16: the two kinds of seed sentences the data first had no field
for. The basis of a decision opens the finance sentence ("Op basis van de
spelregels … hebben wij besloten om een bedrag van …", seed 002), the
investment proposal explanation is printed in the basic information (seed
001); both are frozen with the report's figures, so an adopted report keeps
them when the data changes later."""

import datetime
import io
import re
import shutil
import subprocess
from decimal import Decimal
from html import unescape

import pytest
from django.utils import translation
from openpyxl import load_workbook

from programmes import services
from programmes.demo import BASIS_2018, INVESTMENT_2016
from programmes.models import Decision, Prestatie, ReserveMutation
from reporting.adoption import report_run_adopt
from reporting.rendering.document import _basic_information
from reporting.rendering.sections import DECISION_MARK, finance_sentence
from reporting.services import report_run_generate, report_run_request
from tests.factories import ReserveMutationFactory
from tests.reporting.formats import docx_text, flat, pdf_text, xlsx_text

pytestmark = pytest.mark.django_db

RESERVE = "Reserve uitvoering Kwaliteit van Overijssel"
REFERENCE = "Begrotingswijziging GS jaarschijf 2019, prestatie 5.4.2"


def _mutation(**changes) -> dict:
    """The seed 002 withdrawal as frozen figures hold it."""
    return {
        "kind": ReserveMutation.Kind.WITHDRAWAL,
        "status": ReserveMutation.Status.DECIDED,
        "amount": Decimal("109000.00"),
        "budget_year": 2019,
        "budget_part": ReserveMutation.BudgetPart.JAARSCHIJF,
        "reserve": RESERVE,
        "prestatie_code": "5.4.2",
        "decision_body": Decision.Body.GS,
        "decision_reference": REFERENCE,
        "decision_basis": BASIS_2018,
        **changes,
    }


def _sentence(mutation: dict, language: str = "nl") -> str:
    with translation.override(language):
        return finance_sentence(mutation).replace(DECISION_MARK, " (ref)")


def test_the_basis_opens_the_sentence_word_for_word_as_seed_002():
    assert _sentence(_mutation()) == (
        "Op basis van de spelregels van de Reserve uitvoering Kwaliteit van "
        "Overijssel hebben wij besloten om een bedrag van € 109.000 te onttrekken "
        "aan de Reserve uitvoering Kwaliteit van Overijssel en toe te voegen aan "
        "de jaarschijf 2019 van prestatie 5.4.2 van de begroting 2019 (ref)."
    )


def test_without_a_basis_the_usual_sentence():
    expected = (
        "Wij hebben besloten om € 109.000 te onttrekken aan de Reserve uitvoering "
        "Kwaliteit van Overijssel en dit bedrag toe te voegen aan de jaarschijf "
        "2019 van prestatie 5.4.2 van de begroting 2019 (ref)."
    )
    assert _sentence(_mutation(decision_basis="")) == expected
    # Figures frozen before the field existed have no such key.
    older = _mutation()
    del older["decision_basis"]
    assert _sentence(older) == expected


def test_seed_001s_proposal_stays_as_it_is_and_takes_a_basis_too():
    proposal = _mutation(
        status=ReserveMutation.Status.PROPOSED,
        amount=Decimal("234000.00"),
        budget_year=2017,
        budget_part=ReserveMutation.BudgetPart.EXPLOITATIE,
        decision_basis="",
    )
    assert _sentence(proposal) == (
        "Wij stellen u voor om € 234.000 te onttrekken aan de Reserve uitvoering "
        "Kwaliteit van Overijssel en dit bedrag toe te voegen aan de exploitatie "
        "2017 van prestatie 5.4.2."
    )
    proposal["decision_basis"] = "op grond van het coalitieakkoord"
    assert _sentence(proposal) == (
        "Op grond van het coalitieakkoord stellen wij u voor om een bedrag van "
        "€ 234.000 te onttrekken aan de Reserve uitvoering Kwaliteit van "
        "Overijssel en toe te voegen aan de exploitatie 2017 van prestatie 5.4.2."
    )


def test_a_basis_before_a_decision_of_the_provincial_council():
    ps = _mutation(decision_body=Decision.Body.PS, kind=ReserveMutation.Kind.ADDITION)
    assert _sentence(ps).startswith(
        f"{BASIS_2018} hebben Uw Staten besloten om een bedrag van € 109.000 uit "
        "de jaarschijf 2019 van prestatie 5.4.2 van de begroting 2019 te storten "
        f"in de {RESERVE} (ref)."
    )
    assert _sentence(ps, "en") == (
        "The Provincial Council decided to add € 109,000 from the 2019 tranche "
        f"of prestatie 5.4.2 of the 2019 budget to the {RESERVE} (ref). "
        f"Basis of the decision: {BASIS_2018}."
    )


def test_the_english_sentence_is_english_and_names_the_basis_after_it():
    """The basis is the province's Dutch words: "Op basis van …, we decided"
    is no English sentence, so the English one quotes it after the facts."""
    assert _sentence(_mutation(), "en") == (
        f"We decided to withdraw € 109,000 from the {RESERVE} and add this "
        "amount to the 2019 tranche of prestatie 5.4.2 of the 2019 budget (ref). "
        f"Basis of the decision: {BASIS_2018}."
    )
    proposal = _mutation(
        status=ReserveMutation.Status.PROPOSED, decision_basis="coalition agreement"
    )
    assert _sentence(proposal, "en").endswith(
        "of the 2019 budget. Basis of the proposal: Coalition agreement."
    )
    assert _sentence(_mutation(decision_basis=""), "en") == (
        f"We decided to withdraw € 109,000 from the {RESERVE} and add this "
        "amount to the 2019 tranche of prestatie 5.4.2 of the 2019 budget (ref)."
    )


def test_a_basis_ending_in_a_full_stop_or_comma_does_not_print_it():
    """Figures frozen with such a basis (the service strips it since)."""
    expected = _sentence(_mutation())
    for end in (".", ", ", ":", " . "):
        assert _sentence(_mutation(decision_basis=BASIS_2018 + end)) == expected
    assert _sentence(_mutation(decision_basis=BASIS_2018 + "."), "en").endswith(
        f"Basis of the decision: {BASIS_2018}."
    )


def test_the_investment_explanation_is_a_row_of_the_basic_information():
    prestatie = {
        "duration": "structural",
        "relates_to_reserve": True,
        "reserve": RESERVE,
        "role": "faciliteerder",
        "portfolio_holder": "Eddy van Hijum",
        "investment_decisions": [{"title": "Begroting 2016", "reference": "X/1"}],
        "investment_explanation": "Eerste alinea.\n\nTweede alinea.",
    }
    with translation.override("nl"):
        rows = dict(_basic_information(prestatie))
        assert rows["Bijbehorend investeringsvoorstel"] == "Begroting 2016 (X/1)"
        assert rows["Toelichting investeringsvoorstel"] == (
            "Eerste alinea.\nTweede alinea."
        )
        # Empty, or frozen before the field existed: no row.
        prestatie["investment_explanation"] = ""
        assert "Toelichting investeringsvoorstel" not in dict(
            _basic_information(prestatie)
        )
        del prestatie["investment_explanation"]
        assert len(_basic_information(prestatie)) == 5


def _texts(run) -> dict[str, str]:
    texts = {}
    for name, read in (
        ("pdf_file", pdf_text),
        ("docx_file", docx_text),
        ("xlsx_file", xlsx_text),
    ):
        with getattr(run, name).open("rb") as handle:
            texts[name] = read(handle.read())
    with run.html_file.open("rb") as handle:
        html = handle.read().decode().split("<main>", 1)[1]
    # Inline elements (a reference kept whole) are part of the sentence.
    html = re.sub(r"</?(span|a|strong|em)\b[^>]*>", "", html)
    texts["html_file"] = flat(unescape(re.sub(r"<[^>]+>", " ", html)))
    return texts


def test_an_adopted_report_keeps_its_text_when_the_data_changes(
    data, civil_servant, django_capture_on_commit_callbacks
):
    old_basis = "Op basis van de spelregels van de Reserve"
    new_basis = "Op grond van het nieuwe reservebeleid"
    services.prestatie_update(
        prestatie=data.prestatie,
        data={"investment_explanation": INVESTMENT_2016},
        by=civil_servant,
    )
    # Money in the reserve (a budget year outside the report), so the
    # proposal may be changed.
    ReserveMutationFactory(
        reserve=data.reserve,
        addition=True,
        decided=True,
        amount=Decimal("1000000"),
        budget_year=2015,
    )
    proposal = ReserveMutation.objects.get(amount=Decimal("234000"))
    services.reserve_mutation_update(
        mutation=proposal, data={"decision_basis": old_basis}, by=civil_servant
    )
    run, _ = report_run_request(province=data.province, year=2016, queue=False)
    run = report_run_generate(run_id=run.pk)

    # The texts change after the report was made, before GS adopts it.
    services.prestatie_update(
        prestatie=data.prestatie,
        data={"investment_explanation": "Een andere toelichting."},
        by=civil_servant,
    )
    proposal.refresh_from_db()
    services.reserve_mutation_update(
        mutation=proposal, data={"decision_basis": new_basis}, by=civil_servant
    )
    # Adopting renders the run again from its frozen figures, and
    # generating again leaves the adopted run as it is ...
    with django_capture_on_commit_callbacks(execute=True):
        adopted = report_run_adopt(
            run=run, adopted_on=datetime.date.today(), by=civil_servant
        )
    assert adopted.is_adopted
    report_run_generate(run_id=adopted.pk)
    adopted.refresh_from_db()
    for name, text in _texts(adopted).items():
        assert "Dit is verwerkt in de Begroting 2016." in text, name
        assert f"{old_basis} stellen wij u voor om een bedrag van € 234.000" in (
            text
        ), name
        assert "Een andere toelichting." not in text, name
        assert new_basis not in text, name
    # ... and the next version says what the data says now.
    second, _ = report_run_request(province=data.province, year=2016, queue=False)
    second = report_run_generate(run_id=second.pk)
    assert second.version == 2
    text = _texts(second)["docx_file"]
    assert "Een andere toelichting." in text
    assert f"{new_basis} stellen wij u voor om een bedrag van € 234.000" in text
    assert "Dit is verwerkt in de Begroting 2016." not in text


# A civil servant pastes markup, a formula and a web address without spaces.
HOSTILE_BASIS = '=HYPERLINK("http://evil.example","x") <b>op grond</b>'
LONG_WORD = "https://www.overijssel.nl/" + "Investeringsvoorstel" * 9
HOSTILE_EXPLANATION = "\n\n".join(
    [
        "Vanuit <script>hostile(1)</script> & <b>vet</b> het Coalitieakkoord.",
        "=1+1 telt niet",
        LONG_WORD,
        "Dit is verwerkt in de Begroting 2016. " * 40 + "Einde van de toelichting.",
    ]
)


def _files(run) -> dict[str, bytes]:
    files = {}
    for name in ("html_file", "pdf_file", "docx_file", "xlsx_file"):
        with getattr(run, name).open("rb") as handle:
            files[name] = handle.read()
    return files


def _right_edge_of_words(pdf: bytes, watermark: str) -> tuple[float, float]:
    """The right edge of the rightmost word and the page's width (pt); the
    letters of the draft watermark, drawn diagonally, do not count."""
    out = subprocess.run(
        [shutil.which("pdftotext"), "-bbox", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    width = float(re.search(r'<page width="([\d.]+)"', out).group(1))
    words = re.findall(r'<word [^>]*xMax="([\d.]+)"[^>]*>([^<]*)</word>', out)
    edges = [
        float(x)
        for x, word in words
        if len(word) > 3 or not set(word) <= set(watermark)
    ]
    return max(edges), width


def test_markup_formulas_and_a_long_explanation_are_printed_as_text(data):
    """The texts are the province's words, printed as text in every format:
    no markup in the HTML or PDF, no formula in the XLSX, the longest
    explanation allowed wrapping inside the page."""
    assert len(HOSTILE_EXPLANATION) <= 2_000
    Prestatie.objects.filter(pk=data.prestatie.pk).update(
        investment_explanation=HOSTILE_EXPLANATION
    )
    ReserveMutation.objects.filter(amount=Decimal("234000")).update(
        decision_basis=HOSTILE_BASIS
    )
    run, _ = report_run_request(province=data.province, year=2016, queue=False)
    files = _files(report_run_generate(run_id=run.pk))
    sentence = f"{HOSTILE_BASIS} stellen wij u voor om een bedrag van € 234.000"

    html = files["html_file"].decode()
    assert "<script" not in html and "<b>" not in html
    assert (
        "&lt;script&gt;hostile(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in html
    )
    assert html.count("&lt;b&gt;op grond&lt;/b&gt; stellen wij u voor") == 1

    with translation.override("nl"):
        watermark = translation.gettext("DRAFT")
    pdf = pdf_text(files["pdf_file"], watermark=watermark)
    docx = docx_text(files["docx_file"])
    for text in (pdf, docx):
        assert "Vanuit <script>hostile(1)</script> & <b>vet</b>" in text
        assert "Einde van de toelichting." in text
        assert text.count(sentence) == 1
    assert LONG_WORD in docx
    right, width = _right_edge_of_words(files["pdf_file"], watermark)
    # A4 with 2 cm margins: nothing runs past the right margin.
    assert right <= width - 56

    workbook = load_workbook(io.BytesIO(files["xlsx_file"]))
    cells = [
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]
    assert "'=1+1 telt niet" in cells
    assert sum(c.startswith(f"'{sentence}") for c in cells) == 1


def test_the_english_report_prints_the_texts_in_english_sentences(data):
    basis = "Op grond van het coalitieakkoord"
    Prestatie.objects.filter(pk=data.prestatie.pk).update(
        investment_explanation=INVESTMENT_2016
    )
    ReserveMutation.objects.filter(amount=Decimal("234000")).update(
        decision_basis=basis
    )
    run, _ = report_run_request(
        province=data.province, year=2016, language="en", queue=False
    )
    run = report_run_generate(run_id=run.pk)
    sentence = (
        f"We propose to withdraw € 234,000 from the {RESERVE} and add this "
        "amount to the 2017 budget of prestatie 5.4.2. "
        f"Basis of the proposal: {basis}."
    )
    for name, text in _texts(run).items():
        assert text.count(sentence) == 1, name
        assert f"{basis}, we" not in text, name
        assert text.count("Dit is verwerkt in de Begroting 2016.") == 1, name
        assert "Investment proposal explanation" in text, name
