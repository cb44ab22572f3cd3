import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def login(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_by_email_address(civil_servant, client):
    response = login(client, civil_servant.email)
    assert response.status_code == 302
    assert client.get("/").context["user"] == civil_servant


def test_wrong_password_is_refused_with_a_message(civil_servant, client):
    response = login(client, civil_servant.email, "wrong")
    assert response.status_code == 200
    assert (
        "is_authenticated" not in response.context
        or not response.context["user"].is_authenticated
    )


def test_failed_logins_are_rate_limited(civil_servant, client):
    for _ in range(5):
        login(client, civil_servant.email, "wrong")
    # Even the right password is refused while the limit holds.
    response = login(client, civil_servant.email)
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()
    assert not client.get("/").context["user"].is_authenticated


def test_sme_signs_up_and_must_verify_the_address(
    client, django_capture_on_commit_callbacks
):
    # The mail goes through the outbox: out once the sign-up has committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "first_name": "Nieuw",
                "last_name": "Bedrijf",
                "email": "nieuw@bedrijf.example",
                "password1": "Lang-genoeg-2026",
                "password2": "Lang-genoeg-2026",
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@bedrijf.example")
    assert user.is_sme and not user.is_civil_servant
    assert len(mail.outbox) == 1
    assert "nieuw@bedrijf.example" in mail.outbox[0].to
    # Not logged in until the address is confirmed.
    assert not client.get("/").context["user"].is_authenticated


def test_password_reset_sends_a_mail(
    civil_servant, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": civil_servant.email})
    assert len(mail.outbox) == 1


def test_civil_servant_without_totp_is_sent_to_set_it_up(overijssel, client, settings):
    settings.REQUIRE_STAFF_2FA = True
    user = UserFactory(civil_servant=True, province=overijssel, mfa_exempt=False)
    client.force_login(user)
    response = client.get(reverse("programmes:index"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_civil_servant_with_totp_must_give_the_code(overijssel, client, settings):
    """Having TOTP is not enough: this session must have used it (the whole
    log-in is in tests/accounts/test_staff_two_factor.py)."""
    settings.REQUIRE_STAFF_2FA = True
    user = UserFactory(civil_servant=True, province=overijssel, mfa_exempt=False)
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(user)
    response = client.get(reverse("programmes:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_sme_user_is_not_forced_to_use_two_factor(sme_user, client, settings):
    settings.REQUIRE_STAFF_2FA = True
    client.force_login(sme_user)
    assert client.get("/").status_code == 200


def test_two_factor_requirement_can_be_switched_off(overijssel, client, settings):
    settings.REQUIRE_STAFF_2FA = False
    user = UserFactory(civil_servant=True, province=overijssel, mfa_exempt=False)
    client.force_login(user)
    assert client.get(reverse("programmes:index")).status_code == 200
