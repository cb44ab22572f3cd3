"""Issue 16 item 6: the draft mark until GS adopts a report, versions, the
status per actie, the year-on-year table and the effect funnel. The tests
read the generated files' text."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from missions.models import Mission
from programmes.models import (
    Action,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Prestatie,
)
from reporting.adoption import action_status_set, report_run_adopt
from reporting.figures import figures_for
from reporting.figures.trends import extras_for, misses_target
from reporting.models import ActionStatus
from reporting.services import report_run_generate, report_run_request
from tests.reporting.formats import docx_text, xlsx_text

pytestmark = pytest.mark.django_db

AFTER_2016 = datetime.date(2017, 3, 1)


def _run(data, language="nl"):
    run, _ = report_run_request(
        province=data.province, year=2016, language=language, queue=False
    )
    return report_run_generate(run_id=run.pk)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pdf(run) -> str:
    with run.pdf_file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return _flat(" ".join(page.extract_text() for page in reader.pages))


def _docx(run) -> str:
    with run.docx_file.open("rb") as handle:
        return docx_text(handle.read())


def _xlsx(run) -> str:
    with run.xlsx_file.open("rb") as handle:
        return xlsx_text(handle.read())


def _sheet(run, title: str) -> list[list]:
    with run.xlsx_file.open("rb") as handle:
        workbook = load_workbook(io.BytesIO(handle.read()))
    return [[c.value for c in row] for row in workbook[title].iter_rows(min_row=2)]


def _html(run) -> str:
    with run.html_file.open("rb") as handle:
        return _flat(handle.read().decode())


def _docx_headers_and_body(run) -> str:
    with run.docx_file.open("rb") as handle:
        document = Document(io.BytesIO(handle.read()))
    parts = [p.text for s in document.sections for p in s.header.paragraphs]
    parts += [p.text for p in document.paragraphs]
    return _flat(" ".join(parts))


def _xlsx_headers(run) -> list[str]:
    with run.xlsx_file.open("rb") as handle:
        workbook = load_workbook(io.BytesIO(handle.read()))
    return [ws.oddHeader.center.text or "" for ws in workbook.worksheets] + [
        ws.oddFooter.left.text or "" for ws in workbook.worksheets
    ]


# --- the draft mark, adoption and versions ------------------------------------


def test_a_report_is_a_draft_in_every_format_until_gs_adopts_it(data):
    run = _run(data)
    assert run.version == 1
    assert "CONCEPT" in _pdf(run)
    assert "Concept: nog niet vastgesteld door Gedeputeerde Staten. Versie 1." in (
        _pdf(run)
    )
    assert 'class="report-watermark"' in _html(run)
    assert "CONCEPT" in _docx_headers_and_body(run)
    headers = _xlsx_headers(run)
    assert headers.count("CONCEPT") == len(headers) // 2


def test_the_english_draft_says_draft(data):
    run = _run(data, language="en")
    text = _pdf(run)
    assert "DRAFT" in text
    assert "Draft: not yet adopted by Gedeputeerde Staten. Version 1." in text


def test_adopting_removes_the_mark_and_freezes_the_version(
    data, civil_servant, django_capture_on_commit_callbacks
):
    run = _run(data)
    old_pdf = run.pdf_file.name
    with django_capture_on_commit_callbacks(execute=True):
        adopted = report_run_adopt(
            run=run,
            adopted_on=datetime.date.today(),
            reference="2017/0123456",
            by=civil_servant,
        )
    assert adopted.is_adopted and adopted.adopted_by == civil_servant
    # Who adopted when is in the history, like every other write.
    last, before = adopted.history.all()[:2]
    assert last.history_user == civil_servant
    assert last.adopted_on == datetime.date.today()
    assert last.adopted_reference == "2017/0123456"
    assert last.history_change_reason == "adopted by GS"
    assert last.pdf_file != before.pdf_file and before.adopted_on is None
    assert adopted.pdf_file.name != old_pdf
    assert not adopted.pdf_file.storage.exists(old_pdf)
    text = _pdf(adopted)
    assert "CONCEPT" not in text
    assert "Vastgesteld door Gedeputeerde Staten op" in text
    assert "(2017/0123456). Versie 1." in text
    assert 'class="report-watermark"' not in _html(adopted)
    assert "CONCEPT" not in _docx_headers_and_body(adopted)
    assert "CONCEPT" not in _xlsx_headers(adopted)

    # Generating again leaves the adopted run alone ...
    files = [getattr(adopted, f).name for f in adopted.FILE_FIELDS]
    again = report_run_generate(run_id=adopted.pk)
    assert [getattr(again, f).name for f in again.FILE_FIELDS] == files
    # ... and asking again makes a new draft version.
    second = _run(data)
    assert second.pk != adopted.pk and second.version == 2
    assert "CONCEPT" in _pdf(second) and "Versie 2." in _pdf(second)


def test_only_a_civil_servant_of_the_province_adopts_a_ready_report_once(
    data, civil_servant, civil_servant_limburg, portfolio_holder, administrator
):
    queued, _ = report_run_request(province=data.province, year=2016, queue=False)
    with pytest.raises(ValidationError, match="gereed"):
        report_run_adopt(run=queued, adopted_on=datetime.date.today(), by=civil_servant)
    run = report_run_generate(run_id=queued.pk)
    for stranger in (civil_servant_limburg, portfolio_holder, administrator):
        with pytest.raises(PermissionDenied):
            report_run_adopt(run=run, adopted_on=datetime.date.today(), by=stranger)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        report_run_adopt(run=run, adopted_on=tomorrow, by=civil_servant)
    assert "toekomst" in str(error.value.message_dict["adopted_on"])
    with pytest.raises(ValidationError) as error:
        report_run_adopt(
            run=run, adopted_on=datetime.date(2000, 1, 1), by=civil_servant
        )
    assert "ouder" in str(error.value.message_dict["adopted_on"])
    report_run_adopt(run=run, adopted_on=datetime.date.today(), by=civil_servant)
    run.refresh_from_db()
    with pytest.raises(ValidationError, match="al vastgesteld"):
        report_run_adopt(run=run, adopted_on=datetime.date.today(), by=civil_servant)


def test_the_report_page_offers_adoption_to_civil_servants_only(
    client, data, civil_servant, civil_servant_limburg, portfolio_holder
):
    run = _run(data)
    url = reverse("reporting:adopt", args=[run.pk])
    client.force_login(portfolio_holder)
    page = client.get(run.get_absolute_url()).content.decode()
    assert "Versie 1: een concept." in page and url not in page
    assert client.post(url, {"adopted_on": "2017-01-01"}).status_code == 403
    client.force_login(civil_servant_limburg)
    assert client.post(url, {"adopted_on": "2017-01-01"}).status_code == 404
    client.force_login(civil_servant)
    assert url in client.get(run.get_absolute_url()).content.decode()
    response = client.post(url, {"adopted_on": "morgen"})
    assert response.status_code == 400
    assert "Voer een geldige datum in." in response.content.decode()
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    response = client.post(url, {"adopted_on": future})
    assert response.status_code == 400
    assert "kan niet in de toekomst liggen" in response.content.decode()
    today = datetime.date.today().isoformat()
    response = client.post(url, {"adopted_on": today})
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.is_adopted
    assert "vastgesteld door Gedeputeerde Staten op" in (
        client.get(run.get_absolute_url()).content.decode()
    )


# --- status per actie ---------------------------------------------------------


def test_misses_target_by_more_than_ten_percent():
    year = 2016
    assert misses_target(target=10, realised=8, year=year, as_of=AFTER_2016)
    assert not misses_target(target=10, realised=9, year=year, as_of=AFTER_2016)
    assert not misses_target(target=10, realised=None, year=year, as_of=AFTER_2016)
    assert not misses_target(target=None, realised=0, year=year, as_of=AFTER_2016)
    # Half-way through the year half the target is what counts.
    assert not misses_target(
        target=10, realised=5, year=year, as_of=datetime.date(2016, 7, 1)
    )
    assert misses_target(
        target=10, realised=3, year=year, as_of=datetime.date(2016, 7, 1)
    )


def test_a_status_needs_an_explanation_when_a_figure_misses_its_target(
    data, civil_servant
):
    # Leads: 8 realised against 10 (20 % short); the other figures are met.
    with pytest.raises(ValidationError) as error:
        action_status_set(
            action=data.action, status="at_risk", by=civil_servant, as_of=AFTER_2016
        )
    message = " ".join(error.value.message_dict["explanation"])
    assert "Leads" in message and "Deelnemers" not in message
    assert "meer dan 10 %" in message
    status = action_status_set(
        action=data.action,
        status="at_risk",
        explanation="Leads  komen later\nbinnen.",
        by=civil_servant,
        as_of=AFTER_2016,
    )
    assert status.explanation == "Leads komen later binnen."
    assert status.history.count() == 1
    other = Action.objects.get(prestatie=data.prestatie, number=2)
    action_status_set(
        action=other, status="on_track", by=civil_servant, as_of=AFTER_2016
    )

    run = _run(data)
    # The same status in the PDF and the DOCX, next to the actie ...
    for text in (_pdf(run), _docx(run)):
        assert "Status: Risico – Leads komen later binnen." in text
        assert "Status: Op koers" in text
    # ... and in the XLSX, a row per actie.
    assert _sheet(run, "Status per actie") == [
        ["5.4.2", 1, "Risico", "Leads komen later binnen."],
        ["5.4.2", 2, "Op koers", None],
    ]
    assert "Risico Leads komen later binnen." in _xlsx(run)


def test_the_status_form_says_what_is_wrong(
    client, data, civil_servant, civil_servant_limburg, portfolio_holder
):
    url = reverse("reporting:action_status", args=[data.action.pk])
    client.force_login(portfolio_holder)
    assert client.get(url).status_code == 403
    client.force_login(civil_servant_limburg)
    assert client.get(url).status_code == 404
    client.force_login(civil_servant)
    page = client.get(url).content.decode()
    assert "Leads" in page and "<h1>Status van de actie</h1>" in page
    response = client.post(url, {"status": "behind", "explanation": ""})
    assert response.status_code == 400
    assert "mist zijn streefwaarde met meer dan 10 %" in response.content.decode()
    response = client.post(url, {"status": "bogus", "explanation": "x"})
    assert response.status_code == 400
    response = client.post(url, {"status": "behind", "explanation": "Te weinig leads"})
    assert response.status_code == 302
    assert ActionStatus.objects.get(action=data.action).status == "behind"


# --- year-on-year -------------------------------------------------------------


def _predecessors(data):
    """2015 linked as predecessor; 2014 only by the same code."""
    p2014 = Prestatie.objects.create(
        province=data.province, year=2014, code="5.4.2", title="Export"
    )
    a2014 = Action.objects.create(prestatie=p2014, number=1, text="Missies")
    i2014 = Indicator.objects.create(action=a2014, name="Handelsmissies")
    IndicatorTarget.objects.create(indicator=i2014, year=2014, value=1)
    IndicatorValue.objects.create(indicator=i2014, year=2014, value=1)
    p2015 = Prestatie.objects.create(
        province=data.province, year=2015, code="5.4.2", title="Export"
    )
    a2015 = Action.objects.create(prestatie=p2015, number=1, text="Missies")
    i2015 = Indicator.objects.create(
        action=a2015,
        name="Handelsmissies",
        source=Indicator.Source.COMPUTED,
        metric=Indicator.Metric.MISSIONS_REALISED,
    )
    IndicatorTarget.objects.create(indicator=i2015, year=2015, value=2)
    Mission.objects.filter(start_date__year=2015).update(action=a2015)
    data.prestatie.predecessor = p2015
    data.prestatie.save()


def test_the_report_shows_each_action_over_the_years(data):
    _predecessors(data)
    run = _run(data)
    for text in (_pdf(run), _docx(run)):
        assert "Actie 1 door de jaren heen" in text
        assert "2014 5.4.2 Handelsmissies 1 1" in text
        assert "2015 5.4.2 Handelsmissies 2 1" in text
        assert "2016 5.4.2 Handelsmissies 3 4" in text
        # Action 2 has no earlier years: no table.
        assert "Actie 2 door de jaren heen" not in text
    rows = _sheet(run, "Acties door de jaren")
    missions = [r for r in rows if r[4] == "Handelsmissies"]
    # Years, targets and results as numbers.
    assert [r[2:4] + r[6:] for r in missions] == [
        [2014, "5.4.2", 1, 1],
        [2015, "5.4.2", 2, 1],
        [2016, "5.4.2", 3, 4],
    ]
    assert {r[1] for r in rows} == {1}


# --- the effect funnel --------------------------------------------------------


def test_the_report_shows_the_effect_funnel_with_cost_per_participant(data):
    Mission.objects.filter(pk__in=[m.pk for m in data.missions]).update(
        province_contribution_per_seat=Decimal("500")
    )
    run = _run(data)
    cost = "De provincie droeg € 26.000 bij voor 52 deelnemers: € 500 per deelnemer."
    for text in (_pdf(run), _docx(run)):
        assert "Effect van de missies" in text
        # Right after: three reports with 3 + 2 + 1 leads and one deal.
        assert "Direct na de missie 3 6 1 € 100.001 € 50.000,50" in text
        assert "Na 6 maanden 1 5 1 € 200.000 € 100.000" in text
        assert "Na 12 maanden 0 – – – –" in text
        assert cost in text
    rows = _sheet(run, "Effect van de missies")
    assert rows[:3] == [
        ["Direct na de missie", 3, 6, 1, Decimal("100001"), Decimal("50000.5")],
        ["Na 6 maanden", 1, 5, 1, Decimal("200000"), Decimal("100000")],
        ["Na 12 maanden", 0, None, None, None, None],
    ]
    figures = {r[0]: r[1] for r in rows[3:] if r and r[0]}
    assert figures["Deelnemers"] == 52
    assert figures["Bijdrage van de provincie"] == 26000
    assert figures["Kosten per deelnemer"] == 500
    assert cost in _xlsx(run)


def test_a_year_without_participants_has_no_funnel_of_zeros(data):
    """Issue 16, item 3: no tables of zeros for empty years."""
    run, _ = report_run_request(
        province=data.province, year=2012, language="nl", queue=False
    )
    run = report_run_generate(run_id=run.pk)
    for text in (_html(run), _docx(run)):
        assert "Effect van de missies" not in text
    with run.xlsx_file.open("rb") as handle:
        workbook = load_workbook(io.BytesIO(handle.read()))
    assert "Effect van de missies" not in workbook.sheetnames


def test_the_extras_take_a_fixed_number_of_queries(data, django_assert_num_queries):
    def count():
        figures = figures_for(province=data.province, year=2016).to_dict()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            extras_for(figures, province=data.province)
        return len(queries), figures

    before, figures = count()
    _predecessors(data)
    after, figures = count()
    assert before == after
    with django_assert_num_queries(11):
        extras_for(figures, province=data.province)
