"""Daily use in the browser (issue 17, items 1, 2 and 4): each role's home
is its work list; every count is followed to the list behind it, which
shows exactly the counted items; the dashboard opens on the last year with
data, money first.

The carry-over "Voortzetten in <jaar>" is replayed in test_scenarios.py;
the sign-up window and the calendar file in test_mission_planning.py; the
phone width of every page in test_narrow_screen.py.
"""

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from tests.factories import (
    ContactRequestFactory,
    MembershipRequestFactory,
    MissionFactory,
    OrganisationFactory,
    PublicProfileFactory,
    RegistrationFactory,
    ReportRunFactory,
    ReserveFactory,
    ReserveMutationFactory,
    UserFactory,
    sme_user_of,
)


def _days(number: int) -> date:
    return timezone.localdate() + timedelta(days=number)


def _ready_report(province, **kwargs):
    return ReportRunFactory(
        province=province,
        status="succeeded",
        figures={},
        pdf_file="reports/x.pdf",
        **kwargs,
    )


def _follow(page, key: str, count: int) -> None:
    """From the home page, check an entry's count and follow its link."""
    page.goto("/")
    entry = page.locator(f"#work-{key}")
    expect(entry.locator(".badge")).to_have_text(str(count))
    entry.get_by_role("link").click()
    page.wait_for_load_state()


def test_a_civil_servant_follows_each_count_to_exactly_its_items(
    page, login_as, civil_servant, overijssel, limburg
):
    to_decide = MissionFactory(
        province=overijssel, open=True, title="Missie Polen", start_date=_days(40)
    )
    RegistrationFactory.create_batch(2, mission=to_decide, submitted=True)
    soon = MissionFactory(
        province=overijssel, open=True, title="Hannover Messe", start_date=_days(5)
    )
    RegistrationFactory(mission=soon)  # accepted: nothing to decide
    overdue = MissionFactory(
        province=overijssel,
        status="completed",
        title="Missie Liaoning",
        start_date=_days(-90),
        end_date=_days(-88),
    )
    RegistrationFactory(mission=overdue, attended=True)
    recent = MissionFactory(
        province=overijssel,
        status="completed",
        title="Missie Turkije",
        start_date=_days(-6),
        end_date=_days(-5),
    )
    RegistrationFactory(mission=recent, attended=True)  # not overdue yet
    elsewhere = MissionFactory(
        province=limburg, open=True, title="Missie Limburg", start_date=_days(3)
    )
    RegistrationFactory(mission=elsewhere, submitted=True)
    reserve = ReserveFactory(province=overijssel)
    ReserveMutationFactory(reserve=reserve)
    ReserveMutationFactory(reserve=reserve, decided=True)
    _ready_report(overijssel, finished_at=timezone.now())
    _ready_report(overijssel, finished_at=timezone.now() - timedelta(days=90))
    PublicProfileFactory(
        published=True, organisation=OrganisationFactory(province=overijssel)
    )
    MembershipRequestFactory(
        organisation=OrganisationFactory(province=overijssel, name="Zonder Beheer BV")
    )
    with_admin = OrganisationFactory(province=overijssel, name="Met Beheer BV")
    sme_user_of(with_admin, admin=True)
    MembershipRequestFactory(organisation=with_admin)  # its admin decides
    everything = {"Missie Polen", "Hannover Messe", "Missie Liaoning"}
    everything |= {"Missie Turkije", "Missie Limburg"}
    login_as(civil_servant)

    for key, count, field, shown in (
        ("signups", 2, "#id_attention", {"Missie Polen"}),
        ("starting_soon", 1, "#id_starting_within", {"Hannover Messe"}),
        ("results_overdue", 1, "#id_results_overdue", {"Missie Liaoning"}),
    ):
        _follow(page, key, count)
        assert "/beheer/missies/?" in page.url, page.url
        # The filter that makes the list short is on view, to undo it.
        if field == "#id_starting_within":
            expect(page.locator(field)).to_have_value("14")
        else:
            expect(page.locator(field)).to_be_checked()
        table = page.locator("main table")
        for title in shown:
            expect(table).to_contain_text(title)
        for title in everything - shown:
            expect(table).not_to_contain_text(title)
    expect(page.locator("main table tbody tr")).to_have_count(1)

    _follow(page, "membership_requests", 1)
    expect(page.locator("#requests-filtered")).to_be_visible()
    expect(page.locator("main table tbody tr")).to_have_count(1)
    expect(page.locator("main table")).to_contain_text("Zonder Beheer BV")

    _follow(page, "proposals", 1)
    expect(page.locator("#id_status")).to_have_value("proposed")
    expect(page.locator("main table tbody tr")).to_have_count(1)

    _follow(page, "reports_ready", 1)
    expect(page.locator("#runs-filtered")).to_contain_text("30 dagen")
    expect(page.locator("[data-report-runs] tbody tr")).to_have_count(1)
    page.locator("#runs-filtered").get_by_role("link").click()
    expect(page.locator("[data-report-runs] tbody tr")).to_have_count(2)

    _follow(page, "moderation", 1)
    expect(page).to_have_url(re.compile(r"/beheer/etalage/$"))


