"""With REQUIRE_STAFF_2FA on, no way in reaches staff pages on a password
alone, /admin/ included (issue 14, item 5)."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.factories import PASSWORD, ReportRunFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _require_two_factor(settings):
    settings.REQUIRE_STAFF_2FA = True


@pytest.fixture
def administrator_with_totp(db):
    user = UserFactory(administrator=True, mfa_exempt=False)
    return user, with_totp(user)


@pytest.fixture
def civil_servant_with_totp(overijssel):
    user = UserFactory(civil_servant=True, province=overijssel, mfa_exempt=False)
    return user, with_totp(user)


@pytest.fixture
def ready_report(overijssel, report_files):
    run = ReportRunFactory(province=overijssel)
    run.pdf_file.save("verslag.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    run.status = "succeeded"
    run.figures = {}
    run.save()
    return run


def with_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret: str) -> str:
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def staff_pages(report) -> list[str]:
    return [
        reverse("admin:index"),
        reverse("programmes:index"),
        reverse("dashboard:index"),
        reverse("reporting:download", args=[report.pk, "pdf"]),
    ]


def password_step(client, user, login_url=None):
    """Post the password on the portal's log-in form; the answer is the
    second step, not a session."""
    response = client.post(
        login_url or reverse("account_login"),
        {"login": user.email, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    return response


def admin_login_url(client) -> str:
    """Where /admin/ sends an anonymous visitor, followed to the form."""
    to_admin_login = client.get(reverse("admin:index"))
    assert urlsplit(to_admin_login.url).path == reverse("admin:login")
    to_form = client.get(to_admin_login.url)
    assert to_form.status_code == 302
    return to_form.url


def assert_no_staff_page(client, report):
    for url in staff_pages(report):
        response = client.get(url)
        assert response.status_code == 302, url
        assert urlsplit(response.url).path in {
            reverse("account_login"),
            reverse("admin:login"),
        }, url
    assert not client.get("/").context["user"].is_authenticated


def test_the_admin_log_in_is_the_portals_form(client):
    url = admin_login_url(client)
    assert urlsplit(url).path == reverse("account_login")
    assert parse_qs(urlsplit(url).query)["next"] == ["/admin/"]


def test_the_admin_log_in_takes_no_password_itself(client, administrator_with_totp):
    user, _ = administrator_with_totp
    response = client.post(
        reverse("admin:login"),
        {"username": user.email, "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert urlsplit(response.url).path == reverse("account_login")
    assert client.get(reverse("admin:index")).status_code == 302


def test_administrator_with_password_alone_reaches_no_staff_page(
    client, administrator_with_totp, ready_report
):
    user, _ = administrator_with_totp
    password_step(client, user, admin_login_url(client))
    assert_no_staff_page(client, ready_report)


def test_administrator_with_password_and_code_reaches_the_admin(
    client, administrator_with_totp, ready_report
):
    user, secret = administrator_with_totp
    password_step(client, user, admin_login_url(client))
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert response.url == reverse("admin:index")
    for url in staff_pages(ready_report):
        assert client.get(url).status_code == 200, url


def test_civil_servant_with_password_alone_reaches_no_staff_page(
    client, civil_servant_with_totp, ready_report
):
    user, _ = civil_servant_with_totp
    password_step(client, user)
    assert_no_staff_page(client, ready_report)


def test_civil_servant_with_password_and_code_reaches_the_back_office(
    client, civil_servant_with_totp, ready_report
):
    user, secret = civil_servant_with_totp
    password_step(client, user)
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    for url in staff_pages(ready_report)[1:]:
        assert client.get(url).status_code == 200, url
    # Civil servants are no admin staff.
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_wrong_code_gives_no_access(client, civil_servant_with_totp, ready_report):
    user, secret = civil_servant_with_totp
    password_step(client, user)
    wrong = f"{(int(current_code(secret)) + 1) % 10**6:06d}"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})
    assert response.status_code == 200
    assert_no_staff_page(client, ready_report)


@pytest.mark.parametrize("role", ["administrator", "civil_servant"])
def test_a_session_logged_in_without_the_code_is_ended(
    role, request, client, ready_report
):
    """However a session got logged in (Django's admin form used to do it,
    force_login here), a password alone is not enough."""
    user, _ = request.getfixturevalue(f"{role}_with_totp")
    client.force_login(user)
    response = client.get(reverse("programmes:index"))
    assert response.status_code == 302
    assert urlsplit(response.url).path == reverse("account_login")
    assert "next=" in response.url
    assert not client.get("/").context["user"].is_authenticated
    assert_no_staff_page(client, ready_report)


def test_a_session_without_the_code_cannot_switch_the_app_off(
    client, civil_servant_with_totp
):
    user, _ = civil_servant_with_totp
    client.force_login(user)
    response = client.get(reverse("mfa_deactivate_totp"))
    assert urlsplit(response.url).path == reverse("account_login")


@pytest.mark.django_db(transaction=True)
def test_staff_without_totp_set_it_up_and_then_work(client, overijssel):
    """allauth announces the new authenticator after commit, as it does in
    production; hence a test with real transactions."""
    user = UserFactory(civil_servant=True, province=overijssel, mfa_exempt=False)
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    response = client.get(reverse("programmes:index"))
    assert response.url == reverse("mfa_activate_totp")
    # Switching two-factor on asks for the password once more.
    response = client.get(reverse("mfa_activate_totp"))
    assert urlsplit(response.url).path == reverse("account_reauthenticate")
    client.post(response.url, {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("programmes:index")).status_code == 200


def test_two_factor_login_in_english_lands_on_english_pages(
    client, civil_servant_with_totp
):
    user, secret = civil_servant_with_totp
    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": PASSWORD}
    )
    assert response.url == "/en/accounts/2fa/authenticate/"
    client.post(response.url, {"code": current_code(secret)})
    assert client.get("/en/beheer/").status_code == 200


def test_the_demo_exemption_does_not_hold_in_production(client, settings):
    """Ticking "exempt from two-factor" in /admin/ must not open a back
    door: outside development and tests it is ignored."""
    settings.DEBUG = False
    settings.TESTING = False
    user = UserFactory(administrator=True, mfa_exempt=True)
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    response = client.get(reverse("admin:index"))
    assert response.url == reverse("mfa_activate_totp")
    settings.TESTING = True
    assert client.get(reverse("admin:index")).status_code == 200
