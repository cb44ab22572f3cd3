"""Reads of the dashboard: the cached figures of a scope, and what the page
derives from them (headline figures, status, links). Nothing is counted a
second way: every number comes from reporting.figures."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from missions.models import Mission
from programmes.models import Indicator, IntendedResult, Programme
from provinces.models import Province
from showcase.selectors import contact_request_counts

from ..figures import Figures, Status, figures_for, indicator_status
from ..figures.progress import Money, Trend, money_for, trend_for
from ..figures.trends import action_history_for
from ..models import ReportRun
from .invalidation import versions

# Long enough to matter, short enough that a missed invalidation (a write
# that bypasses the ORM) does not linger: edits bump the version anyway.
CACHE_SECONDS = 60 * 60

M = Indicator.Metric


class Extra:
    """Statuses of headline figures that are not indicator targets."""

    WITHIN_BUDGET = "within_budget"
    OVER_BUDGET = "over_budget"
    NOT_REALISED = "not_realised"
    INFORMATION = "information"


STATUS_LABELS = {
    Status.ACHIEVED: _("Target achieved"),
    Status.ON_TRACK: _("On track"),
    Status.BEHIND: _("Behind target"),
    Status.NO_TARGET: _("No target set"),
    Status.NO_VALUE: _("No value yet"),
    Extra.WITHIN_BUDGET: _("Within budget"),
    Extra.OVER_BUDGET: _("Over budget"),
    Extra.NOT_REALISED: _("Not yet accounted for"),
    Extra.INFORMATION: _("For information"),
}
# Bootstrap's text-bg-* pairs pass WCAG AA contrast; the label always says
# the same in words, and the symbol tells it apart in black and white.
STATUS_STYLES = {
    Status.ACHIEVED: ("success", "✓"),
    Status.ON_TRACK: ("primary", "→"),
    Status.BEHIND: ("danger", "!"),
    Status.NO_TARGET: ("secondary", "–"),
    Status.NO_VALUE: ("secondary", "?"),
    Extra.WITHIN_BUDGET: ("success", "✓"),
    Extra.OVER_BUDGET: ("danger", "!"),
    Extra.NOT_REALISED: ("secondary", "–"),
    Extra.INFORMATION: ("light", "i"),
}
INTENDED_RESULT_STYLES = {
    IntendedResult.Status.PLANNED: ("secondary", "–"),
    IntendedResult.Status.ACHIEVED: ("success", "✓"),
    IntendedResult.Status.PARTLY: ("warning", "½"),
    IntendedResult.Status.NOT_ACHIEVED: ("danger", "!"),
}


@dataclass
class DashboardData:
    figures: Figures
    trend: Trend
    money: Money
    # Contact requests through the showcase (showcase.selectors):
    # {"sent", "accepted", "received"} for the province and year.
    network: dict
    # Per action id: its target and realised values over the years
    # (reporting.figures.trends.action_history_for).
    history: dict = field(default_factory=dict)


def data_cache_key(*, province, year, programme, as_of) -> str:
    """The versioned key of a scope's data; the page's other keys derive
    from it."""
    return ":".join(
        [
            "dashboard",
            versions(province.pk),
            str(province.pk),
            str(year),
            str(programme.pk) if programme else "all",
            get_language() or "nl",
            as_of.isoformat(),
        ]
    )


def default_year(*, province: Province, today=None) -> int:
    """The year the dashboard opens on: the last year up to this one in
    which a mission of the province was completed, else the last complete
    year. One query, cached under the province's version and the day."""
    today = today or timezone.localdate()
    key = f"dashboard-year:{versions(province.pk)}:{province.pk}:{today.isoformat()}"
    year = cache.get(key)
    if year is None:
        last = (
            Mission.objects.filter(
                province=province,
                status=Mission.Status.COMPLETED,
                start_date__year__lte=today.year,
            )
            .order_by("-start_date")
            .values_list("start_date", flat=True)
            .first()
        )
        year = last.year if last else today.year - 1
        cache.set(key, year, CACHE_SECONDS)
    return year


