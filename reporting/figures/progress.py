"""Figures the dashboard needs on top of figures_for(): the trend over the
years, the money of the year and the drill-down lists behind a figure.

Same rules as the rest of the package (see its docstring): only realised
missions count, participants are attended seats, everything is counted in
SQL and every function runs a fixed number of queries. The scope is the same
``_Scope`` as figures_for(), so a number here and there can never differ.

- *Trend*: per year, realised missions and participants of the scope against
  the summed targets of the scope's annual computed indicators of that
  metric (targets of the prestatie of that same year, as in figures_for()).
- *Reserve balance*: per reserve and budget year, the decided balance after
  every decided mutation with a budget year up to and including that year;
  proposed mutations are shown apart and never counted in the balance.
- *Province contribution*: per attended seat, the mission's province
  contribution per seat; *cost per participant* divides it by the
  participants.

The lists behind a figure are in drilldown.py.
"""

from __future__ import annotations

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
)
from django.db.models.functions import Coalesce, ExtractYear

from missions.models import Mission, Registration
from programmes.models import (
    Action,
    Indicator,
    IndicatorTarget,
    Prestatie,
    Programme,
    Reserve,
    ReserveMutation,
)
from provinces.models import Province

from .common import _round
from .participation import _attended
from .scope import _Scope
from .types import Figures, ScopeKind

ZERO = Decimal("0")
MONEY = DecimalField(max_digits=16, decimal_places=2)

TREND_METRICS = (Indicator.Metric.MISSIONS_REALISED, Indicator.Metric.PARTICIPANTS)


@dataclass
class TrendYear:
    year: int
    missions: int = 0
    missions_target: Decimal | None = None
    participants: int = 0
    participants_target: Decimal | None = None


@dataclass
class ReserveBalance:
    """One reserve at the end of one budget year."""

    reserve_id: int
    reserve: str
    year: int
    additions: Decimal = ZERO
    withdrawals: Decimal = ZERO
    balance: Decimal = ZERO
    proposed: Decimal = ZERO


@dataclass
class Trend:
    years: list[TrendYear] = field(default_factory=list)
    reserve_balances: list[ReserveBalance] = field(default_factory=list)

    def balance_in(self, year: int) -> Decimal | None:
        """The decided balance of all reserves in scope at the end of `year`."""
        rows = [r for r in self.reserve_balances if r.year == year]
        if not rows:
            return None
        return sum((r.balance for r in rows), start=ZERO)

    def balances_by_year(self) -> list[tuple[int, Decimal]]:
        years = sorted({r.year for r in self.reserve_balances})
        return [(y, self.balance_in(y)) for y in years]


@dataclass
class Money:
    """The money of the year: the ledger lines of figures_for() summed, the
    budget lines summed, and what the province paid per participant."""

    withdrawals: Decimal = ZERO
    withdrawals_decided: Decimal = ZERO
    withdrawals_proposed: Decimal = ZERO
    additions: Decimal = ZERO
    budget_current: Decimal | None = None
    budget_realised: Decimal | None = None
    province_contribution: Decimal = ZERO
    cost_per_participant: Decimal | None = None


# --- the trend -------------------------------------------------------------


def _all_years_prestaties(scope: _Scope) -> QuerySet[Prestatie]:
    """The scope's prestaties of every year (figures_for() takes one year)."""
    qs = Prestatie.objects.filter(province=scope.province)
    if scope.prestatie is not None:
        return qs.filter(pk=scope.prestatie.pk)
    if scope.programme is not None:
        programmes = Programme.objects.filter(
            Q(pk=scope.programme.pk) | Q(parent_id=scope.programme.pk)
        ).values("pk")
        qs = qs.filter(
            pk__in=Action.objects.filter(programmes__in=programmes).values(
                "prestatie_id"
            )
        )
    return qs


def _scope_reserves(scope: _Scope) -> QuerySet[Reserve]:
    qs = Reserve.objects.filter(province=scope.province)
    if scope.kind != ScopeKind.PROVINCE:
        qs = qs.filter(
            Q(prestaties__in=_all_years_prestaties(scope))
            | Q(mutations__prestatie__in=_all_years_prestaties(scope))
        ).distinct()
    return qs


def _years(scope: _Scope, found: set[int]) -> list[int]:
    years = set(found) | {scope.year}
    if scope.programme is not None:
        years.add(scope.programme.start_year)
        years.add(scope.programme.end_year or scope.year)
    return list(range(min(years), max(years) + 1))


