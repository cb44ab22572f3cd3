"""Membership of an organisation is granted, never taken (issue 14, item 1)."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from participants import services
from participants.models import ContactPerson, MembershipRequest, Organisation
from tests.factories import (
    ContactPersonFactory,
    UserFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db

VerifiedVia = ContactPerson.VerifiedVia


@pytest.fixture
def admin_user(organisation):
    return sme_user_of(organisation, admin=True, email="admin@bedrijf.example")


@pytest.fixture
def member(organisation, admin_user):
    return sme_user_of(organisation, email="lid@bedrijf.example")


@pytest.fixture
def stranger(db):
    return UserFactory(sme=True, name="Vreemde", email="vreemd@elders.example")


def _request(user, organisation, capture):
    with capture(execute=True):
        return services.membership_request_create(user=user, organisation=organisation)


def _ask(user, organisation):
    return services.membership_request_create(user=user, organisation=organisation)


def _subjects(mailoutbox, to):
    return [m.subject for m in mailoutbox if to in m.to]


def test_a_request_to_join_mails_every_member_and_grants_nothing(
    organisation,
    admin_user,
    member,
    stranger,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    # Each member in his own language.
    organisation.contacts.filter(user=member).update(language="en")
    request = _request(stranger, organisation, django_capture_on_commit_callbacks)
    assert request.status == MembershipRequest.Status.PENDING
    assert not services.organisations_of_user(stranger).exists()
    assert _subjects(mailoutbox, admin_user.email) == [
        "Vreemde <vreemd@elders.example> vraagt namens "
        f"{organisation.name} te mogen optreden"
    ]
    assert _subjects(mailoutbox, member.email) == [
        f"Vreemde <vreemd@elders.example> asks to act for {organisation.name}"
    ]
    assert not _subjects(mailoutbox, stranger.email)


def test_the_organisation_admin_approves_and_everybody_hears_of_it(
    organisation,
    admin_user,
    member,
    stranger,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    request = _request(stranger, organisation, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        contact = services.membership_request_approve(request=request, by=admin_user)
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.APPROVED
    assert request.decided_by == admin_user
    assert contact.user == stranger and not contact.is_admin
    assert contact.verified_via == VerifiedVia.APPROVAL
    assert list(services.organisations_of_user(stranger)) == [organisation]
    assert _subjects(mailoutbox, member.email) == [
        f"Vreemde is nu lid van {organisation.name}"
    ]
    assert _subjects(mailoutbox, stranger.email) == [
        f"U bent nu lid van {organisation.name}"
    ]
    assert request.history.count() == 2


def test_an_ordinary_member_cannot_approve(organisation, member, stranger):
    request = _ask(stranger, organisation)
    with pytest.raises(PermissionDenied):
        services.membership_request_approve(request=request, by=member)
    with pytest.raises(PermissionDenied):
        services.membership_request_reject(request=request, by=member)
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.PENDING


def test_the_requester_cannot_approve_his_own_request(organisation, stranger):
    request = _ask(stranger, organisation)
    with pytest.raises(PermissionDenied):
        services.membership_request_approve(request=request, by=stranger)


def test_a_civil_servant_of_the_province_approves_when_there_is_no_admin(
    organisation, civil_servant, stranger
):
    ContactPersonFactory(organisation=organisation)  # a contact without account
    request = _ask(stranger, organisation)
    contact = services.membership_request_approve(
        request=request, by=civil_servant, as_admin=True
    )
    assert contact.is_admin
    assert list(services.organisations_of_user(stranger)) == [organisation]


def test_a_civil_servant_of_another_province_cannot_approve(
    organisation, civil_servant_limburg, stranger
):
    request = _ask(stranger, organisation)
    with pytest.raises(PermissionDenied):
        services.membership_request_approve(request=request, by=civil_servant_limburg)


def test_the_province_does_not_decide_while_the_organisation_has_an_admin(
    organisation, admin_user, civil_servant, stranger
):
    request = _ask(stranger, organisation)
    with pytest.raises(PermissionDenied):
        services.membership_request_approve(request=request, by=civil_servant)


def test_rejection_tells_the_requester_and_a_decided_request_stays_decided(
    organisation,
    admin_user,
    stranger,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    request = _request(stranger, organisation, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request_reject(request=request, by=admin_user)
    assert _subjects(mailoutbox, stranger.email) == [
        f"Uw verzoek om namens {organisation.name} op te treden is niet goedgekeurd"
    ]
    with pytest.raises(ValidationError):
        services.membership_request_approve(request=request, by=admin_user)
    assert not services.organisations_of_user(stranger).exists()
    # A new request may follow a rejection.
    again = services.membership_request_create(user=stranger, organisation=organisation)
    assert again.pk != request.pk


def test_the_requester_withdraws_his_request(organisation, admin_user, stranger):
    request = _ask(stranger, organisation)
    with pytest.raises(PermissionDenied):
        services.membership_request_withdraw(request=request, by=admin_user)
    services.membership_request_withdraw(request=request, by=stranger)
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.WITHDRAWN


def test_an_admin_removes_a_member_who_keeps_no_access(
    organisation,
    admin_user,
    member,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    contact = organisation.contacts.get(user=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_remove(contact=contact, by=admin_user)
    contact.refresh_from_db()
    assert contact.user is None and not contact.is_admin
    assert not services.organisations_of_user(member).exists()
    assert _subjects(mailoutbox, admin_user.email) == [
        f"{member.name} is geen lid meer van {organisation.name}"
    ]
    assert _subjects(mailoutbox, member.email) == [
        f"U bent geen lid meer van {organisation.name}"
    ]
    # The history keeps who the member was and who removed him.
    latest = contact.history.first()
    assert latest.user_id is None
    assert contact.history.all()[1].user_id == member.pk


def test_a_member_cannot_remove_another_but_may_leave(organisation, admin_user, member):
    with pytest.raises(PermissionDenied):
        services.membership_remove(
            contact=organisation.contacts.get(user=admin_user), by=member
        )
    own = organisation.contacts.get(user=member)
    services.membership_remove(contact=own, by=member)
    assert not services.organisations_of_user(member).exists()


def test_the_last_admin_cannot_leave_or_step_down_before_handing_over(
    organisation, admin_user, member
):
    own = organisation.contacts.get(user=admin_user)
    with pytest.raises(ValidationError) as error:
        services.membership_remove(contact=own, by=admin_user)
    assert error.value.code == "last_admin"
    with pytest.raises(ValidationError):
        services.membership_admin_revoke(contact=own, by=admin_user)

    services.membership_admin_hand_over(
        contact=organisation.contacts.get(user=member), by=admin_user
    )
    own.refresh_from_db()
    assert not own.is_admin
    assert organisation.contacts.get(user=member).is_admin
    # Now an ordinary member, the former admin may leave.
    services.membership_remove(contact=own, by=admin_user)
    assert not services.organisations_of_user(admin_user).exists()


def test_the_only_member_may_leave_and_the_province_decides_from_then(
    organisation, admin_user, civil_servant, stranger
):
    services.membership_remove(
        contact=organisation.contacts.get(user=admin_user), by=admin_user
    )
    assert not services.organisation_has_admin(organisation)
    request = _ask(stranger, organisation)
    services.membership_request_approve(request=request, by=civil_servant)


def test_a_second_admin_can_be_made_and_revoked(organisation, admin_user, member):
    contact = organisation.contacts.get(user=member)
    services.membership_admin_grant(contact=contact, by=admin_user)
    assert ContactPerson.objects.get(pk=contact.pk).is_admin
    services.membership_admin_revoke(
        contact=organisation.contacts.get(user=admin_user), by=member
    )
    assert not organisation.contacts.get(user=admin_user).is_admin


def test_a_member_cannot_make_himself_admin(organisation, admin_user, member):
    with pytest.raises(PermissionDenied):
        services.membership_admin_grant(
            contact=organisation.contacts.get(user=member), by=member
        )


def test_grant_verified_joins_a_known_organisation_at_once(
    organisation,
    admin_user,
    stranger,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    request = _ask(stranger, organisation)
    with django_capture_on_commit_callbacks(execute=True):
        contact = services.membership_grant_verified(
            user=stranger, kvk_number=organisation.kvk_number
        )
    assert contact.verified_via == VerifiedVia.EHERKENNING
    assert not contact.is_admin  # the organisation has an admin already
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.APPROVED
    assert list(services.organisations_of_user(stranger)) == [organisation]
    assert _subjects(mailoutbox, admin_user.email) == [
        f"Vreemde is nu lid van {organisation.name}"
    ]


def test_grant_verified_creates_an_unknown_organisation_with_the_user_as_admin(
    stranger,
):
    contact = services.membership_grant_verified(
        user=stranger,
        kvk_number="55554444",
        vestigingsnummer="000012345678",
        name="Geverifieerd BV",
    )
    organisation = Organisation.objects.get(kvk_number="55554444")
    assert organisation.name == "Geverifieerd BV"
    assert organisation.branch_number == "000012345678"
    assert contact.organisation == organisation
    assert contact.is_admin
    assert contact.verified_via == VerifiedVia.EHERKENNING


def test_grant_verified_marks_an_existing_member_verified_and_admin_when_none(
    organisation,
):
    user = sme_user_of(organisation)
    contact = services.membership_grant_verified(
        user=user, kvk_number=organisation.kvk_number
    )
    assert contact.verified_via == VerifiedVia.EHERKENNING
    assert contact.is_admin
    assert ContactPerson.objects.filter(user=user).count() == 1


def test_grant_verified_refuses_a_malformed_kvk_number(stranger):
    with pytest.raises(ValidationError):
        services.membership_grant_verified(user=stranger, kvk_number="12")


def test_an_account_without_membership_cannot_be_admin_in_the_database(organisation):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        ContactPerson.objects.create(organisation=organisation, name="X", is_admin=True)


def test_deleting_an_account_ends_its_membership(organisation, admin_user):
    admin_user.delete()
    contact = organisation.contacts.get()
    assert contact.user is None and not contact.is_admin


def test_erasing_an_account_withdraws_its_pending_requests(organisation, stranger):
    request = _ask(stranger, organisation)
    services.user_erase(user=stranger)
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.WITHDRAWN


def test_the_demo_makes_bouman_s_contact_its_admin(db):
    call_command("load_demo", verbosity=0)
    bouman = Organisation.objects.get(kvk_number="06012345")
    contact = bouman.contacts.get(user__email="ondernemer@bouman.example")
    assert contact.is_admin
    assert contact.verified_via


def test_the_data_migration_makes_linked_contacts_members_and_the_first_admin(
    organisation,
):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("participants.migrations.0007_existing_members")
    first, second = UserFactory(sme=True), UserFactory(sme=True)
    plain = ContactPersonFactory(organisation=organisation)
    made_first = ContactPersonFactory(organisation=organisation, user=first)
    linked_first = ContactPersonFactory(organisation=organisation, user=second)
    other = ContactPersonFactory(user=UserFactory(sme=True))
    # "First" is the earliest linked, whatever the order of the ids.
    ContactPerson.objects.filter(pk=made_first.pk).update(
        created_at=datetime(2020, 1, 1, tzinfo=UTC)
    )
    ContactPerson.objects.filter(pk=linked_first.pk).update(
        created_at=datetime(2019, 1, 1, tzinfo=UTC)
    )

    migration.forwards(apps, None)

    contacts = {c.user_id: c for c in ContactPerson.objects.all()}
    assert contacts[second.pk].is_admin
    assert not contacts[first.pk].is_admin
    assert contacts[other.user_id].is_admin  # first of its own organisation
    for user in (first, second):
        assert contacts[user.pk].verified_via == VerifiedVia.BEFORE_APPROVAL
    plain.refresh_from_db()
    assert not plain.is_admin and plain.verified_via == ""
