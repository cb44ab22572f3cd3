"""Missions, participation, results and their spread, counted in SQL."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import (
    Avg,
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django_countries import countries

from missions.models import Mission, MissionResult, Registration
from participants.models import Organisation, SmeClass

from .common import TENTH, ZERO, _mark, _round
from .scope import _Scope
from .types import (
    MissionFigure,
    MomentResults,
    SpreadRow,
    Totals,
)

# Who counts as an entrepreneur ("ondernemer"): a company. Education,
# knowledge institutions, governments and partner organisations take part
# too, but are counted apart (issue 16, item 4).
ENTERPRISE_KINDS = (
    Organisation.Kind.SME,
    Organisation.Kind.LARGE,
    Organisation.Kind.ADVISER,
)
OTHER_KINDS = tuple(k for k in Organisation.Kind.values if k not in ENTERPRISE_KINDS)
AFTER = MissionResult.Moment.AFTER


def _apart(condition: Q | None = None, prefix: str = "") -> dict:
    """Seats of companies, and distinct organisations of each other kind."""

    def when(q: Q) -> Q:
        return q if condition is None else q & condition

    return {
        f"{prefix}entrepreneurs": Coalesce(
            Sum("seats", filter=when(Q(organisation__kind__in=ENTERPRISE_KINDS))),
            0,
        ),
        f"{prefix}participations": Count("pk", filter=condition),
        **{
            f"{prefix}other_{kind}": Count(
                "organisation", filter=when(Q(organisation__kind=kind)), distinct=True
            )
            for kind in OTHER_KINDS
        },
    }


def _others(row: dict, prefix: str = "") -> dict[str, int]:
    return {
        kind: row[f"{prefix}other_{kind}"]
        for kind in OTHER_KINDS
        if row[f"{prefix}other_{kind}"]
    }


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
        **_apart(),
    )
    results = (
        _latest_results()
        .filter(
            registration__in=_attended(scope).values("pk"),
        )
        .aggregate(
            **_result_sums(),
            reported=Count("pk"),
            later=Count("pk", filter=~Q(moment=AFTER)),
        )
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
        entrepreneurs=counts["entrepreneurs"],
        other_organisations=_others(counts),
        participations=counts["participations"],
        results_reported=results["reported"],
        results_later=results["later"],
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
            **_apart(reg_year, "y_"),
            e_cum=Coalesce(
                Sum("seats", filter=Q(organisation__kind__in=ENTERPRISE_KINDS)), 0
            ),
        )
        .order_by()
    ):
        data = figures[row["mission__action_id"]]
        data["participants"] = (row["p_year"], row["p_cum"])
        data["unique_organisations"] = (row["o_year"], row["o_cum"])
        data["first_time_exporters"] = (row["f_year"], row["f_cum"])
        data["entrepreneurs"] = (row["y_entrepreneurs"], row["e_cum"])
        data["participations"] = (row["y_participations"], None)
        data["other_organisations"] = _others(row, "y_")
    for row in (
        _latest_results()
        .filter(registration__in=attended.values("pk"))
        .values("registration__mission__action_id")
        .annotate(
            **_result_sums("y_", res_year),
            **_result_sums("c_"),
            y_reported=Count("pk", filter=res_year),
            y_later=Count("pk", filter=res_year & ~Q(moment=AFTER)),
        )
        .order_by()
    ):
        data = figures[row["registration__mission__action_id"]]
        data["leads"] = (row["y_leads"], row["c_leads"])
        data["deals"] = (row["y_deals"], row["c_deals"])
        data["export_turnover"] = (row["y_turnover"], row["c_turnover"])
        data["expected_export_turnover"] = (row["y_expected"], row["c_expected"])
        data["results_reported"] = (row["y_reported"], None)
        data["results_later"] = (row["y_later"], None)
    return figures
