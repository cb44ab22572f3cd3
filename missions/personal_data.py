"""Missions' part of the download of one's own data (AVG articles 15 and
20): each organisation's registrations with their mission and results.
Registered in MissionsConfig.ready() and added to each organisation by
participants.personal_data.personal_data_export."""

from django.db.models import Prefetch

from .models import MissionResult, Registration

_REGISTRATION_FIELDS = (
    "seats",
    "status",
    "waitlist_position",
    "rejection_reason",
    "motivation",
    "goals",
    "target_markets",
    "first_time_exporter",
    "de_minimis_declared",
    "de_minimis_aid_received",
    "source",
    "created_at",
    "decided_at",
    "withdrawn_at",
)
_RESULT_FIELDS = (
    "moment",
    "meetings",
    "leads",
    "deals",
    "expected_export_turnover",
    "realised_export_turnover",
    "satisfaction",
    "remarks",
    "created_at",
    "updated_at",
)


def _fields(obj, names) -> dict:
    return {name: getattr(obj, name) for name in names}


def registrations_export(organisations: dict) -> dict[int, list]:
    """Per organisation: its registrations, oldest mission first, each with
    its mission and its results. Two queries (none without organisations)."""
    registrations = (
        Registration.objects.filter(organisation__in=list(organisations))
        .select_related("mission")
        .prefetch_related(
            Prefetch("results", queryset=MissionResult.objects.order_by("moment"))
        )
        .order_by("mission__start_date", "pk")
    )
    per_organisation: dict[int, list] = {pk: [] for pk in organisations}
    for registration in registrations:
        mission = registration.mission
        per_organisation[registration.organisation_id].append(
            {
                "mission": {
                    "title": mission.title,
                    "country": str(mission.country),
                    "start_date": mission.start_date,
                    "end_date": mission.end_date,
                },
                **_fields(registration, _REGISTRATION_FIELDS),
                "results": [
                    _fields(result, _RESULT_FIELDS)
                    for result in registration.results.all()
                ],
            }
        )
    return per_organisation
