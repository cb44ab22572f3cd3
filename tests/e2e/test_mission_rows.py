"""The rows of the back-office mission page in the browser: their buttons
post with the page's form (`form=`, `formaction=`), which holds the CSRF
token, so that the rows can be cached for every civil servant alike."""

from django.urls import reverse
from playwright.sync_api import expect

from missions.models import Registration
from tests.factories import MissionFactory, RegistrationFactory


def test_a_civil_servant_accepts_and_withdraws_from_the_rows(
    page, login_as, civil_servant
):
    mission = MissionFactory(open=True, province=civil_servant.province, capacity=5)
    first = RegistrationFactory(mission=mission, submitted=True)
    second = RegistrationFactory(mission=mission, submitted=True)
    login_as(civil_servant)
    page.goto(reverse("missions_backoffice:detail", args=[mission.pk]))
    main = page.locator("main")

    main.get_by_role("button", name=f"Accepteren {first.organisation.name}").click()
    page.wait_for_load_state()
    expect(main).to_contain_text("is geaccepteerd")
    main.get_by_role("button", name=f"Afmelden {second.organisation.name}").click()
    page.wait_for_load_state()

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.ACCEPTED
    assert second.status == Registration.Status.WITHDRAWN
    row = main.get_by_role("row").filter(has_text=second.organisation.name)
    expect(row).to_contain_text("Afgemeld")
