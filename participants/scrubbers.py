"""Personal data of the participants app and how it is erased.

Registered in ``ParticipantsConfig.ready()`` (see config/personal_data.py).
What stays, and why, is in ``NOT_PERSONAL``: company data (the showcase's
texts are declared in showcase/scrubbers.py). The addresses of this app's
membership e-mails are in the outbox's log of mails sent once
(outbox/scrubbers.py erases them).
"""

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from config.personal_data import Erasure, Scrubber

from .models import ContactPerson, Organisation

# Stored instead of the name. Data, not interface text: it is the same in
# every language and in old report files.
ANONYMISED_NAME = "Geanonimiseerd"
# The values of a contact person that identify the person.
_SCRUBBED = {
    "name": ANONYMISED_NAME,
    "email": "",
    "phone": "",
    "role": "",
    "user_id": None,
}


def _contact_persons_erase(erasure: Erasure) -> None:
    """The contact persons named by id or by their user account, their
    simple-history rows, and how Django's admin log names them."""
    contacts = ContactPerson.objects.select_related("organisation").filter(
        Q(pk__in=erasure.contact_ids) | Q(user_id__in=erasure.user_ids),
        anonymised_at__isnull=True,
    )
    for contact in contacts:
        old_repr = str(contact)
        for name, value in _SCRUBBED.items():
            setattr(contact, name, value)
        # Membership is the account's: it ends with it (the history keeps it).
        contact.is_admin = False
        contact.verified_via = ""
        contact.consent_future_missions = False
        contact.language = settings.LANGUAGE_CODE
        contact.anonymised_at = erasure.when
        contact.save()
        # Old versions keep the old name and address; the audit keeps when
        # and by whom a change was made, not who the person was.
        ContactPerson.history.filter(id=contact.pk).update(**_SCRUBBED)
        _admin_log_scrub(contact, old_repr)


def _admin_log_scrub(contact: ContactPerson, old_repr: str) -> None:
    """Django's admin log names the objects it changed ("Jan Jansen (Bedrijf
    BV)"), also inside the organisation's entries when contact persons were
    edited inline."""
    new_repr = str(contact)
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ContactPerson),
        object_id=str(contact.pk),
    ).update(object_repr=new_repr[:200])
    for entry in LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(contact.organisation_id),
        change_message__contains=old_repr,
    ):
        entry.change_message = entry.change_message.replace(old_repr, new_repr)
        entry.save(update_fields=["change_message"])


SCRUBBERS = (
    Scrubber(
        identifier="participants.contact_persons",
        description="Contact persons, their history and the admin log of them.",
        fields=(
            "participants.ContactPerson.name",
            "participants.ContactPerson.email",
            "participants.ContactPerson.phone",
            "participants.ContactPerson.role",
            "participants.HistoricalContactPerson.name",
            "participants.HistoricalContactPerson.email",
            "participants.HistoricalContactPerson.phone",
            "participants.HistoricalContactPerson.role",
            "admin.LogEntry.object_repr",
            "admin.LogEntry.change_message",
        ),
        erase=_contact_persons_erase,
    ),
)

NOT_PERSONAL = {
    "participants.Organisation.name": (
        "company name, as in the public KvK register; organisations stay"
    ),
    "participants.HistoricalOrganisation.name": "see Organisation.name",
}
