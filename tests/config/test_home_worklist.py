"""The home page is the work list of each role (issue 17, item 1): every
entry with its count and link, in a fixed number of queries."""

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from missions.selectors import (
    RESULTS_GRACE_DAYS,
    _last_end_date_due,
    results_to_fill_in_count,
)
from missions.services.results import add_months
from tests.factories import (
    ContactPersonFactory,
    ContactRequestFactory,
    ExportStoryFactory,
    MembershipRequestFactory,
    MissionFactory,
    MissionResultFactory,
    OrganisationFactory,
    PublicProfileFactory,
    RegistrationFactory,
    ReportRunFactory,
    ReserveFactory,
    ReserveMutationFactory,
    UserFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db


def counts(html: str) -> dict[str, int]:
    """{key: count} of the work list entries on the page."""
    return {
        key: int(count)
        for key, count in re.findall(
            r'id="work-([a-z_]+)".*?<span class="badge[^"]*">(\d+)</span>',
            html,
            flags=re.S,
        )
    }


def links(html: str) -> dict[str, str]:
    """{key: href} of the work list entries on the page."""
    return {
        key: unescape(href)
        for key, href in re.findall(
            r'id="work-([a-z_]+)"[^>]*>\s*<a href="([^"]+)"', html
        )
    }


def home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def ready_run(province, **kwargs):
    """A report run that finished now, with the figures and file a ready
    run must have."""
    kwargs.setdefault("finished_at", timezone.now())
    return ReportRunFactory(
        province=province,
        status="succeeded",
        figures={},
        pdf_file="reports/x.pdf",
        **kwargs,
    )


def long_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def province_work(province, *, other_province):
    """One of everything a civil servant of `province` has to do, and the
    same in another province (which must not count)."""
    for where in (province, other_province):
        RegistrationFactory(submitted=True, mission__province=where)
        MissionFactory(
            province=where,
            open=True,
            start_date=timezone.localdate() + timedelta(days=5),
        )
        overdue = MissionFactory(
            province=where,
            status="completed",
            start_date=long_ago(RESULTS_GRACE_DAYS + 10),
            end_date=long_ago(RESULTS_GRACE_DAYS + 5),
        )
        RegistrationFactory(mission=overdue, attended=True)
        orphan = OrganisationFactory(province=where)
        MembershipRequestFactory(organisation=orphan)
        ReserveMutationFactory(reserve=ReserveFactory(province=where))
        ready_run(where, finished_at=timezone.now())
        PublicProfileFactory(published=True, organisation__province=where)
        ExportStoryFactory(
            organisation=PublicProfileFactory(
                published=True, organisation__province=where
            ).organisation
        )


def test_civil_servant_sees_the_work_of_their_own_province(
    client, civil_servant, overijssel, limburg
):
    province_work(overijssel, other_province=limburg)
    html = home(client, civil_servant)
    assert counts(html) == {
        "signups": 1,
        "membership_requests": 1,
        "proposals": 1,
        "starting_soon": 1,
        "results_overdue": 1,
        "reports_ready": 1,
        # Two published profiles (one with a story) and the story.
        "moderation": 3,
    }
    hrefs = links(html)
    for key, name in (
        ("signups", "missions_backoffice:list"),
        ("membership_requests", "missions_backoffice:membership_requests"),
        ("proposals", "programmes:mutation_list"),
        ("starting_soon", "missions_backoffice:list"),
        ("results_overdue", "missions_backoffice:list"),
        ("reports_ready", "reporting:list"),
        ("moderation", "showcase_moderation:list"),
    ):
        assert hrefs[key].split("?")[0] == reverse(name)


def test_each_count_links_to_a_list_of_exactly_its_items(
    client, civil_servant, overijssel, limburg
):
    """Item 2: a count and the list behind its link agree; look-alikes that
    the count leaves out stay out of the list too."""
    province_work(overijssel, other_province=limburg)
    later = MissionFactory(
        province=overijssel,
        open=True,
        start_date=timezone.localdate() + timedelta(days=40),
    )
    RegistrationFactory(mission=later, submitted=True)  # to decide, not soon
    not_yet_overdue = MissionFactory(
        province=overijssel,
        status="completed",
        start_date=long_ago(6),
        end_date=long_ago(5),
    )
    RegistrationFactory(mission=not_yet_overdue, attended=True)
    ReserveMutationFactory(reserve=ReserveFactory(province=overijssel), decided=True)
    ready_run(overijssel, finished_at=timezone.now() - timedelta(days=60))
    with_admin = OrganisationFactory(province=overijssel)
    sme_user_of(with_admin, admin=True)
    MembershipRequestFactory(organisation=with_admin)  # its admin decides
    html = home(client, civil_servant)
    numbers, hrefs = counts(html), links(html)

    def listed(key, name):
        response = client.get(hrefs[key])
        assert response.status_code == 200, hrefs[key]
        return list(response.context[name])

    to_decide = listed("signups", "missions")
    assert numbers["signups"] == 2
    assert sum(mission.submitted_count for mission in to_decide) == 2
    assert later in to_decide
    soon = listed("starting_soon", "missions")
    assert len(soon) == numbers["starting_soon"] == 1
    assert later not in soon
    overdue = listed("results_overdue", "missions")
    assert len(overdue) == numbers["results_overdue"] == 1
    assert overdue[0].province == overijssel
    assert not_yet_overdue not in overdue
    proposals = listed("proposals", "object_list")
    assert len(proposals) == numbers["proposals"] == 1
    assert proposals[0].status == "proposed"
    requests = listed("membership_requests", "requests")
    assert len(requests) == numbers["membership_requests"] == 1
    assert requests[0].organisation != with_admin
    all_requests = client.get(reverse("missions_backoffice:membership_requests"))
    assert len(all_requests.context["requests"]) == 2
    ready = listed("reports_ready", "runs")
    assert len(ready) == numbers["reports_ready"] == 1
    assert client.get(reverse("reporting:list")).context["paginator"].count == 2


def test_the_ready_reports_filter_refuses_what_it_cannot_read(client, civil_servant):
    client.force_login(civil_servant)
    response = client.get(reverse("reporting:list"), {"ready_within": "abc"})
    assert response.status_code == 400
    assert "Klaar in de afgelopen (dagen)" in response.text


def test_what_is_done_leaves_the_civil_servants_list(client, civil_servant, overijssel):
    decided = RegistrationFactory(mission__province=overijssel)  # accepted
    late = MissionFactory(
        province=overijssel,
        status="completed",
        end_date=long_ago(200),
        start_date=long_ago(203),
    )
    RegistrationFactory(mission=late, attended=True)
    filled = RegistrationFactory(mission=late, attended=True)
    for moment in ("after", "6_months"):
        MissionResultFactory(registration=filled, moment=moment)
    admin_organisation = OrganisationFactory(province=overijssel)
    sme_user_of(admin_organisation, admin=True)
    MembershipRequestFactory(organisation=admin_organisation)
    ReserveMutationFactory(reserve=ReserveFactory(province=overijssel), decided=True)
    ready_run(
        overijssel,
        finished_at=timezone.now() - timedelta(days=60),
    )
    profile = PublicProfileFactory(published=True, organisation__province=overijssel)
    profile.reviewed_at = timezone.now()
    profile.save()
    assert decided.status == "accepted"
    assert counts(home(client, civil_servant)) == {
        "signups": 0,
        "membership_requests": 0,
        "proposals": 0,
        "starting_soon": 0,
        # Only the registration without any result; the other has both
        # moments that fell due 200 days after the end.
        "results_overdue": 1,
        "reports_ready": 0,
        "moderation": 0,
    }


def test_civil_servants_home_costs_the_same_queries_with_more_data(
    client, civil_servant, overijssel, limburg, django_assert_num_queries
):
    province_work(overijssel, other_province=limburg)
    client.force_login(civil_servant)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("home"))
    expected = len(few)  # before the next request resets the log
    for _ in range(3):
        province_work(overijssel, other_province=limburg)
    with django_assert_num_queries(expected):
        response = client.get(reverse("home"))
    assert counts(response.content.decode())["signups"] == 4


