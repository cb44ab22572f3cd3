"""The queries behind figures_for(); see the package docstring for the rules."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Avg,
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language
from django_countries import countries

from missions.models import Mission, MissionResult, Registration
from participants.models import Organisation, SmeClass
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
    Province,
    ReserveMutation,
)

from .types import (
    ActionFigure,
    BudgetFigure,
    Figures,
    IndicatorFigure,
    MissionFigure,
    MomentResults,
    MutationFigure,
    PrestatieFigure,
    ScopeKind,
    SpreadRow,
    Status,
    Totals,
)

ZERO = Decimal("0")
CENTS = Decimal("0.01")
TENTH = Decimal("0.1")


def _round(value, quantum=CENTS) -> Decimal:
    return Decimal(value or 0).quantize(quantum, rounding=ROUND_HALF_UP)


def _mark(value) -> Decimal | None:
    return None if value is None else _round(value, TENTH)


def indicator_status(
    *, target: Decimal | None, realised: Decimal | None, year: int, as_of
) -> str:
    """The status rule of the module docstring."""
    if target is None:
        return Status.NO_TARGET
    if realised is None:
        return Status.NO_VALUE
    if realised >= target:
        return Status.ACHIEVED
    start = datetime.date(year, 1, 1)
    end = datetime.date(year, 12, 31)
    if as_of > end:
        return Status.BEHIND
    if as_of < start:
        return Status.ON_TRACK
    passed = Decimal((as_of - start).days + 1) / Decimal((end - start).days + 1)
    return Status.ON_TRACK if realised >= target * passed else Status.BEHIND


def _latest_results() -> QuerySet[MissionResult]:
    """Each registration's latest measurement only (12 > 6 months > after)."""
    rank = Case(
        When(moment=MissionResult.Moment.MONTHS_12, then=Value(3)),
        When(moment=MissionResult.Moment.MONTHS_6, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    latest = (
        MissionResult.objects.filter(registration=OuterRef("registration"))
        .annotate(rank=rank)
        .order_by("-rank")
        .values("pk")[:1]
    )
    return MissionResult.objects.filter(pk=Subquery(latest))


def _result_sums(prefix: str = "r_", condition: Q | None = None) -> dict:
    def when(q: Q | None = None) -> Q | None:
        if condition is None:
            return q
        return condition if q is None else q & condition

    marked = Q(satisfaction__isnull=False)
    return {
        f"{prefix}meetings": Coalesce(Sum("meetings", filter=when()), 0),
        f"{prefix}leads": Coalesce(Sum("leads", filter=when()), 0),
        f"{prefix}deals": Coalesce(Sum("deals", filter=when()), 0),
        f"{prefix}expected": Coalesce(
            Sum("expected_export_turnover", filter=when()), ZERO
        ),
        f"{prefix}turnover": Coalesce(
            Sum("realised_export_turnover", filter=when()), ZERO
        ),
        f"{prefix}satisfaction": Avg("satisfaction", filter=when(marked)),
        f"{prefix}responses": Count("pk", filter=when(marked)),
    }


def _country_name(code: str) -> str:
    return str(countries.name(code)) if code else ""


def _theme_label(row: dict) -> str:
    english = (get_language() or "nl").startswith("en")
    if english and row["mission__themes__name_en"]:
        return row["mission__themes__name_en"]
    return row["mission__themes__name"] or ""


class _Scope:
    """Which missions and prestaties a set of figures covers."""

    def __init__(self, *, province, year, programme=None, prestatie=None):
        if programme is not None and prestatie is not None:
            raise ValueError("Give a programme or a prestatie, not both.")
        for obj in (programme, prestatie):
            if obj is not None and obj.province_id != province.pk:
                raise ValueError("The scope must belong to the province.")
        if prestatie is not None and prestatie.year != year:
            raise ValueError("The prestatie must be of the year.")
        self.province = province
        self.year = year
        self.programme = programme
        self.prestatie = prestatie

    @property
    def kind(self) -> str:
        if self.prestatie is not None:
            return ScopeKind.PRESTATIE
        if self.programme is not None:
            return ScopeKind.PROGRAMME
        return ScopeKind.PROVINCE

    def as_dict(self) -> dict:
        data = {"kind": self.kind, "id": None, "code": "", "name": ""}
        if self.prestatie is not None:
            data |= {
                "id": self.prestatie.pk,
                "code": self.prestatie.code,
                "name": self.prestatie.title,
            }
        elif self.programme is not None:
            data |= {"id": self.programme.pk, "name": self.programme.name}
        return data

    def mission_filter(self, prefix: str = "") -> Q:
        """Missions in scope, any year and status; `prefix` reaches Mission."""
        p = prefix
        q = Q(**{f"{p}province_id": self.province.pk})
        if self.prestatie is not None:
            q &= Q(**{f"{p}action__prestatie_id": self.prestatie.pk})
        elif self.programme is not None:
            linked = Action.objects.filter(programmes=self.programme).values("pk")
            q &= (
                Q(**{f"{p}programme_id": self.programme.pk})
                | Q(**{f"{p}programme__parent_id": self.programme.pk})
                | Q(**{f"{p}action_id__in": linked})
            )
        return q

    def realised(self, prefix: str = "", *, up_to: bool = False) -> Q:
        year_lookup = "start_date__year__lte" if up_to else "start_date__year"
        return self.mission_filter(prefix) & Q(
            **{
                f"{prefix}status": Mission.Status.COMPLETED,
                f"{prefix}{year_lookup}": self.year,
            }
        )

    def prestaties(self) -> QuerySet[Prestatie]:
        qs = Prestatie.objects.filter(province=self.province, year=self.year)
        if self.prestatie is not None:
            qs = qs.filter(pk=self.prestatie.pk)
        elif self.programme is not None:
            programmes = Programme.objects.filter(
                Q(pk=self.programme.pk) | Q(parent_id=self.programme.pk)
            ).values("pk")
            qs = qs.filter(
                pk__in=Action.objects.filter(programmes__in=programmes).values(
                    "prestatie_id"
                )
            )
        return qs


# --- the queries ----------------------------------------------------------


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


def _missions(scope: _Scope) -> list[MissionFigure]:
    attended = Q(registrations__status=Registration.Status.ATTENDED)
    missions = (
        Mission.objects.filter(scope.realised())
        .select_related("led_by")
        .prefetch_related("themes")
        .annotate(
            participant_count=Coalesce(Sum("registrations__seats", filter=attended), 0),
            organisation_count=Count(
                "registrations__organisation", filter=attended, distinct=True
            ),
        )
        .order_by("start_date", "title", "pk")
    )
    kinds: dict[int, list[str]] = {}
    for mission_id, kind in (
        _attended(scope)
        .values_list("mission_id", "organisation__kind")
        .distinct()
        .order_by("mission_id", "organisation__kind")
    ):
        kinds.setdefault(mission_id, []).append(kind)
    return [
        MissionFigure(
            id=m.pk,
            title=m.title,
            direction=m.direction,
            country=m.country.code,
            country_name=_country_name(m.country.code),
            region=m.region,
            event=m.event,
            themes=[
                {"slug": t.slug, "name": t.name, "name_en": t.name_en}
                for t in sorted(m.themes.all(), key=lambda t: t.name)
            ],
            start_date=m.start_date.isoformat(),
            end_date=m.end_date.isoformat(),
            leader=m.leader,
            highlights=m.highlights,
            action_id=m.action_id,
            programme_id=m.programme_id,
            participants=m.participant_count,
            organisations=m.organisation_count,
            organisation_kinds=kinds.get(m.pk, []),
        )
        for m in missions
    ]


def _attended(scope: _Scope, *, up_to: bool = False) -> QuerySet[Registration]:
    return Registration.objects.filter(
        scope.realised("mission__", up_to=up_to),
        status=Registration.Status.ATTENDED,
    )


def _totals(scope: _Scope, missions: list[MissionFigure]) -> Totals:
    counts = _attended(scope).aggregate(
        participants=Coalesce(Sum("seats"), 0),
        organisations=Count("organisation", distinct=True),
        first_time=Count(
            "organisation", filter=Q(first_time_exporter=True), distinct=True
        ),
        own=Coalesce(
            Sum(
                "seats",
                filter=Q(organisation__province_id=scope.province.pk),
            ),
            0,
        ),
    )
    results = (
        _latest_results()
        .filter(
            registration__in=_attended(scope).values("pk"),
        )
        .aggregate(**_result_sums())
    )
    share = None
    if counts["participants"]:
        share = _round(
            Decimal(counts["own"]) * 100 / Decimal(counts["participants"]), TENTH
        )
    return Totals(
        missions_realised=len(missions),
        missions_outgoing=sum(
            1 for m in missions if m.direction == Mission.Direction.OUTGOING
        ),
        missions_incoming=sum(
            1 for m in missions if m.direction == Mission.Direction.INCOMING
        ),
        participants=counts["participants"],
        unique_organisations=counts["organisations"],
        first_time_exporters=counts["first_time"],
        own_province_participants=counts["own"],
        own_province_share=share,
        meetings=results["r_meetings"],
        leads=results["r_leads"],
        deals=results["r_deals"],
        expected_export_turnover=_round(results["r_expected"]),
        export_turnover=_round(results["r_turnover"]),
        satisfaction=_mark(results["r_satisfaction"]),
        satisfaction_responses=results["r_responses"],
    )


MOMENT_ORDER = [m.value for m in MissionResult.Moment]


def _results_by_moment(scope: _Scope) -> list[MomentResults]:
    rows = (
        MissionResult.objects.filter(registration__in=_attended(scope).values("pk"))
        .values("moment")
        .annotate(**_result_sums(), count=Count("pk"))
        .order_by()
    )
    by_moment = {row["moment"]: row for row in rows}
    return [
        MomentResults(
            moment=moment,
            responses=row["count"],
            meetings=row["r_meetings"],
            leads=row["r_leads"],
            deals=row["r_deals"],
            expected_export_turnover=_round(row["r_expected"]),
            export_turnover=_round(row["r_turnover"]),
            satisfaction=_mark(row["r_satisfaction"]),
        )
        for moment in MOMENT_ORDER
        if (row := by_moment.get(moment))
    ]


def _spread_rows(scope: _Scope, key: str, extra=()) -> list[dict]:
    return list(
        _attended(scope)
        .values(key, *extra)
        .annotate(
            mission_count=Count("mission", distinct=True),
            participant_count=Coalesce(Sum("seats"), 0),
            organisation_count=Count("organisation", distinct=True),
        )
        .order_by()
    )


def _spread(scope: _Scope) -> dict[str, list[SpreadRow]]:
    def rows(key, label_of, extra=()):
        result = [
            SpreadRow(
                key=row[key] or "",
                label=label_of(row),
                missions=row["mission_count"],
                participants=row["participant_count"],
                organisations=row["organisation_count"],
            )
            for row in _spread_rows(scope, key, extra)
        ]
        return sorted(result, key=lambda r: (-r.participants, r.label))

    kinds = dict(Organisation.Kind.choices)
    sme_classes = dict(SmeClass.choices)
    return {
        "country": rows(
            "mission__country", lambda r: _country_name(r["mission__country"])
        ),
        "theme": rows(
            "mission__themes__slug",
            _theme_label,
            extra=("mission__themes__name", "mission__themes__name_en"),
        ),
        "sector": rows("organisation__sector", lambda r: r["organisation__sector"]),
        "sme_class": rows(
            "organisation__sme_class",
            lambda r: str(sme_classes.get(r["organisation__sme_class"], "")),
        ),
        "organisation_kind": rows(
            "organisation__kind",
            lambda r: str(kinds.get(r["organisation__kind"], "")),
        ),
    }


def _per_action(scope: _Scope, action_ids: list[int]) -> dict[int, dict]:
    """Computed metrics per action: for the year and up to and including it."""
    year = Q(start_date__year=scope.year)
    reg_year = Q(mission__start_date__year=scope.year)
    res_year = Q(registration__mission__start_date__year=scope.year)
    realised_up_to = Q(
        status=Mission.Status.COMPLETED, start_date__year__lte=scope.year
    )
    figures: dict[int, dict] = {pk: {} for pk in action_ids}
    for row in (
        Mission.objects.filter(realised_up_to, action_id__in=action_ids)
        .values("action_id")
        .annotate(year=Count("pk", filter=year), cumulative=Count("pk"))
        .order_by()
    ):
        figures[row["action_id"]]["missions_realised"] = (
            row["year"],
            row["cumulative"],
        )
    attended = Registration.objects.filter(
        status=Registration.Status.ATTENDED,
        mission__status=Mission.Status.COMPLETED,
        mission__start_date__year__lte=scope.year,
        mission__action_id__in=action_ids,
    )
    for row in (
        attended.values("mission__action_id")
        .annotate(
            p_year=Coalesce(Sum("seats", filter=reg_year), 0),
            p_cum=Coalesce(Sum("seats"), 0),
            o_year=Count("organisation", filter=reg_year, distinct=True),
            o_cum=Count("organisation", distinct=True),
            f_year=Count(
                "organisation",
                filter=reg_year & Q(first_time_exporter=True),
                distinct=True,
            ),
            f_cum=Count(
                "organisation", filter=Q(first_time_exporter=True), distinct=True
            ),
        )
        .order_by()
    ):
        data = figures[row["mission__action_id"]]
        data["participants"] = (row["p_year"], row["p_cum"])
        data["unique_organisations"] = (row["o_year"], row["o_cum"])
        data["first_time_exporters"] = (row["f_year"], row["f_cum"])
    for row in (
        _latest_results()
        .filter(registration__in=attended.values("pk"))
        .values("registration__mission__action_id")
        .annotate(**_result_sums("y_", res_year), **_result_sums("c_"))
        .order_by()
    ):
        data = figures[row["registration__mission__action_id"]]
        data["leads"] = (row["y_leads"], row["c_leads"])
        data["deals"] = (row["y_deals"], row["c_deals"])
        data["export_turnover"] = (row["y_turnover"], row["c_turnover"])
    return figures


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
            # A decision's date may be unknown (nullable on programmes).
            decision_date=(
                m.decision.date.isoformat() if m.decision_id and m.decision.date else ""
            ),
            explanation=m.explanation,
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
                mission_ids=[m.id for m in own],
                participants=sum(m.participants for m in own),
                organisations=computed.get("unique_organisations", (0, 0))[0],
                leads=computed.get("leads", (0, 0))[0],
                deals=computed.get("deals", (0, 0))[0],
                export_turnover=_round(computed.get("export_turnover", (0, 0))[0]),
            )
        )
    budget = _budget(p.year_budget[0]) if p.year_budget else None
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
                "date": d.date.isoformat() if d.date else "",
                "url": d.url,
            }
            for d in sorted(
                p.investment_decisions.all(),
                key=lambda d: d.date or datetime.date.max,
            )
        ],
        intended_results=[{"text": r.text, "status": r.status} for r in p.year_results],
        actions=actions,
        mutation_ids=[
            m.id
            for m in mutations
            if m.prestatie_id == p.pk or m.prestatie_code == p.code
        ],
        budget=budget,
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
    )