def _reserve_balances(scope: _Scope, up_to: int) -> list[ReserveBalance]:
    decided = Q(status=ReserveMutation.Status.DECIDED)
    addition = Q(kind=ReserveMutation.Kind.ADDITION)
    withdrawal = Q(kind=ReserveMutation.Kind.WITHDRAWAL)
    rows = (
        ReserveMutation.objects.filter(reserve__in=_scope_reserves(scope).values("pk"))
        .values("reserve_id", "reserve__name", "budget_year")
        .annotate(
            additions=Coalesce(Sum("amount", filter=decided & addition), ZERO),
            withdrawals=Coalesce(Sum("amount", filter=decided & withdrawal), ZERO),
            proposed_additions=Coalesce(
                Sum("amount", filter=~decided & addition), ZERO
            ),
            proposed_withdrawals=Coalesce(
                Sum("amount", filter=~decided & withdrawal), ZERO
            ),
        )
        .order_by("reserve__name", "reserve_id", "budget_year")
    )
    by_reserve: dict[tuple[str, int], dict[int, dict]] = {}
    for row in rows:
        key = (row["reserve__name"], row["reserve_id"])
        by_reserve.setdefault(key, {})[row["budget_year"]] = row
    balances = []
    for (name, reserve_id), per_year in by_reserve.items():
        running = ZERO
        last = max(max(per_year), up_to)
        for year in range(min(per_year), last + 1):
            row = per_year.get(year)
            item = ReserveBalance(reserve_id=reserve_id, reserve=name, year=year)
            if row:
                item.additions = _round(row["additions"])
                item.withdrawals = _round(row["withdrawals"])
                item.proposed = _round(
                    row["proposed_additions"] - row["proposed_withdrawals"]
                )
                running += row["additions"] - row["withdrawals"]
            item.balance = _round(running)
            balances.append(item)
    return balances


def _trend(scope: _Scope) -> Trend:
    attended = Q(registrations__status=Registration.Status.ATTENDED)
    realised = {
        row["year"]: row
        for row in Mission.objects.filter(
            scope.mission_filter(), status=Mission.Status.COMPLETED
        )
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(
            missions=Count("pk", distinct=True),
            participants=Coalesce(Sum("registrations__seats", filter=attended), 0),
        )
        .order_by()
    }
    targets: dict[tuple[int, str], Decimal] = {
        (row["year"], row["indicator__metric"]): row["total"]
        for row in IndicatorTarget.objects.filter(
            indicator__action__prestatie__in=_all_years_prestaties(scope),
            indicator__source=Indicator.Source.COMPUTED,
            indicator__accumulation=Indicator.Accumulation.ANNUAL,
            indicator__metric__in=TREND_METRICS,
            year=F("indicator__action__prestatie__year"),
        )
        .values("year", "indicator__metric")
        .annotate(total=Sum("value"))
        .order_by()
    }
    found = set(realised) | {year for year, _metric in targets}
    years = []
    for year in _years(scope, found):
        row = realised.get(year, {})
        years.append(
            TrendYear(
                year=year,
                missions=row.get("missions", 0),
                missions_target=targets.get((year, Indicator.Metric.MISSIONS_REALISED)),
                participants=row.get("participants", 0),
                participants_target=targets.get((year, Indicator.Metric.PARTICIPANTS)),
            )
        )
    return Trend(years=years, reserve_balances=_reserve_balances(scope, scope.year))


def trend_for(
    *, province: Province, year: int, programme: Programme | None = None
) -> Trend:
    """Missions and participants per year against target, and the reserve
    balance per budget year, of the same scope as figures_for(). Three
    queries."""
    return _trend(_Scope(province=province, year=year, programme=programme))


# --- the money of the year ------------------------------------------------


def money_for(
    figures: Figures, *, province: Province, programme: Programme | None = None
) -> Money:
    """The year's withdrawals and budget summed from `figures` (no second
    count), plus the province's contribution per participant. One query."""
    scope = _Scope(province=province, year=figures.year, programme=programme)
    contribution = _attended(scope).aggregate(
        total=Coalesce(
            Sum(
                ExpressionWrapper(
                    F("seats") * F("mission__province_contribution_per_seat"),
                    output_field=MONEY,
                )
            ),
            ZERO,
            output_field=MONEY,
        )
    )["total"]
    withdrawals = [
        m for m in figures.mutations if m.kind == ReserveMutation.Kind.WITHDRAWAL
    ]
    money = Money(
        withdrawals=sum((m.amount for m in withdrawals), start=ZERO),
        withdrawals_decided=sum(
            (m.amount for m in withdrawals if m.status == "decided"), start=ZERO
        ),
        withdrawals_proposed=sum(
            (m.amount for m in withdrawals if m.status == "proposed"), start=ZERO
        ),
        additions=sum(
            (
                m.amount
                for m in figures.mutations
                if m.kind == ReserveMutation.Kind.ADDITION
            ),
            start=ZERO,
        ),
        province_contribution=_round(contribution),
    )
    if figures.budget_lines:
        money.budget_current = sum(
            (b.current for b in figures.budget_lines), start=ZERO
        )
        realised = [b.realised for b in figures.budget_lines if b.realised is not None]
        money.budget_realised = sum(realised, start=ZERO) if realised else None
    if figures.totals.participants:
        money.cost_per_participant = _round(
            money.province_contribution / figures.totals.participants
        )
    return money
