"""AVG: erasing an SME user's account and anonymising contact persons.

What stays: organisations (company data, not personal data), registrations
and results (so counts and published figures do not change) and the audit
trail of who changed what, with the person's name and contact details taken
out of it. django-simple-history keeps every old value of a contact person,
so those history rows are scrubbed as well, and every log of e-mails sent
loses the person's address. The messages of contact requests stay: they are
correspondence another organisation received; who sent them goes with the
contact person. Where personal data is kept, and how each place is erased,
each app registers (config/personal_data.py); these services only say whom
to erase.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config import personal_data

from ..models import ContactPerson, MembershipRequest
from ..scrubbers import ANONYMISED_NAME

__all__ = ["ANONYMISED_NAME", "contact_person_anonymise", "user_erase"]


@transaction.atomic
def contact_person_anonymise(*, contact_id: int, when=None) -> bool:
    """Erase the contact person's personal data wherever it is kept: the
    record, its history and every log that names the person (each app's
    scrubbers, config/personal_data.py).

    Returns False when the person was anonymised already, so running it
    twice changes nothing the second time.
    """
    contact = ContactPerson.objects.select_for_update().filter(pk=contact_id).first()
    if contact is None or contact.anonymised_at is not None:
        return False
    personal_data.erase(
        personal_data.Erasure.of(
            contact_ids=[contact.pk], emails=[contact.email], when=when
        )
    )
    return True


@transaction.atomic
def user_erase(*, user) -> int:
    """Erase an SME user's account on his own request.

    His contact persons are anonymised; the account is kept as an empty,
    inactive row so that the audit trail still says "a (deleted) account
    did this" and registrations keep their counts (accounts/scrubbers.py).
    Every log that holds one of his addresses loses it. Returns the number
    of contact persons anonymised. Accounts of civil servants, portfolio
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
        or user.is_partner
    ):
        raise ValidationError(
            _(
                "Only entrepreneurs can delete their own account here. Ask the "
                "functional administrator to close a civil servant's account."
            ),
            code="not_sme",
        )
    contacts = list(
        ContactPerson.objects.select_for_update().filter(
            user=user, anonymised_at__isnull=True
        )
    )
    emails = [
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
        *(contact.email for contact in contacts),
    ]
    # A request still open ends with the account (the history keeps it).
    MembershipRequest.objects.filter(
        user=user, status=MembershipRequest.Status.PENDING
    ).update(status=MembershipRequest.Status.WITHDRAWN, decided_at=timezone.now())
    personal_data.erase(
        personal_data.Erasure.of(
            contact_ids=[contact.pk for contact in contacts],
            user_ids=[user.pk],
            emails=emails,
            when=timezone.now(),
        )
    )
    return len(contacts)
