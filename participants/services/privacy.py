"""AVG: erasing an SME user's account and anonymising contact persons.

What stays: organisations (company data, not personal data), registrations
and results (so counts and published figures do not change) and the audit
trail of who changed what, with the person's name and contact details taken
out of it. django-simple-history keeps every old value of a contact person,
so those history rows are scrubbed as well, and the log of showcase e-mails
loses the person's address. The messages of contact requests stay: they are
correspondence another organisation received; who sent them goes with the
contact person.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ContactPerson, MembershipRequest, Organisation, ShowcaseMail

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


@transaction.atomic
def contact_person_anonymise(*, contact_id: int, when=None) -> bool:
    """Replace the contact person's personal data, also in its history.

    Returns False when the person was anonymised already, so running it
    twice changes nothing the second time.
    """
    contact = ContactPerson.objects.select_for_update().filter(pk=contact_id).first()
    if contact is None or contact.anonymised_at is not None:
        return False
    old_repr, old_email = str(contact), contact.email
    for field, value in _SCRUBBED.items():
        setattr(contact, field, value)
    # Membership is the account's: it ends with it (the history keeps it).
    contact.is_admin = False
    contact.verified_via = ""
    contact.consent_future_missions = False
    contact.language = settings.LANGUAGE_CODE
    contact.anonymised_at = when or timezone.now()
    contact.save()
    # Old versions keep the old name and address; the audit keeps when and
    # by whom a change was made, not who the person was.
    ContactPerson.history.filter(id=contact.pk).update(**_SCRUBBED)
    _admin_log_scrub(contact, old_repr)
    if old_email:
        _mail_log_scrub(old_email)
    return True


def _mail_log_scrub(email: str) -> None:
    """Take the address out of the log of showcase e-mails sent."""
    for log in ShowcaseMail.objects.filter(recipients__icontains=email):
        kept = [
            address
            for address in log.recipients.split(", ")
            if address and address.lower() != email.lower()
        ]
        log.recipients = ", ".join(kept)
        log.save(update_fields=["recipients"])


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


def _erased_email(user) -> str:
    # Unique like the address it replaces; .invalid never receives mail.
    return f"verwijderd-{user.pk}@verwijderd.invalid"


@transaction.atomic
def user_erase(*, user) -> int:
    """Erase an SME user's account on his own request.

    His contact persons are anonymised; the account is kept as an empty,
    inactive row so that the audit trail still says "a (deleted) account
    did this" and registrations keep their counts. Returns the number of
    contact persons anonymised. Accounts of civil servants, portfolio
    holders and administrators are closed by an administrator instead,
    because their changes must stay attributable.
    """
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    # Through the user's own properties: participants imports no other app.
    if (
        user.is_staff
        or user.is_superuser
        or user.is_administrator
        or user.works_for_province
    ):
        raise ValidationError(
            _(
                "Only entrepreneurs can delete their own account here. Ask the "
                "functional administrator to close a civil servant's account."
            ),
            code="not_sme",
        )
    now = timezone.now()
    anonymised = 0
    for contact_id in ContactPerson.objects.filter(user=user).values_list(
        "pk", flat=True
    ):
        anonymised += contact_person_anonymise(contact_id=contact_id, when=now)
    MembershipRequest.objects.filter(
        user=user, status=MembershipRequest.Status.PENDING
    ).update(status=MembershipRequest.Status.WITHDRAWN, decided_at=now)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.email = _erased_email(user)
    user.name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    return anonymised
