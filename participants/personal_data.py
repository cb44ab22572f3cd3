"""AVG articles 15 and 20: everything the portal keeps about one SME user
and his organisations, as plain values ready for JSON (the download of
/mijn/mijn-gegevens.json). What other apps keep about an organisation
(missions its registrations and results, the showcase its profile) they
add through config.personal_data.register_organisation_export, so that
participants imports none of them."""

from django.utils import timezone

from config import personal_data
from config.personal_data import organisation_export_parts

from .models import ContactPerson, MembershipRequest

_ORGANISATION_FIELDS = (
    "kvk_number",
    "branch_number",
    "name",
    "kind",
    "sbi_code",
    "sector",
    "employees",
    "annual_turnover",
    "balance_total",
    "sme_class",
    "postcode",
    "municipality",
    "website",
    "export_experience",
    "export_markets",
    "created_at",
)
_CONTACT_FIELDS = (
    "name",
    "email",
    "phone",
    "role",
    "consent_future_missions",
    "language",
    "created_at",
)


def _fields(obj, names) -> dict:
    return {name: getattr(obj, name) for name in names}


def personal_data_export(*, user) -> dict:
    """All the portal keeps about the user and his organisations (AVG art. 15
    and 20), as plain values ready for JSON; nothing of other organisations.

    Nine queries whatever the amount of data (plus the registered exports:
    advisory tracks three): the user's roles, contact persons with their
    organisation, requests to join, and the parts other apps register
    (config.personal_data.register_organisation_export): the registrations
    of missions with their mission and their results, the showcase's
    profiles, their themes, export stories and contact requests.
    """
    contacts = list(
        ContactPerson.objects.filter(user=user)
        .select_related("organisation", "organisation__province")
        .order_by("organisation__name", "pk")
    )
    organisations = {c.organisation_id: c.organisation for c in contacts}
    parts = {
        key: part(organisations) for key, part in organisation_export_parts().items()
    }
    return {
        "generated_at": timezone.now(),
        "account": {
            "email": user.email,
            "name": user.name,
            "language": user.language,
            "roles": sorted(user.roles),
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "contact_persons": [
            {
                "organisation": c.organisation.kvk_number,
                **_fields(c, _CONTACT_FIELDS),
                "organisation_admin": c.is_admin,
                "membership_verified_via": c.verified_via,
            }
            for c in contacts
        ],
        # Requests to join name only the organisation: until approved the
        # requester sees nothing else of it, here neither.
        "membership_requests": [
            {
                "organisation": request.organisation.name,
                "kvk_number": request.organisation.kvk_number,
                "status": request.status,
                "requested_at": request.created_at,
                "decided_at": request.decided_at,
            }
            for request in MembershipRequest.objects.filter(user=user)
            .select_related("organisation")
            .order_by("created_at", "pk")
        ],
        "organisations": [
            {
                **_fields(organisation, _ORGANISATION_FIELDS),
                "province": str(organisation.province or ""),
                **{key: part[pk] for key, part in parts.items()},
            }
            for pk, organisation in organisations.items()
        ],
        # Other apps' data of the user (advisory tracks, ...): see
        # config.personal_data.register_export.
        **personal_data.exports_for(user),
    }
