"""Whole stories through the real pages, as each kind of user lives them.

Each scenario drives Chromium against the live server; only what a person
cannot do in the browser (a mission that took place last month) is set up
with factories. A failure leaves a screenshot in test-artifacts/.
"""

import re
from datetime import timedelta
from pathlib import Path

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from missions.models import Mission, MissionResult, Registration
from participants.models import Organisation
from tests.e2e.conftest import login
from tests.e2e.test_keyboard import by_id, by_text, submit_in_main, tab_to, type_into
from tests.factories import MissionFactory, OrganisationFactory, RegistrationFactory

# Report files of these scenarios go to a temporary directory (autouse).

KVK = "87654321"


def _submit_main_form(page) -> None:
    page.locator("main form").last.locator("[type=submit]").last.click()
    page.wait_for_load_state()


def test_an_entrepreneur_signs_up_joins_a_mission_withdraws_and_reports_results(
    page, overijssel
):
    mission = MissionFactory(
        open=True, province=overijssel, title="Handelsmissie Hannover Messe"
    )
    email, password = "ondernemer@nieuwbedrijf.example", "Lang-genoeg-2026"

    # A new account, confirmed through the link in the e-mail.
    page.goto(reverse("account_signup"))
    page.locator("#id_first_name").fill("Eva")
    page.locator("#id_last_name").fill("Jansen")
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(password)
    page.locator("#id_password2").fill(password)
    _submit_main_form(page)
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    [message] = mail.outbox
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body)
    page.goto(link.group(0))
    _submit_main_form(page)
    login(page, email, password)

    # The organisation profile, with a KvK number that is new to the portal.
    page.goto(reverse("mine:organisation"))
    page.locator("#id_kvk_number").fill(KVK)
    page.locator("#id_name").fill("Nieuw Bedrijf BV")
    page.locator("#id_employees").fill("12")
    _submit_main_form(page)
    expect(page.locator("main")).to_contain_text("Nieuw Bedrijf BV")
    organisation = Organisation.objects.get(kvk_number=KVK)
    assert organisation.contacts.get().user.email == email

    # Sign up for the mission from its public page.
    page.goto(reverse("missions:detail", args=[mission.pk]))
    page.get_by_role("link", name="Aanmelden voor deze missie").click()
    page.locator("#id_motivation").fill("Wij zoeken een distributeur.")
    page.locator("#id_de_minimis_declared").check()
    _submit_main_form(page)
    page.wait_for_url(re.compile(r"/mijn/$"))
    registration = Registration.objects.get(mission=mission)
    assert registration.organisation == organisation
    row = page.locator("main tr", has_text=mission.title)
    expect(row).to_be_visible()

    # Withdraw again, after the confirmation page.
    row.get_by_role("link", name=re.compile("^Afmelden")).click()
    page.get_by_role("button", name="Ja, afmelden").click()
    page.wait_for_url(re.compile(r"/mijn/$"))
    registration.refresh_from_db()
    assert registration.status == Registration.Status.WITHDRAWN

    # A mission the organisation took part in last month: results are due.
    past = MissionFactory(
        completed=True, province=overijssel, title="Missie naar Turkije"
    )
    attended = RegistrationFactory(
        mission=past, organisation=organisation, status="attended"
    )
    page.goto(reverse("mine:index"))
    page.locator("main tr", has_text=past.title).get_by_role(
        "link", name=re.compile("^Resultaten invullen")
    ).first.click()
    page.locator("#id_meetings").fill("6")
    page.locator("#id_leads").fill("3")
    page.locator("#id_deals").fill("1")
    page.locator("#id_satisfaction").fill("9")
    _submit_main_form(page)
    page.wait_for_url(re.compile(r"/mijn/$"))
    result = MissionResult.objects.get(registration=attended)
    assert (result.meetings, result.leads, result.deals) == (6, 3, 1)
    assert result.submitted_by.email == email
    assert past.status == Mission.Status.COMPLETED


def test_an_entrepreneur_signs_up_for_a_mission_with_the_keyboard_only(
    page, login_as, overijssel, organisation, sme_user
):
    mission = MissionFactory(open=True, province=overijssel, title="Missie Polen")
    login_as(sme_user)
    page.goto(reverse("missions:detail", args=[mission.pk]))

    tab_to(page, by_text("Aanmelden voor deze missie"), "the sign-up link")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/aanmelden/$"))
    type_into(page, "id_motivation", "Nieuwe klanten in Polen.")
    type_into(page, "id_target_markets", "Polen")
    tab_to(page, by_id("id_de_minimis_declared"), "the de-minimis box")
    page.keyboard.press("Space")
    tab_to(page, submit_in_main, "the sign-up button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/mijn/$"))
    registration = Registration.objects.get(mission=mission)
    assert registration.organisation == organisation
    assert registration.target_markets == "Polen"

    # And withdrawing, also without a mouse.
    withdraw = reverse("mine:withdraw", args=[registration.pk])
    tab_to(page, lambda focus: focus["href"] == withdraw, "the withdraw link")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/afmelden/$"))
    tab_to(page, submit_in_main, "the confirm button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/mijn/$"))
    registration.refresh_from_db()
    assert registration.status == Registration.Status.WITHDRAWN


