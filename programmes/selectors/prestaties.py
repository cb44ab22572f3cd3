"""Reads of prestaties: lists and the prestatie page, scoped to the province."""

from django.db.models import (
    Count,
    Prefetch,
    QuerySet,
)

from accounts.permissions import province_filter
from programmes.models import (
    Action,
    BudgetLine,
    Decision,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    IntendedResult,
    Prestatie,
    Programme,
    ProgressNote,
    ReserveMutation,
)

# Prestaties ----------------------------------------------------------------


def prestatie_list(
    *, user, year: int | None = None, programme: int | None = None
) -> QuerySet[Prestatie]:
    """The prestaties the user may see, newest year first."""
    qs = province_filter(
        Prestatie.objects.select_related("province", "reserve", "predecessor"), user
    ).annotate(action_count=Count("actions", distinct=True))
    if year:
        qs = qs.filter(year=year)
    if programme:
        qs = qs.filter(actions__programmes=programme).distinct()
    return qs.order_by("-year", "code")


def prestatie_page_queryset(*, user) -> QuerySet[Prestatie]:
    """Everything the yearly page of a prestatie shows, in a fixed set of queries.

    Context and basic information come with the prestatie; actions with
    their programmes, indicators (targets, entered values) and progress
    notes (with author); intended results, budget lines, reserve mutations
    (with reserve and decision) and investment decisions each in one query.
    """
    indicators = Indicator.objects.prefetch_related(
        Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")),
        Prefetch("values", queryset=IndicatorValue.objects.order_by("year")),
    )
    actions = Action.objects.order_by("number").prefetch_related(
        Prefetch("programmes", queryset=Programme.objects.order_by("name")),
        Prefetch("indicators", queryset=indicators),
        Prefetch(
            "progress_notes",
            queryset=ProgressNote.objects.select_related("author").order_by(
                "year", "created_at"
            ),
        ),
    )
    return province_filter(
        Prestatie.objects.select_related(
            "province", "reserve", "predecessor"
        ).prefetch_related(
            Prefetch("actions", queryset=actions),
            Prefetch(
                "intended_results",
                queryset=IntendedResult.objects.order_by("year", "position", "id"),
            ),
            Prefetch("budget_lines", queryset=BudgetLine.objects.order_by("year")),
            Prefetch(
                "reserve_mutations",
                queryset=ReserveMutation.objects.select_related(
                    "reserve", "decision", "corrects"
                ).order_by("budget_year", "created_at", "id"),
            ),
            Prefetch(
                "investment_decisions", queryset=Decision.objects.order_by("date")
            ),
            Prefetch("successors", queryset=Prestatie.objects.order_by("year")),
        ),
        user,
    )
