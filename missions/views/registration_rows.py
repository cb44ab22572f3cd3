"""What the rows of the back-office mission page need besides the
registrations themselves. The rows are drawn by
templates/missions/backoffice/_registration_row.html and cached as one
fragment per page of rows, under a key made from everything they show."""

import hashlib
import pickle

from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import get_language

from ..models import Mission, MissionResult
from ..selectors import result_for
from ..services import result_moments_due

# How long a page of rendered rows is kept. Its key changes with anything
# the rows show, so this only bounds the memory of pages no longer asked
# (and how long rows drawn by an older template outlive a deploy that
# changes it, unless the cache is emptied then).
ROWS_SECONDS = 10 * 60


def rows_context(mission: Mission, registrations) -> dict:
    """The page's flags for its rows, worked out once, and the key of the
    rendered rows; each registration gets `results_due`: (moment, label,
    result or None) per moment whose results can be filled in now."""
    today = timezone.localdate()
    for registration in registrations:
        registration.results_due = [
            (
                moment,
                MissionResult.Moment(moment).label,
                result_for(registration, moment),
            )
            for moment in result_moments_due(registration, today=today)
        ]
    flags = {
        # Sign-ups can still be accepted, rejected and withdrawn.
        "bulk_open": mission.status
        not in (Mission.Status.COMPLETED, Mission.Status.CANCELLED),
        # Attended / no show, once the mission has started.
        "attendance": mission.status
        not in (Mission.Status.CANCELLED, Mission.Status.DRAFT)
        and mission.has_started,
        "seats_free": mission.seats_left,
    }
    return {
        **flags,
        "rows_key": rows_key(registrations, flags),
        "rows_seconds": ROWS_SECONDS,
    }


def rows_key(registrations, flags: dict) -> str:
    """A digest of all a page of rows depends on: every column of each
    registration and of its organisation (whatever the template shows of
    them, however they were changed), its contacts, its results due, the
    page's flags, the language, time zone and URL prefix. Nothing in a row
    depends on who looks at it."""
    parts = [
        get_language(),
        timezone.get_current_timezone_name(),
        get_script_prefix(),
        sorted(flags.items()),
        [
            (
                _columns(registration),
                _columns(registration.organisation),
                registration.contact_list,
                [
                    (moment, result)
                    for moment, _label, result in registration.results_due
                ],
            )
            for registration in registrations
        ],
    ]
    # pickle: the same values give the same bytes, in every process.
    return hashlib.md5(pickle.dumps(parts, 5), usedforsecurity=False).hexdigest()


def _columns(instance) -> tuple:
    return tuple(getattr(instance, f.attname) for f in instance._meta.concrete_fields)