def _fill(page, values: dict) -> None:
    """Fill fields by id the way their kind asks: type, choose or tick."""
    for field_id, value in values.items():
        field = page.locator(f"#{field_id}")
        kind = field.evaluate("el => el.tagName + ':' + (el.type || '')")
        if kind.startswith("SELECT"):
            field.select_option(value)
        elif kind.endswith(":checkbox"):
            field.set_checked(bool(value))
        else:
            field.fill(str(value))


def test_a_civil_servant_plans_budgets_runs_a_mission_and_reports(
    page, login_as, overijssel, civil_servant
):
    from decimal import Decimal

    from programmes.models import IndicatorTarget, Prestatie, ReserveMutation
    from reporting.models import ReportRun
    from tests.factories import DecisionFactory, ReserveFactory, ReserveMutationFactory

    year = timezone.localdate().year
    reserve = ReserveFactory(province=overijssel, name="Reserve Kwaliteit")
    ReserveMutationFactory(
        reserve=reserve, addition=True, decided=True, amount=Decimal("300000")
    )
    decision = DecisionFactory(province=overijssel, reference="PS/2016/871")
    known = OrganisationFactory(kvk_number="01234567", name="Bouman Industries")
    login_as(civil_servant)

    # A prestatie with an action, an indicator and its target.
    page.goto(reverse("programmes:prestatie_create"))
    _fill(
        page,
        {
            "id_year": year,
            "id_code": "5.4.2",
            "id_title": "Internationaliseren",
            "id_portfolio_holder": "Eddy van Hijum",
        },
    )
    _submit_main_form(page)
    prestatie = Prestatie.objects.get(code="5.4.2")
    page.wait_for_url(re.compile(rf"/prestaties/{prestatie.pk}/$"))
    page.goto(reverse("programmes:action_create", args=[prestatie.pk]))
    _fill(page, {"id_number": 1, "id_text": "Wij faciliteren drie handelsmissies."})
    _submit_main_form(page)
    action = prestatie.actions.get()
    page.goto(reverse("programmes:indicator_create", args=[action.pk]))
    _fill(
        page,
        {"id_name": "Handelsmissies", "id_source": "computed"},
    )
    page.locator("#id_metric").select_option("missions_realised")
    _submit_main_form(page)
    indicator = action.indicators.get()
    page.goto(reverse("programmes:target_create", args=[indicator.pk]))
    _fill(page, {"id_year": year, "id_value": "3"})
    _submit_main_form(page)
    assert IndicatorTarget.objects.get(indicator=indicator).value == 3

    # A withdrawal proposed, then decided.
    page.goto(reverse("programmes:mutation_create", args=[reserve.pk]))
    _fill(
        page,
        {
            "id_kind": "withdrawal",
            "id_amount": "234.000",
            "id_budget_year": year,
            "id_prestatie": str(prestatie.pk),
        },
    )
    _submit_main_form(page)
    mutation = ReserveMutation.objects.get(kind="withdrawal")
    assert mutation.status == ReserveMutation.Status.PROPOSED
    page.goto(reverse("programmes:mutation_decide", args=[mutation.pk]))
    page.locator("#id_decision").select_option(str(decision.pk))
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.wait_for_load_state()
    mutation.refresh_from_db()
    assert mutation.status == ReserveMutation.Status.DECIDED
    assert mutation.amount == Decimal("234000.00")

    # A mission: created, published, a participant added by KvK number.
    page.goto(reverse("missions_backoffice:create"))
    start = timezone.localdate() - timedelta(days=20)
    _fill(
        page,
        {
            "id_title": "Missie naar Hannover Messe",
            "id_country": "DE",
            "id_start_date": start.isoformat(),
            "id_end_date": (start + timedelta(days=3)).isoformat(),
            "id_capacity": 20,
            "id_action": str(action.pk),
        },
    )
    _submit_main_form(page)
    mission = Mission.objects.get(title="Missie naar Hannover Messe")
    page.wait_for_url(re.compile(rf"/beheer/missies/{mission.pk}/$"))
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_load_state()
    mission.refresh_from_db()
    assert mission.status == Mission.Status.PUBLISHED
    page.get_by_role("link", name="Deelnemer toevoegen").click()
    _fill(page, {"id_kvk_number": "0123 4567", "id_seats": 2})
    _submit_main_form(page)
    page.wait_for_url(re.compile(rf"/beheer/missies/{mission.pk}/$"))
    registration = Registration.objects.get(mission=mission)
    assert registration.organisation == known
    expect(page.locator("main")).to_contain_text("Bouman Industries")

    # The yearly report, generated at once (eager Celery), and its PDF.
    page.goto(reverse("reporting:list"))
    page.locator("#id_year").select_option(str(year))
    page.get_by_role("button", name="Rapportage aanvragen").click()
    page.wait_for_load_state()
    run = ReportRun.objects.get()
    assert run.status == ReportRun.Status.SUCCEEDED, run.error
    page.goto(reverse("reporting:detail", args=[run.pk]))
    pdf_link = page.locator("[data-run-downloads] a", has_text="PDF")
    pdf = page.request.get(pdf_link.get_attribute("href"))
    assert pdf.ok
    assert pdf.body().startswith(b"%PDF")