def page_shell(
    *, data_key: str, province, year, programme, body_key: str | None = None
) -> dict:
    """What the page around the figures shows: the province's programmes
    for the filter and the latest ready yearly report of the scope; with
    `body_key`, also the rendered figures if they are cached ("body", or
    None), read in the same round trip.

    Cached under the data's key: a programme or a report run saved bumps the
    province's version (dashboard.invalidation), so this is never stale.
    """
    key = f"{data_key}:shell"
    fragment = (
        make_template_fragment_key("dashboard_body", [body_key]) if body_key else None
    )
    found = cache.get_many([key, fragment] if fragment else [key])
    shell = found.get(key)
    if shell is None:
        report = latest_report(province=province, year=year, programme=programme)
        shell = {
            "programmes": list(
                Programme.objects.filter(province=province)
                .order_by("name")
                .values_list("pk", "name")
            ),
            # (id, address): the template needs no more of the run.
            "report": (report[0].pk, report[1]) if report else None,
        }
        cache.set(key, shell, CACHE_SECONDS)
    return {**shell, "body": found.get(fragment) if fragment else None}


def body_key_for(data_key: str, links_base: dict) -> str:
    """The key of the dashboard's rendered figures: the data's key (so the
    same versions make it stale) and the parameters its links carry."""
    extra = ",".join(f"{k}={v}" for k, v in sorted(links_base.items()))
    return f"{data_key}:body:{extra}"


def dashboard_data(
    *,
    province: Province,
    year: int,
    programme: Programme | None = None,
    as_of: datetime.date | None = None,
) -> DashboardData:
    """The figures, trend and money of a scope; cached per province, year,
    programme, language and day, refreshed when the data changes."""
    as_of = as_of or timezone.localdate()
    key = data_cache_key(province=province, year=year, programme=programme, as_of=as_of)
    data = cache.get(key)
    if data is None:
        figures = figures_for(
            province=province, year=year, programme=programme, as_of=as_of
        )
        data = DashboardData(
            figures=figures,
            trend=trend_for(province=province, year=year, programme=programme),
            money=money_for(figures, province=province, programme=programme),
            network=contact_request_counts(province.pk, year),
            history=action_history_for(
                province=province,
                year=year,
                programme=programme,
                prestatie_ids=[p.id for p in figures.prestaties],
            ),
        )
        cache.set(key, data, CACHE_SECONDS)
    return data


# --- what the page shows ---------------------------------------------------


@dataclass
class Headline:
    key: str
    label: str
    value: object
    kind: str  # count, money, mark, percent
    status: str
    target: Decimal | None = None
    note: str = ""
    drill: str = ""

    url: str = ""

    @property
    def badge(self) -> dict:
        return status_badge(self.status)

    @property
    def style(self) -> str:
        return STATUS_STYLES[self.status][0]


def year_targets(figures: Figures) -> dict[str, Decimal]:
    """The year's targets per computed metric: the sum over the annual
    computed indicators of every action in scope that have one."""
    targets: dict[str, Decimal] = {}
    for prestatie in figures.prestaties:
        for action in prestatie.actions:
            for i in action.indicators:
                if (
                    i.source == Indicator.Source.COMPUTED
                    and i.accumulation == Indicator.Accumulation.ANNUAL
                    and i.target is not None
                ):
                    targets[i.metric] = targets.get(i.metric, Decimal(0)) + i.target
    return targets


def headlines(data: DashboardData) -> list[Headline]:
    figures, money, totals = data.figures, data.money, data.figures.totals
    as_of = datetime.date.fromisoformat(figures.as_of)
    targets = year_targets(figures)

    def against_target(key, label, value, metric, kind="count", drill=""):
        target = targets.get(metric)
        status = indicator_status(
            target=target, realised=Decimal(value), year=figures.year, as_of=as_of
        )
        return Headline(
            key=key,
            label=label,
            value=value,
            kind=kind,
            status=status,
            target=target,
            drill=drill or key,
        )

    items = [
        against_target(
            "missions",
            _("Missions realised"),
            totals.missions_realised,
            M.MISSIONS_REALISED,
        ),
        against_target(
            "participants", _("Participants"), totals.participants, M.PARTICIPANTS
        ),
        against_target(
            "organisations",
            _("Unique organisations"),
            totals.unique_organisations,
            M.UNIQUE_ORGANISATIONS,
        ),
        against_target(
            "first_time_exporters",
            _("First-time exporters"),
            totals.first_time_exporters,
            M.FIRST_TIME_EXPORTERS,
        ),
        against_target("leads", _("Leads"), totals.leads, M.LEADS),
        against_target("deals", _("Deals"), totals.deals, M.DEALS),
        against_target(
            "export_turnover",
            _("Export turnover"),
            totals.export_turnover,
            M.EXPORT_TURNOVER,
            kind="money",
        ),
        Headline(
            key="satisfaction",
            label=str(_("Average satisfaction (1–10)")),
            value=totals.satisfaction,
            kind="mark",
            status=Status.NO_TARGET if totals.satisfaction else Status.NO_VALUE,
            drill="satisfaction",
        ),
        Headline(
            key="withdrawals",
            label=str(_("Reserve withdrawals in this year's report")),
            value=money.withdrawals,
            kind="money",
            status=Extra.INFORMATION,
            drill="finance",
        ),
        Headline(
            key="reserve_balance",
            label=str(_("Reserve balance at the end of the year (decided)")),
            value=data.trend.balance_in(figures.year),
            kind="money",
            status=Extra.INFORMATION,
            drill="finance",
        ),
        _budget_headline(money),
        Headline(
            key="cost_per_participant",
            label=str(_("Province cost per participant")),
            value=money.cost_per_participant,
            kind="money",
            status=(
                Status.NO_VALUE
                if money.cost_per_participant is None
                else Extra.INFORMATION
            ),
            drill="cost_per_participant",
        ),
    ]
    for item in items:
        item.label = str(item.label)
    # Money first: the question a reader asks first, and it was below the
    # fold on a laptop.
    return sorted(items, key=lambda item: item.kind != "money")


