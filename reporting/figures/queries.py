"""figures_for(): prestaties, indicators, the ledger, and the whole assembled."""

from __future__ import annotations

import datetime

from django.db.models import (
    Prefetch,
    Q,
)
from django.utils import timezone

from programmes.models import (
    Action,
    BudgetLine,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    IntendedResult,
    Prestatie,
    Programme,
    ProgressNote,
    ReserveMutation,
)
from provinces.models import Province

from .common import _round, indicator_status
from .content import programmes_in_scope, reserves_for
from .participation import _missions, _per_action, _results_by_moment, _spread, _totals
from .scope import _Scope
from .support import METRICS as SUPPORT_METRICS
from .support import SupportCounts
from .types import (
    ActionFigure,
    BudgetFigure,
    Figures,
    IndicatorFigure,
    MissionFigure,
    MutationFigure,
    PrestatieFigure,
)


def _iso(day: datetime.date | None) -> str:
    # Decisions are sometimes known by reference only, without a date.
    return day.isoformat() if day else ""


def _prestaties(scope: _Scope) -> list[Prestatie]:
    year = scope.year
    indicators = Indicator.objects.prefetch_related(
        Prefetch(
            "targets",
            queryset=IndicatorTarget.objects.filter(year=year),
            to_attr="year_targets",
        ),
        Prefetch(
            "values",
            queryset=IndicatorValue.objects.filter(year=year),
            to_attr="year_values",
        ),
    )
    actions = Action.objects.order_by("number").prefetch_related(
        Prefetch("indicators", queryset=indicators),
        Prefetch(
            "progress_notes",
            queryset=ProgressNote.objects.filter(year=year).order_by("created_at"),
            to_attr="year_notes",
        ),
        "programmes",
    )
    return list(
        scope.prestaties()
        .select_related("reserve")
        .prefetch_related(
            Prefetch("actions", queryset=actions),
            "investment_decisions",
            Prefetch(
                "intended_results",
                queryset=IntendedResult.objects.filter(year=year),
                to_attr="year_results",
            ),
            Prefetch(
                "budget_lines",
                queryset=BudgetLine.objects.filter(year=year),
                to_attr="year_budget",
            ),
        )
        .order_by("code")
    )


def _indicator(indicator, computed: dict, *, year: int, as_of) -> IndicatorFigure:
    target = indicator.year_targets[0].value if indicator.year_targets else None
    note = ""
    if indicator.source == Indicator.Source.COMPUTED:
        year_value, cumulative = computed.get(indicator.metric, (0, 0))
        raw = (
            cumulative
            if indicator.accumulation == Indicator.Accumulation.CUMULATIVE
            else year_value
        )
        realised = _round(raw)
    elif indicator.year_values:
        realised = indicator.year_values[0].value
        note = indicator.year_values[0].note
    else:
        realised = None
    return IndicatorFigure(
        id=indicator.pk,
        name=indicator.name,
        unit=indicator.unit,
        source=indicator.source,
        metric=indicator.metric,
        accumulation=indicator.accumulation,
        target=target,
        realised=realised,
        status=indicator_status(
            target=target, realised=realised, year=year, as_of=as_of
        ),
        note=note,
    )


def _budget(line: BudgetLine) -> BudgetFigure:
    current = line.current
    return BudgetFigure(
        prestatie_id=line.prestatie_id,
        year=line.year,
        planned=line.planned,
        amended=line.amended,
        current=current,
        realised=line.realised,
        remaining=None if line.realised is None else current - line.realised,
    )


def _mutations(scope: _Scope, prestatie_ids: list[int]) -> list[MutationFigure]:
    mutations = (
        ReserveMutation.objects.filter(
            Q(prestatie_id__in=prestatie_ids)
            | Q(prestatie__predecessor_id__in=prestatie_ids),
            budget_year__in=(scope.year, scope.year + 1),
        )
        .select_related("reserve", "prestatie", "decision")
        .order_by("created_at", "pk")
    )
    return [
        MutationFigure(
            id=m.pk,
            kind=m.kind,
            status=m.status,
            amount=m.amount,
            budget_year=m.budget_year,
            reserve=m.reserve.name,
            prestatie_id=m.prestatie_id,
            prestatie_code=m.prestatie.code if m.prestatie_id else "",
            decision_body=m.decision.body if m.decision_id else "",
            decision_reference=m.decision.reference if m.decision_id else "",
            decision_title=m.decision.title if m.decision_id else "",
            decision_date=_iso(m.decision.date) if m.decision_id else "",
            explanation=m.explanation,
            budget_part=m.budget_part,
            decision_kind=m.decision.kind if m.decision_id else "",
            decision_url=m.decision.url if m.decision_id else "",
            reserve_id=m.reserve_id,
            decision_basis=m.decision_basis,
        )
        for m in mutations
    ]


