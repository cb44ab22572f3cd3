"""Merge organisations whose KvK numbers are the same number in other digits.

Before KvK numbers took the digits 0-9 only (config/digits.py), typing
Bouman's 06012345 in full-width digits (０６０１２３４５) created a second
"Bouman Industries". Data migration 0005 calls `organisations_merge_duplicates`
with its historical models; the rules:

- Organisations are grouped by their KvK number with every digit-like
  character read as its digit (full-width, Arabic-Indic, superscript,
  circled ...). A group of one whose number is already 0-9 is left alone.
- The organisation kept is the one whose number is written in 0-9, else the
  oldest (lowest id); its number is rewritten in 0-9.
- Every row that points at a duplicate (contact persons, registrations,
  public profile, export stories, contact requests, blocks: whatever has a
  foreign key to the organisation) is moved to the kept one, each in its own
  savepoint. A row that cannot move because a unique rule forbids it (the
  kept organisation already has a public profile, an active registration
  for the same mission, the same block) stays where it is.
- Contact persons are moved *without* their user account: the duplicate was
  made by whoever typed the number, which proves nothing, so its users do
  not become users of the real organisation. The person's name and details
  stay on the registrations; the account has to join the organisation the
  normal way. Requests to join the duplicate are dropped for the same reason.
- A duplicate left without rows is deleted. One that still has rows is kept
  as it is and reported, for an administrator to resolve by hand.
- Vestigingsnummers and postcodes written in other digits are rewritten in
  0-9 (postcodes also in upper-case ASCII letters) when the result is valid.

History rows (django-simple-history) keep the ids they were written with.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction


def digits_as_ascii(text: str) -> str:
    """Every character with a digit value written as 0-9; the rest as is."""
    out = []
    for character in text or "":
        value = unicodedata.digit(character, None)
        out.append(str(value) if value is not None else character)
    return "".join(out)


def kvk_key(kvk_number: str) -> str:
    """The KvK number in 0-9, without the spaces and dots people type."""
    return re.sub(r"[\s.]", "", digits_as_ascii(kvk_number))


def _postcode_in_ascii(postcode: str) -> str | None:
    text = re.sub(r"\s", "", unicodedata.normalize("NFKC", digits_as_ascii(postcode)))
    match = re.fullmatch(r"([1-9][0-9]{3})([A-Za-z]{2})", text)
    if not match or match.group(2).upper() in {"SA", "SD", "SS"}:
        return None
    return f"{match.group(1)} {match.group(2).upper()}"


@dataclass
class MergeOutcome:
    kvk_number: str
    kept_id: int
    merged_ids: list[int] = field(default_factory=list)
    # Duplicates kept because some rows could not move: (id, "model: ids").
    unresolved: list[tuple[int, str]] = field(default_factory=list)


def _move_rows(organisation_model, duplicate, kept) -> list[str]:
    """Move what points at `duplicate` to `kept`; describe what could not."""
    left = []
    for relation in organisation_model._meta.related_objects:
        if relation.many_to_many:
            continue
        model, name = relation.related_model, relation.field.name
        changes = {name: kept.pk}
        fields = {f.name for f in model._meta.get_fields()}
        if model._meta.model_name == "contactperson":
            changes["user"] = None
            # Without an account a contact is no member (see the
            # contact_membership_needs_account constraint).
            if "is_admin" in fields:
                changes.update(is_admin=False, verified_via="")
        if model._meta.model_name == "membershiprequest":
            # A request to act for the copy, approved or not, was decided by
            # whoever made the copy: it does not carry over to the original.
            model._base_manager.filter(**{name: duplicate.pk}).delete()
            continue
        stuck = []
        for pk in model._base_manager.filter(**{name: duplicate.pk}).values_list(
            "pk", flat=True
        ):
            try:
                with transaction.atomic():
                    model._base_manager.filter(pk=pk).update(**changes)
            except IntegrityError:
                stuck.append(pk)
        if stuck:
            left.append(
                f"{model._meta.label}.{name}: " + ", ".join(str(pk) for pk in stuck)
            )
    return left


@transaction.atomic
def organisations_merge_duplicates(organisation_model) -> list[MergeOutcome]:
    """Merge organisations whose KvK numbers are one number in other digits;
    see the module's docstring. `organisation_model`: the Organisation model
    (in a migration, the historical one). Returns what was done per number."""
    groups = defaultdict(list)
    for organisation in organisation_model._base_manager.order_by("pk"):
        groups[kvk_key(organisation.kvk_number)].append(organisation)
    outcomes = []
    for key, organisations in groups.items():
        if len(organisations) == 1 and organisations[0].kvk_number == key:
            continue
        kept = next((o for o in organisations if o.kvk_number == key), None)
        kept = kept or organisations[0]
        outcome = MergeOutcome(kvk_number=key, kept_id=kept.pk)
        for duplicate in organisations:
            if duplicate.pk == kept.pk:
                continue
            left = _move_rows(organisation_model, duplicate, kept)
            if left:
                outcome.unresolved.append((duplicate.pk, "; ".join(left)))
            else:
                organisation_model._base_manager.filter(pk=duplicate.pk).delete()
                outcome.merged_ids.append(duplicate.pk)
        if kept.kvk_number != key and re.fullmatch("[0-9]{8}", key):
            taken = organisation_model._base_manager.filter(kvk_number=key)
            if not taken.exclude(pk=kept.pk).exists():
                organisation_model._base_manager.filter(pk=kept.pk).update(
                    kvk_number=key
                )
        outcomes.append(outcome)
    _rewrite_branch_numbers_and_postcodes(organisation_model)
    return outcomes


def _rewrite_branch_numbers_and_postcodes(organisation_model) -> None:
    rows = organisation_model._base_manager.values_list(
        "pk", "branch_number", "postcode"
    )
    for pk, branch_number, postcode in rows:
        changes = {}
        if branch_number and not branch_number.isascii():
            ascii_number = re.sub(r"[\s.]", "", digits_as_ascii(branch_number))
            if re.fullmatch("[0-9]{12}", ascii_number):
                changes["branch_number"] = ascii_number
        if postcode and not postcode.isascii():
            ascii_postcode = _postcode_in_ascii(postcode)
            if ascii_postcode:
                changes["postcode"] = ascii_postcode
        if changes:
            organisation_model._base_manager.filter(pk=pk).update(**changes)
