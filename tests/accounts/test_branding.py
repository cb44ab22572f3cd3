"""allauth's e-mails and pages speak as the portal: its name, its address,
formal Dutch ("u") or English, never the host of the request."""

import re

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PORTAL = "https://export.provincie.example"
SITE = "Exportportaal Test"
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b", re.IGNORECASE)
FORMAL = re.compile(r"\b(u|uw)\b")


@pytest.fixture(autouse=True)
def _mails_at_once(outbox_sends_at_once):
    """What the mails say is tested here; when they go out, in
    tests/outbox."""


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.PORTAL_URL = PORTAL
    settings.SITE_NAME = SITE


def _links(text: str) -> list[str]:
    return re.findall(r"https?://\S+", text)


def assert_reads_like_the_portal(message, *, dutch=True):
    text = f"{message.subject}\n{message.body}"
    assert "testserver" not in text
    assert "[" not in message.subject
    assert SITE in message.body
    assert all(link.startswith(PORTAL) for link in _links(message.body)), text
    assert "{{" not in text and "{%" not in text
    if dutch:
        assert not INFORMAL.search(text), text
        assert FORMAL.search(message.body), text


def test_password_reset_mail_is_formal_dutch_with_portal_name_and_address(
    civil_servant, client
):
    client.post(reverse("account_reset_password"), {"email": civil_servant.email})
    [message] = mail.outbox
    assert message.subject == "Kies een nieuw wachtwoord"
    assert_reads_like_the_portal(message)
    assert f"Beste {civil_servant.name}," in message.body
    assert "3 dagen geldig" in message.body
    [link, *_rest] = _links(message.body)
    assert link.startswith(f"{PORTAL}/accounts/password/reset/key/")


def test_password_reset_mail_is_english_when_asked_on_an_english_page(
    civil_servant, client
):
    with translation.override("en"):
        url = reverse("account_reset_password")
    client.post(url, {"email": civil_servant.email})
    [message] = mail.outbox
    assert message.subject == "Set a new password"
    assert_reads_like_the_portal(message, dutch=False)
    assert f"Dear {civil_servant.name}," in message.body
    assert "Kind regards," in message.body
    assert _links(message.body)[0].startswith(f"{PORTAL}/en/accounts/password/reset/")


def test_unknown_address_mail_links_to_the_portals_sign_up(client):
    client.post(reverse("account_reset_password"), {"email": "niemand@x.example"})
    [message] = mail.outbox
    assert message.subject == "Geen account met dit e-mailadres"
    assert_reads_like_the_portal(message)
    assert f"{PORTAL}/accounts/signup/" in message.body
    assert "Geachte heer, mevrouw," in message.body


# Every e-mail allauth 65.22 can send, with the context it sends it with.
ALLAUTH_MAILS = {
    "account/email/email_confirmation_signup": {"activate_url": "/x/"},
    "account/email/email_confirmation": {"activate_url": "/x/"},
    "account/email/password_reset_key": {"password_reset_url": "/x/"},
    "account/email/password_reset_code": {"code": "ABC123"},
    "account/email/unknown_account": {"signup_url": "http://testserver/s/"},
    "account/email/account_already_exists": {
        "signup_url": "http://testserver/s/",
        "password_reset_url": "http://testserver/p/",
    },
    "account/email/login_code": {"code": "ABC123"},
    "account/email/email_changed": {"from_email": "a@x.nl", "to_email": "b@x.nl"},
    "account/email/email_deleted": {"deleted_email": "a@x.nl"},
    "account/email/password_changed": {},
    "account/email/password_reset": {},
    "account/email/password_set": {},
    "mfa/email/totp_activated": {},
    "mfa/email/totp_deactivated": {},
    "mfa/email/recovery_codes_generated": {},
    "mfa/email/webauthn_added": {},
    "mfa/email/webauthn_removed": {},
}
NOTIFICATION = {"ip": "192.0.2.1", "user_agent": "Firefox"}


@pytest.mark.parametrize("template", sorted(ALLAUTH_MAILS))
def test_every_allauth_mail_reads_like_the_portal_in_both_languages(
    template, sme_user, rf
):
    context = {"user": sme_user, "timestamp": timezone.now(), **NOTIFICATION}
    context.update(ALLAUTH_MAILS[template])
    for key in ("activate_url", "password_reset_url"):
        if context.get(key, "").startswith("/"):
            context[key] = PORTAL + context[key]
    subjects = {}
    for language in ("nl", "en"):
        with translation.override(language):
            get_adapter().send_mail(template, sme_user.email, context)
        message = mail.outbox[-1]
        assert_reads_like_the_portal(message, dutch=language == "nl")
        subjects[language] = message.subject
    assert subjects["nl"] != subjects["en"], "the Dutch subject is not translated"


def test_sign_up_asks_first_and_last_name_and_greets_by_name(client):
    data = {
        "first_name": "Anna",
        "last_name": "van der Berg",
        "email": "anna@bedrijf.example",
        "password1": "Lang-genoeg-2026",
        "password2": "Lang-genoeg-2026",
    }
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 302
    user = User.objects.get(email="anna@bedrijf.example")
    assert user.name == "Anna van der Berg"
    assert user.language == "nl"
    assert user.is_sme
    [message] = mail.outbox
    assert message.subject == "Bevestig uw e-mailadres"
    assert_reads_like_the_portal(message)
    assert "Beste Anna van der Berg," in message.body
    link = next(x for x in _links(message.body) if "confirm-email" in x)
    assert link.startswith(f"{PORTAL}/accounts/confirm-email/")

    client.post(link.removeprefix(PORTAL))
    client.post(
        reverse("account_login"),
        {"login": "anna@bedrijf.example", "password": "Lang-genoeg-2026"},
    )
    page = client.get(reverse("home")).content.decode()
    assert "Anna van der Berg uitloggen" in page
    assert "anna@bedrijf.example uitloggen" not in page