def _prestatie_figure(
    p: Prestatie,
    *,
    per_action: dict,
    missions: list[MissionFigure],
    mutations: list[MutationFigure],
    year: int,
    as_of,
) -> PrestatieFigure:
    actions = []
    for action in p.actions.all():
        own = [m for m in missions if m.action_id == action.pk]
        computed = per_action.get(action.pk, {})
        actions.append(
            ActionFigure(
                id=action.pk,
                number=action.number,
                text=action.text,
                programme_ids=sorted(pr.pk for pr in action.programmes.all()),
                indicators=[
                    _indicator(i, computed, year=year, as_of=as_of)
                    for i in action.indicators.all()
                ],
                progress_notes=[n.text for n in action.year_notes],
                narrative=(
                    action.year_notes[-1].narrative
                    if action.year_notes
                    else ProgressNote.Narrative.GENERATED
                ),
                mission_ids=[m.id for m in own],
                participants=sum(m.participants for m in own),
                organisations=computed.get("unique_organisations", (0, 0))[0],
                leads=computed.get("leads", (0, 0))[0],
                deals=computed.get("deals", (0, 0))[0],
                export_turnover=_round(computed.get("export_turnover", (0, 0))[0]),
                entrepreneurs=computed.get("entrepreneurs", (0, 0))[0],
                other_organisations=computed.get("other_organisations", {}),
                expected_export_turnover=_round(
                    computed.get("expected_export_turnover", (0, 0))[0]
                ),
                participations=computed.get("participations", (0, 0))[0],
                results_reported=computed.get("results_reported", (0, 0))[0],
                results_later=computed.get("results_later", (0, 0))[0],
            )
        )
    budget = _budget(p.year_budget[0]) if p.year_budget else None
    mutation_ids = [
        m.id for m in mutations if m.prestatie_id == p.pk or m.prestatie_code == p.code
    ]
    reserve_ids = {m.reserve_id for m in mutations if m.id in mutation_ids}
    if p.reserve_id:
        reserve_ids.add(p.reserve_id)
    return PrestatieFigure(
        id=p.pk,
        code=p.code,
        title=p.title,
        purpose=p.purpose,
        context=p.context,
        kerntaak=" ".join(filter(None, (p.kerntaak_code, p.kerntaak_title))),
        doel=" ".join(filter(None, (p.doel_code, p.doel_title))),
        role=p.role,
        duration=p.duration,
        start_year=p.start_year,
        end_year=p.end_year,
        portfolio_holder=p.portfolio_holder,
        relates_to_reserve=p.relates_to_reserve,
        reserve=p.reserve.name if p.reserve_id else "",
        investment_decisions=[
            {
                "body": d.body,
                "reference": d.reference,
                "title": d.title,
                "date": _iso(d.date),
                "url": d.url,
            }
            for d in sorted(
                p.investment_decisions.all(),
                key=lambda d: (d.date or datetime.date.max, d.reference),
            )
        ],
        intended_results=[{"text": r.text, "status": r.status} for r in p.year_results],
        actions=actions,
        mutation_ids=mutation_ids,
        budget=budget,
        kerntaak_code=p.kerntaak_code,
        kerntaak_title=p.kerntaak_title,
        doel_code=p.doel_code,
        doel_title=p.doel_title,
        finance_text=p.finance_text,
        reserve_ids=sorted(r for r in reserve_ids if r),
        investment_explanation=p.investment_explanation,
    )


def figures_for(
    *,
    province: Province,
    year: int,
    programme: Programme | None = None,
    prestatie: Prestatie | None = None,
    as_of: datetime.date | None = None,
) -> Figures:
    """Every figure of `province` in `year`, optionally for one programme or
    prestatie. Country names come in the active language. Raises ValueError
    when the scope does not belong to the province or year."""
    scope = _Scope(
        province=province, year=year, programme=programme, prestatie=prestatie
    )
    as_of = as_of or timezone.localdate()
    prestaties = _prestaties(scope)
    missions = _missions(scope)
    action_ids = [a.pk for p in prestaties for a in p.actions.all()]
    per_action = _per_action(scope, action_ids) if action_ids else {}
    # The desk's and the tracks' figures count the whole province: every
    # action's computed indicator with such a metric shows them.
    support = SupportCounts([province.pk], year)
    for action_id in action_ids:
        per_action.setdefault(action_id, {}).update(
            {
                metric: (
                    support.value(province.pk, year, metric, False),
                    support.value(province.pk, year, metric, True),
                )
                for metric in SUPPORT_METRICS
            }
        )
    mutations = _mutations(scope, [p.pk for p in prestaties]) if prestaties else []
    prestatie_figures = [
        _prestatie_figure(
            p,
            per_action=per_action,
            missions=missions,
            mutations=mutations,
            year=year,
            as_of=as_of,
        )
        for p in prestaties
    ]
    return Figures(
        province={
            "id": province.pk,
            "code": province.code,
            "name": province.name,
            "page_name": province.page_name,
        },
        year=year,
        scope=scope.as_dict(),
        as_of=as_of.isoformat(),
        totals=_totals(scope, missions),
        results_by_moment=_results_by_moment(scope),
        missions=missions,
        spread=_spread(scope),
        prestaties=prestatie_figures,
        mutations=mutations,
        budget_lines=[p.budget for p in prestatie_figures if p.budget],
        reserves=reserves_for(
            scope, {r for p in prestatie_figures for r in p.reserve_ids}
        ),
        programmes=programmes_in_scope(scope),
        support=support.figure(province.pk, year),
    )
