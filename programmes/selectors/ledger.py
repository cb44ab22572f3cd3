"""Reads of reserves and their ledger of mutations; sums in SQL."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncDate

from accounts.permissions import province_filter
from programmes.models import (
    Reserve,
    ReserveMutation,
)

MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")


def _sum(condition: Q):
    return Coalesce(
        Sum("mutations__amount", filter=condition),
        Value(ZERO),
        output_field=MONEY_FIELD,
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
