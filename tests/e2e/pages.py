"""Every page each role can reach, for the accessibility audit.

ADD YOUR PAGES HERE: one `Visit` per (role, page) a person can reach, with
the URL name (or a path starting with "/", without the language prefix)
and, for object pages, a function from the test world
(tests/world.py) to the URL's kwargs. `prepare` brings the page into a state
worth checking, e.g. a form showing its errors. Each visit is audited in
Dutch and in English; every role needs at least one visit.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.world import (
    ADMINISTRATOR,
    ANONYMOUS,
    BUSY_MISSION_PAGES,
    CIVIL_SERVANT_LI,
    CIVIL_SERVANT_OV,
    PARTNER_LI,
    PORTFOLIO_HOLDER_OV,
    SME_A,
    SME_B,
    World,
)


@dataclass(frozen=True)
class Visit:
    role: str
    url_name: str
    kwargs: Callable[[World], dict[str, Any]] = field(default=lambda world: {})
    query: str = ""
    # Error pages are pages too: a visit may expect 403 or 404.
    status: int = 200
    # Runs in the browser after loading, before the audit.
    prepare: Callable[[Any], None] | None = None
    label: str = ""

    @property
    def id(self) -> str:
        suffix = f"-{self.label}" if self.label else ""
        return f"{self.role}-{self.url_name}{suffix}"


def _reset_key(user) -> dict[str, str]:
    """A valid link to choose a password (the invitation's, the reset's)."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    return {
        "uidb36": user_pk_to_url_str(user),
        "key": default_token_generator.make_token(user),
    }


def submit_empty(page) -> None:
    """Send the page's main form empty, so its error summary shows."""
    page.locator("main form").last.locator("[type=submit]").last.click()
    page.wait_for_load_state()


