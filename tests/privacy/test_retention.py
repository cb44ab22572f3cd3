"""AVG retention: contact persons without activity are anonymised nightly."""

from datetime import timedelta

import pytest
from django.utils import timezone

from missions.services.privacy import contact_persons_inactive, retention_cutoff
from missions.tasks import contact_persons_anonymise_task
from participants.models import ContactPerson
from participants.services import ANONYMISED_NAME
from tests.factories import (
    ContactPersonFactory,
    MissionResultFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

YEARS_AGO_8 = timedelta(days=8 * 365)


def _age(contact, delta):
    """Make the record and its history look `delta` old."""
    then = timezone.now() - delta
    ContactPerson.objects.filter(pk=contact.pk).update(created_at=then)
    ContactPerson.history.filter(id=contact.pk).update(history_date=then)


@pytest.fixture
def old_contact(organisation):
    contact = ContactPersonFactory(organisation=organisation, name="Oud Contact")
    _age(contact, YEARS_AGO_8)
    return contact


def test_a_contact_person_without_activity_for_seven_years_is_anonymised(
    old_contact,
):
    assert contact_persons_anonymise_task() == 1
    old_contact.refresh_from_db()
    assert old_contact.name == ANONYMISED_NAME
    assert old_contact.email == ""
    assert old_contact.anonymised_at is not None
    assert not ContactPerson.history.filter(name="Oud Contact").exists()


def test_running_the_job_twice_anonymises_nobody_the_second_time(old_contact):
    assert contact_persons_anonymise_task() == 1
    stamp = ContactPerson.objects.get(pk=old_contact.pk).anonymised_at
    assert contact_persons_anonymise_task() == 0
    assert ContactPerson.objects.get(pk=old_contact.pk).anonymised_at == stamp


def test_a_recent_contact_person_is_kept(organisation):
    ContactPersonFactory(organisation=organisation, name="Nieuw Contact")
    assert contact_persons_anonymise_task() == 0


def test_a_recent_log_in_of_the_linked_user_counts_as_activity(old_contact):
    user = UserFactory(sme=True, last_login=timezone.now() - timedelta(days=30))
    ContactPerson.objects.filter(pk=old_contact.pk).update(user=user)
    assert not contact_persons_inactive().exists()
    # The same log-in, eight years ago, no longer does.
    user.last_login = timezone.now() - YEARS_AGO_8
    user.save()
    assert list(contact_persons_inactive()) == [old_contact]


def test_a_recent_registration_or_result_counts_as_activity(old_contact):
    registration = RegistrationFactory(organisation=old_contact.organisation)
    registration.contacts.add(old_contact)
    assert not contact_persons_inactive().exists()

    long_ago = timezone.now() - YEARS_AGO_8
    type(registration).objects.filter(pk=registration.pk).update(updated_at=long_ago)
    assert list(contact_persons_inactive()) == [old_contact]

    result = MissionResultFactory(registration=registration)
    assert result.updated_at > long_ago
    assert not contact_persons_inactive().exists()


def test_the_retention_period_is_a_setting(old_contact, settings):
    settings.PRIVACY_RETENTION_YEARS = 10
    assert contact_persons_anonymise_task() == 0
    settings.PRIVACY_RETENTION_YEARS = 7
    assert contact_persons_anonymise_task() == 1


def test_the_cutoff_on_29_february_falls_on_28_february():
    leap = timezone.now().replace(year=2024, month=2, day=29)
    cutoff = retention_cutoff(now=leap)
    assert (cutoff.year, cutoff.month, cutoff.day) == (2017, 2, 28)


def test_an_entrepreneurs_account_unused_for_seven_years_is_erased_with_its_contact(
    organisation,
):
    from tests.factories import sme_user_of

    user = sme_user_of(organisation)
    long_ago = timezone.now() - YEARS_AGO_8
    type(user).objects.filter(pk=user.pk).update(
        last_login=long_ago, date_joined=long_ago
    )
    _age(ContactPerson.objects.get(user=user), YEARS_AGO_8)

    assert contact_persons_anonymise_task() == 1

    user.refresh_from_db()
    assert not user.is_active
    assert user.email.endswith("@verwijderd.invalid")
    # A second night finds nothing left to do.
    assert contact_persons_anonymise_task() == 0


def test_an_unused_account_whose_contact_is_still_active_is_kept(organisation):
    from tests.factories import sme_user_of

    user = sme_user_of(organisation)
    long_ago = timezone.now() - YEARS_AGO_8
    type(user).objects.filter(pk=user.pk).update(
        last_login=long_ago, date_joined=long_ago
    )
    # A colleague signed the organisation up last month with him as contact.
    registration = RegistrationFactory(organisation=organisation)
    registration.contacts.add(ContactPerson.objects.get(user=user))

    assert contact_persons_anonymise_task() == 0
    user.refresh_from_db()
    assert user.is_active


def test_civil_servants_are_never_erased_by_the_retention_job(civil_servant):
    long_ago = timezone.now() - YEARS_AGO_8
    type(civil_servant).objects.filter(pk=civil_servant.pk).update(
        last_login=long_ago, date_joined=long_ago
    )
    contact_persons_anonymise_task()
    civil_servant.refresh_from_db()
    assert civil_servant.is_active