def entrepreneur_world(organisation):
    """An open mission recommended to the organisation, a completed one it
    attended without results, and a pending contact request to it."""
    MissionFactory(open=True, country="JP")
    PublicProfileFactory(organisation=organisation, target_markets=["JP"])
    RegistrationFactory(
        organisation=organisation,
        attended=True,
        mission=MissionFactory(
            status="completed", start_date=long_ago(12), end_date=long_ago(10)
        ),
    )
    ContactRequestFactory(receiver=organisation)


def test_entrepreneur_sees_open_signups_results_recommendations_and_requests(
    client, organisation
):
    user = sme_user_of(organisation)
    entrepreneur_world(organisation)
    MissionFactory(
        open=True, signup_opens_at=timezone.now() + timedelta(days=3)
    )  # not open yet
    ContactRequestFactory(receiver=organisation, accepted=True)
    html = home(client, user)
    assert counts(html) == {
        "open_signups": 1,
        "results": 1,
        "recommended": 1,
        "contact_requests": 1,
    }
    assert f'href="{reverse("mine_showcase:requests")}"' in html
    open_now = client.get(links(html)["open_signups"]).context["missions"]
    assert len(open_now) == 1


def test_a_signed_up_mission_is_no_longer_recommended(client, organisation):
    user = sme_user_of(organisation)
    mission = MissionFactory(open=True, country="JP")
    PublicProfileFactory(organisation=organisation, target_markets=["JP"])
    RegistrationFactory(organisation=organisation, mission=mission, submitted=True)
    assert counts(home(client, user))["recommended"] == 0


