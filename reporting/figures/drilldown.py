"""The missions and organisations behind a figure of figures_for().

Same scope and counting rules as the rest of the package: the registrations
behind a figure are the attended ones of realised missions in scope, narrowed
by the figure (first-time exporters, own province, a country, ...). Results
use each registration's latest measurement. One query, two with the
organisations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from config.digits import is_ascii_number
from participants.models import SmeClass
from programmes.models import Programme
from provinces.models import Province

from .participation import _attended, _latest_results
from .scope import _Scope
from .types import Figures, MissionFigure


@dataclass
class DrillMission:
    mission: MissionFigure
    participants: int
    organisations: int


@dataclass
class DrillOrganisation:
    id: int
    name: str
    kvk_number: str
    kind: str
    sector: str
    sme_class: str
    province: str
    participants: int
    missions: int
    first_time_exporter: bool


@dataclass
class DrillDown:
    missions: list[DrillMission] = field(default_factory=list)
    organisations: list[DrillOrganisation] | None = None


# --- drill-down -----------------------------------------------------------

# Figures behind which lie attended registrations; the rest of a drill-down
# key (after a colon) chooses a row of a spread or an action.
DRILL_FIGURES = (
    "missions",
    "participants",
    "organisations",
    "first_time_exporters",
    "own_province",
    "meetings",
    "leads",
    "deals",
    "export_turnover",
    "satisfaction",
    "cost_per_participant",
    "country",
    "theme",
    "sector",
    "sme_class",
    "organisation_kind",
    "action",
)
KEYED_FIGURES = {
    "country",
    "theme",
    "sector",
    "sme_class",
    "organisation_kind",
    "action",
}


def _condition(scope: _Scope, figure: str, key: str) -> Q:
    latest = _latest_results()
    conditions = {
        "first_time_exporters": lambda: Q(first_time_exporter=True),
        "own_province": lambda: Q(organisation__province_id=scope.province.pk),
        "meetings": lambda: Q(
            pk__in=latest.filter(meetings__gt=0).values("registration_id")
        ),
        "leads": lambda: Q(pk__in=latest.filter(leads__gt=0).values("registration_id")),
        "deals": lambda: Q(pk__in=latest.filter(deals__gt=0).values("registration_id")),
        "export_turnover": lambda: Q(
            pk__in=latest.filter(realised_export_turnover__gt=0).values(
                "registration_id"
            )
        ),
        "satisfaction": lambda: Q(
            pk__in=latest.filter(satisfaction__isnull=False).values("registration_id")
        ),
        "cost_per_participant": lambda: Q(
            mission__province_contribution_per_seat__gt=0
        ),
        "country": lambda: Q(mission__country=key),
        "theme": lambda: Q(mission__themes__slug=key),
        "sector": lambda: Q(organisation__sector=key),
        "sme_class": lambda: Q(organisation__sme_class=key),
        "organisation_kind": lambda: Q(organisation__kind=key),
        "action": lambda: Q(mission__action_id=int(key)),
    }
    make = conditions.get(figure)
    return make() if make else Q()


def drilldown_for(
    figures: Figures,
    *,
    province: Province,
    programme: Programme | None = None,
    figure: str,
    key: str = "",
    with_organisations: bool = False,
) -> DrillDown:
    """The missions of `figures` behind one figure, with the participants and
    organisations each contributes to it, and (when asked) the organisations
    themselves. One query, two with organisations. Raises ValueError for an
    unknown figure or a key it needs but lacks."""
    if figure not in DRILL_FIGURES:
        raise ValueError(f"Unknown figure {figure!r}.")
    if figure in KEYED_FIGURES and not key:
        raise ValueError(f"The figure {figure!r} needs a key.")
    if figure == "action" and not is_ascii_number(key):
        raise ValueError("An action is chosen by its number in the database.")
    scope = _Scope(province=province, year=figures.year, programme=programme)
    registrations = _attended(scope).filter(_condition(scope, figure, key))
    per_mission = {
        row["mission_id"]: row
        for row in registrations.values("mission_id")
        .annotate(
            seats=Coalesce(Sum("seats"), 0),
            orgs=Count("organisation", distinct=True),
        )
        .order_by()
    }
    missions = []
    for m in figures.missions:
        row = per_mission.get(m.id)
        # A realised mission without attendance still counts as a mission.
        own = figure == "missions" or (figure == "action" and m.action_id == int(key))
        if row or own:
            missions.append(
                DrillMission(
                    mission=m,
                    participants=row["seats"] if row else 0,
                    organisations=row["orgs"] if row else 0,
                )
            )
    result = DrillDown(missions=missions)
    if with_organisations:
        sme_classes = dict(SmeClass.choices)
        result.organisations = [
            DrillOrganisation(
                id=row["organisation_id"],
                name=row["organisation__name"],
                kvk_number=row["organisation__kvk_number"],
                kind=row["organisation__kind"],
                sector=row["organisation__sector"],
                sme_class=str(sme_classes.get(row["organisation__sme_class"], "")),
                province=row["organisation__province__name"] or "",
                participants=row["seats"],
                missions=row["mission_count"],
                first_time_exporter=row["first_time"] > 0,
            )
            for row in registrations.values(
                "organisation_id",
                "organisation__name",
                "organisation__kvk_number",
                "organisation__kind",
                "organisation__sector",
                "organisation__sme_class",
                "organisation__province__name",
            )
            .annotate(
                seats=Coalesce(Sum("seats"), 0),
                mission_count=Count("mission", distinct=True),
                first_time=Count("pk", filter=Q(first_time_exporter=True)),
            )
            .order_by("organisation__name", "organisation_id")
        ]
    return result
