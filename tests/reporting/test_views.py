from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from outbox.models import OutboxMessage
from reporting.models import ReportRun
from reporting.services import report_run_generate, report_run_request
from tests.factories import ReportRunFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = reverse("reporting:list")


@pytest.fixture
def portfolio_holder_limburg(limburg):
    return UserFactory(portfolio_holder=True, province=limburg)


@pytest.fixture
def ready_run(data, civil_servant):
    run, _ = report_run_request(
        province=data.province, year=2016, requested_by=civil_servant, queue=False
    )
    return report_run_generate(run_id=run.pk)


def _urls(run):
    return [
        reverse("reporting:detail", args=[run.pk]),
        reverse("reporting:status", args=[run.pk]),
        *[reverse("reporting:download", args=[run.pk, k]) for k in ("pdf", "xlsx")],
    ]


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_entrepreneurs_may_not_see_reports(client, sme_user):
    client.force_login(sme_user)
    assert client.get(LIST).status_code == 403


def test_the_list_shows_only_runs_of_the_own_province(
    client, civil_servant, overijssel, limburg
):
    ReportRunFactory(province=overijssel, year=2016)
    ReportRunFactory(province=limburg, year=2015)
    client.force_login(civil_servant)
    response = client.get(LIST)
    assert response.status_code == 200
    assert [r.province for r in response.context["runs"]] == [overijssel]
    assert reverse("reporting:status", args=[response.context["runs"][0].pk]) in (
        response.content.decode()
    )


@pytest.mark.parametrize("size", [2, 20])
def test_the_list_takes_a_fixed_number_of_queries(
    client, civil_servant, overijssel, size, django_assert_max_num_queries
):
    for year in range(2000, 2000 + size):
        ReportRunFactory(
            province=overijssel, year=year, requested_by=civil_servant, failed=True
        )
    client.force_login(civil_servant)
    with django_assert_max_num_queries(12):
        assert client.get(LIST).status_code == 200


def test_a_portfolio_holder_requests_a_report_and_a_second_request_returns_it(
    client, portfolio_holder, django_capture_on_commit_callbacks
):
    client.force_login(portfolio_holder)
    form = {"year": "2016", "scope": "province", "language": "nl"}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = client.post(LIST, form)
        second = client.post(LIST, form)
    assert first.status_code == second.status_code == 302
    assert callbacks  # the job is handed over after the commit,
    # and it was written once, for the first request only.
    assert OutboxMessage.objects.filter(kind=OutboxMessage.Kind.JOB).count() == 1
    run = ReportRun.objects.get()
    assert run.requested_by == portfolio_holder
    assert run.status == ReportRun.Status.QUEUED
    page = client.get(LIST).content.decode()
    assert "al gemaakt" in page or "wordt al" in page


def test_a_wrong_request_answers_400_with_a_message(client, civil_servant):
    client.force_login(civil_servant)
    response = client.post(
        LIST, {"year": "2016", "scope": "prestatie", "language": "nl"}
    )
    assert response.status_code == 400
    assert "Kies de prestatie" in response.content.decode()
    assert not ReportRun.objects.exists()


def test_a_year_outside_the_list_is_refused(client, civil_servant):
    client.force_login(civil_servant)
    response = client.post(
        LIST, {"year": "1850", "scope": "province", "language": "nl"}
    )
    assert response.status_code == 400
    assert not ReportRun.objects.exists()


