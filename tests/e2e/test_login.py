import re

from playwright.sync_api import expect

from tests.e2e.conftest import login
from tests.factories import PASSWORD, UserFactory


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


def test_administrator_logs_in_to_the_admin_with_password_and_code(
    page, live_server, settings
):
    """/admin/ has no log-in of its own: the portal's form, then the code."""
    from tests.accounts.test_staff_two_factor import current_code, with_totp

    settings.REQUIRE_STAFF_2FA = True
    user = UserFactory(administrator=True, mfa_exempt=False)
    secret = with_totp(user)
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=%2Fadmin%2F$"))
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.portal-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    # Without the code the admin stays closed: it asks for the code again.
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    page.locator("#id_code").fill(current_code(secret))
    page.locator("#id_code").press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#content h1")).to_be_visible()
