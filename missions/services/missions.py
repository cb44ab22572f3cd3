"""The life of a mission: draft → published → closed → completed, or cancelled."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from config.services import check_fields_allowed, model_update
from outbox.services import job_enqueue

from ..models import Mission, MissionMessage, Registration
from ..notifications import (
    CHANGE_FIELDS,
    NotificationKind,
    mission_changed_later,
    registration_notify_later,
)
from .registrations import _waitlist_promote, mission_lock, seats_taken

# Fields a civil servant fills in on the mission form.
MISSION_FIELDS = (
    "title",
    "direction",
    "country",
    "region",
    "event",
    "start_date",
    "end_date",
    "format",
    "organiser",
    "partners",
    "led_by",
    "led_by_name",
    "capacity",
    "max_seats_per_organisation",
    "signup_opens_at",
    "signup_closes_at",
    "participation_fee",
    "province_contribution_per_seat",
    "approval_mode",
    "description",
    "highlights",
    "programme",
    "action",
    "run_by",
)
# What may still change once a mission is over or cancelled.
FINAL_EDITABLE_FIELDS = {"description", "highlights"}


def _guard(mission: Mission, allowed: tuple[str, ...], message: str) -> None:
    if mission.status not in allowed:
        raise ValidationError(
            message % {"status": mission.get_status_display().lower()}
        )


def _check_run_by(mission: Mission) -> None:
    """The partner running a mission must be engaged by its province for
    missions today."""
    from participants.selectors import mission_partner_choices

    if mission.run_by_id and not (
        mission_partner_choices(province_id=mission.province_id)
        .filter(pk=mission.run_by_id)
        .exists()
    ):
        raise ValidationError(
            {"run_by": _("Choose a partner that the province engages for missions.")}
        )


@transaction.atomic
def mission_create(*, province, by, themes=(), **fields) -> Mission:
    """A new mission in draft; nobody can sign up until it is published.

    Partner staff create missions their own organisation runs."""
    check_fields_allowed(fields, MISSION_FIELDS)
    if getattr(by, "is_partner", False):
        fields["run_by"] = by.partner
    mission = Mission(province=province, created_by=by, **fields)
    mission.full_clean()
    _check_run_by(mission)
    mission.save()
    if themes:
        mission.themes.set(themes)
    return mission


@transaction.atomic
def mission_update(*, mission: Mission, by, themes=None, **changes) -> Mission:
    """Change a mission. Capacity can never drop below the seats accepted.

    More capacity on an open mission moves people up from the waiting list.
    """
    check_fields_allowed(changes, MISSION_FIELDS)
    if "run_by" in changes and getattr(by, "is_partner", False):
        raise ValidationError(
            _("Only the province decides which partner runs a mission.")
        )
    mission = mission_lock(mission.pk)
    if mission.status in (Mission.Status.COMPLETED, Mission.Status.CANCELLED):
        locked = {
            field
            for field, value in changes.items()
            if field not in FINAL_EDITABLE_FIELDS and getattr(mission, field) != value
        }
        if locked or themes is not None and set(themes) != set(mission.themes.all()):
            raise ValidationError(
                _(
                    "This mission is %(status)s: only the description and the "
                    "highlights can still be changed."
                )
                % {"status": mission.get_status_display().lower()}
            )
    before = {name: getattr(mission, name) for name in CHANGE_FIELDS}
    model_update(instance=mission, fields=MISSION_FIELDS, data=changes)
    mission.full_clean()
    if "run_by" in changes:
        _check_run_by(mission)
    taken = seats_taken(mission)
    if mission.capacity < taken:
        raise ValidationError(
            {
                "capacity": _(
                    "The capacity cannot be lower than the %(taken)s seats "
                    "already accepted."
                )
                % {"taken": taken}
            }
        )
    mission.save()
    if themes is not None:
        mission.themes.set(themes)
    if mission.status in (Mission.Status.PUBLISHED, Mission.Status.CLOSED):
        _waitlist_promote(mission, by=by)
        changed = [
            name for name in CHANGE_FIELDS if getattr(mission, name) != before[name]
        ]
        if changed:
            # Participants plan around date, place and programme.
            mission_changed_later(mission=mission, fields=changed)
    return mission


@transaction.atomic
def mission_message_send(*, mission: Mission, by, subject: str, body: str):
    """A civil servant's e-mail to all accepted and attended participants,
    written to the outbox after the commit (one per address)."""
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise ValidationError(_("Write a subject and a text."))
    if "\n" in subject or "\r" in subject:
        raise ValidationError({"subject": _("The subject must be a single line.")})
    if mission.status in (Mission.Status.DRAFT, Mission.Status.CANCELLED):
        raise ValidationError(
            _("This mission is %(status)s: it has no participants to write to.")
            % {"status": mission.get_status_display().lower()}
        )
    message = MissionMessage(mission=mission, sent_by=by, subject=subject, body=body)
    message.full_clean()
    message.save()
    job_enqueue(
        key=f"mission-message:{message.pk}",
        task="missions.tasks.mission_message_deliver_task",
        kwargs={"message_id": message.pk},
    )
    return message


@transaction.atomic
def mission_publish(*, mission: Mission, by) -> Mission:
    """Open the mission for sign-up; it appears in the public calendar."""
    mission = mission_lock(mission.pk)
    _guard(
        mission,
        (Mission.Status.DRAFT,),
        _("Only a draft can be published; this mission is %(status)s."),
    )
    mission.full_clean()
    mission.status = Mission.Status.PUBLISHED
    mission.published_at = timezone.now()
    mission.save(update_fields=["status", "published_at", "updated_at"])
    job_enqueue(
        key=f"mission:{mission.pk}:match-alerts:{mission.published_at:%Y%m%d%H%M%S%f}",
        # The showcase mails the organisations that asked for matching
        # missions; named by its dotted path, as missions imports no showcase.
        task="showcase.tasks.mission_match_alerts_task",
        kwargs={"mission_id": mission.pk},
    )
    return mission


@transaction.atomic
def mission_close(*, mission: Mission, by) -> Mission:
    """Close sign-up; civil servants can still add and move participants."""
    mission = mission_lock(mission.pk)
    _guard(
        mission,
        (Mission.Status.PUBLISHED,),
        _("Only a published mission can be closed; this mission is %(status)s."),
    )
    mission.status = Mission.Status.CLOSED
    mission.save(update_fields=["status", "updated_at"])
    return mission


@transaction.atomic
def mission_complete(*, mission: Mission, by, today=None) -> Mission:
    """Mark the mission as held: it now counts as realised.

    Participants marked as attended are invited to report results right
    away; those marked later are picked up by the daily sweep.
    """
    mission = mission_lock(mission.pk)
    _guard(
        mission,
        (Mission.Status.PUBLISHED, Mission.Status.CLOSED),
        _(
            "Only a published or closed mission can be completed; this mission "
            "is %(status)s."
        ),
    )
    today = today or timezone.localdate()
    if mission.start_date > today:
        raise ValidationError(
            _("A mission can only be completed once it has started (%(date)s).")
            % {"date": formats.date_format(mission.start_date, "j F Y")}
        )
    mission.status = Mission.Status.COMPLETED
    mission.completed_at = timezone.now()
    mission.save(update_fields=["status", "completed_at", "updated_at"])
    for registration in mission.registrations.filter(
        status=Registration.Status.ATTENDED
    ).only("pk"):
        registration_notify_later(
            registration=registration, kind=NotificationKind.RESULTS_AFTER
        )
    return mission


@transaction.atomic
def mission_cancel(*, mission: Mission, by) -> Mission:
    """Cancel the mission and tell everyone who signed up."""
    mission = mission_lock(mission.pk)
    _guard(
        mission,
        (Mission.Status.DRAFT, Mission.Status.PUBLISHED, Mission.Status.CLOSED),
        _("This mission is %(status)s and can no longer be cancelled."),
    )
    mission.status = Mission.Status.CANCELLED
    mission.cancelled_at = timezone.now()
    mission.save(update_fields=["status", "cancelled_at", "updated_at"])
    for registration in mission.registrations.filter(
        status__in=(
            Registration.Status.SUBMITTED,
            Registration.Status.ACCEPTED,
            Registration.Status.WAITLISTED,
        )
    ).only("pk"):
        registration_notify_later(
            registration=registration, kind=NotificationKind.CANCELLED
        )
    return mission