def test_the_owner_reads_and_downloads_the_report(client, civil_servant, ready_run):
    client.force_login(civil_servant)
    detail = client.get(reverse("reporting:detail", args=[ready_run.pk]))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "In 2016 zijn 4 uitgaande missies gerealiseerd:" in html
    assert html.count("<h1") == 1
    pdf = client.get(reverse("reporting:download", args=[ready_run.pk, "pdf"]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    xlsx = client.get(reverse("reporting:download", args=[ready_run.pk, "xlsx"]))
    assert "attachment" in xlsx["Content-Disposition"]


def test_the_status_endpoint_gives_status_and_downloads(
    client, civil_servant, ready_run
):
    client.force_login(civil_servant)
    data = client.get(reverse("reporting:status", args=[ready_run.pk])).json()
    assert data["status"] == "succeeded"
    assert data["active"] is False
    assert {d["kind"] for d in data["downloads"]} == {"pdf", "docx", "xlsx", "html"}


def test_a_queued_run_has_no_downloads(client, civil_servant, overijssel):
    run = ReportRunFactory(province=overijssel)
    client.force_login(civil_servant)
    data = client.get(reverse("reporting:status", args=[run.pk])).json()
    assert data["active"] is True and data["downloads"] == []
    url = reverse("reporting:download", args=[run.pk, "pdf"])
    assert client.get(url).status_code == 404


def test_limburgs_portfolio_holder_gets_404_on_overijssels_runs_and_files(
    client, portfolio_holder_limburg, ready_run
):
    client.force_login(portfolio_holder_limburg)
    for url in _urls(ready_run):
        assert client.get(url).status_code == 404, url
    assert ready_run.pk not in [r.pk for r in client.get(LIST).context["runs"]]


def test_an_unknown_file_kind_is_404(client, civil_servant, ready_run):
    client.force_login(civil_servant)
    url = reverse("reporting:download", args=[ready_run.pk, "exe"])
    assert client.get(url).status_code == 404


def test_report_files_are_not_under_the_public_media_root():
    media = Path(str(settings.MEDIA_ROOT)).resolve()
    reports = Path(str(settings.REPORTS_ROOT)).resolve()
    assert media not in reports.parents and media != reports


def test_the_menu_links_to_reports_for_portfolio_holders(client, portfolio_holder):
    client.force_login(portfolio_holder)
    assert LIST in client.get(reverse("home")).content.decode()


def test_the_pages_work_in_english(client, civil_servant, ready_run):
    client.force_login(civil_servant)
    response = client.get("/en" + LIST)
    assert response.status_code == 200
    assert "Request a report" in response.content.decode()


def test_a_prestatie_of_another_year_is_refused_on_the_form(
    client, civil_servant, data
):
    client.force_login(civil_servant)
    response = client.post(
        LIST,
        {
            "year": "2015",
            "scope": "prestatie",
            "prestatie": str(data.prestatie.pk),
            "language": "nl",
        },
    )
    assert response.status_code == 400
    assert "Kies een prestatie van 2015" in response.content.decode()
    assert not ReportRun.objects.exists()


def test_a_dutch_report_reads_in_dutch_on_the_english_page(
    client, civil_servant, ready_run
):
    client.force_login(civil_servant)
    html = client.get("/en" + reverse("reporting:detail", args=[ready_run.pk]))
    text = html.content.decode()
    assert "All reports" in text
    assert "In 2016 zijn 4 uitgaande missies gerealiseerd:" in text
    assert 'lang="nl"' in text


def test_only_the_report_page_reads_the_frozen_figures(
    client, civil_servant, ready_run
):
    """A run keeps all its report was made from (half a megabyte of JSON for
    a large province); the list, the status poll, a download and the links
    to the latest report (home page, dashboard) do not read it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    column = '"reporting_reportrun"."figures"'
    client.force_login(civil_servant)
    for url in (
        LIST,
        reverse("reporting:status", args=[ready_run.pk]),
        reverse("reporting:download", args=[ready_run.pk, "xlsx"]),
        reverse("home"),
        reverse("dashboard:index") + "?year=2016",
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        read = [q["sql"] for q in queries if column in q["sql"]]
        assert not read, url
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("reporting:detail", args=[ready_run.pk]))
    assert "In 2016 zijn 4 uitgaande missies gerealiseerd:" in page.content.decode()
    assert any(column in q["sql"] for q in queries)