def test_an_entrepreneur_finds_what_to_do_on_the_home_page(
    page, login_as, sme_user, organisation
):
    MissionFactory(open=True, title="Missie Japan", country="JP")
    MissionFactory(
        open=True,
        title="Missie Canada",
        country="CA",
        signup_opens_at=timezone.now() + timedelta(days=3),
    )
    PublicProfileFactory(organisation=organisation, target_markets=["JP"])
    RegistrationFactory(
        organisation=organisation,
        attended=True,
        mission=MissionFactory(
            status="completed",
            title="Missie Duitsland",
            start_date=_days(-12),
            end_date=_days(-10),
        ),
    )
    sender = OrganisationFactory(name="Gamma Machinebouw BV")
    ContactRequestFactory(sender=sender, receiver=organisation)
    login_as(sme_user)

    _follow(page, "open_signups", 1)
    expect(page.locator("#id_signup_open")).to_be_checked()
    table = page.locator("main table")
    expect(table).to_contain_text("Missie Japan")
    expect(table).not_to_contain_text("Missie Canada")  # opens in 3 days

    _follow(page, "results", 1)
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    expect(page.locator("main")).to_contain_text("Missie Duitsland")

    _follow(page, "recommended", 1)
    expect(
        page.locator("main").get_by_role("link", name="Missie Japan")
    ).to_be_visible()

    _follow(page, "contact_requests", 1)
    expect(page.locator("main")).to_contain_text("Gamma Machinebouw BV")


def test_a_portfolio_holder_reads_last_year_at_home_and_the_dashboard_opens_on_data(
    page, login_as, portfolio_holder, overijssel
):
    """Home: the last complete year. Dashboard: the last year in which a
    mission was completed (here the year before), money first."""
    this_year = timezone.localdate().year
    MissionFactory(
        province=overijssel,
        status="completed",
        start_date=date(this_year - 2, 5, 1),
        end_date=date(this_year - 2, 5, 3),
    )
    run = _ready_report(overijssel, year=this_year - 2)
    login_as(portfolio_holder)

    page.goto("/")
    expect(page.locator("#portfolio-heading")).to_have_text(
        f"Overijssel in {this_year - 1}"
    )
    expect(page.locator("#home-headline-missions .dashboard-value")).to_have_text("0")
    report = page.locator("#home-latest-report").get_by_role("link")
    expect(report).to_have_attribute("href", reverse("reporting:detail", args=[run.pk]))

    page.get_by_role("link", name=f"Het dashboard van {this_year - 1}").click()
    expect(page.locator("h1")).to_contain_text(str(this_year - 1))

    page.goto(reverse("dashboard:index"))
    expect(page.locator("h1")).to_contain_text(f"Overijssel {this_year - 2}")
    expect(page.locator("#headline-missions .dashboard-value")).to_have_text("1")
    first = page.locator(".dashboard-headlines .dashboard-card").first
    expect(first).to_contain_text("€")


def test_an_administrator_sees_the_users_awaiting_a_role(page, login_as, administrator):
    UserFactory(email="nieuw@bedrijf.example")
    UserFactory(sme=True, email="ondernemer@bedrijf.example")
    login_as(administrator)
    _follow(page, "users_without_role", 1)
    results = page.locator("#result_list")
    expect(results).to_contain_text("nieuw@bedrijf.example")
    expect(results).not_to_contain_text("ondernemer@bedrijf.example")


def test_the_public_page_shows_the_sign_up_window_in_each_language(page, login_as):
    """A visitor sees when sign-up opens and closes, in words and in
    Amsterdam time, and the button only once the window is open."""
    amsterdam = ZoneInfo("Europe/Amsterdam")
    year = timezone.localdate().year + 1
    # 23:30 UTC is 00:30 the next day in Amsterdam (winter time).
    opens = datetime(year, 12, 2, 23, 30, tzinfo=UTC)
    closes = datetime(year, 12, 20, 17, 0, tzinfo=amsterdam)
    mission = MissionFactory(
        open=True,
        start_date=date(year + 1, 2, 1),
        end_date=date(year + 1, 2, 3),
        signup_opens_at=opens,
        signup_closes_at=closes,
    )
    login_as(None)
    for language, text in (
        ("nl", f"Aanmelden opent op 3 december {year}, 00:30."),
        ("en", f"Sign-up opens on 3 December {year}, 00:30."),
    ):
        with translation.override(language):
            page.goto(mission.get_absolute_url())
        window = page.locator("main [data-signup-window]")
        expect(window).to_contain_text(text)
        month = "december" if language == "nl" else "December"
        expect(window).to_contain_text(f"20 {month} {year}, 17:00")
        expect(page.locator("main a[href$='/aanmelden/']")).to_have_count(0)

    mission.signup_opens_at = timezone.now() - timedelta(hours=1)
    mission.save(update_fields=["signup_opens_at"])
    page.goto(mission.get_absolute_url())
    expect(page.locator("main [data-signup-window]")).to_have_text(
        f"Aanmelden kan tot 20 december {year}, 17:00."
    )
    expect(
        page.locator("main").get_by_role("link", name="Aanmelden voor deze missie")
    ).to_be_visible()