def open_menu(page) -> None:
    """Narrow screen with the collapsed menu opened."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.locator(".navbar-toggler").click()
    page.locator("#main-menu.show").wait_for()


PUBLIC_PAGES = [
    "home",
    "accessibility",
    "privacy",
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
    "account_reset_password_from_key_done",
]

PAGES: list[Visit] = [
    *(Visit(ANONYMOUS, name) for name in PUBLIC_PAGES),
    Visit(ANONYMOUS, "home", prepare=open_menu, label="mobile-menu"),
    Visit(ANONYMOUS, "account_login", prepare=submit_empty, label="errors"),
    Visit(ANONYMOUS, "account_signup", prepare=submit_empty, label="errors"),
    Visit(ANONYMOUS, "account_reset_password", prepare=submit_empty, label="errors"),
    Visit(
        ANONYMOUS,
        "account_confirm_email",
        kwargs=lambda world: {"key": "no-such-key"},
        label="bad-key",
    ),
    Visit(
        ANONYMOUS,
        "account_reset_password_from_key",
        kwargs=lambda world: {"uidb36": "1", "key": "no-such-key"},
        label="bad-key",
    ),
    Visit(
        ANONYMOUS,
        "account_reset_password_from_key",
        kwargs=lambda world: _reset_key(world.user(SME_B)),
        label="choose-password",
    ),
    Visit(ANONYMOUS, "account_inactive"),
    Visit(ANONYMOUS, "/bestaat-niet/", status=404, label="not-found"),
    # Entrepreneur
    Visit(SME_A, "programmes:index", status=403, label="forbidden"),
    Visit(SME_A, "home"),
    Visit(SME_A, "account_email"),
    Visit(SME_A, "account_change_password"),
    Visit(SME_A, "account_change_password", prepare=submit_empty, label="errors"),
    Visit(SME_A, "account_logout"),
    Visit(SME_A, "account_reauthenticate"),
    Visit(SME_A, "mfa_index"),
    Visit(SME_A, "mfa_activate_totp"),
    Visit(SME_A, "mfa_activate_totp", prepare=submit_empty, label="errors"),
    Visit(SME_A, "home", prepare=open_menu, label="mobile-menu"),
    Visit(SME_B, "home"),
    # Civil servant
    Visit(CIVIL_SERVANT_OV, "home"),
    Visit(CIVIL_SERVANT_OV, "programmes:index"),
    Visit(CIVIL_SERVANT_OV, "mfa_index"),
    Visit(CIVIL_SERVANT_LI, "home"),
    Visit(CIVIL_SERVANT_LI, "programmes:index"),
    # Portfolio holder
    Visit(PORTFOLIO_HOLDER_OV, "home"),
    # Administrator
    Visit(ADMINISTRATOR, "home"),
    Visit(ADMINISTRATOR, "programmes:index"),
    Visit(ADMINISTRATOR, "admin:index"),
    Visit(ADMINISTRATOR, "admin:accounts_user_changelist"),
    Visit(ADMINISTRATOR, "admin:accounts_user_add"),
    Visit(
        ADMINISTRATOR, "admin:accounts_user_add", prepare=submit_empty, label="errors"
    ),
    Visit(
        ADMINISTRATOR,
        "admin:accounts_user_change",
        kwargs=lambda world: {"object_id": world.user(SME_A).pk},
    ),
]


def _pk(name: str):
    return lambda world: {"pk": world.objects[name].pk}


def _organisation_a(world: World) -> dict[str, Any]:
    return {"pk": world.organisation_a.pk}


# The apps' pages: one visit per template (a list, a detail of each kind
# with its own extras, a form and its errors), to keep the audit's run time
# in bounds (make test within ~15 minutes on 2 cores); the other URLs and
# roles render the same templates. 404/403 pages are audited above.
PAGES += [
    # Public mission calendar
    Visit(ANONYMOUS, "missions:calendar"),
    Visit(ANONYMOUS, "missions:detail", kwargs=_pk("mission_ov")),
    # Entrepreneur
    Visit(SME_A, "missions:detail", kwargs=_pk("mission_ov"), label="signed-up"),
    Visit(SME_A, "missions:signup", kwargs=_pk("mission_li")),
    Visit(
        SME_A,
        "missions:signup",
        kwargs=_pk("mission_li"),
        prepare=submit_empty,
        label="errors",
    ),
    Visit(SME_A, "mine:index"),
    Visit(SME_A, "mine:organisation"),
    Visit(SME_A, "mine:contact", kwargs=_organisation_a),
    Visit(SME_A, "mine:withdraw", kwargs=_pk("registration_a")),
    Visit(
        SME_A,
        "mine:results",
        kwargs=lambda world: {"pk": world.objects["attended_a"].pk, "moment": "after"},
    ),
    Visit(SME_B, "mine:index"),
    # Civil servant: programmes back office
    Visit(CIVIL_SERVANT_OV, "programmes:prestatie_list"),
    Visit(CIVIL_SERVANT_OV, "programmes:prestatie_detail", kwargs=_pk("prestatie_ov")),
    Visit(CIVIL_SERVANT_OV, "programmes:prestatie_create"),
    Visit(
        CIVIL_SERVANT_OV,
        "programmes:prestatie_create",
        prepare=submit_empty,
        label="errors",
    ),
    Visit(
        CIVIL_SERVANT_OV, "programmes:prestatie_continue", kwargs=_pk("prestatie_ov")
    ),
    Visit(CIVIL_SERVANT_OV, "programmes:programme_detail", kwargs=_pk("programme_ov")),
    Visit(CIVIL_SERVANT_OV, "programmes:decision_detail", kwargs=_pk("decision_ov")),
    Visit(CIVIL_SERVANT_OV, "programmes:reserve_list"),
    Visit(CIVIL_SERVANT_OV, "programmes:reserve_detail", kwargs=_pk("reserve_ov")),
    Visit(CIVIL_SERVANT_OV, "programmes:action_detail", kwargs=_pk("action_ov")),
    Visit(CIVIL_SERVANT_OV, "programmes:indicator_detail", kwargs=_pk("indicator_ov")),
    Visit(CIVIL_SERVANT_OV, "programmes:mutation_detail", kwargs=_pk("mutation_ov")),
    Visit(CIVIL_SERVANT_OV, "programmes:mutation_decide", kwargs=_pk("mutation_ov")),
    # Civil servant: missions back office
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:list"),
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:detail", kwargs=_pk("mission_ov")),
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:create"),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:create",
        prepare=submit_empty,
        label="errors",
    ),
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:register", kwargs=_pk("mission_ov")),
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:import", kwargs=_pk("mission_ov")),
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:reject", kwargs=_pk("registration_a")),
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:message", kwargs=_pk("mission_ov")),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:message",
        kwargs=_pk("mission_ov"),
        prepare=submit_empty,
        label="errors",
    ),
    # Civil servant: reports and dashboard
    Visit(CIVIL_SERVANT_OV, "reporting:list"),
    Visit(CIVIL_SERVANT_OV, "reporting:detail", kwargs=_pk("report_ov")),
    # Issue 16 item 6: the status of an actie, empty and with its errors.
    Visit(CIVIL_SERVANT_OV, "reporting:action_status", kwargs=_pk("action_ov")),
    Visit(
        CIVIL_SERVANT_OV,
        "reporting:action_status",
        kwargs=_pk("action_ov"),
        prepare=submit_empty,
        label="errors",
    ),
    Visit(CIVIL_SERVANT_OV, "dashboard:index"),
    Visit(CIVIL_SERVANT_OV, "dashboard:drilldown", query="?figure=missions"),
    Visit(CIVIL_SERVANT_LI, "dashboard:index"),
    # Portfolio holder: reads (the same templates without write buttons)
    Visit(PORTFOLIO_HOLDER_OV, "dashboard:index"),
    Visit(
        PORTFOLIO_HOLDER_OV, "programmes:prestatie_detail", kwargs=_pk("prestatie_ov")
    ),
    Visit(PORTFOLIO_HOLDER_OV, "reporting:list"),
    # Administrator
    Visit(ADMINISTRATOR, "dashboard:index", label="choose-province"),
]


# Privacy (AVG) and audit pages of issue 7, branch `privacy`; apart from the
# list above so that both branches merge without conflicts.
def _registration_of_a(world: World) -> dict[str, Any]:
    from tests.factories import MissionFactory, RegistrationFactory

    mission = MissionFactory(open=True, province=world.overijssel)
    registration = RegistrationFactory(
        mission=mission, organisation=world.organisation_a
    )
    registration.contacts.set(world.organisation_a.contacts.all())
    return {"pk": registration.pk}


PAGES += [
    Visit(SME_A, "mine:account_delete"),
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:registration", _registration_of_a),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:organisation",
        lambda world: {"pk": world.organisation_a.pk},
    ),
]


# Membership (issue 14, item 1): the admin's member list with requests, an
# ordinary member's view is the same template without buttons; SME B has a
# request pending at A (its /mijn/ above); the province's list of requests.
PAGES += [
    Visit(SME_A, "mine:members", kwargs=_organisation_a),
    Visit(SME_B, "mine:members", kwargs=lambda world: {"pk": world.organisation_b.pk}),
    Visit(CIVIL_SERVANT_LI, "missions_backoffice:membership_requests"),
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:membership_requests"),
]


# Every back-office page kind (issue 13), with the data of a busy season
# (tests/world.py: add_back_office_data, which the audit adds to the world):
# the programmes' lists, details and forms of every kind of object, the
# mission page of a completed mission with 300 registrations (the pages with
# attendance buttons and results links, with no-shows and the waiting list,
# with rejections and withdrawals), a mission under review, moderation and a
# ready report. test_every_back_office_page_kind_is_audited keeps this list
# complete.
_PROGRAMME_KINDS = (
    # (URL name prefix, world object, the object its create URL hangs under)
    ("prestatie", "prestatie_ov", None),
    ("programme", "programme_ov", None),
    ("decision", "decision_ov", None),
    ("reserve", "reserve_ov", None),
    ("action", "action_ov", "prestatie_ov"),
    ("indicator", "indicator_ov", "action_ov"),
    ("target", "target_ov", "indicator_ov"),
    ("value", "value_ov", "indicator_ov"),
    ("note", "note_ov", "action_ov"),
    ("result", "result_ov", "prestatie_ov"),
    ("budgetline", "budgetline_ov", "prestatie_ov"),
    ("mutation", "mutation_ov", "reserve_ov"),
)
_AUDITED = {visit.url_name for visit in PAGES if visit.role == CIVIL_SERVANT_OV}


def _programme_visits():
    for name, obj, parent in _PROGRAMME_KINDS:
        for suffix, kwargs in (
            ("list", None),
            ("detail", _pk(obj)),
            ("update", _pk(obj)),
            ("create", _pk(parent) if parent else None),
        ):
            url_name = f"programmes:{name}_{suffix}"
            if url_name in _AUDITED or (suffix == "list" and name == "target"):
                continue
            if kwargs is None:
                yield Visit(CIVIL_SERVANT_OV, url_name)
            else:
                yield Visit(CIVIL_SERVANT_OV, url_name, kwargs=kwargs)


def _busy_registration(status: str, moment: str = ""):
    def kwargs(world: World) -> dict[str, Any]:
        registration = (
            world.objects["busy_mission_ov"].registrations.filter(status=status).first()
        )
        return {"pk": registration.pk, **({"moment": moment} if moment else {})}

    return kwargs


def _moderation(kind: str, name: str):
    return lambda world: {"kind": kind, "pk": world.objects[name].pk}


PAGES += [
    *_programme_visits(),
    Visit(CIVIL_SERVANT_OV, "programmes:mutation_counter", kwargs=_pk("mutation_ov")),
    *(
        Visit(
            CIVIL_SERVANT_OV,
            "missions_backoffice:detail",
            kwargs=_pk("busy_mission_ov"),
            query=f"?page={number}",
            label=f"completed-300-page-{number}",
        )
        for number in BUSY_MISSION_PAGES
    ),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:detail",
        kwargs=_pk("review_mission_ov"),
        label="under-review",
    ),
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:edit", kwargs=_pk("busy_mission_ov")),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:edit",
        kwargs=_pk("mission_ov"),
        label="open",
    ),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:registration",
        kwargs=_busy_registration("attended"),
        label="attended-with-results",
    ),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:registration",
        kwargs=_pk("rejected_registration_ov"),
        label="rejected",
    ),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:results",
        kwargs=_busy_registration("attended", "6_months"),
    ),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:results",
        kwargs=_busy_registration("attended", "after"),
        label="filled-in",
    ),
    Visit(CIVIL_SERVANT_OV, "showcase_moderation:list"),
    Visit(
        CIVIL_SERVANT_OV,
        "showcase_moderation:detail",
        kwargs=_moderation("profiel", "hidden_profile"),
        label="profile",
    ),
    Visit(
        CIVIL_SERVANT_OV,
        "showcase_moderation:detail",
        kwargs=_moderation("verhaal", "hidden_story"),
        label="story",
    ),
    Visit(
        CIVIL_SERVANT_OV,
        "reporting:detail",
        kwargs=_pk("ready_report_ov"),
        label="ready",
    ),
    # The portfolio holder reads the busy mission's figures on the dashboard
    # and the ready report, without write buttons.
    Visit(
        PORTFOLIO_HOLDER_OV,
        "reporting:detail",
        kwargs=_pk("ready_report_ov"),
        label="ready",
    ),
    Visit(PORTFOLIO_HOLDER_OV, "programmes:reserve_detail", kwargs=_pk("reserve_ov")),
]

# Lists that scale and help where people hesitate (issue 17, items 6, 7).
PAGES += [
    Visit(ANONYMOUS, "help"),
    Visit(SME_A, "help"),
    Visit(CIVIL_SERVANT_OV, "missions_backoffice:organisations"),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:list",
        query="?q=missie&status=published&attention=on",
        label="filtered",
    ),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:list",
        query="?year=abc",
        status=400,
        label="filter-error",
    ),
    Visit(
        CIVIL_SERVANT_OV,
        "programmes:mutation_list",
        query="?q=reserve&status=proposed",
        label="filtered",
    ),
]

# The information desk (issue 18, item 2): the question form (with its
# errors), the desk's list and a question with its actions, the asker's.
PAGES += [
    Visit(ANONYMOUS, "desk:ask"),
    Visit(ANONYMOUS, "desk:ask", prepare=submit_empty, label="errors"),
    Visit(SME_A, "desk:ask"),
    Visit(SME_A, "desk:mine"),
    Visit(SME_B, "desk:mine"),
    Visit(CIVIL_SERVANT_LI, "desk:list"),
    Visit(CIVIL_SERVANT_LI, "desk:detail", kwargs=_pk("question_visitor_li")),
    Visit(CIVIL_SERVANT_OV, "desk:detail", kwargs=_pk("question_ov")),
    Visit(ADMINISTRATOR, "desk:list"),
]

# Advisory tracks (issue 18, item 3): the entrepreneur's list, the form and
# a running track with its forms; the desk's list, an application and a
# running track with their actions.
PAGES += [
    Visit(SME_A, "advice:mine"),
    Visit(SME_A, "advice:apply"),
    Visit(SME_A, "advice:apply", prepare=submit_empty, label="errors"),
    Visit(SME_A, "advice:track", kwargs=_pk("track_ov")),
    Visit(CIVIL_SERVANT_LI, "advice:list"),
    Visit(CIVIL_SERVANT_LI, "advice:detail", kwargs=_pk("track_applied_li")),
    Visit(CIVIL_SERVANT_LI, "advice:detail", kwargs=_pk("track_li")),
]

# Implementing partner staff (issue 18, item 1): Limburg's partner runs
# Limburg's missions and desk (tests/world.py).
PAGES += [
    Visit(PARTNER_LI, "home"),
    Visit(PARTNER_LI, "home", prepare=open_menu, label="menu"),
    Visit(PARTNER_LI, "missions_backoffice:list"),
    Visit(PARTNER_LI, "missions_backoffice:create"),
    Visit(PARTNER_LI, "missions_backoffice:detail", kwargs=_pk("mission_li")),
    Visit(PARTNER_LI, "missions_backoffice:edit", kwargs=_pk("mission_li")),
    Visit(PARTNER_LI, "desk:list"),
    Visit(PARTNER_LI, "desk:detail", kwargs=_pk("question_visitor_li")),
    Visit(PARTNER_LI, "desk:detail", kwargs=_pk("question_ov"), status=404),
    Visit(PARTNER_LI, "advice:list"),
    Visit(PARTNER_LI, "advice:detail", kwargs=_pk("track_applied_li")),
]

# The public FAQ (issue 18, item 2).
PAGES += [
    Visit(ANONYMOUS, "desk:faq"),
    Visit(ANONYMOUS, "desk:faq_province", kwargs=lambda world: {"code": "li"}),
]

# Daily use (issue 17, items 2 and 8): the showcase's public and own pages
# (the crawl at 390 px missed them), and the lists the home page's work list
# links to, filtered as the links filter them.
PAGES += [
    Visit(ANONYMOUS, "showcase:list"),
    Visit(ANONYMOUS, "showcase:detail", kwargs=_organisation_a),
    Visit(SME_B, "showcase:contact", kwargs=_organisation_a),
    Visit(
        SME_B,
        "showcase:contact",
        kwargs=_organisation_a,
        prepare=submit_empty,
        label="errors",
    ),
    Visit(SME_A, "mine_showcase:index"),
    Visit(SME_A, "mine_showcase:profile", kwargs=_organisation_a),
    Visit(SME_A, "mine_showcase:story_create", kwargs=_organisation_a),
    Visit(SME_A, "mine_showcase:story_edit", kwargs=_pk("story_a")),
    Visit(SME_A, "mine_showcase:story_delete", kwargs=_pk("story_a")),
    Visit(SME_A, "mine_showcase:requests"),
    Visit(SME_A, "missions:calendar", query="?signup_open=on", label="open-now"),
    Visit(
        CIVIL_SERVANT_OV,
        "missions_backoffice:list",
        query="?starting_within=14&results_overdue=on",
        label="work-list",
    ),
    Visit(CIVIL_SERVANT_OV, "reporting:list", query="?ready_within=30", label="ready"),
    Visit(
        PORTFOLIO_HOLDER_OV,
        "dashboard:drilldown",
        query="?figure=missions",
        label="portfolio",
    ),
]
