"""AVG retention: contact persons are kept only while they are active.

A contact person's last activity is the latest of:

- the day the record was made or last changed (its history);
- the last log-in of the user account linked to it;
- the last change to a registration it is a contact of (signing up,
  acceptance, withdrawal, ...) and the last results filled in for such a
  registration.

Whoever shows none of these for PRIVACY_RETENTION_YEARS is anonymised (see
participants.services.privacy). An entrepreneur's account that has not
logged in for as long, and has no contact person left that is still kept,
is erased the same way as when he deletes it himself. Registrations and
results stay, so every count and published figure stays the same. The
queries live here because registrations and results are missions' models;
participants does not know them.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    DateTimeField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from accounts.roles import Role
from participants.models import ContactPerson
from participants.services import contact_person_anonymise, user_erase


def retention_cutoff(*, now: datetime | None = None) -> datetime:
    """The moment before which activity is too old to keep the person."""
    now = now or timezone.now()
    years = settings.PRIVACY_RETENTION_YEARS
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February in a year that has none
        return now.replace(year=now.year - years, day=28)


def contact_persons_inactive(*, now: datetime | None = None) -> QuerySet:
    """Contact persons not yet anonymised whose last activity (see the
    module's docstring) is older than the retention period."""
    last_change = (
        ContactPerson.history.filter(id=OuterRef("pk"))
        .order_by()
        .values("id")
        .annotate(latest=Max("history_date"))
        .values("latest")
    )

    def _or_created(expression):
        return Coalesce(expression, "created_at", output_field=DateTimeField())

    return (
        ContactPerson.objects.filter(anonymised_at__isnull=True)
        .annotate(
            last_activity=Greatest(
                _or_created(Subquery(last_change)),
                _or_created("user__last_login"),
                _or_created(Max("registrations__updated_at")),
                _or_created(Max("registrations__results__updated_at")),
            )
        )
        .filter(last_activity__lt=retention_cutoff(now=now))
    )


def contact_persons_anonymise_inactive(*, now: datetime | None = None) -> int:
    """Anonymise every inactive contact person; returns how many.

    One transaction per person, so a long run that stops half-way keeps
    what it did, and a second run finds only what is left.
    """
    ids = list(contact_persons_inactive(now=now).values_list("pk", flat=True))
    when = now or timezone.now()
    return sum(contact_person_anonymise(contact_id=pk, when=when) for pk in ids)


def sme_accounts_inactive(*, now: datetime | None = None) -> QuerySet:
    """Active entrepreneurs' accounts (no other role, no staff) without a
    log-in for the retention period and without a kept contact person."""
    cutoff = retention_cutoff(now=now)
    return (
        get_user_model()
        .objects.filter(
            is_active=True, is_staff=False, is_superuser=False, groups__name=Role.SME
        )
        .annotate(
            other_roles=Count(
                "groups", filter=~Q(groups__name=Role.SME), distinct=True
            ),
            kept_contacts=Count(
                "contact_persons",
                filter=Q(contact_persons__anonymised_at__isnull=True),
                distinct=True,
            ),
            last_seen=Coalesce("last_login", "date_joined"),
        )
        .filter(other_roles=0, kept_contacts=0, last_seen__lt=cutoff)
    )


def sme_accounts_erase_inactive(*, now: datetime | None = None) -> int:
    """Erase the inactive entrepreneurs' accounts; returns how many."""
    users = list(sme_accounts_inactive(now=now))
    for user in users:
        user_erase(user=user)
    return len(users)