SUPPORT_LABELS = (
    ("questions_received", M.QUESTIONS_RECEIVED),
    ("questions_answered", M.QUESTIONS_ANSWERED),
    ("questions_in_time", M.QUESTIONS_IN_TIME),
    ("tracks_started", M.TRACKS_STARTED),
    ("tracks_finished", M.TRACKS_FINISHED),
    ("plans_delivered", M.PLANS_DELIVERED),
)


def support_headlines(data: DashboardData) -> list[Headline]:
    """The information desk's and the advisory tracks' figures of the
    province's year, against the year's targets on them; none when the
    province has neither figures nor targets (data cached before issue 18
    has no support figures either)."""
    figures = data.figures
    support = getattr(figures, "support", None)
    targets = year_targets(figures)
    if support is None or not (
        support.any or any(metric in targets for _key, metric in SUPPORT_LABELS)
    ):
        return []
    as_of = datetime.date.fromisoformat(figures.as_of)
    items = []
    for key, metric in SUPPORT_LABELS:
        value = getattr(support, key)
        target = targets.get(metric)
        items.append(
            Headline(
                key=key,
                label=str(metric.label),
                value=value,
                kind="count",
                status=indicator_status(
                    target=target,
                    realised=Decimal(value),
                    year=figures.year,
                    as_of=as_of,
                ),
                target=target,
            )
        )
    return items


def _budget_headline(money: Money) -> Headline:
    if money.budget_current is None or money.budget_realised is None:
        status = Extra.NOT_REALISED
    elif money.budget_realised <= money.budget_current:
        status = Extra.WITHIN_BUDGET
    else:
        status = Extra.OVER_BUDGET
    return Headline(
        key="budget",
        label=str(_("Budget realised")),
        value=money.budget_realised,
        kind="money",
        status=status,
        target=money.budget_current,
        drill="finance",
    )


def status_badge(status: str) -> dict:
    style, symbol = STATUS_STYLES[status]
    return {"label": str(STATUS_LABELS[status]), "style": style, "symbol": symbol}


def intended_result_badge(status: str) -> dict:
    """The civil servant's own verdict on an intended result, in words."""
    style, symbol = INTENDED_RESULT_STYLES.get(status, ("secondary", "?"))
    try:
        label = IntendedResult.Status(status).label
    except ValueError:
        label = status
    return {"label": str(label), "style": style, "symbol": symbol}


def prestatie_url(pk: int) -> str:
    """The prestatie's page in the back office. A missing route is a broken
    deployment, so `NoReverseMatch` is raised rather than the link dropped."""
    return reverse("programmes:prestatie_detail", args=[pk])


def latest_report(*, province, year, programme=None) -> tuple[ReportRun, str] | None:
    """The newest ready yearly report of the scope and its address. One
    query."""
    runs = ReportRun.objects.filter(
        province=province, year=year, status=ReportRun.Status.SUCCEEDED
    )
    if programme is not None:
        runs = runs.filter(scope=ReportRun.Scope.PROGRAMME, programme=programme)
    else:
        runs = runs.filter(scope=ReportRun.Scope.PROVINCE)
    # Its frozen figures (large) are not needed for a link.
    run = runs.defer("figures").order_by("-finished_at", "-pk").first()
    if run is None:
        return None
    return run, run.get_absolute_url()
