"""Erasing a person reaches every place that holds the name or address:
the log of mails sent once (registration and showcase mails), history, the
admin log."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from config import personal_data
from missions.notifications import notification_key, registration_notify
from missions.tasks import contact_persons_anonymise_task
from outbox.models import SentMail
from participants.models import ContactPerson
from participants.services import (
    contact_person_anonymise,
    contact_person_update,
    user_erase,
)
from tests.factories import (
    ContactPersonFactory,
    RegistrationFactory,
    UserFactory,
    sme_user_of,
)
from tests.privacy.test_retention import YEARS_AGO_8, _age

pytestmark = pytest.mark.django_db

ADDRESS = "petra.prive@bedrijf.example"
OTHER = "inkoop@bedrijf.example"


def _values_holding(needle: str) -> list[str]:
    """Every value, in any field of any model that may hold personal data,
    that holds `needle`."""
    found = []
    models = apps.get_models(include_auto_created=True)
    for label in personal_data.fields_looking_personal(models):
        app_label, model_name, field_name = label.split(".")
        model = apps.get_model(app_label, model_name)
        for value in model._default_manager.values_list(field_name, flat=True):
            if needle.lower() in str(value).lower():
                found.append(f"{label}: {value}")
    return found


def _log_change(user, obj, **fields):
    return LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=CHANGE,
        **fields,
    )


@pytest.fixture
def contact(organisation):
    return ContactPersonFactory(
        organisation=organisation, name="Petra Privé", email=ADDRESS
    )


@pytest.fixture
def admin_user(db):
    return UserFactory(is_superuser=True, is_staff=True, mfa_exempt=True)


def test_anonymising_a_contact_takes_its_address_out_of_the_notification_log(
    contact, mailoutbox, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(organisation=contact.organisation)
    registration.contacts.add(
        contact, ContactPersonFactory(organisation=contact.organisation, email=OTHER)
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration_notify(registration_id=registration.pk, kind="accepted")
    assert ADDRESS in SentMail.objects.get().recipients

    assert contact_person_anonymise(contact_id=contact.pk)

    notification = SentMail.objects.get()
    assert notification.recipients == OTHER
    # The row stays: it guards against sending the same mail again.
    assert not registration_notify(registration_id=registration.pk, kind="accepted")
    assert len(mailoutbox) == 2


def test_anonymising_a_contact_takes_its_mails_out_of_the_outbox(
    contact, mailoutbox, django_capture_on_commit_callbacks
):
    """A mail sent keeps no address or text; one not yet sent is not sent."""
    from outbox.models import OutboxMessage
    from outbox.services import email_enqueue, redispatch

    registration = RegistrationFactory(organisation=contact.organisation)
    registration.contacts.add(contact)
    with django_capture_on_commit_callbacks(execute=True):
        registration_notify(registration_id=registration.pk, kind="accepted")
    waiting = email_enqueue(
        event="later", to=ADDRESS.upper(), subject="Voor Petra", body="Beste Petra"
    )
    other = email_enqueue(event="later", to=OTHER, subject="Inkoop", body="Tekst")

    assert contact_person_anonymise(contact_id=contact.pk)

    assert _values_holding(ADDRESS) == []
    assert _values_holding("Petra") == []
    waiting.refresh_from_db()
    assert (waiting.state, waiting.recipient, waiting.body) == ("failed", "", "")
    assert OutboxMessage.objects.get(pk=other.pk).recipient == OTHER
    redispatch(now=timezone.now() + timedelta(hours=1))
    assert [m.to for m in mailoutbox] == [[ADDRESS], [OTHER]]


def test_the_address_is_found_whatever_its_case(contact):
    registration = RegistrationFactory(organisation=contact.organisation)
    SentMail.objects.create(
        key=notification_key(registration.pk, "confirmation"),
        recipients="Petra.Prive@Bedrijf.Example",
    )

    contact_person_anonymise(contact_id=contact.pk)

    assert SentMail.objects.get().recipients == ""


def test_the_admin_no_longer_shows_the_address_of_an_anonymised_contact(
    client, admin_user, contact
):
    registration = RegistrationFactory(organisation=contact.organisation)
    SentMail.objects.create(
        key=notification_key(registration.pk, "accepted"),
        recipients=f"{ADDRESS}, {OTHER}",
    )
    client.force_login(admin_user)
    changelist = reverse("admin:outbox_sentmail_changelist")
    assert ADDRESS in client.get(changelist).content.decode()

    contact_person_anonymise(contact_id=contact.pk)

    page = client.get(changelist)
    assert page.status_code == 200
    assert ADDRESS not in page.content.decode()
    assert OTHER in page.content.decode()


def test_anonymising_a_contact_takes_its_address_out_of_the_showcase_mail_log(
    contact,
):
    SentMail.objects.create(key="request:1:received", recipients=ADDRESS)
    SentMail.objects.create(key="request:2:received", recipients=OTHER)

    contact_person_anonymise(contact_id=contact.pk)

    assert list(
        SentMail.objects.order_by("key").values_list("recipients", flat=True)
    ) == ["", OTHER]


def test_anonymising_a_contact_leaves_no_name_or_address_in_its_history(contact):
    contact_person_update(contact=contact, phone="06 12345678")
    assert ContactPerson.history.filter(email=ADDRESS).count() == 2

    contact_person_anonymise(contact_id=contact.pk)

    assert not ContactPerson.history.filter(email=ADDRESS).exists()
    assert not ContactPerson.history.filter(name="Petra Privé").exists()
    assert not ContactPerson.history.filter(phone="06 12345678").exists()


def test_the_nightly_retention_job_reaches_the_notification_log(contact):
    registration = RegistrationFactory(organisation=contact.organisation)
    SentMail.objects.create(
        key=notification_key(registration.pk, "accepted"), recipients=ADDRESS
    )
    _age(contact, YEARS_AGO_8)
    # The registration is the organisation's, not this contact's activity.
    assert contact_persons_anonymise_task() == 1
    assert SentMail.objects.get().recipients == ""


def test_an_erased_account_leaves_no_address_or_name_anywhere(
    organisation, admin_user, mailoutbox
):
    user = sme_user_of(organisation, email=ADDRESS, name="Petra Privé")
    EmailAddress.objects.create(user=user, email="petra@thuis.example")
    # Her eHerkenning link keeps the broker's claims.
    SocialAccount.objects.create(
        user=user,
        provider="eherkenning",
        uid="petra-1",
        extra_data={"name": "Petra Privé", "email": ADDRESS},
    )
    contact = ContactPerson.objects.get(user=user)
    contact_person_update(contact=contact, phone="06 12345678")
    registration = RegistrationFactory(organisation=organisation)
    registration.contacts.add(contact)
    registration_notify(registration_id=registration.pk, kind="accepted")
    SentMail.objects.create(
        key=notification_key(registration.pk, "confirmation"),
        recipients=f"petra@thuis.example, {OTHER}",
    )
    SentMail.objects.create(key="request:1:received", recipients=ADDRESS)
    _log_change(admin_user, contact, change_message="[]")
    _log_change(admin_user, user, change_message="[]")
    for needle in (ADDRESS, "petra@thuis.example", "Petra Privé"):
        assert _values_holding(needle), needle

    user_erase(user=user)

    for needle in (ADDRESS, "petra@thuis.example", "Petra Privé", "06 12345678"):
        assert _values_holding(needle) == [], needle
    confirmation = notification_key(registration.pk, "confirmation")
    assert OTHER in SentMail.objects.get(key=confirmation).recipients


def test_an_erasure_that_fails_half_way_changes_nothing(contact, monkeypatch):
    registration = RegistrationFactory(organisation=contact.organisation)
    SentMail.objects.create(
        key=notification_key(registration.pk, "accepted"), recipients=ADDRESS
    )

    def _fail(erasure):
        raise RuntimeError("disk full")

    monkeypatch.setitem(
        personal_data._scrubbers,
        "tests.failing",
        personal_data.Scrubber(identifier="tests.failing", fields=(), erase=_fail),
    )
    with pytest.raises(RuntimeError):
        contact_person_anonymise(contact_id=contact.pk)

    contact.refresh_from_db()
    assert contact.anonymised_at is None and contact.email == ADDRESS
    assert SentMail.objects.get().recipients == ADDRESS


def test_every_app_that_keeps_personal_data_registered_its_scrubber():
    identifiers = [scrubber.identifier for scrubber in personal_data.scrubbers()]
    assert {
        "accounts.users",
        "participants.contact_persons",
        "outbox.mail_log",
        "outbox.messages",
    } <= set(identifiers)
