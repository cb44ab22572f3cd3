"""The showcase's part of the download of one's own data (AVG articles 15
and 20), registered in ShowcaseConfig.ready() and added to each
organisation by participants.personal_data.personal_data_export."""

from django.db.models import Q

from .models import ContactRequest, ExportStory, PublicProfile

_PROFILE_FIELDS = (
    "is_published",
    "published_at",
    "description",
    "experience",
    "helps_with",
    "open_to_questions",
    "mission_alerts",
    "created_at",
)
_STORY_FIELDS = ("title", "body", "photo_alt", "created_at")


def _fields(obj, names) -> dict:
    return {name: getattr(obj, name) for name in names}


def showcase_export(organisations: dict) -> dict[int, dict]:
    """Per organisation: its public profile, export stories and the contact
    requests it sent or received (the other organisation by name only; no
    other person's details). Four queries."""
    ids = list(organisations)
    showcase = {
        pk: {"profile": None, "stories": [], "contact_requests": []} for pk in ids
    }
    for profile in PublicProfile.objects.filter(organisation__in=ids).prefetch_related(
        "themes"
    ):
        showcase[profile.organisation_id]["profile"] = {
            **_fields(profile, _PROFILE_FIELDS),
            "themes": sorted(theme.name for theme in profile.themes.all()),
            "export_markets": [c.code for c in profile.export_markets],
            "target_markets": [c.code for c in profile.target_markets],
        }
    for story in ExportStory.objects.filter(organisation__in=ids).order_by(
        "created_at", "pk"
    ):
        showcase[story.organisation_id]["stories"].append(
            {**_fields(story, _STORY_FIELDS), "photo": story.photo.name or ""}
        )
    requests = (
        ContactRequest.objects.filter(Q(sender__in=ids) | Q(receiver__in=ids))
        .select_related("sender", "receiver")
        .order_by("created_at", "pk")
    )
    for contact_request in requests:
        for own, direction, other in (
            (contact_request.sender_id, "sent", contact_request.receiver),
            (contact_request.receiver_id, "received", contact_request.sender),
        ):
            if own in showcase:
                showcase[own]["contact_requests"].append(
                    {
                        "direction": direction,
                        "organisation": other.name,
                        "message": contact_request.message,
                        "status": contact_request.status,
                        "created_at": contact_request.created_at,
                        "decided_at": contact_request.decided_at,
                    }
                )
    return showcase
