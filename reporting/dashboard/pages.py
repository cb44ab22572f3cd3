"""What the dashboard templates show, built from cached figures: charts,
rows per prestatie and action, drill-down addresses. No queries here."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from ..figures import Figures
from .charts import Row, bar_chart
from .format import dashboard_euro, dashboard_number
from .selectors import (
    DashboardData,
    intended_result_badge,
    prestatie_url,
    status_badge,
)


class Links:
    """Addresses of drill-downs that keep the chosen province and programme."""

    def __init__(self, *, year: int, province_id: int | None, programme_id=None):
        self.year = year
        self.base = {}
        if province_id is not None:
            self.base["province"] = province_id
        if programme_id is not None:
            self.base["programme"] = programme_id

    def drill(self, figure: str, key="", year: int | None = None) -> str:
        params = {"figure": figure, "year": year or self.year, **self.base}
        if key != "":
            params["key"] = key
        return f"{reverse('dashboard:drilldown')}?{urlencode(params)}"

    def dashboard(self, year: int | None = None) -> str:
        params = {"year": year or self.year, **self.base}
        return f"{reverse('dashboard:index')}?{urlencode(params)}"


def _target_text(value) -> str:
    return dashboard_number(value) if value is not None else "–"


def trend_charts(data: DashboardData, links: Links) -> list:
    years = data.trend.years
    missions = bar_chart(
        id="chart-trend-missions",
        title=_("Missions realised per year against target"),
        description="; ".join(
            _("%(year)s: %(value)s (target %(target)s)")
            % {
                "year": y.year,
                "value": y.missions,
                "target": _target_text(y.missions_target),
            }
            for y in years
        ),
        label_heading=_("Year"),
        value_heading=_("Missions realised"),
        extra_headings=[_("Target")],
        rows=[
            Row(
                label=str(y.year),
                value=y.missions,
                display=dashboard_number(y.missions),
                target=y.missions_target,
                target_display=_target_text(y.missions_target),
                url=links.drill("missions", year=y.year),
                extra=[_target_text(y.missions_target)],
            )
            for y in years
        ],
    )
    participants = bar_chart(
        id="chart-trend-participants",
        title=_("Participants per year against target"),
        description="; ".join(
            _("%(year)s: %(value)s (target %(target)s)")
            % {
                "year": y.year,
                "value": y.participants,
                "target": _target_text(y.participants_target),
            }
            for y in years
        ),
        label_heading=_("Year"),
        value_heading=_("Participants"),
        extra_headings=[_("Target")],
        rows=[
            Row(
                label=str(y.year),
                value=y.participants,
                display=dashboard_number(y.participants),
                target=y.participants_target,
                target_display=_target_text(y.participants_target),
                url=links.drill("participants", year=y.year),
                extra=[_target_text(y.participants_target)],
            )
            for y in years
        ],
    )
    balances = data.trend.balances_by_year()
    reserve = bar_chart(
        id="chart-reserve",
        title=_("Reserve balance at the end of each budget year (decided)"),
        description="; ".join(
            f"{year}: {dashboard_euro(balance)}" for year, balance in balances
        )
        or _("No reserve mutations."),
        label_heading=_("Budget year"),
        value_heading=_("Balance"),
        rows=[
            Row(
                label=str(year),
                value=max(balance, 0),
                display=dashboard_euro(balance),
                url=links.drill("finance", year=year),
                link_text=_("Reserve and budget of %(year)s") % {"year": year},
            )
            for year, balance in balances
        ],
    )
    return [missions, participants, reserve]


def spread_charts(figures: Figures, links: Links) -> list:
    titles = {
        "country": (_("Participants by destination country"), _("Country")),
        "theme": (_("Participants by theme"), _("Theme")),
        "sector": (_("Participants by sector"), _("Sector")),
        "sme_class": (_("Participants by SME class"), _("SME class")),
        "organisation_kind": (
            _("Participants by kind of organisation"),
            _("Kind"),
        ),
    }
    charts = []
    for name, (title, heading) in titles.items():
        rows = figures.spread.get(name, [])
        charts.append(
            bar_chart(
                id=f"chart-spread-{name.replace('_', '-')}",
                title=title,
                description="; ".join(
                    _("%(label)s: %(participants)s participants")
                    % {
                        "label": r.label or _("unknown"),
                        "participants": r.participants,
                    }
                    for r in rows
                )
                or _("No participants."),
                label_heading=heading,
                value_heading=_("Participants"),
                extra_headings=[_("Missions"), _("Organisations")],
                rows=[
                    Row(
                        label=r.label or _("unknown"),
                        value=r.participants,
                        display=dashboard_number(r.participants),
                        url=links.drill(name, key=r.key) if r.key else "",
                        extra=[
                            dashboard_number(r.missions),
                            dashboard_number(r.organisations),
                        ],
                    )
                    for r in rows
                ],
            )
        )
    return charts


def prestatie_rows(
    figures: Figures, links: Links, *, with_links: bool, history: dict | None = None
) -> list:
    """The prestaties with their actions; with `history` (DashboardData's),
    each action's years with more than one year to show."""
    history = history or {}
    rows = []
    for p in figures.prestaties:
        actions = []
        for a in p.actions:
            actions.append(
                {
                    "figure": a,
                    "drill": links.drill("action", key=a.id),
                    "indicators": [
                        {"figure": i, "badge": status_badge(i.status)}
                        for i in a.indicators
                    ],
                    "history": [
                        {"year": year["year"], **indicator}
                        for year in history.get(str(a.id), [])
                        for indicator in year["indicators"]
                    ]
                    if len(history.get(str(a.id), [])) > 1
                    else [],
                }
            )
        rows.append(
            {
                "figure": p,
                "url": prestatie_url(p.id) if with_links else None,
                "actions": actions,
                "intended_results": [
                    {
                        "text": r["text"],
                        "badge": intended_result_badge(r["status"]),
                    }
                    for r in p.intended_results
                ],
            }
        )
    return rows


def drill_title(figure: str, key: str, figures: Figures) -> str:
    labels = {
        "missions": _("Missions realised"),
        "participants": _("Participants"),
        "organisations": _("Unique organisations"),
        "first_time_exporters": _("First-time exporters"),
        "own_province": _("Participants from the own province"),
        "meetings": _("Meetings"),
        "leads": _("Leads"),
        "deals": _("Deals"),
        "export_turnover": _("Export turnover"),
        "satisfaction": _("Average satisfaction (1–10)"),
        "cost_per_participant": _("Province cost per participant"),
        "finance": _("Reserve and budget"),
    }
    if figure in labels:
        return labels[figure]
    if figure == "action":
        for p in figures.prestaties:
            for a in p.actions:
                if str(a.id) == key:
                    return _("Action %(code)s.%(number)s") % {
                        "code": p.code,
                        "number": a.number,
                    }
        return _("Action")
    kinds = {
        "country": _("Country"),
        "theme": _("Theme"),
        "sector": _("Sector"),
        "sme_class": _("SME class"),
        "organisation_kind": _("Kind of organisation"),
    }
    label = next((r.label for r in figures.spread.get(figure, []) if r.key == key), key)
    return f"{kinds.get(figure, figure)}: {label}"
