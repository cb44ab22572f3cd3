"""AVG: an SME user downloads his data and deletes his account."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from missions.models import Registration
from outbox.models import SentMail
from participants.models import ContactPerson
from participants.personal_data import personal_data_export
from participants.services import (
    ANONYMISED_NAME,
    contact_person_anonymise,
    contact_person_update,
    user_erase,
)
from tests.factories import (
    ContactPersonFactory,
    ContactRequestFactory,
    ExportStoryFactory,
    MissionFactory,
    OrganisationFactory,
    PublicProfileFactory,
    RegistrationFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(organisation, sme_user):
    mission = MissionFactory(completed=True, province=organisation.province)
    registration = RegistrationFactory(
        mission=mission, organisation=organisation, status="attended"
    )
    registration.contacts.set(organisation.contacts.all())
    registration.results.create(moment="t0", leads=3, deals=1, satisfaction=8)
    return registration


def test_the_download_holds_the_user_his_organisation_and_its_registrations(
    client, sme_user, organisation, registered
):
    stranger_org = OrganisationFactory(name="Andermans BV")
    sme_user_of(stranger_org, email="ander@example.org")
    RegistrationFactory(mission=registered.mission, organisation=stranger_org)
    client.force_login(sme_user)

    response = client.get(reverse("mine:data"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == sme_user.email
    assert [c["email"] for c in data["contact_persons"]] == [sme_user.email]
    [own] = data["organisations"]
    assert own["kvk_number"] == organisation.kvk_number
    [registration] = own["registrations"]
    assert registration["mission"]["title"] == registered.mission.title
    assert registration["results"][0]["leads"] == 3
    text = response.content.decode()
    assert "Andermans BV" not in text
    assert "ander@example.org" not in text


def test_the_download_takes_the_same_queries_for_more_data(
    sme_user, organisation, registered, django_assert_num_queries
):
    PublicProfileFactory(organisation=organisation)
    with django_assert_num_queries(EXPORT_QUERIES):
        personal_data_export(user=sme_user)
    for _ in range(3):
        more = RegistrationFactory(organisation=organisation)
        more.results.create(moment="t0")
        ExportStoryFactory(organisation=organisation)
        ContactRequestFactory(sender=organisation)
    sme_user = get_user_model().objects.get(pk=sme_user.pk)
    with django_assert_num_queries(EXPORT_QUERIES):
        data = personal_data_export(user=sme_user)
    assert len(data["organisations"][0]["registrations"]) == 4
    assert len(data["organisations"][0]["showcase"]["stories"]) == 3


# Roles, contact persons, requests to join, registrations, results; profiles,
# their themes, stories, contact requests; advisory tracks (their steps,
# documents and the user's notes only when he has tracks: tests/advice);
# questions to the desk.
EXPORT_QUERIES = 11


def test_the_download_holds_the_showcase_without_other_peoples_details(
    client, sme_user, organisation
):
    PublicProfileFactory(
        organisation=organisation, published=True, experience="Drie jaar Duitsland."
    )
    ExportStoryFactory(organisation=organisation, title="Ons eerste contract")
    partner = OrganisationFactory(name="Partner BV")
    stranger = sme_user_of(partner, email="partner@example.org")
    ContactRequestFactory(
        sender=organisation, receiver=partner, message="Zullen we bellen?"
    )
    ContactRequestFactory(
        sender=partner,
        receiver=organisation,
        sender_user=stranger,
        sender_contact=partner.contacts.get(),
        message="Kunt u ons helpen met Japan?",
        accepted=True,
    )
    client.force_login(sme_user)

    data = json.loads(client.get(reverse("mine:data")).content)

    showcase = data["organisations"][0]["showcase"]
    assert showcase["profile"]["experience"] == "Drie jaar Duitsland."
    assert [story["title"] for story in showcase["stories"]] == ["Ons eerste contract"]
    assert [
        (r["direction"], r["organisation"], r["message"])
        for r in showcase["contact_requests"]
    ] == [
        ("sent", "Partner BV", "Zullen we bellen?"),
        ("received", "Partner BV", "Kunt u ons helpen met Japan?"),
    ]
    assert "partner@example.org" not in json.dumps(data)


def test_deleting_the_account_takes_the_address_out_of_the_showcase_mail_log(
    sme_user,
):
    colleague = "collega@example.org"
    SentMail.objects.create(
        key="request:1:received", recipients=f"{sme_user.email}, {colleague}"
    )
    SentMail.objects.create(key="request:2:received", recipients=colleague)

    user_erase(user=sme_user)

    assert list(
        SentMail.objects.order_by("key").values_list("recipients", flat=True)
    ) == [colleague, colleague]


def test_only_sme_users_may_download_or_delete(client, civil_servant):
    client.force_login(civil_servant)
    assert client.get(reverse("mine:data")).status_code == 403
    assert client.post(reverse("mine:account_delete")).status_code == 403
    civil_servant.refresh_from_db()
    assert civil_servant.is_active


def test_deleting_the_account_anonymises_the_person_and_keeps_the_counts(
    client, sme_user, organisation, registered
):
    old_email, old_name = sme_user.email, sme_user.name
    contact = ContactPerson.objects.get(user=sme_user)
    # A change makes a second history row with the old values in it.
    contact_person_update(contact=contact, phone="06 12345678")
    client.force_login(sme_user)
    assert client.get(reverse("mine:account_delete")).status_code == 200

    response = client.post(reverse("mine:account_delete"))

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    user = get_user_model().objects.get(pk=sme_user.pk)
    assert not user.is_active
    assert not user.has_usable_password()
    assert user.email != old_email and user.name == ""
    contact.refresh_from_db()
    assert contact.name == ANONYMISED_NAME
    assert (contact.email, contact.phone, contact.user_id) == ("", "", None)
    assert contact.anonymised_at is not None
    for version in contact.history.all():
        assert version.name == ANONYMISED_NAME
        assert (version.email, version.phone, version.user_id) == ("", "", None)
    for row in ContactPerson.history.all().values():
        assert old_email not in str(row.values())
        assert old_name not in str(row.values())
    # The registration, its results and its contact link stay, nameless.
    registered.refresh_from_db()
    assert registered.status == Registration.Status.ATTENDED
    assert registered.results.count() == 1
    assert list(registered.contacts.all()) == [contact]
    # Logged out, and the old address no longer logs in.
    assert client.get(reverse("mine:index")).status_code == 302
    assert not client.login(email=old_email, password="password")


def test_colleagues_of_the_same_organisation_keep_their_data(sme_user, organisation):
    colleague = ContactPersonFactory(organisation=organisation, name="Collega Jansen")
    user_erase(user=sme_user)
    colleague.refresh_from_db()
    assert colleague.name == "Collega Jansen"
    assert colleague.anonymised_at is None


def test_civil_servants_cannot_erase_their_own_account(civil_servant):
    with pytest.raises(ValidationError):
        user_erase(user=civil_servant)
    civil_servant.refresh_from_db()
    assert civil_servant.is_active


def test_anonymising_twice_changes_nothing_the_second_time(sme_user):
    contact = ContactPerson.objects.get(user=sme_user)
    first = timezone.now() - timedelta(days=1)
    assert contact_person_anonymise(contact_id=contact.pk, when=first)
    versions = contact.history.count()
    assert not contact_person_anonymise(contact_id=contact.pk)
    contact.refresh_from_db()
    assert contact.anonymised_at == first
    assert contact.history.count() == versions


def test_an_administrator_anonymises_a_contact_person_and_the_admin_log(
    client, organisation
):
    from django.contrib.admin.models import LogEntry

    from tests.factories import UserFactory

    contact = ContactPersonFactory(organisation=organisation, name="Piet Puk")
    admin = UserFactory(is_superuser=True, is_staff=True, mfa_exempt=True)
    client.force_login(admin)
    change = reverse("admin:participants_contactperson_change", args=[contact.pk])
    page = client.get(change)
    data = {
        name: page.context["adminform"].form[name].value() or ""
        for name in ("organisation", "name", "email", "phone", "role", "language")
    }
    assert client.post(change, {**data, "phone": "06 1"}).status_code == 302
    assert LogEntry.objects.filter(object_repr__contains="Piet Puk").exists()

    response = client.post(
        reverse("admin:participants_contactperson_changelist"),
        {"action": "anonymise", "_selected_action": [contact.pk]},
    )

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.name == ANONYMISED_NAME
    assert not LogEntry.objects.filter(object_repr__contains="Piet Puk").exists()
    assert not LogEntry.objects.filter(change_message__contains="Piet Puk").exists()
