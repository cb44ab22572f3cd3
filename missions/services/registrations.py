"""Sign-up, the waiting list, decisions and attendance.

Capacity is never exceeded: every step that takes or frees seats first
locks the mission's row (``SELECT ... FOR UPDATE``) and counts the seats
inside the same transaction, so parallel sign-ups queue up one by one.
"""

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from config.money import format_euro
from config.text_limits import check_text_length
from participants.models import ContactPerson, Organisation
from participants.services import contact_person_update

from ..models import Mission, Registration
from ..notifications import NotificationKind, registration_notify_later

Status = Registration.Status
OPEN_STATUSES = (Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED)
STAFF_SOURCES = (Registration.Source.BACK_OFFICE, Registration.Source.IMPORT)


def mission_lock(mission_id: int) -> Mission:
    """The mission's row, locked until the end of the transaction."""
    return Mission.objects.select_for_update().get(pk=mission_id)


def seats_taken(mission: Mission) -> int:
    """Seats of accepted registrations (and of those who went, or did not)."""
    return (
        mission.registrations.filter(
            status__in=Registration.SEAT_TAKING_STATUSES
        ).aggregate(total=Sum("seats"))["total"]
        or 0
    )


def seats_free(mission: Mission) -> int:
    return max(mission.capacity - seats_taken(mission), 0)


def _notify(registration: Registration, kind: str) -> None:
    registration_notify_later(registration=registration, kind=kind)


def _waitlist_renumber(mission: Mission) -> None:
    """Positions 1, 2, 3... in arrival order, without gaps."""
    waiting = list(
        mission.registrations.filter(status=Status.WAITLISTED).order_by(
            "waitlist_position", "created_at", "pk"
        )
    )
    for number, registration in enumerate(waiting, start=1):
        if registration.waitlist_position != number:
            registration.waitlist_position = number
            registration.save(update_fields=["waitlist_position", "updated_at"])


def _waitlist_promote(mission: Mission, *, by) -> list[Registration]:
    """Give free seats to the first on the waiting list whose seats fit.

    Call with the mission locked. Someone asking for more seats than are free
    keeps their place; a later, smaller registration that fits goes ahead.
    """
    promoted = []
    free = seats_free(mission)
    if free:
        for registration in mission.registrations.filter(
            status=Status.WAITLISTED
        ).order_by("waitlist_position", "created_at", "pk"):
            if registration.seats > free:
                continue
            registration.status = Status.ACCEPTED
            registration.waitlist_position = None
            registration.decided_at = timezone.now()
            registration.decided_by = by
            registration.save()
            _notify(registration, NotificationKind.PROMOTED)
            promoted.append(registration)
            free -= registration.seats
            if not free:
                break
    if promoted:
        _waitlist_renumber(mission)
    return promoted


def _check_signup_open(mission: Mission, *, source: str, now: datetime) -> None:
    if source in STAFF_SOURCES:
        if mission.status not in (
            Mission.Status.DRAFT,
            Mission.Status.PUBLISHED,
            Mission.Status.CLOSED,
        ):
            raise ValidationError(
                _("This mission is %(status)s: participants can no longer be added.")
                % {"status": mission.get_status_display().lower()}
            )
        return
    if mission.status != Mission.Status.PUBLISHED:
        raise ValidationError(_("Sign-up for this mission is closed."))
    if mission.signup_opens_at and now < mission.signup_opens_at:
        raise ValidationError(
            _("Sign-up for this mission opens on %(date)s.")
            % {
                "date": date_format(
                    timezone.localtime(mission.signup_opens_at), "DATETIME_FORMAT"
                )
            }
        )
    if mission.signup_closes_at and now > mission.signup_closes_at:
        raise ValidationError(
            _("Sign-up for this mission closed on %(date)s.")
            % {
                "date": date_format(
                    timezone.localtime(mission.signup_closes_at), "DATETIME_FORMAT"
                )
            }
        )


def _check_de_minimis(mission: Mission, seats: int, aid_received) -> None:
    """The province's contribution is de-minimis aid: refuse when it would
    push the organisation over the ceiling of the rolling window."""
    try:
        received = Decimal(str(aid_received or 0))
    except InvalidOperation as error:
        raise ValidationError(
            {"de_minimis_aid_received": _("Give an amount in euros.")}
        ) from error
    if received < 0:
        raise ValidationError(
            {"de_minimis_aid_received": _("An amount cannot be negative.")}
        )
    total = received + mission.province_contribution_per_seat * seats
    if total > settings.DE_MINIMIS_CEILING:
        raise ValidationError(
            {
                "de_minimis_aid_received": _(
                    "With this mission your de-minimis aid would come to "
                    "%(total)s, above the ceiling of %(ceiling)s over "
                    "%(years)s years."
                )
                % {
                    "total": format_euro(total),
                    "ceiling": format_euro(settings.DE_MINIMIS_CEILING),
                    "years": settings.DE_MINIMIS_WINDOW_YEARS,
                }
            }
        )


