"""The dashboard is fast at any size and never shows a stale figure."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.cache import cache

from missions.models import Mission, MissionResult, Registration
from programmes.models import BudgetLine, IndicatorTarget, ReserveMutation
from reporting.dashboard.invalidation import versions
from tests.factories import (
    MissionFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
)
from tests.reporting.data import build_overijssel_2016, build_scaled

pytestmark = pytest.mark.django_db

URL = "/dashboard/"
DRILL = "/dashboard/drilldown/"

# Session, user with province and roles; figures_for (31); trend (3); money
# (1); contact requests (2); each action over the years (9); the latest
# report (1); the programmes of the filter (1).
DASHBOARD_QUERIES = 50
# From the cache (figures, programmes, report): session, user.
CACHED_QUERIES = 2


def headline(html: str, key: str) -> str:
    start = html.index(f'id="headline-{key}"')
    part = html[start : html.index("</li>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part))


@pytest.mark.parametrize("size", [1, 10])
def test_dashboard_takes_a_fixed_number_of_queries(
    client, overijssel, size, django_assert_num_queries
):
    build_scaled(overijssel, size=size)
    client.force_login(UserFactory(civil_servant=True, province=overijssel))
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(URL, {"year": 2016})
    assert response.context["figures"].totals.missions_realised == size * size
    with django_assert_num_queries(CACHED_QUERIES):
        client.get(URL, {"year": 2016})


@pytest.mark.parametrize("size", [1, 10])
def test_drill_down_takes_a_fixed_number_of_queries(
    client, overijssel, size, django_assert_num_queries
):
    build_scaled(overijssel, size=size)
    client.force_login(UserFactory(civil_servant=True, province=overijssel))
    client.get(URL, {"year": 2016})  # fills the cache
    # The missions and the organisations behind the figure.
    with django_assert_num_queries(CACHED_QUERIES + 2):
        response = client.get(DRILL, {"figure": "participants", "year": 2016})
    assert len(response.context["drilldown"].missions) == size * size
    assert len(response.context["drilldown"].organisations) == size**3


@pytest.fixture
def data(overijssel):
    return build_overijssel_2016(overijssel)


@pytest.fixture
def reader(client, data, civil_servant):
    client.force_login(civil_servant)
    return client


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what a commit runs, as in production: the dashboards are
    refreshed after the commit (reporting/dashboard/invalidation.py)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def load(client, key: str) -> str:
    return headline(client.get(URL, {"year": 2016}).content.decode(), key)


def test_a_mission_completed_shows_up_on_the_next_load(reader, data, committed):
    assert "Gerealiseerde missies 4 " in load(reader, "missions")
    with committed():
        mission = MissionFactory(
            province=data.province,
            start_date=datetime.date(2016, 11, 1),
            end_date=datetime.date(2016, 11, 2),
            status=Mission.Status.PUBLISHED,
        )
    assert "Gerealiseerde missies 4 " in load(reader, "missions")
    mission.status = Mission.Status.COMPLETED
    with committed():
        mission.save()
    assert "Gerealiseerde missies 5 " in load(reader, "missions")
    with committed():
        mission.delete()
    assert "Gerealiseerde missies 4 " in load(reader, "missions")


def test_an_attendance_shows_up_on_the_next_load(reader, data, committed):
    assert "Deelnemers 52 " in load(reader, "participants")
    # Loaded afresh, so the invalidation cannot lean on a cached mission.
    registration = Registration.objects.get(pk=data.registrations[0].pk)
    registration.seats = 3
    with committed():
        registration.save()
    assert "Deelnemers 53 " in load(reader, "participants")
    with committed():
        RegistrationFactory(
            mission=data.missions[0],
            organisation=OrganisationFactory(province=data.province),
            status="attended",
            seats=1,
        )
    assert "Deelnemers 54 " in load(reader, "participants")


def test_a_result_target_and_budget_edit_show_up_on_the_next_load(
    reader, data, committed
):
    assert "Leads 8 Streefwaarde: 10" in load(reader, "leads")
    with committed():
        MissionResult.objects.create(
            registration=data.registrations[1], moment="after", leads=4
        )
    assert "Leads 12 Streefwaarde: 10" in load(reader, "leads")
    target = IndicatorTarget.objects.get(indicator__name="Leads", year=2016)
    target.value = Decimal("20")
    with committed():
        target.save()
    assert "Leads 12 Streefwaarde: 20" in load(reader, "leads")
    line = BudgetLine.objects.get(prestatie=data.prestatie, year=2016)
    line.realised = Decimal("600000")
    with committed():
        line.save()
    assert "Boven budget" in load(reader, "budget")


def test_a_reserve_mutation_shows_up_on_the_next_load(reader, data, committed):
    before = load(reader, "withdrawals")
    assert "€ 284.000 " in before
    with committed():
        ReserveMutation.objects.create(
            reserve=data.reserve,
            prestatie=data.prestatie,
            kind=ReserveMutation.Kind.WITHDRAWAL,
            amount=Decimal("16000"),
            budget_year=2017,
        )
    assert "€ 300.000 " in load(reader, "withdrawals")


def network(client) -> str:
    html = client.get(URL, {"year": 2016}).content.decode()
    start = html.index('id="network-figures"')
    part = html[start : html.index("</p>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part))


def test_contact_requests_of_the_province_show_up_on_the_next_load(
    reader, data, limburg, committed
):
    from showcase.models import ContactRequest

    assert "0 contactverzoeken" in network(reader)
    own = OrganisationFactory(province=data.prestatie.province)
    other = OrganisationFactory(province=limburg)
    with committed():
        request = ContactRequest.objects.create(
            sender=own, receiver=other, message="Hoi"
        )
        ContactRequest.objects.create(sender=other, receiver=own, message="Dag")
        # The dashboard's year is 2016; the requests are dated in it.
        ContactRequest.objects.update(
            created_at=datetime.datetime(2016, 6, 1, tzinfo=datetime.UTC)
        )
    text = network(reader)
    assert "1 contactverzoeken" in text and "0 daarvan" in text, text
    request.refresh_from_db()
    request.status = ContactRequest.Status.ACCEPTED
    with committed():
        request.save()
    assert "1 daarvan" in network(reader)


def test_a_theme_change_of_a_mission_shows_up_in_the_spread(reader, data, committed):
    html = reader.get(URL, {"year": 2016}).content.decode()
    assert "energie: 12 deelnemers" in html
    with committed():
        data.missions[0].themes.clear()
    html = reader.get(URL, {"year": 2016}).content.decode()
    assert "energie: 12 deelnemers" not in html


def test_an_organisation_edit_refreshes_every_province(data, limburg, committed):
    before = (versions(data.province.pk), versions(limburg.pk))
    organisation = data.organisations[0]
    organisation.sector = "Energie"
    with committed():
        organisation.save()
    after = (versions(data.province.pk), versions(limburg.pk))
    assert before[0] != after[0] and before[1] != after[1]


def test_an_edit_in_one_province_keeps_the_cache_of_another(data, limburg, committed):
    limburg_before = versions(limburg.pk)
    overijssel_before = versions(data.province.pk)
    data.missions[0].title = "Missie Turkije (energie)"
    with committed():
        data.missions[0].save()
    assert versions(limburg.pk) == limburg_before
    assert versions(data.province.pk) != overijssel_before


def test_an_evicted_version_still_invalidates(reader, data, committed):
    assert "Gerealiseerde missies 4 " in load(reader, "missions")
    cache.delete(f"dashboard:version:{data.province.pk}")
    mission = Mission.objects.get(pk=data.missions[0].pk)
    mission.status = Mission.Status.CANCELLED
    with committed():
        mission.save()
    assert "Gerealiseerde missies 3 " in load(reader, "missions")


def test_the_dashboards_are_refreshed_after_the_commit_not_before(
    data, django_capture_on_commit_callbacks
):
    """No Redis call inside the transaction: it would hold the locks of a
    sign-up longer and, with Redis down, fail the write."""
    before = versions(data.province.pk)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        data.missions[0].save()
        assert versions(data.province.pk) == before
    assert callbacks
    for callback in callbacks:
        callback()
    assert versions(data.province.pk) != before
