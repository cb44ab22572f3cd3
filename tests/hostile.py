"""Hostile input for every form: strategies, the form list and the checks.

ADD YOUR FORMS to HOSTILE_FORMS below: the URL name, who posts it, the
field names to fill with hostile values, fixed values the form needs to get
past its first check (e.g. a valid choice), and the pages that show what was
stored. tests/test_hostile_input.py posts random and malicious values to
each and demands: never a 500, and no posted markup echoed unescaped, on
the answer or on the pages that show the data afterwards.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from hypothesis import strategies as st

from tests.world import (
    ADMINISTRATOR,
    ANONYMOUS,
    CIVIL_SERVANT_LI,
    CIVIL_SERVANT_OV,
    PORTFOLIO_HOLDER_OV,
    SME_A,
    World,
)

# Marked so a stored copy is recognised anywhere: `hostile(` only comes
# from here.
MALICIOUS = [
    "<script>hostile(1)</script>",
    '"><script>hostile(2)</script>',
    "'><img src=x onerror=hostile(3)>",
    "<svg/onload=hostile(4)>",
    "javascript:hostile(5)",
    "' OR '1'='1' --",
    "1; DROP TABLE accounts_user; --",
    "admin'/*",
    "{{ hostile }}{% debug %}",
    "${7*7}#{7*7}",
    "../../../../etc/passwd",
    '=HYPERLINK("http://evil.example","hostile")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\x00",
    "nul\x00byte",
    "\u202ereversed\u202c",
    "\ufeffzero\u200bwidth",
    "Ωmega 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚢🇳🇱",
    "",
    " ",
    "\r\n\r\nSet-Cookie: hostile=1",
    "-1",
    "99999999999999999999999999",
    "NaN",
    "A" * 5_000,
    "<b>" * 2_000,
    "é" * 100_000,
]

hostile_text = st.one_of(
    st.sampled_from(MALICIOUS),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40).map(
        lambda text: f"<script>hostile('{text}')</script>"
    ),
    st.binary(max_size=64).map(lambda raw: raw.decode("latin-1")),
)

MARKERS = re.compile(
    r"<script>hostile\(|<img src=x onerror=hostile\(|<svg/onload=hostile\("
)
MARKUP = re.compile(r"<[a-zA-Z!/]")


@dataclass(frozen=True)
class HostileForm:
    url_name: str
    role: str
    fields: tuple[str, ...]
    fixed: dict[str, str] = field(default_factory=dict)
    kwargs: Callable[[World], dict[str, Any]] = field(default=lambda world: {})
    # Pages that show what the form stored, checked after each post.
    shown_on: Callable[[World], list[str]] = field(default=lambda world: [])
    # "get" for filter forms: the values go into the query string.
    method: str = "post"
    # Fixed values that are ids of the world's objects (a valid choice).
    fixed_ids: Callable[[World], dict[str, Any]] = field(default=lambda world: {})

    @property
    def id(self) -> str:
        return f"{self.role}-{self.url_name}"


HOSTILE_FORMS = [
    HostileForm("account_login", ANONYMOUS, ("login", "password", "remember")),
    HostileForm(
        "account_signup",
        ANONYMOUS,
        ("first_name", "last_name", "email", "password1", "password2"),
    ),
    HostileForm("account_reset_password", ANONYMOUS, ("email",)),
    HostileForm(
        "account_change_password", SME_A, ("oldpassword", "password1", "password2")
    ),
    HostileForm("account_reauthenticate", SME_A, ("password",)),
    HostileForm(
        "account_email",
        SME_A,
        ("email",),
        fixed={"action_add": ""},
        # The list of addresses shows what was added.
        shown_on=lambda world: [reverse("account_email")],
    ),
    HostileForm(
        "account_reset_password_from_key",
        ANONYMOUS,
        ("password1", "password2"),
        kwargs=lambda world: {"uidb36": "1", "key": "bad-key"},
    ),
    HostileForm("mfa_activate_totp", SME_A, ("code",)),
    HostileForm("set_language", ANONYMOUS, ("language", "next")),
    # The daily digest switch; the home page shows the choice.
    HostileForm(
        "digest_preference",
        CIVIL_SERVANT_OV,
        ("daily_digest",),
        shown_on=lambda world: [reverse("home")],
    ),
    # An administrator invites a person; the user list shows the name.
    HostileForm(
        "admin:accounts_user_add",
        ADMINISTRATOR,
        ("email", "name", "language", "role"),
        fixed={"_save": "1"},
        shown_on=lambda world: [reverse("admin:accounts_user_changelist")],
    ),
]


def _pk(name: str):
    return lambda world: {"pk": world.objects[name].pk}


def _shown(*names: str):
    """Object pages (url name, world object) that show what was stored."""

    def pages(world: World) -> list[str]:
        return [
            reverse(url_name, kwargs={"pk": world.objects[obj].pk})
            for url_name, obj in names
        ]

    return pages


def _list(*url_names: str):
    return lambda world: [reverse(name) for name in url_names]


HOSTILE_FORMS += [
    # programmes back office
    HostileForm(
        "programmes:prestatie_create",
        CIVIL_SERVANT_OV,
        (
            "code",
            "title",
            "purpose",
            "context",
            "finance_text",
            "investment_explanation",
            "year",
        ),
        fixed={
            "year": "2016",
            "role": "faciliteerder",
            "duration": "structural",
            "continuation": "new",
        },
        shown_on=_list("programmes:prestatie_list"),
    ),
    HostileForm(
        "programmes:prestatie_continue",
        CIVIL_SERVANT_OV,
        (
            "code",
            "title",
            "purpose",
            "context",
            "finance_text",
            "investment_explanation",
            "portfolio_holder",
        ),
        fixed={"duration": "structural"},
        kwargs=_pk("prestatie_ov"),
        shown_on=_shown(("programmes:prestatie_detail", "prestatie_ov")),
    ),
    HostileForm(
        "programmes:action_create",
        CIVIL_SERVANT_OV,
        ("number", "text"),
        fixed={"number": "7"},
        kwargs=_pk("prestatie_ov"),
        shown_on=_shown(("programmes:prestatie_detail", "prestatie_ov")),
    ),
    HostileForm(
        "programmes:indicator_create",
        CIVIL_SERVANT_OV,
        ("name", "unit"),
        fixed={"accumulation": "annual", "source": "entered"},
        kwargs=_pk("action_ov"),
        shown_on=_shown(("programmes:action_detail", "action_ov")),
    ),
    HostileForm(
        "programmes:target_create",
        CIVIL_SERVANT_OV,
        ("year", "value"),
        kwargs=_pk("indicator_ov"),
        shown_on=_shown(("programmes:indicator_detail", "indicator_ov")),
    ),
    HostileForm(
        "programmes:note_create",
        CIVIL_SERVANT_OV,
        ("text", "year", "narrative"),
        fixed={"year": "2017", "narrative": "own"},
        kwargs=_pk("action_ov"),
        shown_on=_shown(("programmes:action_detail", "action_ov")),
    ),
    HostileForm(
        "programmes:mutation_create",
        CIVIL_SERVANT_OV,
        ("amount", "explanation", "decision_basis", "budget_year"),
        fixed={
            "kind": "withdrawal",
            "budget_year": "2017",
            "amount": "10",
            "budget_part": "jaarschijf",
        },
        kwargs=_pk("reserve_ov"),
        shown_on=_shown(("programmes:reserve_detail", "reserve_ov")),
    ),
    HostileForm(
        "programmes:decision_create",
        CIVIL_SERVANT_OV,
        ("reference", "title", "url", "date"),
        fixed={"body": "PS", "kind": "investment", "date": "2016-11-09"},
        shown_on=_list("programmes:decision_list"),
    ),
    HostileForm(
        "programmes:mutation_decide",
        CIVIL_SERVANT_OV,
        ("decision", "decision_basis"),
        kwargs=_pk("mutation_ov"),
    ),
    # missions
    HostileForm(
        "missions_backoffice:create",
        CIVIL_SERVANT_OV,
        ("title", "region", "event", "organiser", "description", "capacity"),
        fixed={
            "direction": "outgoing",
            "country": "DE",
            "start_date": "2030-05-01",
            "end_date": "2030-05-03",
            "format": "physical",
            "capacity": "10",
            "max_seats_per_organisation": "2",
            "approval_mode": "first_come",
            "participation_fee": "0",
            "province_contribution_per_seat": "0",
        },
        shown_on=_list("missions_backoffice:list"),
    ),
    HostileForm(
        "missions_backoffice:edit",
        CIVIL_SERVANT_OV,
        ("title", "highlights", "partners", "led_by_name"),
        fixed={
            "direction": "outgoing",
            "country": "DE",
            "start_date": "2030-05-01",
            "end_date": "2030-05-03",
            "format": "physical",
            "capacity": "10",
            "max_seats_per_organisation": "2",
            "approval_mode": "first_come",
            "participation_fee": "0",
            "province_contribution_per_seat": "0",
        },
        kwargs=_pk("mission_ov"),
        shown_on=lambda world: [
            reverse("missions_backoffice:detail", kwargs=_pk("mission_ov")(world)),
            reverse("missions:detail", kwargs=_pk("mission_ov")(world)),
        ],
    ),
    HostileForm(
        "missions:signup",
        SME_A,
        ("motivation", "goals", "target_markets", "seats"),
        fixed={
            "seats": "1",
            "de_minimis_declared": "on",
            "de_minimis_aid_received": "0",
        },
        kwargs=_pk("mission_li"),
        fixed_ids=lambda world: {"organisation": world.organisation_a.pk},
        shown_on=_list("mine:index"),
    ),
    HostileForm(
        "mine:organisation_edit",
        SME_A,
        ("name", "sector", "website", "employees"),
        fixed={"kind": "sme", "employees": "10", "export_experience": "none"},
        kwargs=lambda world: {"pk": world.organisation_a.pk},
        shown_on=_list("mine:index"),
    ),
    HostileForm(
        "mine:results",
        SME_A,
        ("remarks", "meetings", "expected_export_turnover"),
        fixed={
            "meetings": "1",
            "leads": "0",
            "deals": "0",
            "realised_export_turnover": "0",
        },
        kwargs=lambda world: {"pk": world.objects["attended_a"].pk, "moment": "after"},
        shown_on=_list("mine:index"),
    ),
    HostileForm(
        "missions_backoffice:reject",
        CIVIL_SERVANT_OV,
        ("reason",),
        kwargs=_pk("registration_a"),
    ),
    # The participants' message: its list of sent messages shows it back.
    HostileForm(
        "missions_backoffice:message",
        CIVIL_SERVANT_OV,
        ("subject", "body"),
        kwargs=_pk("mission_ov"),
        shown_on=_shown(("missions_backoffice:message", "mission_ov")),
    ),
    # free text of every kind (issue 15: a length limit on each)
    HostileForm(
        "programmes:programme_create",
        CIVIL_SERVANT_OV,
        ("name", "executing_partner", "description", "start_year"),
        fixed={"kind": "programme", "start_year": "2016"},
        shown_on=_list("programmes:programme_list"),
    ),
    HostileForm(
        "programmes:reserve_create",
        CIVIL_SERVANT_OV,
        ("name", "description"),
        shown_on=_list("programmes:reserve_list"),
    ),
    HostileForm(
        "programmes:result_create",
        CIVIL_SERVANT_OV,
        ("text", "year"),
        fixed={"year": "2017", "status": "planned"},
        kwargs=_pk("prestatie_ov"),
        shown_on=_shown(("programmes:prestatie_detail", "prestatie_ov")),
    ),
    HostileForm(
        "programmes:mutation_counter",
        CIVIL_SERVANT_OV,
        ("explanation",),
        kwargs=_pk("mutation_ov"),
        shown_on=_shown(("programmes:reserve_detail", "reserve_ov")),
    ),
    HostileForm(
        "missions_backoffice:results",
        CIVIL_SERVANT_OV,
        ("remarks", "deals"),
        fixed={
            "meetings": "1",
            "leads": "0",
            "deals": "0",
            "expected_export_turnover": "0",
            "realised_export_turnover": "0",
        },
        kwargs=lambda world: {"pk": world.objects["attended_a"].pk, "moment": "after"},
        shown_on=lambda world: [
            reverse(
                "missions_backoffice:registration",
                kwargs={"pk": world.objects["attended_a"].pk},
            )
        ],
    ),
    HostileForm(
        "mine_showcase:profile",
        SME_A,
        ("description", "experience"),
        fixed={"publish": "on"},
        kwargs=lambda world: {"pk": world.organisation_a.pk},
        shown_on=lambda world: [
            reverse("showcase:detail", kwargs={"pk": world.organisation_a.pk})
        ],
    ),
    HostileForm(
        "mine_showcase:story_create",
        SME_A,
        ("title", "body", "photo_alt"),
        kwargs=lambda world: {"pk": world.organisation_a.pk},
        shown_on=lambda world: [
            reverse("mine_showcase:index"),
            reverse("showcase:detail", kwargs={"pk": world.organisation_a.pk}),
        ],
    ),
    HostileForm(
        "showcase:contact",
        SME_A,
        ("message",),
        kwargs=lambda world: {"pk": world.organisation_b.pk},
        shown_on=_list("mine_showcase:requests"),
    ),
    HostileForm(
        "showcase_moderation:detail",
        CIVIL_SERVANT_OV,
        ("reason",),
        kwargs=lambda world: {"kind": "verhaal", "pk": world.objects["story_a"].pk},
        shown_on=_list("showcase_moderation:list"),
    ),
    # reporting and dashboard
    HostileForm(
        "reporting:list",
        CIVIL_SERVANT_OV,
        ("year", "programme", "prestatie"),
        fixed={"scope": "province", "language": "nl"},
        shown_on=_list("reporting:list"),
    ),
    # Issue 16 item 6: the world's run failed, so adopting it is refused
    # with a message; the status form of an actie stores one line.
    HostileForm(
        "reporting:adopt",
        CIVIL_SERVANT_OV,
        ("adopted_on", "adopted_reference"),
        kwargs=_pk("report_ov"),
    ),
    HostileForm(
        "reporting:action_status",
        CIVIL_SERVANT_OV,
        ("explanation",),
        fixed={"status": "at_risk"},
        kwargs=_pk("action_ov"),
        shown_on=lambda world: [
            reverse(
                "reporting:action_status", kwargs={"pk": world.objects["action_ov"].pk}
            )
        ],
    ),
    HostileForm(
        "dashboard:index",
        PORTFOLIO_HOLDER_OV,
        ("year", "programme", "province"),
        method="get",
    ),
    HostileForm(
        "dashboard:drilldown",
        PORTFOLIO_HOLDER_OV,
        ("year", "figure", "key", "programme"),
        method="get",
    ),
]


# Membership (issue 14, item 1): the decisions are buttons without fields;
# whatever else is posted is ignored, and repeating a decision is a 4xx.
HOSTILE_FORMS += [
    HostileForm(
        "mine:member_action",
        SME_A,
        ("name", "is_admin"),
        kwargs=lambda world: {
            "pk": world.organisation_a.pk,
            "contact": world.objects["member_a"].pk,
            "action": "beheerder-af",
        },
        shown_on=lambda world: [
            reverse("mine:members", kwargs={"pk": world.organisation_a.pk})
        ],
    ),
    HostileForm(
        "mine:request_decide",
        SME_A,
        ("as_admin", "reason"),
        kwargs=lambda world: {
            "pk": world.organisation_a.pk,
            "request_pk": world.objects["membership_request_a"].pk,
            "action": "afwijzen",
        },
        shown_on=lambda world: [
            reverse("mine:members", kwargs={"pk": world.organisation_a.pk})
        ],
    ),
    HostileForm(
        "missions_backoffice:membership_request_decide",
        CIVIL_SERVANT_LI,
        ("as_admin", "reason"),
        kwargs=lambda world: {
            "pk": world.objects["membership_request_no_admin"].pk,
            "action": "goedkeuren",
        },
        shown_on=_list("missions_backoffice:membership_requests"),
    ),
]


# Lists that scale (issue 17, item 6): search and filters in the query
# string; several sign-ups decided at once, the reason shown in the rows.
HOSTILE_FORMS += [
    HostileForm(
        "missions_backoffice:list",
        CIVIL_SERVANT_OV,
        ("q", "status", "year", "attention"),
        method="get",
    ),
    HostileForm(
        "missions_backoffice:organisations",
        CIVIL_SERVANT_OV,
        ("q", "kind", "experience"),
        method="get",
    ),
    HostileForm(
        "programmes:prestatie_list",
        CIVIL_SERVANT_OV,
        ("q", "year", "programme"),
        method="get",
    ),
    HostileForm(
        "programmes:mutation_list",
        CIVIL_SERVANT_OV,
        ("q", "status", "kind", "year"),
        method="get",
    ),
    HostileForm(
        "missions_backoffice:bulk_decide",
        CIVIL_SERVANT_OV,
        ("reason",),
        fixed={"action": "reject"},
        kwargs=_pk("mission_ov"),
        fixed_ids=lambda world: {"registrations": world.objects["registration_a"].pk},
        shown_on=lambda world: [
            reverse(
                "missions_backoffice:detail",
                kwargs={"pk": world.objects["mission_ov"].pk},
            )
        ],
    ),
]


def unescaped_markup(values: dict[str, str], body: str) -> list[str]:
    """Injected markup that comes back verbatim.

    Only values carrying the `hostile(` mark count: random text such as
    "<!doct" is part of every page anyway.
    """
    found = []
    for value in values.values():
        if "hostile(" in value and MARKUP.search(value) and value in body:
            found.append(value[:80])
    found.extend(match.group(0) for match in MARKERS.finditer(body))
    return found


# --- the information desk (issue 18, item 2) ---------------------------------
_DESK_DETAIL = _shown(("desk:detail", "question_ov"))

HOSTILE_FORMS += [
    # A visitor's question; the desk's list shows the subject (checked by
    # the SME's variant below on his own page).
    HostileForm(
        "desk:ask",
        ANONYMOUS,
        ("subject", "text", "name", "email"),
        fixed={"topic": "export"},
        fixed_ids=lambda world: {"province": world.overijssel.pk},
    ),
    HostileForm(
        "desk:ask",
        SME_A,
        ("subject", "text"),
        fixed={"topic": "other"},
        fixed_ids=lambda world: {"province": world.overijssel.pk},
        shown_on=_list("desk:mine"),
    ),
    HostileForm(
        "desk:detail",
        CIVIL_SERVANT_OV,
        ("assign-assignee", "action"),
        fixed={"action": "assign"},
        kwargs=_pk("question_ov"),
        shown_on=_DESK_DETAIL,
    ),
    HostileForm(
        "desk:detail",
        CIVIL_SERVANT_OV,
        ("answer-answer",),
        fixed={"action": "answer"},
        kwargs=_pk("question_ov"),
        shown_on=_DESK_DETAIL,
    ),
    HostileForm(
        "desk:detail",
        CIVIL_SERVANT_OV,
        ("refer-referral_note",),
        fixed={"action": "refer"},
        kwargs=_pk("question_ov"),
        shown_on=_DESK_DETAIL,
    ),
    # Publishing an answered question as an FAQ: the public page shows it.
    HostileForm(
        "desk:detail",
        CIVIL_SERVANT_OV,
        ("faq-question", "faq-answer"),
        fixed={"action": "faq"},
        kwargs=_pk("question_answered_ov"),
        shown_on=lambda world: [reverse("desk:faq_province", kwargs={"code": "ov"})],
    ),
]


# --- advisory tracks (issue 18, item 3) ----------------------------------------
_TRACK_OV = _shown(("advice:track", "track_ov"))

HOSTILE_FORMS += [
    HostileForm(
        "advice:apply",
        SME_A,
        ("ambition", "description"),
        fixed={"kind": "growth"},
        fixed_ids=lambda world: {"organisation": world.organisation_a.pk},
        shown_on=_list("advice:mine"),
    ),
    HostileForm(
        "advice:track",
        SME_A,
        ("note-text", "action"),
        fixed={"action": "note"},
        kwargs=_pk("track_ov"),
        shown_on=_TRACK_OV,
    ),
    HostileForm(
        "advice:detail",
        CIVIL_SERVANT_OV,
        ("finish-follow_up", "finish-plan_finished"),
        fixed={"action": "finish"},
        kwargs=_pk("track_ov"),
        shown_on=_shown(("advice:detail", "track_ov")),
    ),
    HostileForm(
        "advice:detail",
        CIVIL_SERVANT_LI,
        ("decline-reason",),
        fixed={"action": "decline"},
        kwargs=_pk("track_applied_li"),
        shown_on=_shown(("advice:detail", "track_applied_li")),
    ),
]
