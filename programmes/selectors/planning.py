"""Reads of programmes and decisions, scoped to the province."""

from django.db.models import (
    F,
    Prefetch,
    Q,
    QuerySet,
)

from accounts.permissions import province_filter
from programmes.models import (
    Action,
    Decision,
    Prestatie,
    Programme,
    ReserveMutation,
)

# Programmes and decisions ----------------------------------------------------


def programme_list(*, user, year: int | None = None) -> QuerySet[Programme]:
    """The programmes the user may see; with a year, those running in it."""
    qs = province_filter(
        Programme.objects.select_related("province", "parent"), user
    ).order_by("name")
    if year:
        qs = qs.filter(start_year__lte=year).filter(
            Q(end_year__isnull=True) | Q(end_year__gte=year)
        )
    return qs


def programme_detail_queryset(*, user) -> QuerySet[Programme]:
    return province_filter(
        Programme.objects.select_related("province", "parent").prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.order_by("date")),
            Prefetch("children", queryset=Programme.objects.order_by("name")),
            Prefetch(
                "actions",
                queryset=Action.objects.select_related("prestatie").order_by(
                    "-prestatie__year", "prestatie__code", "number"
                ),
            ),
        ),
        user,
    )


def decision_list(*, user, year: int | None = None) -> QuerySet[Decision]:
    qs = province_filter(Decision.objects.select_related("province"), user)
    if year:
        qs = qs.filter(date__year=year)
    return qs.order_by(F("date").desc(nulls_last=True), "reference")


def decision_detail_queryset(*, user) -> QuerySet[Decision]:
    return province_filter(
        Decision.objects.select_related("province").prefetch_related(
            "programmes",
            Prefetch("prestaties", queryset=Prestatie.objects.order_by("-year")),
            Prefetch(
                "reserve_mutations",
                queryset=ReserveMutation.objects.select_related("reserve"),
            ),
        ),
        user,
    )
