"""Writes for organisations and their contact persons.

One organisation per KvK number: nothing is ever duplicated. Who may act
for an organisation is decided in membership.py.
"""

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from config.digits import refuse_other_digits
from config.services import check_fields_allowed, model_update

from ..models import ContactPerson, Organisation

# Fields an organisation's own users and civil servants may change. The KvK
# number is the organisation's identity and is never edited.
PROFILE_FIELDS = (
    "name",
    "branch_number",
    "kind",
    "sbi_code",
    "sector",
    "employees",
    "annual_turnover",
    "balance_total",
    "postcode",
    "municipality",
    "province",
    "website",
    "export_experience",
    "export_markets",
)
CONTACT_FIELDS = ("name", "email", "phone", "role", "consent_future_missions")


def kvk_number_clean(value) -> str:
    """The KvK number as 8 digits; spaces and dots people type are dropped.

    Format only: the KvK number has no check digit. Digits other than 0-9
    (full-width, Arabic-Indic, ...) are refused, never read as numbers: the
    same number in other digits would otherwise be a second organisation.
    """
    text = re.sub(r"[\s.]", "", str(value if value is not None else ""))
    refuse_other_digits(text, field="kvk_number")
    # Spreadsheets drop leading zeros; a 7-digit number lost one of them.
    if re.fullmatch(r"[0-9]{7}", text):
        text = "0" + text
    if not re.fullmatch(r"[0-9]{8}", text):
        raise ValidationError(
            {
                "kvk_number": _(
                    "“%(value)s” is not a KvK number: a KvK number has exactly "
                    "8 digits, e.g. 01234567."
                )
                % {"value": value}
            },
            code="invalid_kvk",
        )
    return text


def branch_number_clean(value) -> str:
    """The vestigingsnummer as 12 digits, or empty when not given."""
    text = re.sub(r"[\s.]", "", str(value or ""))
    refuse_other_digits(text, field="branch_number")
    if text and not re.fullmatch(r"[0-9]{12}", text):
        raise ValidationError(
            {
                "branch_number": _(
                    "“%(value)s” is not a vestigingsnummer: it has exactly 12 digits."
                )
                % {"value": value}
            },
            code="invalid_branch_number",
        )
    return text


def postcode_clean(value) -> str:
    """The postcode written as 1234 AB, or empty when not given."""
    text = re.sub(r"\s", "", str(value or "")).upper()
    if not text:
        return ""
    refuse_other_digits(text, field="postcode")
    match = re.fullmatch(r"([1-9][0-9]{3})([A-Z]{2})", text)
    if not match or match.group(2) in {"SA", "SD", "SS"}:
        raise ValidationError(
            {
                "postcode": _(
                    "“%(value)s” is not a Dutch postcode: write it like 1234 AB."
                )
                % {"value": value}
            },
            code="invalid_postcode",
        )
    return f"{match.group(1)} {match.group(2)}"


def _clean_profile(data: dict) -> dict:
    check_fields_allowed(data, PROFILE_FIELDS)
    cleaned = dict(data)
    errors = {}
    for field, cleaner in (
        ("branch_number", branch_number_clean),
        ("postcode", postcode_clean),
    ):
        if field in cleaned:
            try:
                cleaned[field] = cleaner(cleaned[field])
            except ValidationError as error:
                errors.update(error.message_dict)
    for field in ("employees", "annual_turnover", "balance_total"):
        try:
            refuse_other_digits(cleaned.get(field), field=field)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    for field in ("annual_turnover", "balance_total"):
        if cleaned.get(field) not in (None, ""):
            cleaned[field] = Decimal(str(cleaned[field]))
    return cleaned


@transaction.atomic
def organisation_get_or_create(
    *, kvk_number: str, name: str = "", **profile
) -> tuple[Organisation, bool]:
    """The organisation with this KvK number, created when it is new.

    A known number returns the existing organisation unchanged: a second
    sign-up never overwrites what the first one entered.
    """
    kvk = kvk_number_clean(kvk_number)
    existing = Organisation.objects.filter(kvk_number=kvk).first()
    if existing:
        return existing, False
    if not name.strip():
        raise ValidationError(
            {
                "name": _("Give the name of the organisation with KvK %(kvk)s.")
                % {"kvk": kvk}
            }
        )
    fields = _clean_profile({"name": name.strip(), **profile})
    organisation = Organisation(kvk_number=kvk, **fields)
    organisation.full_clean(validate_unique=False)
    try:
        # A savepoint: a parallel sign-up with the same number may win the
        # race; then that one is returned instead of an error.
        with transaction.atomic():
            organisation.save()
    except IntegrityError:
        return Organisation.objects.get(kvk_number=kvk), False
    return organisation, True


@transaction.atomic
def organisation_update(*, organisation: Organisation, **changes) -> Organisation:
    """Change the profile; the KvK number stays as it is."""
    model_update(
        instance=organisation, fields=PROFILE_FIELDS, data=_clean_profile(changes)
    )
    organisation.full_clean(validate_unique=False)
    organisation.save()
    return organisation


@transaction.atomic
def contact_person_create(
    *,
    organisation: Organisation,
    name: str,
    email: str = "",
    phone: str = "",
    role: str = "",
    consent_future_missions: bool = False,
    user=None,
    language: str = "",
) -> ContactPerson:
    """A new contact person; with `user`, that user works for the organisation."""
    if not name.strip():
        raise ValidationError({"name": _("Give the contact person's name.")})
    if user is not None and organisation.contacts.filter(user=user).exists():
        raise ValidationError(
            _("%(user)s is already a contact person of %(organisation)s.")
            % {"user": user, "organisation": organisation}
        )
    contact = ContactPerson(
        organisation=organisation,
        user=user,
        name=name.strip(),
        email=(email or "").strip().lower(),
        phone=phone.strip(),
        role=role.strip(),
        consent_future_missions=consent_future_missions,
        language=_language_or_default(language),
    )
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def contact_person_update(*, contact: ContactPerson, **changes) -> ContactPerson:
    """Change a contact person's details or consent."""
    check_fields_allowed(changes, CONTACT_FIELDS + ("language",))
    if "language" in changes:
        changes["language"] = _language_or_default(changes["language"])
    contact, changed = model_update(
        instance=contact, fields=CONTACT_FIELDS + ("language",), data=changes
    )
    if not changed:
        # Nothing to write: no update and no history row for a no-op (a
        # sign-up passes the language it was made in, mostly the same).
        return contact
    contact.full_clean()
    contact.save()
    return contact


def organisations_of_user(user):
    """The organisations a user is an approved member of.

    Only members have a contact person with an account; a pending request
    to join is a MembershipRequest and grants nothing.
    """
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(contacts__user=user).distinct()


def _language_or_default(language: str) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    language = (language or "").split("-")[0]
    return language if language in codes else settings.LANGUAGE_CODE