def test_sign_up_without_names_is_refused_with_messages(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "zonder@naam.example",
            "password1": "Lang-genoeg-2026",
            "password2": "Lang-genoeg-2026",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"first_name", "last_name"}
    assert not User.objects.filter(email="zonder@naam.example").exists()
    assert list(form.fields)[:3] == ["first_name", "last_name", "email"]


def test_sign_up_on_an_english_page_keeps_english_for_later_mails(client):
    with translation.override("en"):
        url = reverse("account_signup")
    client.post(
        url,
        {
            "first_name": "Ann",
            "last_name": "Smith",
            "email": "ann@company.example",
            "password1": "Long-enough-2026",
            "password2": "Long-enough-2026",
        },
    )
    assert User.objects.get(email="ann@company.example").language == "en"
    assert mail.outbox[0].subject == "Confirm your e-mail address"


def test_changing_the_password_sends_a_notice_by_name(sme_user, client):
    client.force_login(sme_user)
    client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "Nieuw-wachtwoord-2026",
            "password2": "Nieuw-wachtwoord-2026",
        },
    )
    [message] = mail.outbox
    assert message.subject == "Uw wachtwoord is gewijzigd"
    assert_reads_like_the_portal(message)
    assert f"Beste {sme_user.name}," in message.body


ALLAUTH_PAGES_ANONYMOUS = [
    ("account_login", {}),
    ("account_signup", {}),
    ("account_reset_password", {}),
    ("account_reset_password_done", {}),
    ("account_email_verification_sent", {}),
    ("account_reset_password_from_key_done", {}),
    ("account_inactive", {}),
    ("account_confirm_email", {"key": "no-such-key"}),
    ("account_reset_password_from_key", {"uidb36": "1", "key": "no-such-key"}),
]
ALLAUTH_PAGES_LOGGED_IN = [
    "account_logout",
    "account_email",
    "account_change_password",
    "account_reauthenticate",
    "mfa_index",
]


def _main(response) -> str:
    html = response.content.decode()
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return re.sub(r"<[^>]+>", " ", main)


@pytest.mark.parametrize("name,kwargs", ALLAUTH_PAGES_ANONYMOUS)
def test_allauth_pages_speak_formal_dutch_and_english(name, kwargs, client):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    text = _main(response)
    assert not INFORMAL.search(text), text
    assert '<link rel="stylesheet" href="/static/css/portal.css">' in (
        response.content.decode()
    )
    with translation.override("en"):
        english = _main(client.get(reverse(name, kwargs=kwargs)))
    assert english != text


@pytest.mark.parametrize("name", ALLAUTH_PAGES_LOGGED_IN)
def test_allauth_pages_of_a_logged_in_person_speak_formal_dutch(name, sme_user, client):
    client.force_login(sme_user)
    text = _main(client.get(reverse(name)))
    assert not INFORMAL.search(text), text


def test_wrong_password_message_is_formal(sme_user, client):
    response = client.post(
        reverse("account_login"), {"login": sme_user.email, "password": "fout"}
    )
    text = _main(response)
    assert "Het e-mailadres of het wachtwoord is niet juist." in text
    assert not INFORMAL.search(text)


def test_logged_in_message_is_formal(sme_user, client):
    response = client.post(
        reverse("account_login"),
        {"login": sme_user.email, "password": PASSWORD},
        follow=True,
    )
    assert f"U bent ingelogd als {sme_user.name}." in response.content.decode()


def test_mails_to_a_person_without_a_verified_address_still_use_the_portal(
    client, settings
):
    """An address added later: the confirmation is about adding, not signing up."""
    user = UserFactory(sme=True)
    client.force_login(user)
    client.post(
        reverse("account_email"), {"action_add": "", "email": "tweede@x.example"}
    )
    assert EmailAddress.objects.filter(email="tweede@x.example").exists()
    [message] = mail.outbox
    assert message.to == ["tweede@x.example"]
    assert "U heeft tweede@x.example toegevoegd" in message.body
    assert_reads_like_the_portal(message)


def test_the_language_for_mails_is_part_of_the_own_data_export(sme_user):
    from participants.personal_data import personal_data_export

    sme_user.language = "en"
    sme_user.save(update_fields=["language"])
    assert personal_data_export(user=sme_user)["account"]["language"] == "en"


def test_the_second_step_of_logging_in_speaks_formal_dutch(civil_servant, client):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=civil_servant, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    response = client.post(
        reverse("account_login"),
        {"login": civil_servant.email, "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    text = _main(response)
    assert "Uw account is beveiligd met tweestapsverificatie." in text
    assert not INFORMAL.search(text), text


def test_a_valid_confirmation_link_asks_to_confirm_formally(client):
    user = UserFactory(sme=True)
    address = EmailAddress.objects.get(user=user)
    address.verified = False
    address.save()
    from allauth.account.models import EmailConfirmationHMAC

    key = EmailConfirmationHMAC(address).key
    text = _main(client.get(reverse("account_confirm_email", args=[key])))
    assert f"Bevestig dat {user.email} het e-mailadres is van {user.name}." in text
