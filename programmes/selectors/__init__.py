"""Reads for the programmes app: scoped to the user's province, fixed queries.

Every list and page here issues the same number of queries whatever the
amount of data: relations are joined (`select_related`) or fetched once per
relation (`prefetch_related`), and sums are computed by the database.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncDate

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
    Reserve,
    ReserveMutation,
)

# Re-exported: object pages of every app show history the same way.
from .history import object_history as object_history

MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")


def _sum(condition: Q):
    return Coalesce(
        Sum("mutations__amount", filter=condition),
        Value(ZERO),
        output_field=MONEY_FIELD,
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


# Reserves and the ledger -----------------------------------------------------


def reserve_list(*, user) -> QuerySet[Reserve]:
    """Reserves with their decided balance and open proposals, summed in SQL."""
    decided = Q(mutations__status=ReserveMutation.Status.DECIDED)
    proposed = Q(mutations__status=ReserveMutation.Status.PROPOSED)
    addition = Q(mutations__kind=ReserveMutation.Kind.ADDITION)
    withdrawal = Q(mutations__kind=ReserveMutation.Kind.WITHDRAWAL)
    return (
        province_filter(Reserve.objects.select_related("province"), user)
        .annotate(
            decided_additions=_sum(decided & addition),
            decided_withdrawals=_sum(decided & withdrawal),
            proposed_withdrawals=_sum(proposed & withdrawal),
            proposed_additions=_sum(proposed & addition),
        )
        .annotate(
            decided_balance=ExpressionWrapper(
                F("decided_additions") - F("decided_withdrawals"),
                output_field=MONEY_FIELD,
            )
        )
        .order_by("name")
    )


@dataclass
class Ledger:
    """A reserve's mutations: decided ones with the balance after each."""

    decided: list[ReserveMutation] = field(default_factory=list)
    proposed: list[ReserveMutation] = field(default_factory=list)
    balance: Decimal = ZERO

    @property
    def balance_after_proposals(self) -> Decimal:
        return self.balance + sum((m.signed_amount for m in self.proposed), start=ZERO)


def reserve_ledger(*, reserve: Reserve) -> Ledger:
    """The ledger in the order of deciding, with a running balance (one query)."""
    ledger = Ledger()
    mutations = (
        reserve.mutations.select_related(
            "prestatie", "decision", "created_by", "decided_by", "corrects"
        )
        .annotate(
            correction_count=Count("corrections"),
            # The date the ledger shows: the decision's own date, else the
            # (local) day it was recorded as decided.
            decision_day=Coalesce("decision__date", TruncDate("decided_at")),
        )
        .order_by("decision_day", "decided_at", "created_at", "id")
    )
    running = ZERO
    for mutation in mutations:
        if mutation.status == ReserveMutation.Status.DECIDED:
            running += mutation.signed_amount
            mutation.balance_after = running
            ledger.decided.append(mutation)
        else:
            ledger.proposed.append(mutation)
    ledger.balance = running
    return ledger


def mutation_list(
    *, user, year: int | None = None, programme: int | None = None
) -> QuerySet[ReserveMutation]:
    qs = province_filter(
        ReserveMutation.objects.select_related(
            "reserve", "prestatie", "decision", "corrects"
        ),
        user,
        "reserve__province",
    )
    if year:
        qs = qs.filter(budget_year=year)
    if programme:
        qs = qs.filter(prestatie__actions__programmes=programme).distinct()
    return qs.order_by("-budget_year", "-created_at", "-id")


def mutation_detail_queryset(*, user) -> QuerySet[ReserveMutation]:
    return province_filter(
        ReserveMutation.objects.select_related(
            "reserve",
            "prestatie",
            "decision",
            "corrects",
            "created_by",
            "decided_by",
        ).prefetch_related("corrections"),
        user,
        "reserve__province",
    )


# Objects under a prestatie -------------------------------------------------


PRESTATIE_PROVINCE = "prestatie__province"
ACTION_PROVINCE = "action__prestatie__province"
INDICATOR_PROVINCE = "indicator__action__prestatie__province"


def _by_year_and_programme(qs, year, programme, year_field, programme_path):
    if year:
        qs = qs.filter(**{year_field: year})
    if programme:
        qs = qs.filter(**{programme_path: programme}).distinct()
    return qs


def action_list(*, user, year=None, programme=None) -> QuerySet[Action]:
    qs = province_filter(
        Action.objects.select_related("prestatie").prefetch_related("programmes"),
        user,
        PRESTATIE_PROVINCE,
    )
    qs = _by_year_and_programme(qs, year, programme, "prestatie__year", "programmes")
    return qs.order_by("-prestatie__year", "prestatie__code", "number")


def action_detail_queryset(*, user) -> QuerySet[Action]:
    return province_filter(
        Action.objects.select_related("prestatie").prefetch_related(
            "programmes",
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related("targets", "values"),
            ),
            Prefetch(
                "progress_notes",
                queryset=ProgressNote.objects.select_related("author"),
            ),
        ),
        user,
        PRESTATIE_PROVINCE,
    )


def indicator_list(*, user, year=None, programme=None) -> QuerySet[Indicator]:
    qs = province_filter(
        Indicator.objects.select_related("action__prestatie").prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")),
            Prefetch("values", queryset=IndicatorValue.objects.order_by("year")),
        ),
        user,
        ACTION_PROVINCE,
    )
    qs = _by_year_and_programme(
        qs, year, programme, "action__prestatie__year", "action__programmes"
    )
    return qs.order_by("-action__prestatie__year", "action__prestatie__code", "id")


def indicator_detail_queryset(*, user) -> QuerySet[Indicator]:
    return province_filter(
        Indicator.objects.select_related("action__prestatie").prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")),
            Prefetch("values", queryset=IndicatorValue.objects.order_by("year")),
        ),
        user,
        ACTION_PROVINCE,
    )


def target_queryset(*, user) -> QuerySet[IndicatorTarget]:
    return province_filter(
        IndicatorTarget.objects.select_related("indicator__action__prestatie"),
        user,
        INDICATOR_PROVINCE,
    )


def value_list(*, user, year=None, programme=None) -> QuerySet[IndicatorValue]:
    qs = province_filter(
        IndicatorValue.objects.select_related("indicator__action__prestatie"),
        user,
        INDICATOR_PROVINCE,
    )
    qs = _by_year_and_programme(
        qs, year, programme, "year", "indicator__action__programmes"
    )
    return qs.order_by("-year", "indicator__action__prestatie__code", "id")


def note_list(*, user, year=None, programme=None) -> QuerySet[ProgressNote]:
    qs = province_filter(
        ProgressNote.objects.select_related("action__prestatie", "author"),
        user,
        ACTION_PROVINCE,
    )
    qs = _by_year_and_programme(qs, year, programme, "year", "action__programmes")
    return qs.order_by("-year", "action__prestatie__code", "action__number", "id")


def result_list(*, user, year=None, programme=None) -> QuerySet[IntendedResult]:
    qs = province_filter(
        IntendedResult.objects.select_related("prestatie"), user, PRESTATIE_PROVINCE
    )
    qs = _by_year_and_programme(
        qs, year, programme, "year", "prestatie__actions__programmes"
    )
    return qs.order_by("-year", "prestatie__code", "position", "id")


def budget_line_list(*, user, year=None, programme=None) -> QuerySet[BudgetLine]:
    qs = province_filter(
        BudgetLine.objects.select_related("prestatie"), user, PRESTATIE_PROVINCE
    )
    qs = _by_year_and_programme(
        qs, year, programme, "year", "prestatie__actions__programmes"
    )
    return qs.order_by("-year", "prestatie__code")


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
