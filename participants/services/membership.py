"""Who may act for an organisation: membership is granted, never taken.

A KvK number is public, so typing one proves nothing. A user who types the
number of a known organisation asks to join it (a MembershipRequest); a
member with the admin role approves or rejects, or, while the organisation
has no admin, a civil servant of its province. Whoever registers a new
organisation is its first member and its admin. An eHerkenning log-in
proves the link and makes the user a member at once
(`membership_grant_verified`).

Every change is kept by django-simple-history (ContactPerson and
MembershipRequest) and the members are e-mailed after commit.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from outbox.services import job_enqueue

from ..models import ContactPerson, MembershipRequest, Organisation
from .organisations import (
    _language_or_default,
    kvk_number_clean,
    organisation_get_or_create,
)

VerifiedVia = ContactPerson.VerifiedVia


def _member_of(organisation: Organisation, user) -> ContactPerson | None:
    if user is None or not user.is_authenticated:
        return None
    return organisation.contacts.filter(user=user).first()


def organisation_has_admin(organisation: Organisation) -> bool:
    return organisation.contacts.filter(user__isnull=False, is_admin=True).exists()


def membership_may_decide(*, user, organisation: Organisation) -> bool:
    """Whether `user` may approve, reject and manage members.

    The organisation's own admins may; while it has no admin, a civil
    servant of its province (an administrator for any province) may.
    """
    if user is None or not user.is_authenticated:
        return False
    member = _member_of(organisation, user)
    if member is not None:
        return member.is_admin
    if organisation_has_admin(organisation):
        return False
    if user.is_administrator:
        return True
    return (
        user.is_civil_servant
        and user.province_id is not None
        and user.province_id == organisation.province_id
    )


def _require_decider(*, user, organisation: Organisation) -> None:
    if not membership_may_decide(user=user, organisation=organisation):
        raise PermissionDenied(
            _("Only an admin of %(organisation)s may do this.")
            % {"organisation": organisation}
        )


def _notify(event: str, **ids) -> None:
    """Write the job that mails the members, in this transaction (outbox)."""
    # The moment makes each event its own e-mail: someone may leave and be
    # approved again later, and each time the members hear of it once.
    key = f"{event}:{ids}:{timezone.now():%Y%m%d%H%M%S%f}"
    job_enqueue(
        key=f"membership:{key}",
        task="participants.tasks.membership_notify_task",
        kwargs={"event": event, "key": key, **ids},
    )


def _contact_for(
    *, organisation: Organisation, user, verified_via: str, is_admin: bool, language=""
) -> ContactPerson:
    contact = ContactPerson(
        organisation=organisation,
        user=user,
        name=(getattr(user, "name", "") or user.email)[:150],
        email=user.email,
        is_admin=is_admin,
        verified_via=verified_via,
        language=_language_or_default(language),
    )
    contact.full_clean()
    contact.save()
    return contact


def _lock_organisation(organisation: Organisation) -> Organisation:
    # Decisions about one organisation's members queue behind each other, so
    # that two admins cannot both step down and leave it without one.
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


@transaction.atomic
def membership_request_create(
    *, user, organisation: Organisation, language: str = ""
) -> MembershipRequest:
    """Ask to act for an organisation; its members are told by e-mail.

    A second request while one is pending returns that one.
    """
    organisation = _lock_organisation(organisation)
    if _member_of(organisation, user) is not None:
        raise ValidationError(
            _("You are already a member of %(organisation)s.")
            % {"organisation": organisation},
            code="already_member",
        )
    pending = organisation.membership_requests.filter(
        user=user, status=MembershipRequest.Status.PENDING
    ).first()
    if pending is not None:
        return pending
    request = MembershipRequest.objects.create(
        organisation=organisation,
        user=user,
        language=_language_or_default(language),
    )
    _notify("requested", request_id=request.pk)
    return request


@transaction.atomic
def membership_request_approve(
    *, request: MembershipRequest, by, as_admin: bool = False
) -> ContactPerson:
    """Approve a pending request: the user becomes a member (an admin with
    `as_admin`). Members and the new member are e-mailed."""
    organisation = _lock_organisation(request.organisation)
    _require_decider(user=by, organisation=organisation)
    request = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != MembershipRequest.Status.PENDING:
        raise ValidationError(
            _("This request has been decided already."), code="not_pending"
        )
    request.status = MembershipRequest.Status.APPROVED
    request.decided_at = timezone.now()
    request.decided_by = by
    request.save()
    contact = _member_of(organisation, request.user)
    if contact is None:
        contact = _contact_for(
            organisation=organisation,
            user=request.user,
            verified_via=VerifiedVia.APPROVAL,
            is_admin=as_admin,
            language=request.language,
        )
    _notify("joined", contact_id=contact.pk, request_id=request.pk)
    return contact


@transaction.atomic
def membership_request_reject(*, request: MembershipRequest, by) -> MembershipRequest:
    """Reject a pending request; the requester is told by e-mail."""
    organisation = _lock_organisation(request.organisation)
    _require_decider(user=by, organisation=organisation)
    request = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != MembershipRequest.Status.PENDING:
        raise ValidationError(
            _("This request has been decided already."), code="not_pending"
        )
    request.status = MembershipRequest.Status.REJECTED
    request.decided_at = timezone.now()
    request.decided_by = by
    request.save()
    _notify("rejected", request_id=request.pk)
    return request


@transaction.atomic
def membership_request_withdraw(*, request: MembershipRequest, by) -> MembershipRequest:
    """The requester takes back a pending request."""
    request = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    if request.user_id != by.pk:
        raise PermissionDenied
    if request.status != MembershipRequest.Status.PENDING:
        raise ValidationError(
            _("This request has been decided already."), code="not_pending"
        )
    request.status = MembershipRequest.Status.WITHDRAWN
    request.decided_at = timezone.now()
    request.decided_by = by
    request.save()
    return request


def _other_admins(contact: ContactPerson):
    return contact.organisation.contacts.filter(
        user__isnull=False, is_admin=True
    ).exclude(pk=contact.pk)


def _members_besides(contact: ContactPerson):
    return contact.organisation.contacts.filter(user__isnull=False).exclude(
        pk=contact.pk
    )


def _end_membership(contact: ContactPerson, *, event: str) -> ContactPerson:
    """The contact person stays (registrations name it) without account."""
    user_id = contact.user_id
    contact.user = None
    contact.is_admin = False
    contact.verified_via = ""
    contact.save()
    _notify(event, contact_id=contact.pk, user_id=user_id)
    return contact


@transaction.atomic
def membership_remove(*, contact: ContactPerson, by) -> ContactPerson:
    """An admin removes a member; a member may remove himself (leave).

    The last admin cannot go while there are other members: he hands the
    admin role over first. The person stays on as a contact person of past
    registrations, without access.
    """
    organisation = _lock_organisation(contact.organisation)
    contact = ContactPerson.objects.select_for_update().get(pk=contact.pk)
    if contact.user_id is None:
        raise ValidationError(_("This person is not a member."), code="not_member")
    leaving = contact.user_id == by.pk
    if not leaving:
        _require_decider(user=by, organisation=organisation)
    if (
        contact.is_admin
        and not _other_admins(contact).exists()
        and _members_besides(contact).exists()
    ):
        raise ValidationError(
            _(
                "%(name)s is the only admin of %(organisation)s. Hand the admin "
                "role over to another member first."
            )
            % {"name": contact.name, "organisation": organisation},
            code="last_admin",
        )
    return _end_membership(contact, event="left" if leaving else "removed")


@transaction.atomic
def membership_admin_grant(*, contact: ContactPerson, by) -> ContactPerson:
    """An admin makes another member an admin too."""
    organisation = _lock_organisation(contact.organisation)
    _require_decider(user=by, organisation=organisation)
    contact = ContactPerson.objects.select_for_update().get(pk=contact.pk)
    if contact.user_id is None:
        raise ValidationError(_("This person is not a member."), code="not_member")
    if not contact.is_admin:
        contact.is_admin = True
        contact.save()
    return contact


@transaction.atomic
def membership_admin_revoke(*, contact: ContactPerson, by) -> ContactPerson:
    """Take the admin role from a member; never from the last admin."""
    organisation = _lock_organisation(contact.organisation)
    _require_decider(user=by, organisation=organisation)
    contact = ContactPerson.objects.select_for_update().get(pk=contact.pk)
    if not contact.is_admin:
        return contact
    if not _other_admins(contact).exists():
        raise ValidationError(
            _(
                "%(name)s is the only admin of %(organisation)s. Hand the admin "
                "role over to another member first."
            )
            % {"name": contact.name, "organisation": organisation},
            code="last_admin",
        )
    contact.is_admin = False
    contact.save()
    return contact


@transaction.atomic
def membership_admin_hand_over(*, contact: ContactPerson, by) -> ContactPerson:
    """The admin `by` hands the admin role to the member `contact` and is an
    ordinary member afterwards."""
    organisation = _lock_organisation(contact.organisation)
    own = _member_of(organisation, by)
    if own is None or not own.is_admin:
        raise PermissionDenied(
            _("Only an admin of %(organisation)s may do this.")
            % {"organisation": organisation}
        )
    contact = ContactPerson.objects.select_for_update().get(pk=contact.pk)
    if contact.organisation_id != organisation.pk or contact.user_id is None:
        raise ValidationError(_("This person is not a member."), code="not_member")
    if contact.pk == own.pk:
        raise ValidationError(
            _("Choose another member to hand the admin role to."), code="self"
        )
    contact.is_admin = True
    contact.save()
    own.is_admin = False
    own.save()
    return contact


@transaction.atomic
def membership_create_first_member(
    *, user, organisation: Organisation, language: str = ""
) -> ContactPerson:
    """The user who registered a new organisation: its first member and
    admin."""
    organisation = _lock_organisation(organisation)
    if organisation.contacts.filter(user__isnull=False).exists():
        raise ValidationError(
            _("%(organisation)s has members already: ask to join it.")
            % {"organisation": organisation},
            code="has_members",
        )
    return _contact_for(
        organisation=organisation,
        user=user,
        verified_via=VerifiedVia.FIRST_MEMBER,
        is_admin=True,
        language=language,
    )


@transaction.atomic
def organisation_join(
    *, user, kvk_number: str, name: str = "", language: str = "", **profile
) -> tuple[Organisation, ContactPerson | None, MembershipRequest | None]:
    """Type a KvK number: a new one registers the organisation with the user
    as its first member and admin; a known one asks to join it.

    Returns (organisation, membership, request): the membership when the
    user is (now) a member, else the pending request.
    """
    organisation, created = organisation_get_or_create(
        kvk_number=kvk_number, name=name, **profile
    )
    contact = _member_of(organisation, user)
    if contact is not None:
        return organisation, contact, None
    if created:
        contact = membership_create_first_member(
            user=user, organisation=organisation, language=language
        )
        return organisation, contact, None
    request = membership_request_create(
        user=user, organisation=organisation, language=language
    )
    return organisation, None, request


@transaction.atomic
def membership_grant_verified(
    *, user, kvk_number: str, vestigingsnummer: str = "", name: str = ""
) -> ContactPerson:
    """Make `user` a verified member of the organisation with this KvK number
    at once, without approval: its eHerkenning log-in proved the link.

    An unknown number creates the organisation with `name` (and the
    vestigingsnummer). The first member, or the first verified one while
    the organisation has no admin, becomes its admin. A pending request of
    the user is approved; an existing membership is marked verified.
    Members are e-mailed when someone new joins.
    """
    kvk = kvk_number_clean(kvk_number)
    profile = {"branch_number": vestigingsnummer} if vestigingsnummer else {}
    organisation, _created = organisation_get_or_create(
        kvk_number=kvk, name=name or f"KvK {kvk}", **profile
    )
    organisation = _lock_organisation(organisation)
    for request in MembershipRequest.objects.select_for_update().filter(
        organisation=organisation,
        user=user,
        status=MembershipRequest.Status.PENDING,
    ):
        request.status = MembershipRequest.Status.APPROVED
        request.decided_at = timezone.now()
        request.save()
    has_admin = organisation_has_admin(organisation)
    contact = _member_of(organisation, user)
    if contact is not None:
        changed = False
        if contact.verified_via != VerifiedVia.EHERKENNING:
            contact.verified_via = VerifiedVia.EHERKENNING
            changed = True
        if not has_admin and not contact.is_admin:
            contact.is_admin = True
            changed = True
        if changed:
            contact.save()
        return contact
    contact = _contact_for(
        organisation=organisation,
        user=user,
        verified_via=VerifiedVia.EHERKENNING,
        is_admin=not has_admin,
    )
    _notify("joined", contact_id=contact.pk)
    return contact
