"""Figures a report adds to the province's page (issue 16, item 6): the
year-on-year history of every actie, the status a civil servant gave it,
and the effect funnel with the cost per participant.

``extras_for(figures, province=..., programme=..., prestatie=...)`` returns a
plain dict (frozen with the run's figures under ``"extras"``):

- ``action_status``: per action id (as text), the status and explanation
  given for the year (reporting.models.ActionStatus), if any;
- ``action_history``: per action id, one row per year of the prestatie and
  its predecessors (``Prestatie.predecessor``; where a prestatie has none,
  the latest earlier prestatie with the same code), oldest first, each with
  the targets and realised values of the action with the same number in
  that year's prestatie. Realised values follow the rules of figures_for():
  computed indicators count the missions of that action in that year
  (cumulative ones up to and including it), entered ones take the value of
  the year;
- ``funnel``: what the province paid for the attended seats of the year's
  realised missions in scope and that per participant; the participants,
  leads, deals and turnover per moment come from ``results_by_moment``.

A fixed number of queries (at most ten), whatever the number of years,
actions or missions.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    Min,
    Prefetch,
    Q,
    Sum,
)
from django.db.models.functions import Coalesce, ExtractYear

from missions.models import Mission, Registration
from programmes.models import (
    Action,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Prestatie,
)

from ..models import ActionStatus
from .common import _round
from .participation import ENTERPRISE_KINDS, _attended, _latest_results
from .scope import _Scope
from .support import METRICS as SUPPORT_METRICS
from .support import SupportCounts

ZERO = Decimal("0")
MONEY = DecimalField(max_digits=16, decimal_places=2)
# A figure that misses its target by more than this share needs an
# explanation of the actie's status.
MISS_MARGIN = Decimal("0.10")


def misses_target(*, target, realised, year: int, as_of: datetime.date) -> bool:
    """Whether `realised` is more than 10 % below what the target asks by
    `as_of`: the whole target once the year is over, the share of it that
    matches the part of the year that has passed while it runs (the rule of
    reporting.figures.indicator_status). No target or no value: no miss."""
    if target is None or realised is None:
        return False
    target, realised = Decimal(target), Decimal(realised)
    if target <= 0:
        return False
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if as_of < start:
        return False
    expected = target
    if as_of <= end:
        expected = (
            target * Decimal((as_of - start).days + 1) / Decimal((end - start).days + 1)
        )
    return realised < expected * (1 - MISS_MARGIN)


# --- the predecessors --------------------------------------------------------


def _chains(province, year: int, prestatie_ids: list[int]) -> dict[int, list[dict]]:
    """Per prestatie in scope: itself and its predecessors, oldest first.
    One query."""
    rows = {
        row["pk"]: row
        for row in Prestatie.objects.filter(province=province, year__lte=year).values(
            "pk", "code", "year", "predecessor_id"
        )
    }
    by_code: dict[str, list[dict]] = {}
    for row in rows.values():
        by_code.setdefault(row["code"], []).append(row)
    chains = {}
    for pk in prestatie_ids:
        chain, seen, row = [], set(), rows.get(pk)
        while row is not None and row["pk"] not in seen:
            seen.add(row["pk"])
            chain.append(row)
            if row["predecessor_id"]:
                row = rows.get(row["predecessor_id"])
            else:
                earlier = [
                    r for r in by_code.get(row["code"], []) if r["year"] < row["year"]
                ]
                row = max(earlier, key=lambda r: r["year"]) if earlier else None
        chains[pk] = list(reversed(chain))
    return chains


# --- realised values per action and year -------------------------------------


def _computed(action_ids: list[int], up_to: int) -> dict[tuple[int, int], dict]:
    """Per (action id, mission year): each computed metric as
    (that year, up to and including that year). Four queries."""
    annual: dict[tuple[int, int], dict] = {}

    def put(action_id, year, metric, value):
        annual.setdefault((action_id, year), {})[metric] = value

    missions = Mission.objects.filter(
        action_id__in=action_ids,
        status=Mission.Status.COMPLETED,
        start_date__year__lte=up_to,
    )
    for row in (
        missions.annotate(year=ExtractYear("start_date"))
        .values("action_id", "year")
        .annotate(count=Count("pk"))
        .order_by()
    ):
        put(row["action_id"], row["year"], "missions_realised", row["count"])
    attended = Registration.objects.filter(
        status=Registration.Status.ATTENDED, mission__in=missions
    )
    for row in (
        attended.annotate(year=ExtractYear("mission__start_date"))
        .values("mission__action_id", "year")
        .annotate(
            # Seats of companies only: 'participating entrepreneurs'. Before
            # `seats`, which would otherwise name the aggregate below.
            entrepreneurs=Coalesce(
                Sum("seats", filter=Q(organisation__kind__in=ENTERPRISE_KINDS)), 0
            ),
            seats=Coalesce(Sum("seats"), 0),
            organisations=Count("organisation", distinct=True),
            first_time=Count(
                "organisation", filter=Q(first_time_exporter=True), distinct=True
            ),
        )
        .order_by()
    ):
        key = (row["mission__action_id"], row["year"])
        put(*key, "participants", row["seats"])
        put(*key, "entrepreneurs", row["entrepreneurs"])
        put(*key, "unique_organisations", row["organisations"])
        put(*key, "first_time_exporters", row["first_time"])
    # Distinct organisations up to a year are not a sum of the years: the
    # first year each organisation took part (as a first-time exporter).
    firsts: dict[int, list[tuple[int | None, int | None]]] = {}
    for row in (
        attended.values("mission__action_id", "organisation_id")
        .annotate(
            first=Min(ExtractYear("mission__start_date")),
            first_time=Min(
                ExtractYear("mission__start_date"),
                filter=Q(first_time_exporter=True),
            ),
        )
        .order_by()
    ):
        firsts.setdefault(row["mission__action_id"], []).append(
            (row["first"], row["first_time"])
        )
    for row in (
        _latest_results()
        .filter(registration__in=attended.values("pk"))
        .annotate(year=ExtractYear("registration__mission__start_date"))
        .values("registration__mission__action_id", "year")
        .annotate(
            leads=Coalesce(Sum("leads"), 0),
            deals=Coalesce(Sum("deals"), 0),
            turnover=Coalesce(Sum("realised_export_turnover"), ZERO),
        )
        .order_by()
    ):
        key = (row["registration__mission__action_id"], row["year"])
        put(*key, "leads", row["leads"])
        put(*key, "deals", row["deals"])
        put(*key, "export_turnover", row["turnover"])

    support: list = []

    def support_value(action_id: int, year: int, metric: str, cumulative: bool):
        # Counted over the action's province; asked for only when an
        # indicator has such a metric: five queries more, once.
        if not support:
            provinces = dict(
                Action.objects.filter(pk__in=action_ids).values_list(
                    "pk", "prestatie__province_id"
                )
            )
            support.append(provinces)
            support.append(SupportCounts(set(provinces.values()), up_to))
        provinces, counts = support
        return counts.value(provinces.get(action_id), year, metric, cumulative)

    def value(action_id: int, year: int, metric: str, cumulative: bool):
        if metric in SUPPORT_METRICS:
            return support_value(action_id, year, metric, cumulative)
        if not cumulative:
            return annual.get((action_id, year), {}).get(metric, 0)
        if metric == "unique_organisations":
            return sum(1 for f, _t in firsts.get(action_id, []) if f and f <= year)
        if metric == "first_time_exporters":
            return sum(1 for _f, t in firsts.get(action_id, []) if t and t <= year)
        return sum(
            values.get(metric, 0)
            for (a, y), values in annual.items()
            if a == action_id and y <= year
        )

    return value


def _history(scope: _Scope, prestatie_ids: list[int]) -> dict[str, list[dict]]:
    chains = _chains(scope.province, scope.year, prestatie_ids)
    chain_ids = {row["pk"] for chain in chains.values() for row in chain}
    if not chain_ids:
        return {}
    indicators = Indicator.objects.order_by("pk").prefetch_related(
        Prefetch("targets", queryset=IndicatorTarget.objects.all()),
        Prefetch("values", queryset=IndicatorValue.objects.all()),
    )
    actions = list(
        Action.objects.filter(prestatie_id__in=chain_ids)
        .order_by("number")
        .prefetch_related(Prefetch("indicators", queryset=indicators))
    )
    value = _computed([a.pk for a in actions], scope.year)
    by_prestatie: dict[int, dict[int, Action]] = {}
    for action in actions:
        by_prestatie.setdefault(action.prestatie_id, {})[action.number] = action
    history: dict[str, list[dict]] = {}
    for pk in prestatie_ids:
        chain = chains.get(pk, [])
        for current in by_prestatie.get(pk, {}).values():
            rows = []
            for link in chain:
                action = by_prestatie.get(link["pk"], {}).get(current.number)
                if action is None:
                    continue
                rows.append(
                    {
                        "year": link["year"],
                        "prestatie_code": link["code"],
                        "indicators": [
                            _indicator_year(i, link["year"], action, value)
                            for i in action.indicators.all()
                        ],
                    }
                )
            history[str(current.pk)] = rows
    return history


def _indicator_year(indicator, year: int, action, value) -> dict:
    target = next((t.value for t in indicator.targets.all() if t.year == year), None)
    if indicator.source == Indicator.Source.COMPUTED:
        cumulative = indicator.accumulation == Indicator.Accumulation.CUMULATIVE
        realised = _round(value(action.pk, year, indicator.metric, cumulative))
    else:
        realised = next(
            (v.value for v in indicator.values.all() if v.year == year), None
        )
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "target": target,
        "realised": realised,
    }


# --- statuses and the funnel -------------------------------------------------


def _statuses(action_ids: list[int], year: int) -> dict[str, dict]:
    return {
        str(s.action_id): {"status": s.status, "explanation": s.explanation}
        for s in ActionStatus.objects.filter(action_id__in=action_ids, year=year)
    }


def _funnel(scope: _Scope, participants: int) -> dict:
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
    return {
        "province_contribution": _round(contribution),
        "cost_per_participant": (
            _round(contribution / participants) if participants else None
        ),
    }


def action_history_for(
    *, province, year: int, programme=None, prestatie_ids: list[int]
) -> dict[str, list[dict]]:
    """``action_history`` of extras_for() for the dashboard: per action id,
    its targets and realised values in every year of its prestatie's chain."""
    if not prestatie_ids:
        return {}
    scope = _Scope(province=province, year=year, programme=programme)
    return _history(scope, prestatie_ids)


def extras_for(figures: dict, *, province, programme=None, prestatie=None) -> dict:
    """The additions of issue 16 item 6 to a run's frozen `figures` (the
    dict of Figures.to_dict()). At most ten queries."""
    scope = _Scope(
        province=province,
        year=figures["year"],
        programme=programme,
        prestatie=prestatie,
    )
    prestatie_ids = [p["id"] for p in figures["prestaties"]]
    action_ids = [a["id"] for p in figures["prestaties"] for a in p["actions"]]
    return {
        "action_status": _statuses(action_ids, scope.year) if action_ids else {},
        "action_history": _history(scope, prestatie_ids) if prestatie_ids else {},
        "funnel": _funnel(scope, figures["totals"]["participants"]),
    }
