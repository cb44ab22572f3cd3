"""The dashboard and yearly reports without the cache, and after it returns.

The cache is really unreachable (tests/redis_faults.py): a closed port, or
a relay in front of the real Redis that the test stops and starts.
"""

import pytest
from django.test import Client

from missions.models import Mission
from reporting.models import ReportRun
from tests.reporting.test_dashboard_cache import URL, headline

pytestmark = pytest.mark.django_db

LIST = "/rapportages/"


@pytest.fixture
def browser(civil_servant):
    """Logged in; a server error comes back as a 500, as a browser sees it."""
    client = Client(raise_request_exception=False)
    client.force_login(civil_servant)
    return client


def test_the_dashboard_is_computed_with_the_cache_down(browser, data, cache_down):
    response = browser.get(URL, {"year": 2016})
    assert response.status_code == 200, response.status_code
    assert "Gerealiseerde missies 4 " in headline(response.text, "missions")
    # Twice: nothing cached, computed again.
    assert browser.get(URL, {"year": 2016}).status_code == 200
    drill = browser.get(f"{URL}drilldown/", {"figure": "participants", "year": 2016})
    assert drill.status_code == 200


def test_a_report_is_requested_and_made_with_the_cache_down(
    browser, data, django_capture_on_commit_callbacks, cache_down
):
    form = {"year": "2016", "scope": "province", "language": "nl"}
    # After the commit the report is made (eager Celery in tests) and the
    # dashboards are told; both meet the closed cache port.
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(LIST, form)
    assert response.status_code == 302, response.status_code
    run = ReportRun.objects.get()
    assert run.status == ReportRun.Status.SUCCEEDED
    assert browser.get(response.url).status_code == 200
    assert browser.get(LIST).status_code == 200


def test_a_change_made_while_the_cache_was_down_shows_once_it_is_back(
    browser, data, redis_relay, django_capture_on_commit_callbacks
):
    """The refresh of the dashboards is lost while Redis is away; the first
    cache call that succeeds afterwards refreshes them all, so the cached page
    from before the outage is not shown again."""
    assert "Gerealiseerde missies 4 " in headline(
        browser.get(URL, {"year": 2016}).text, "missions"
    )  # cached now

    redis_relay.stop()
    mission = Mission.objects.get(pk=data.missions[0].pk)
    with django_capture_on_commit_callbacks(execute=True):
        mission.status = Mission.Status.CANCELLED
        mission.save()
    during = browser.get(URL, {"year": 2016})
    assert during.status_code == 200, during.status_code
    assert "Gerealiseerde missies 3 " in headline(during.text, "missions")

    redis_relay.start()
    after = browser.get(URL, {"year": 2016})
    assert after.status_code == 200
    assert "Gerealiseerde missies 3 " in headline(after.text, "missions")
    assert browser.get("/healthz").status_code == 200


def test_a_report_run_made_while_the_cache_was_down_is_linked_once_it_is_back(
    browser, data, redis_relay, django_capture_on_commit_callbacks
):
    browser.get(URL, {"year": 2016})  # cached without a ready report
    redis_relay.stop()
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(LIST, {"year": "2016", "scope": "province", "language": "nl"})
    assert ReportRun.objects.get().status == ReportRun.Status.SUCCEEDED
    redis_relay.start()
    page = browser.get(URL, {"year": 2016}).text
    assert f"/rapportages/{ReportRun.objects.get().pk}/" in page
