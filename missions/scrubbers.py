"""Personal data of the missions app and how it is erased.

Registered in ``MissionsConfig.ready()`` (see config/personal_data.py).
Registrations and results stay when a person is erased, so that every
count and published figure stays the same; they are the organisation's.
"""

# The addresses of the e-mails about registrations are in the outbox's log
# of mails sent once (outbox.SentMail): outbox/scrubbers.py erases them.
SCRUBBERS = ()

_MISSION_TEXT = "the mission's public description, written by civil servants"
_REGISTRATION_TEXT = (
    "what the organisation wrote when signing up, or the province's decision "
    "on it; the organisation's, kept with the registration for the counts"
)
_RESULT_TEXT = "the organisation's remarks on what a mission brought it"

NOT_PERSONAL = {
    "missions.Theme.name": "a managed list of themes",
    "missions.Theme.name_en": "a managed list of themes",
    "missions.Mission.description": _MISSION_TEXT,
    "missions.Mission.highlights": _MISSION_TEXT,
    "missions.Mission.led_by_name": (
        "the public office holder leading the mission (e.g. a minister), "
        "published on the mission page; not a contact person or user"
    ),
    "missions.HistoricalMission.description": _MISSION_TEXT,
    "missions.HistoricalMission.highlights": _MISSION_TEXT,
    "missions.HistoricalMission.led_by_name": "see Mission.led_by_name",
    "missions.Registration.motivation": _REGISTRATION_TEXT,
    "missions.Registration.goals": _REGISTRATION_TEXT,
    "missions.Registration.rejection_reason": _REGISTRATION_TEXT,
    "missions.HistoricalRegistration.motivation": _REGISTRATION_TEXT,
    "missions.HistoricalRegistration.goals": _REGISTRATION_TEXT,
    "missions.HistoricalRegistration.rejection_reason": _REGISTRATION_TEXT,
    "missions.MissionResult.remarks": _RESULT_TEXT,
    "missions.HistoricalMissionResult.remarks": _RESULT_TEXT,
    "missions.MissionMessage.body": (
        "a civil servant's message to all participants of a mission about the "
        "mission (like its description); it names no recipient, the outbox "
        "holds the addressed copies and erases them"
    ),
    "missions.MissionMessage.recipient_count": "a number of e-mails, no person",
}
