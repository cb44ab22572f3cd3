"""Administrators invite people: no password to invent, a link to choose one."""

import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from accounts.roles import Role
from accounts.services import user_create
from tests.factories import ProvinceFactory

pytestmark = pytest.mark.django_db

PORTAL = "https://export.provincie.example"


@pytest.fixture(autouse=True)
def _portal(settings):
    settings.PORTAL_URL = PORTAL


def _invite(client, overijssel, **overrides):
    data = {
        "email": "nieuw@overijssel.example",
        "name": "Nina de Vries",
        "language": "nl",
        "role": Role.CIVIL_SERVANT,
        "province": overijssel.pk,
        "_save": "Opslaan",
    }
    data.update(overrides)
    return client.post(reverse("admin:accounts_user_add"), data)


def _set_password_through_the_link(client, message, password):
    [link] = [x for x in re.findall(r"https?://\S+", message.body) if "/key/" in x]
    assert link.startswith(PORTAL)
    # allauth moves the key into the session and shows the form.
    response = client.get(link.removeprefix(PORTAL), follow=True)
    assert response.status_code == 200
    assert "form" in response.context, response.content.decode()[:2000]
    form_url = response.redirect_chain[-1][0]
    return client.post(form_url, {"password1": password, "password2": password})


def test_adding_a_user_in_the_admin_asks_no_password_and_mails_an_invitation(
    administrator, overijssel, client, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    page = client.get(reverse("admin:accounts_user_add")).content.decode()
    assert 'name="password1"' not in page
    assert "Beleidsmedewerker" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, overijssel)
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@overijssel.example")
    assert user.is_civil_servant and user.province == overijssel
    assert user.name == "Nina de Vries"
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified

    [message] = mail.outbox
    assert message.to == ["nieuw@overijssel.example"]
    assert message.subject == "Uw account op Exportportaal mkb"
    assert "Beste Nina de Vries," in message.body
    assert "Uw rol: Beleidsmedewerker." in message.body
    assert "tweestapsverificatie" in message.body

    client.logout()
    response = _set_password_through_the_link(client, message, "Eigen-keuze-2026")
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Eigen-keuze-2026")
    # The link works once.
    response = client.get(
        re.search(r"https?://\S+/key/\S+", message.body).group(0).removeprefix(PORTAL),
        follow=True,
    )
    assert response.context["token_fail"]


def test_the_invitation_is_in_the_language_the_administrator_chose(
    administrator, overijssel, client, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, overijssel, language="en")
    [message] = mail.outbox
    assert message.subject == "Your account on Exportportaal mkb"
    assert "Your role: Civil servant." in message.body
    assert f"{PORTAL}/en/accounts/password/reset/key/" in message.body


def test_no_mail_before_the_user_is_committed(
    administrator, overijssel, client, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _invite(client, overijssel)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_a_civil_servant_without_province_is_refused_with_a_message(
    administrator, overijssel, client
):
    client.force_login(administrator)
    response = _invite(client, overijssel, province="")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Een beleidsmedewerker of gedeputeerde hoort bij een provincie." in page
    assert "<title>Fout:" in page
    assert not User.objects.filter(email="nieuw@overijssel.example").exists()
    assert mail.outbox == []


def test_an_existing_address_is_refused_whatever_its_case(
    administrator, civil_servant, overijssel, client
):
    client.force_login(administrator)
    response = _invite(client, overijssel, email=civil_servant.email.upper())
    assert response.status_code == 200
    assert "Er bestaat al een gebruiker met dit e-mailadres." in (
        response.content.decode()
    )


def test_the_admin_action_sends_a_new_invitation(
    administrator, civil_servant, client, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:accounts_user_changelist"),
            {"action": "send_invitation", "_selected_action": [civil_servant.pk]},
        )
    [message] = mail.outbox
    assert message.to == [civil_servant.email]
    assert "/accounts/password/reset/key/" in message.body


def test_roles_show_their_translated_names_in_the_admin(
    administrator, civil_servant, client
):
    client.force_login(administrator)
    page = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Beleidsmedewerker" in page and "Functioneel beheerder" in page
    assert ">civil_servant<" not in page
    change = client.get(
        reverse("admin:accounts_user_change", args=[civil_servant.pk])
    ).content.decode()
    assert "Gedeputeerde" in change and "portfolio_holder</label>" not in change
    groups = client.get(reverse("admin:auth_group_changelist")).content.decode()
    assert "Ondernemer" in groups
    with translation.override("en"):
        english = client.get(reverse("admin:accounts_user_changelist"))
    assert "Civil servant" in english.content.decode()


def test_create_user_command_invites_when_no_password_is_given(
    django_capture_on_commit_callbacks,
):
    ProvinceFactory(code="UT", name="Utrecht")
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "create_user",
            "pm@utrecht.example",
            "--role=civil_servant",
            "--province=ut",
            "--language=en",
            stdout=StringIO(),
        )
    [message] = mail.outbox
    assert message.to == ["pm@utrecht.example"]
    assert message.subject.startswith("Your account on")
    assert User.objects.get(email="pm@utrecht.example").language == "en"


def test_create_user_command_with_a_password_or_no_invite_sends_nothing(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "create_user", "a@x.example", "--role=sme", "--password=Lang-genoeg-2026"
        )
        call_command("create_user", "b@x.example", "--role=sme", "--no-invite")
    assert mail.outbox == []
    assert User.objects.get(email="a@x.example").check_password("Lang-genoeg-2026")


def test_no_invitation_for_a_deactivated_user(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        user = user_create(email="weg@x.example", role=Role.SME, invite=True)
    User.objects.filter(pk=user.pk).update(is_active=False)
    for callback in callbacks:
        callback()
    assert mail.outbox == []