def test_a_portfolio_holder_reads_the_dashboard_drills_down_and_gets_the_report(
    page, login_as, overijssel, portfolio_holder
):
    from reporting.models import ReportRun
    from reporting.services import report_run_request
    from tests.reporting.data import build_overijssel_2016

    build_overijssel_2016(overijssel)
    # Eager Celery and a committed transaction: generated right away.
    run, _created = report_run_request(
        province=overijssel, year=2016, requested_by=portfolio_holder
    )
    run.refresh_from_db()
    assert run.status == ReportRun.Status.SUCCEEDED, run.error
    login_as(portfolio_holder)

    page.goto(reverse("dashboard:index") + "?year=2016")
    expect(page.locator("h1")).to_contain_text("Overijssel")
    expect(page.locator("#headlines-heading")).to_be_visible()

    # From a headline figure to the missions and participants behind it
    # (the money figures come first on the dashboard; this is the missions').
    page.get_by_role(
        "link", name=re.compile("^Wat zit achter „Gerealiseerde missies")
    ).click()
    page.wait_for_url(re.compile(r"/dashboard/drilldown/"))
    expect(page.locator("main")).to_contain_text("Missie Liaoning")

    # Back to the dashboard, on to the yearly report and its PDF.
    page.go_back()
    page.get_by_role("link", name="Nieuwste jaarverslag 2016").click()
    page.wait_for_url(re.compile(rf"/rapportages/{run.pk}/$"))
    pdf_link = page.locator("[data-run-downloads] a", has_text="PDF")
    pdf = page.request.get(pdf_link.get_attribute("href"))
    assert pdf.ok
    assert pdf.body().startswith(b"%PDF")


def test_an_entrepreneur_downloads_his_data_and_deletes_his_account(
    page, login_as, organisation, sme_user
):
    import json

    from participants.services import ANONYMISED_NAME

    login_as(sme_user)
    page.goto(reverse("mine:index"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Mijn gegevens downloaden (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == sme_user.email
    assert data["organisations"][0]["kvk_number"] == organisation.kvk_number

    page.get_by_role("link", name="Mijn account verwijderen").click()
    page.get_by_role("button", name="Ja, verwijder mijn account").click()
    page.wait_for_url(re.compile(r"/$"))
    expect(page.locator("main")).to_contain_text("Uw account is verwijderd")
    sme_user.refresh_from_db()
    assert not sme_user.is_active
    assert organisation.contacts.get().name == ANONYMISED_NAME


def test_a_civil_servant_continues_a_prestatie_in_the_next_year(
    page, login_as, overijssel, civil_servant
):
    """Preparing next year: one button, one prefilled form, one save."""
    from decimal import Decimal

    from programmes.models import Prestatie
    from tests.factories import (
        ActionFactory,
        IndicatorFactory,
        IndicatorTargetFactory,
        PrestatieFactory,
    )

    old = PrestatieFactory(
        province=overijssel, year=2026, code="5.4.2", title="Internationaliseren"
    )
    action = ActionFactory(prestatie=old, number=1, text="Drie handelsmissies.")
    missions = IndicatorFactory(action=action, name="Handelsmissies", unit="missies")
    IndicatorTargetFactory(indicator=missions, year=2026, value=Decimal("3"))
    login_as(civil_servant)

    page.goto(reverse("programmes:prestatie_detail", args=[old.pk]))
    page.get_by_role("link", name="Voortzetten in 2027").click()
    page.wait_for_load_state()
    target = page.locator(f"#id_target_{missions.pk}")
    expect(target).to_have_value("3")
    expect(page.locator("#id_title")).to_have_value("Internationaliseren")
    target.fill("4")
    _submit_main_form(page)

    copy = Prestatie.objects.get(year=2027, code="5.4.2")
    page.wait_for_url(re.compile(rf"/prestaties/{copy.pk}/$"))
    expect(page.locator("h1")).to_contain_text("2027")
    assert copy.predecessor == old
    new_indicator = copy.actions.get().indicators.get()
    assert new_indicator.targets.get(year=2027).value == Decimal("4")
    # The old page now links to its successor instead of offering a copy.
    page.goto(reverse("programmes:prestatie_detail", args=[old.pk]))
    expect(page.get_by_role("link", name="Voortzetten in 2027")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile(r"\(2027\)"))).to_have_count(1)
