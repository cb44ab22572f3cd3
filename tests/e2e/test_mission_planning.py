"""Missions people can plan around, in the browser (issue 17, item 5): the
sign-up window on the public page, the calendar file, and a civil servant's
message to all participants."""

from datetime import timedelta
from pathlib import Path

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from missions.models import MissionMessage
from tests.factories import ContactPersonFactory, MissionFactory, RegistrationFactory


def test_an_entrepreneur_sees_when_sign_up_opens_and_saves_the_agenda_file(
    page, login_as, sme_user, organisation
):
    opens = timezone.now() + timedelta(days=3)
    mission = MissionFactory(
        open=True,
        province=organisation.province,
        title="Handelsmissie Hannover Messe",
        event="Hannover Messe",
        signup_opens_at=opens,
        signup_closes_at=opens + timedelta(days=14),
    )
    login_as(sme_user)
    page.goto(mission.get_absolute_url())
    main = page.locator("main")
    expect(main.get_by_text("Aanmelden opent binnenkort")).to_be_visible()
    expect(main.locator("[data-signup-window]")).to_contain_text(
        f"Aanmelden opent op {timezone.localtime(opens):%-d}"
    )
    expect(main.get_by_role("link", name="Aanmelden voor deze missie")).to_have_count(0)
    with page.expect_download() as download_info:
        main.get_by_role("link", name="Zet deze missie in uw agenda (.ics)").click()
    calendar = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Handelsmissie Hannover Messe"
    assert event.decoded("dtstart") == mission.start_date
    assert str(event["location"]).startswith("Hannover Messe")


def test_a_civil_servant_e_mails_all_participants(
    page, login_as, civil_servant, outbox_sends_at_once
):
    mission = MissionFactory(open=True, province=civil_servant.province)
    registration = RegistrationFactory(mission=mission)
    registration.contacts.add(
        ContactPersonFactory(
            organisation=registration.organisation, email="deelnemer@bedrijf.example"
        )
    )
    login_as(civil_servant)
    page.goto(reverse("missions_backoffice:detail", args=[mission.pk]))
    page.locator("main").get_by_role("link", name="E-mail alle deelnemers").click()
    page.get_by_label("Onderwerp").fill("Verzamelen op Schiphol")
    page.get_by_label("Tekst").fill("We verzamelen om 7.00 uur bij vertrekhal 2.")
    page.get_by_role("button", name="Versturen naar alle deelnemers").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("wordt naar de deelnemers verstuurd")
    assert MissionMessage.objects.get().subject == "Verzamelen op Schiphol"
    assert [m.to for m in mail.outbox] == [["deelnemer@bedrijf.example"]]
