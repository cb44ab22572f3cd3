"""Whole stories through the real pages, as each kind of user lives them.

Each scenario drives Chromium against the live server; only what a person
cannot do in the browser (a mission that took place last month) is set up
with factories. A failure leaves a screenshot in test-artifacts/.
"""

import re

from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from missions.models import Mission, MissionResult, Registration
from participants.models import Organisation
from tests.e2e.conftest import login
from tests.e2e.test_keyboard import by_id, by_text, submit_in_main, tab_to, type_into
from tests.factories import MissionFactory, RegistrationFactory

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