def test_an_admin_of_an_organisation_sees_requests_to_join_it(client, organisation):
    admin = sme_user_of(organisation, admin=True)
    member = sme_user_of(organisation)
    MembershipRequestFactory(organisation=organisation)
    assert counts(home(client, admin))["membership_requests"] == 1
    assert "membership_requests" not in counts(home(client, member))


def test_entrepreneurs_home_costs_the_same_queries_with_more_data(
    client, organisation, overijssel, django_assert_num_queries
):
    user = sme_user_of(organisation, admin=True)
    MembershipRequestFactory(organisation=organisation)
    entrepreneur_world(organisation)
    client.force_login(user)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("home"))
    expected = len(few)  # before the next request resets the log
    second = OrganisationFactory(province=overijssel)
    ContactPersonFactory(organisation=second, user=user, is_admin=True)
    PublicProfileFactory(organisation=second, target_markets=["JP", "FR"])
    MembershipRequestFactory(organisation=second)
    for _ in range(3):
        entrepreneur_world(organisation)
        MembershipRequestFactory(organisation=organisation)
    with django_assert_num_queries(expected):
        response = client.get(reverse("home"))
    assert counts(response.content.decode())["results"] == 4


def test_portfolio_holder_sees_last_years_figures_and_latest_report(
    client, portfolio_holder, overijssel
):
    last_year = timezone.localdate().year - 1
    MissionFactory(
        province=overijssel,
        status="completed",
        start_date=date(last_year, 5, 1),
        end_date=date(last_year, 5, 3),
    )
    run = ready_run(
        overijssel,
        year=last_year,
    )
    html = home(client, portfolio_holder)
    headline = re.search(
        r'id="home-headline-missions".*?dashboard-value[^>]*>([^<]+)<', html, re.S
    )
    assert headline and headline.group(1).strip() == "1"
    assert f"?year={last_year}" in html
    assert f'href="{reverse("reporting:detail", args=[run.pk])}"' in html


def test_portfolio_holders_home_is_cached_and_fixed(
    client, portfolio_holder, overijssel, django_assert_num_queries
):
    client.force_login(portfolio_holder)
    client.get(reverse("home"))  # fills the dashboard cache
    with CaptureQueriesContext(connection) as warm:
        client.get(reverse("home"))
    expected = len(warm)  # before the next request resets the log
    for _ in range(3):
        ready_run(overijssel)
    client.get(reverse("home"))  # a saved run refreshes the cache
    with django_assert_num_queries(expected):
        client.get(reverse("home"))


def test_administrator_sees_users_awaiting_a_role(client, administrator):
    UserFactory()
    UserFactory(is_active=False)
    UserFactory(sme=True)
    html = home(client, administrator)
    assert counts(html) == {"users_without_role": 1}
    link = reverse("admin:accounts_user_changelist") + "?role=none"
    assert f'href="{link}"' in html
    response = client.get(link)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_anonymous_home_has_no_work_list(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert counts(response.content.decode()) == {}


@pytest.mark.parametrize(
    ("today", "months"),
    [
        (date(2027, 2, 28), 6),
        (date(2027, 3, 1), 6),
        (date(2028, 2, 29), 12),
        (date(2027, 1, 15), 0),
    ],
)
def test_due_cutoff_matches_the_result_due_date(today, months):
    """_last_end_date_due is the last end date whose moment is due by today,
    month ends included (31 August + 6 months = 28 February)."""
    cutoff = _last_end_date_due(today, months)
    assert add_months(cutoff, months) <= today
    assert add_months(cutoff + timedelta(days=1), months) > today


def test_results_to_fill_in_counts_each_registration_once(organisation):
    user = sme_user_of(organisation)
    mission = MissionFactory(
        status="completed", start_date=long_ago(400), end_date=long_ago(399)
    )
    RegistrationFactory(organisation=organisation, mission=mission, attended=True)
    assert results_to_fill_in_count(user=user) == 1


def test_work_list_speaks_dutch_and_english(client, civil_servant):
    client.force_login(civil_servant)
    dutch = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Aanmeldingen om over te beslissen" in dutch
    assert "Missies die de komende 14 dagen beginnen" in dutch
    assert "Sign-ups to decide" in english
