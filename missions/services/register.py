"""A civil servant registers an organisation for a mission: the one service
behind the back-office form and the XLSX import, so both follow the same
rules:

- only a civil servant of the mission's province (or an administrator)
  registers organisations for it;
- the KvK number is validated (8 digits 0-9) before anything is looked up;
- a known KvK number reuses that organisation as it is (nothing of it is
  overwritten); a new one is created in the mission's province;
- a contact person is reused by e-mail address, otherwise created when a
  name or an address is given (the address stands in for a missing name);
- the registration itself is `registration_create`, with its rules on seats,
  double sign-ups and the waiting list.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from participants.models import ContactPerson, Organisation
from participants.services import (
    contact_person_create,
    kvk_number_clean,
    organisation_get_or_create,
)

from ..models import Mission, Registration
from .registrations import STAFF_SOURCES, registration_create


def _check_may_register(mission: Mission, by) -> None:
    if getattr(by, "is_authenticated", False) and (
        by.is_administrator
        or (by.is_civil_servant and by.province_id == mission.province_id)
    ):
        return
    raise PermissionDenied(
        _(
            "Only civil servants of %(province)s register organisations for "
            "its missions."
        )
        % {"province": mission.province}
    )


def _contact_for(
    organisation: Organisation, *, name: str, email: str, phone: str
) -> list[ContactPerson]:
    name, email = (name or "").strip(), (email or "").strip()
    if not (name or email):
        return []
    if email:
        known = organisation.contacts.filter(email__iexact=email).first()
        if known is not None:
            return [known]
    contact = contact_person_create(
        organisation=organisation, name=name or email, email=email, phone=phone
    )
    return [contact]


@transaction.atomic
def organisation_register_for_mission(
    *,
    mission: Mission,
    by,
    kvk_number: str,
    name: str = "",
    seats: int = 1,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    first_time_exporter: bool = False,
    source: str = Registration.Source.BACK_OFFICE,
) -> Registration:
    """Register the organisation with this KvK number for the mission, found
    or created; raises ValidationError or PermissionDenied, writing nothing."""
    if source not in STAFF_SOURCES:
        raise ValueError(f"Not a civil servant's registration source: {source}")
    _check_may_register(mission, by)
    kvk = kvk_number_clean(kvk_number)
    organisation, _created = organisation_get_or_create(
        kvk_number=kvk, name=name, province=mission.province
    )
    contacts = _contact_for(
        organisation, name=contact_name, email=contact_email, phone=contact_phone
    )
    return registration_create(
        mission=mission,
        organisation=organisation,
        by=by,
        seats=seats,
        contacts=contacts,
        first_time_exporter=first_time_exporter,
        source=source,
    )