def _own_contacts(user, organisation: Organisation) -> list[ContactPerson]:
    """The user's contact-person records at the organisation (none: not theirs)."""
    if user is None or not user.is_authenticated:
        return []
    return list(organisation.contacts.filter(user=user))


def _signup_figures(mission: Mission, organisation: Organisation) -> dict:
    """Seats taken, the last waiting-list position and whether the
    organisation is already signed up, in one query (the mission is locked)."""
    return mission.registrations.aggregate(
        taken=Coalesce(
            Sum("seats", filter=Q(status__in=Registration.SEAT_TAKING_STATUSES)), 0
        ),
        last_position=Max("waitlist_position", filter=Q(status=Status.WAITLISTED)),
        already=Count(
            "pk",
            filter=Q(
                organisation=organisation, status__in=Registration.ACTIVE_STATUSES
            ),
        ),
    )


@transaction.atomic
def registration_create(
    *,
    mission: Mission,
    organisation: Organisation,
    by,
    seats: int = 1,
    contacts: list[ContactPerson] | tuple = (),
    motivation: str = "",
    goals: str = "",
    target_markets: str = "",
    first_time_exporter: bool = False,
    de_minimis_declared: bool = False,
    de_minimis_aid_received=0,
    source: str = Registration.Source.SELF,
    language: str = "",
    now: datetime | None = None,
) -> Registration:
    """Sign an organisation up for a mission and answer at once.

    First come, first served: accepted while seats last, then the waiting
    list in order of arrival. Reviewed missions: submitted, as long as the
    seats asked for are still free. Civil servants who register a company
    decide themselves, so their registrations are treated as first come.
    """
    now = now or timezone.now()
    if source == Registration.Source.SELF:
        # Read before the mission is locked: the lock is held as briefly
        # as possible, since every sign-up for the mission waits for it.
        own_contacts = _own_contacts(by, organisation)
        if not own_contacts:
            raise PermissionDenied(_("You can only sign up your own organisation."))
    mission = mission_lock(mission.pk)
    _check_signup_open(mission, source=source, now=now)
    if not 1 <= seats <= mission.max_seats_per_organisation:
        raise ValidationError(
            {
                "seats": _(
                    "Choose between 1 and %(max)s seats: that is the maximum per "
                    "organisation for this mission."
                )
                % {"max": mission.max_seats_per_organisation}
            }
        )
    figures = _signup_figures(mission, organisation)
    if figures["already"]:
        raise ValidationError(
            _("%(organisation)s is already signed up for this mission.")
            % {"organisation": organisation}
        )
    if any(contact.organisation_id != organisation.pk for contact in contacts):
        raise ValidationError(
            {"contacts": _("Choose contact persons of the organisation itself.")}
        )
    _check_de_minimis(mission, seats, de_minimis_aid_received)
    free = max(mission.capacity - figures["taken"], 0)
    reviewed = (
        mission.approval_mode == Mission.ApprovalMode.REVIEW
        and source not in STAFF_SOURCES
    )
    registration = Registration(
        mission=mission,
        organisation=organisation,
        seats=seats,
        motivation=motivation,
        goals=goals,
        target_markets=target_markets,
        first_time_exporter=first_time_exporter,
        de_minimis_declared=de_minimis_declared,
        de_minimis_aid_received=de_minimis_aid_received or 0,
        source=source,
        registered_by=by if getattr(by, "is_authenticated", False) else None,
    )
    if reviewed:
        if seats > free:
            raise ValidationError(
                _(
                    "This mission is full: %(free)s seats are left, you asked for "
                    "%(seats)s."
                )
                % {"free": free, "seats": seats}
            )
        registration.status = Status.SUBMITTED
        kind = NotificationKind.CONFIRMATION
    elif seats <= free:
        registration.status = Status.ACCEPTED
        registration.decided_at = now
        kind = NotificationKind.ACCEPTED
    else:
        registration.status = Status.WAITLISTED
        registration.waitlist_position = (figures["last_position"] or 0) + 1
        kind = NotificationKind.WAITLISTED
    # The mission (locked above), the organisation and the user are loaded
    # rows already: checking that they exist would cost three queries while
    # the mission is locked.
    registration.full_clean(
        exclude=["mission", "organisation", "registered_by"],
        validate_constraints=False,
    )
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:
        raise ValidationError(
            _("%(organisation)s is already signed up for this mission.")
            % {"organisation": organisation}
        ) from error
    if not contacts and source == Registration.Source.SELF:
        contacts = own_contacts
        # E-mails follow the language the person signed up in.
        for contact in contacts:
            if language and contact.language != language:
                contact_person_update(contact=contact, language=language)
    if contacts:
        # A new registration has no contacts yet: insert the links at once.
        Registration.contacts.through.objects.bulk_create(
            Registration.contacts.through(
                registration_id=registration.pk, contactperson_id=contact.pk
            )
            for contact in contacts
        )
    _notify(registration, kind)
    return registration


