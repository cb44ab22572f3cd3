"""Deciding on several registrations of a mission at once.

Each registration goes through the same service as a single decision
(accept, reject, waiting list), one after the other in its own
transaction: the seat rules, the waiting list and the e-mails hold as
they do for one, and one that is refused (no seats left, already
decided) leaves the others decided. The caller gets both lists back.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ..models import Mission, Registration
from ..notifications import NotificationKind
from .registrations import (
    Status,
    _lock,
    _notify,
    _refuse_when_over,
    registration_accept,
    registration_reject,
)

BULK_ACTIONS = ("accept", "waitlist", "reject")


@transaction.atomic
def registration_waitlist(*, registration: Registration, by) -> Registration:
    """Put a submitted sign-up on the waiting list, at the end."""
    mission, registration = _lock(registration)
    _refuse_when_over(mission)
    if registration.status != Status.SUBMITTED:
        raise ValidationError(
            _(
                "Only a submitted registration can be put on the waiting list; "
                "this one is %(status)s."
            )
            % {"status": registration.get_status_display().lower()}
        )
    last = mission.registrations.filter(status=Status.WAITLISTED).aggregate(
        last=Max("waitlist_position")
    )["last"]
    registration.status = Status.WAITLISTED
    registration.waitlist_position = (last or 0) + 1
    registration.save()
    _notify(registration, NotificationKind.WAITLISTED)
    return registration


@dataclass
class BulkOutcome:
    done: list[Registration] = field(default_factory=list)
    # (registration, the service's reason) pairs.
    refused: list[tuple[Registration, str]] = field(default_factory=list)


def registrations_decide(
    *,
    mission: Mission,
    registrations: list[Registration],
    action: str,
    by,
    reason: str = "",
) -> BulkOutcome:
    """Accept, reject (with one reason for all) or waitlist the given
    registrations of the mission, in the order they signed up (first come,
    first served when seats run out)."""
    if action not in BULK_ACTIONS:
        raise ValidationError(_("Choose what to do with the selected sign-ups."))
    if not (
        getattr(by, "is_civil_servant", False)
        or getattr(by, "is_partner", False)
        or getattr(by, "is_administrator", False)
    ):
        raise PermissionDenied
    if action == "reject" and not (reason or "").strip():
        raise ValidationError(
            {"reason": _("Give the reason for the rejection: the companies read it.")}
        )
    if any(r.mission_id != mission.pk for r in registrations):
        raise ValidationError(_("Only sign-ups of this mission can be decided here."))
    outcome = BulkOutcome()
    for registration in sorted(registrations, key=lambda r: (r.created_at, r.pk)):
        try:
            if action == "accept":
                registration_accept(registration=registration, by=by)
            elif action == "reject":
                registration_reject(registration=registration, by=by, reason=reason)
            else:
                registration_waitlist(registration=registration, by=by)
        except ValidationError as error:
            outcome.refused.append((registration, " ".join(error.messages)))
        else:
            outcome.done.append(registration)
    return outcome
