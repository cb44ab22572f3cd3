from playwright.sync_api import expect

from tests.e2e.conftest import login
from tests.factories import UserFactory


def test_logging_in_through_the_form_offers_to_log_out(page, overijssel):
    user = UserFactory(civil_servant=True, province=overijssel)
    login(page, user.email)
    expect(page.locator("form[action$='/logout/'] button")).to_have_text(
        f"{user} uitloggen"
    )


def test_wrong_password_keeps_the_person_on_the_login_page(page, overijssel):
    user = UserFactory(civil_servant=True, province=overijssel)
    login(page, user.email, password="not-the-password")
    expect(page.locator("[data-error-summary]")).to_be_focused()
    expect(page.locator("form[action$='/logout/']")).to_have_count(0)
