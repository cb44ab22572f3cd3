"""Every write of the missions app: missions, registrations, results, imports."""

from .missions import (
    mission_cancel,
    mission_close,
    mission_complete,
    mission_create,
    mission_message_send,
    mission_publish,
    mission_update,
)
from .register import organisation_register_for_mission
from .registrations import (
    registration_accept,
    registration_create,
    registration_mark_attendance,
    registration_reject,
    registration_withdraw,
    seats_free,
    seats_taken,
)
from .results import mission_result_save, result_moments_due

__all__ = [
    "organisation_register_for_mission",
    "mission_message_send",
    "mission_cancel",
    "mission_close",
    "mission_complete",
    "mission_create",
    "mission_publish",
    "mission_update",
    "mission_result_save",
    "registration_accept",
    "registration_create",
    "registration_mark_attendance",
    "registration_reject",
    "registration_withdraw",
    "result_moments_due",
    "seats_free",
    "seats_taken",
]