def _lock(registration: Registration) -> tuple[Mission, Registration]:
    mission = mission_lock(registration.mission_id)
    return mission, Registration.objects.select_for_update().get(pk=registration.pk)


def _refuse_when_over(mission: Mission) -> None:
    if mission.status in (Mission.Status.COMPLETED, Mission.Status.CANCELLED):
        raise ValidationError(
            _("This mission is %(status)s: registrations can no longer change.")
            % {"status": mission.get_status_display().lower()}
        )


@transaction.atomic
def registration_accept(*, registration: Registration, by) -> Registration:
    """Accept a submitted sign-up or move one up from the waiting list."""
    mission, registration = _lock(registration)
    _refuse_when_over(mission)
    if registration.status not in (Status.SUBMITTED, Status.WAITLISTED):
        raise ValidationError(
            _(
                "Only a submitted or waiting registration can be accepted; "
                "this one is %(status)s."
            )
            % {"status": registration.get_status_display().lower()}
        )
    free = seats_free(mission)
    if registration.seats > free:
        raise ValidationError(
            _(
                "Not enough seats: %(seats)s asked for, %(free)s free. Raise the "
                "capacity first or reject someone."
            )
            % {"seats": registration.seats, "free": free}
        )
    was_waiting = registration.status == Status.WAITLISTED
    registration.status = Status.ACCEPTED
    registration.waitlist_position = None
    registration.decided_at = timezone.now()
    registration.decided_by = by
    registration.save()
    if was_waiting:
        _waitlist_renumber(mission)
    _notify(
        registration,
        NotificationKind.PROMOTED if was_waiting else NotificationKind.ACCEPTED,
    )
    return registration


@transaction.atomic
def registration_reject(*, registration: Registration, by, reason: str) -> Registration:
    """Reject with a reason the organisation reads in its e-mail."""
    if not (reason or "").strip():
        raise ValidationError(
            {"reason": _("Give the reason for the rejection: the company reads it.")}
        )
    reason = reason.strip()
    check_text_length(Registration, "rejection_reason", reason, error_key="reason")
    mission, registration = _lock(registration)
    _refuse_when_over(mission)
    if registration.status not in OPEN_STATUSES:
        raise ValidationError(
            _("This registration is %(status)s and can no longer be rejected.")
            % {"status": registration.get_status_display().lower()}
        )
    held_seats = registration.status == Status.ACCEPTED
    registration.status = Status.REJECTED
    registration.rejection_reason = reason
    registration.waitlist_position = None
    registration.decided_at = timezone.now()
    registration.decided_by = by
    registration.save()
    _notify(registration, NotificationKind.REJECTED)
    if held_seats:
        _waitlist_promote(mission, by=by)
    _waitlist_renumber(mission)
    return registration


@transaction.atomic
def registration_withdraw(*, registration: Registration, by) -> Registration:
    """Withdraw; the seats go to the first on the waiting list that fits."""
    mission, registration = _lock(registration)
    if not (
        getattr(by, "is_civil_servant", False)
        or getattr(by, "is_partner", False)
        or getattr(by, "is_administrator", False)
        or bool(_own_contacts(by, registration.organisation))
    ):
        raise PermissionDenied(
            _("You can only withdraw a registration of your own organisation.")
        )
    _refuse_when_over(mission)
    if registration.status not in OPEN_STATUSES:
        raise ValidationError(
            _("This registration is %(status)s and can no longer be withdrawn.")
            % {"status": registration.get_status_display().lower()}
        )
    held_seats = registration.status == Status.ACCEPTED
    registration.status = Status.WITHDRAWN
    registration.waitlist_position = None
    registration.withdrawn_at = timezone.now()
    registration.save()
    _notify(registration, NotificationKind.WITHDRAWN)
    if held_seats:
        _waitlist_promote(mission, by=by)
    _waitlist_renumber(mission)
    return registration


@transaction.atomic
def registration_mark_attendance(
    *, registration: Registration, attended: bool, by, today=None
) -> Registration:
    """Record whether an accepted organisation actually took part."""
    mission, registration = _lock(registration)
    if mission.status == Mission.Status.CANCELLED:
        raise ValidationError(_("This mission was cancelled: nobody attended."))
    today = today or timezone.localdate()
    if mission.start_date > today:
        raise ValidationError(
            _("Attendance can be recorded once the mission has started.")
        )
    if registration.status not in (Status.ACCEPTED, Status.ATTENDED, Status.NO_SHOW):
        raise ValidationError(
            _("Only accepted registrations attend; this one is %(status)s.")
            % {"status": registration.get_status_display().lower()}
        )
    registration.status = Status.ATTENDED if attended else Status.NO_SHOW
    registration.save()
    if attended and mission.status == Mission.Status.COMPLETED:
        _notify(registration, NotificationKind.RESULTS_AFTER)
    return registration
