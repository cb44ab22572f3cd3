"""The home page's work list per role: what waits for the user, each with
its count and the page where it is done.

Reporting may read every app; the home view (config) asks only this module.
Each list costs a fixed number of queries whatever the amount of data: one
count per entry, or the dashboard's cached figures.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.selectors import users_awaiting_role_count
from missions.selectors import (
    STARTING_SOON_DAYS,
    open_signup_count,
    province_work_counts,
    results_to_fill_in_count,
)
from participants.selectors import (
    membership_requests_for_admin_count,
    membership_requests_to_decide_count,
)
from programmes.selectors.choices import proposed_mutation_count
from showcase.selectors import (
    contact_requests_waiting_count,
    moderation_waiting_count,
    recommended_mission_count,
)

from .dashboard.selectors import dashboard_data, headlines
from .selectors import latest_report_for, reports_ready_count

# Reports that became ready this many days ago or less are news.
REPORTS_READY_DAYS = 30
# The portfolio holder's headline figures shown on the home page.
HOME_HEADLINES = ("missions", "participants", "organisations", "export_turnover")


@dataclass(frozen=True)
class WorkItem:
    """One entry: `url` lists exactly the items `count` counts (the lists'
    filters use the same conditions as the counts)."""

    key: str
    label: str
    count: int
    url: str


def civil_servant_work(*, user, today=None) -> list[WorkItem]:
    """The province's waiting work, in the order it is usually done."""
    today = today or timezone.localdate()
    missions = province_work_counts(user=user, today=today)
    since = timezone.now() - timedelta(days=REPORTS_READY_DAYS)
    return [
        WorkItem(
            "signups",
            _("Sign-ups to decide"),
            missions["to_decide"],
            reverse("missions_backoffice:list") + "?attention=on",
        ),
        WorkItem(
            "membership_requests",
            _("Requests to join an organisation without an admin"),
            membership_requests_to_decide_count(province_id=user.province_id),
            reverse("missions_backoffice:membership_requests") + "?to_decide=on",
        ),
        WorkItem(
            "proposals",
            _("Reserve mutations awaiting a decision"),
            proposed_mutation_count(user=user),
            reverse("programmes:mutation_list") + "?status=proposed",
        ),
        WorkItem(
            "starting_soon",
            _("Missions starting in the next %(days)s days")
            % {"days": STARTING_SOON_DAYS},
            missions["starting_soon"],
            reverse("missions_backoffice:list")
            + f"?starting_within={STARTING_SOON_DAYS}",
        ),
        WorkItem(
            "results_overdue",
            _("Participants whose results are overdue"),
            missions["results_overdue"],
            reverse("missions_backoffice:list") + "?results_overdue=on",
        ),
        WorkItem(
            "reports_ready",
            _("Reports ready in the last %(days)s days") % {"days": REPORTS_READY_DAYS},
            reports_ready_count(user=user, since=since),
            reverse("reporting:list") + f"?ready_within={REPORTS_READY_DAYS}",
        ),
        WorkItem(
            "moderation",
            _("Showcase profiles and stories to moderate"),
            moderation_waiting_count(user=user),
            reverse("showcase_moderation:list"),
        ),
    ]


def partner_work(*, user, today=None) -> list[WorkItem]:
    """What waits in the missions an implementing partner runs; the desk's
    questions are added by the home view (reporting does not read desk)."""
    today = today or timezone.localdate()
    missions = province_work_counts(user=user, today=today)
    return [
        WorkItem(
            "signups",
            _("Sign-ups to decide"),
            missions["to_decide"],
            reverse("missions_backoffice:list"),
        ),
        WorkItem(
            "starting_soon",
            _("Missions starting in the next %(days)s days")
            % {"days": STARTING_SOON_DAYS},
            missions["starting_soon"],
            reverse("missions_backoffice:list"),
        ),
        WorkItem(
            "results_overdue",
            _("Participants whose results are overdue"),
            missions["results_overdue"],
            reverse("missions_backoffice:list"),
        ),
    ]


def entrepreneur_work(*, user, today=None) -> list[WorkItem]:
    """What an entrepreneur can do now; requests to join appear only for
    admins of an organisation."""
    items = [
        WorkItem(
            "open_signups",
            _("Missions open for sign-up"),
            open_signup_count(),
            reverse("missions:calendar") + "?signup_open=on",
        ),
        WorkItem(
            "results",
            _("Results to fill in"),
            results_to_fill_in_count(user=user, today=today),
            reverse("mine:index"),
        ),
        WorkItem(
            "recommended",
            _("Missions recommended for your company"),
            recommended_mission_count(user=user, today=today),
            reverse("mine_showcase:index"),
        ),
        WorkItem(
            "contact_requests",
            _("Contact requests awaiting your answer"),
            contact_requests_waiting_count(user=user),
            reverse("mine_showcase:requests"),
        ),
    ]
    requests = membership_requests_for_admin_count(user=user)
    if requests:
        items.append(
            WorkItem(
                "membership_requests",
                _("Requests to join your organisation"),
                requests,
                reverse("mine:index"),
            )
        )
    return items


def administrator_work(*, user) -> list[WorkItem]:
    return [
        WorkItem(
            "users_without_role",
            _("Users awaiting a role"),
            users_awaiting_role_count(),
            reverse("admin:accounts_user_changelist") + "?role=none",
        )
    ]


def portfolio_overview(*, user, today=None) -> dict | None:
    """The headline figures of the last complete year (the dashboard's,
    from its cache) and the province's latest ready report."""
    if user.province_id is None:
        return None
    today = today or timezone.localdate()
    year = today.year - 1
    data = dashboard_data(province=user.province, year=year, as_of=today)
    query = f"?year={year}"
    items = [item for item in headlines(data) if item.key in HOME_HEADLINES]
    for item in items:
        item.url = reverse("dashboard:index") + query
    return {
        "year": year,
        "headlines": items,
        "dashboard_url": reverse("dashboard:index") + query,
        "report": latest_report_for(user=user),
    }
