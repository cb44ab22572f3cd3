"""Choices for forms and counts for work lists, scoped to the province."""

from django.db.models import (
    F,
    QuerySet,
)

from accounts.permissions import province_filter
from programmes.models import (
    Decision,
    Prestatie,
    Programme,
    Reserve,
    ReserveMutation,
)


def prestaties_for_choice(*, user) -> QuerySet[Prestatie]:
    return province_filter(Prestatie.objects.all(), user).order_by("-year", "code")


def programmes_for_choice(*, user) -> QuerySet[Programme]:
    return province_filter(Programme.objects.all(), user).order_by("name")


def decisions_for_choice(*, user) -> QuerySet[Decision]:
    return province_filter(Decision.objects.all(), user).order_by(
        F("date").desc(nulls_last=True), "reference"
    )


def reserves_for_choice(*, user) -> QuerySet[Reserve]:
    return province_filter(Reserve.objects.all(), user).order_by("name")


def proposed_mutation_count(*, user) -> int:
    """Reserve mutations of the user's province awaiting a decision."""
    return (
        province_filter(ReserveMutation.objects.order_by(), user, "reserve__province")
        .filter(status=ReserveMutation.Status.PROPOSED)
        .count()
    )
