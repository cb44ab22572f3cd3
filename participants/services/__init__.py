"""Writes of the participants app: organisations, contact persons, privacy."""

from .organisations import (
    CONTACT_FIELDS,
    PROFILE_FIELDS,
    branch_number_clean,
    contact_person_create,
    contact_person_update,
    kvk_number_clean,
    organisation_get_or_create,
    organisation_join,
    organisation_update,
    organisations_of_user,
    postcode_clean,
)
from .privacy import (
    ANONYMISED_NAME,
    contact_person_anonymise,
    user_erase,
)

__all__ = [
    "ANONYMISED_NAME",
    "CONTACT_FIELDS",
    "PROFILE_FIELDS",
    "branch_number_clean",
    "contact_person_anonymise",
    "contact_person_create",
    "contact_person_update",
    "kvk_number_clean",
    "organisation_get_or_create",
    "organisation_join",
    "organisation_update",
    "organisations_of_user",
    "postcode_clean",
    "user_erase",
]
