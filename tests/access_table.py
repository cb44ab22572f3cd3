"""Who may open which URL: the expected table of tests/test_access_matrix.py.

ADD AN ENTRY FOR EVERY URL YOU ADD, in your app's dict below. Key: the URL
name as `reverse()` takes it ("missions:detail"). Value: a list of `Case`s;
each gives the URL's kwargs (a function of the test world, tests/world.py)
and what each of the eight roles must get on GET, in Dutch and English:

    OK              200
    LOGIN           302 to the log-in page (anonymous)
    FORBIDDEN       403 (logged in, wrong role)
    NOT_FOUND       404 (another province's or organisation's object)
    Redirect(name)  302 to that URL name (e.g. logged-in users leaving the
                    log-in page); Redirect() for any target but the log-in page

A URL with parameters needs at least two cases: its own object and somebody
else's (other province for civil servants, other organisation for SMEs), so
changing an id in the address never shows a stranger's data.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from tests.world import World


@dataclass(frozen=True)
class Redirect:
    to: str | None = None

    def __str__(self):
        return f"302→{self.to or 'elsewhere'}"


OK = 200
BAD_REQUEST = 400
FORBIDDEN = 403
NOT_FOUND = 404
NOT_ALLOWED = 405
LOGIN = Redirect("account_login")


@dataclass(frozen=True)
class Expect:
    """The answer per role; every role is spelled out, none is implied."""

    anonymous: Any
    sme_a: Any
    sme_b: Any
    civil_servant_ov: Any
    civil_servant_li: Any
    portfolio_holder_ov: Any
    partner_li: Any
    administrator: Any

    def but(self, **changes) -> "Expect":
        return replace(self, **changes)


def everybody(answer) -> Expect:
    return Expect(*(answer,) * 8)


def logged_in(answer=OK) -> Expect:
    """Any logged-in person; anonymous visitors are sent to log in."""
    return everybody(answer).but(anonymous=LOGIN)


def anonymous_only(others=Redirect("home")) -> Expect:
    """Log-in and sign-up pages: logged-in people are sent on."""
    return everybody(others).but(anonymous=OK)


def civil_servants_and_administrators(answer=OK) -> Expect:
    return Expect(
        anonymous=LOGIN,
        sme_a=FORBIDDEN,
        sme_b=FORBIDDEN,
        civil_servant_ov=answer,
        civil_servant_li=answer,
        portfolio_holder_ov=FORBIDDEN,
        partner_li=FORBIDDEN,
        administrator=answer,
    )


@dataclass(frozen=True)
class Case:
    expect: Expect
    kwargs: Callable[[World], dict[str, Any]] = field(default=lambda world: {})
    label: str = ""


def _email_confirmation_key(world: World) -> dict[str, str]:
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    address = EmailAddress.objects.get(user=world.user("sme_b"))
    return {"key": EmailConfirmationHMAC(address).key}


def _password_reset_key(world: World) -> dict[str, str]:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    user = world.user("sme_b")
    return {
        "uidb36": user_pk_to_url_str(user),
        "key": default_token_generator.make_token(user),
    }


def _broker_cases() -> list[Case]:
    def provider(provider_id):
        return lambda world: {"provider_id": provider_id}

    return [
        Case(everybody(NOT_FOUND), kwargs=provider(p), label=p)
        for p in ("eherkenning", "another")
    ]


CORE = {
    "healthz": [Case(everybody(OK))],
    # GET changes nothing and returns to the start page; the form POSTs.
    "set_language": [Case(everybody(Redirect("home")))],
    "home": [Case(everybody(OK))],
    "accessibility": [Case(everybody(OK))],
    "privacy": [Case(everybody(OK))],
    "help": [Case(everybody(OK))],
    # The daily digest switch on the home page: POST only.
    "digest_preference": [Case(civil_servants_and_administrators(NOT_ALLOWED))],
    # Django's admin sends to its log-in page; only staff get in.
    "admin:index": [
        Case(
            everybody(Redirect("admin:login")).but(administrator=OK),
        )
    ],
    # The admin's log-in has no form of its own (issue 14): it sends to the
    # portal's log-in with its second factor and rate limits; logged-in
    # people who are not staff are refused, staff go on to the admin.
    "admin:login": [
        Case(
            everybody(FORBIDDEN).but(
                anonymous=LOGIN, administrator=Redirect("admin:index")
            )
        )
    ],
}

ACCOUNTS = {
    "account_login": [Case(anonymous_only())],
    "account_signup": [Case(anonymous_only())],
    "account_logout": [Case(logged_in().but(anonymous=Redirect("home")))],
    "account_inactive": [Case(everybody(OK))],
    "account_email": [Case(logged_in())],
    "account_email_verification_sent": [Case(everybody(OK))],
    "account_reauthenticate": [Case(logged_in())],
    # Reauthenticating by a mailed code is off (settings): nobody may ask for
    # a code or confirm one.
    "account_request_reauthentication_code": [Case(logged_in(FORBIDDEN))],
    "account_confirm_reauthentication_code": [Case(logged_in(FORBIDDEN))],
    "account_change_password": [Case(logged_in())],
    # Everybody has a password, so "set" sends on to "change".
    "account_set_password": [Case(logged_in(Redirect("account_change_password")))],
    "account_reset_password": [Case(everybody(OK))],
    "account_reset_password_done": [Case(everybody(OK))],
    "account_reset_password_from_key_done": [Case(everybody(OK))],
    # Log-in by code is off; logged-in people have nothing to confirm.
    "account_confirm_login_code": [Case(logged_in(Redirect("home")))],
    # A bad key shows "invalid link"; a real key (of SME B's address) shows
    # the confirmation page to whoever holds the link, as the e-mail intends.
    "account_confirm_email": [
        Case(everybody(OK), kwargs=lambda world: {"key": "bad-key"}, label="bad"),
        Case(everybody(OK), kwargs=_email_confirmation_key, label="sme_b"),
    ],
    "account_reset_password_from_key": [
        Case(
            everybody(OK),
            kwargs=lambda world: {"uidb36": "1", "key": "bad-key"},
            label="bad",
        ),
        # A real token is moved out of the address into the session first.
        Case(everybody(Redirect()), kwargs=_password_reset_key, label="sme_b"),
    ],
    # eHerkenning is off unless EHERKENNING_ENABLED is set (as here): its
    # URLs answer 404 to everybody. tests/accounts/test_eherkenning.py tries
    # them switched on, against a real OpenID Connect provider.
    "openid_connect_login": _broker_cases(),
    "openid_connect_callback": _broker_cases(),
    "socialaccount_login_cancelled": [Case(everybody(NOT_FOUND))],
    "socialaccount_login_error": [Case(everybody(NOT_FOUND))],
    "socialaccount_signup": [Case(everybody(NOT_FOUND))],
    "socialaccount_connections": [Case(everybody(NOT_FOUND))],
    "mfa_index": [Case(logged_in())],
    # Only during a log-in with a second factor; otherwise back to log in.
    "mfa_authenticate": [Case(logged_in(Redirect("home")))],
    # Without a second factor, reauthenticating asks for the password.
    "mfa_reauthenticate": [Case(logged_in(Redirect("account_reauthenticate")))],
    # Switching 2FA on asks for the password again (a fresh log-in).
    "mfa_activate_totp": [Case(logged_in(Redirect("account_reauthenticate")))],
    # Nobody in the test world has an authenticator yet.
    "mfa_deactivate_totp": [Case(logged_in(NOT_FOUND))],
    "mfa_view_recovery_codes": [Case(logged_in(NOT_FOUND))],
    "mfa_generate_recovery_codes": [
        Case(logged_in(Redirect("account_reauthenticate")))
    ],
    "mfa_download_recovery_codes": [Case(logged_in(NOT_FOUND))],
}


def readers(answer=OK) -> Expect:
    """Back-office reads: civil servants, portfolio holders, administrators."""
    return civil_servants_and_administrators(answer).but(portfolio_holder_ov=answer)


def sme_only(answer=OK, administrator=OK) -> Expect:
    """SME pages; administrators pass every role check, but belong to no
    organisation, so an organisation's object is not found for them."""
    return Expect(
        anonymous=LOGIN,
        sme_a=answer,
        sme_b=answer,
        civil_servant_ov=FORBIDDEN,
        civil_servant_li=FORBIDDEN,
        portfolio_holder_ov=FORBIDDEN,
        partner_li=FORBIDDEN,
        administrator=administrator,
    )


def _pk(name: str):
    return lambda world: {"pk": world.objects[name].pk}


def province_object(name: str, *, write: bool, ov=OK, li=OK, **extra) -> list[Case]:
    """An object of Overijssel and one of Limburg: each province's civil
    servant gets 404 on the other's; the portfolio holder (Overijssel)
    reads his own and gets 403 on any write."""

    def kwargs(suffix):
        return lambda world: {"pk": world.objects[f"{name}_{suffix}"].pk, **extra}

    own = civil_servants_and_administrators(ov).but(civil_servant_li=NOT_FOUND)
    other = civil_servants_and_administrators(li).but(civil_servant_ov=NOT_FOUND)
    if write:
        own = own.but(portfolio_holder_ov=FORBIDDEN)
        other = other.but(portfolio_holder_ov=FORBIDDEN)
    else:
        own = own.but(portfolio_holder_ov=ov)
        other = other.but(portfolio_holder_ov=NOT_FOUND)
    return [
        Case(own, kwargs=kwargs("ov"), label="overijssel"),
        Case(other, kwargs=kwargs("li"), label="limburg"),
    ]


def _crud(name: str, obj: str, create=True) -> dict[str, list[Case]]:
    table = {
        f"programmes:{name}_list": [Case(readers())],
        f"programmes:{name}_detail": province_object(obj, write=False),
        f"programmes:{name}_update": province_object(obj, write=True),
    }
    if create:
        table[f"programmes:{name}_create"] = [Case(civil_servants_and_administrators())]
    return table


PROGRAMMES = {
    "programmes:index": [Case(readers())],
    **_crud("prestatie", "prestatie"),
    **_crud("programme", "programme"),
    **_crud("decision", "decision"),
    **_crud("reserve", "reserve"),
    **_crud("action", "action", create=False),
    "programmes:action_create": province_object("prestatie", write=True),
    "programmes:prestatie_continue": province_object("prestatie", write=True),
    **_crud("indicator", "indicator", create=False),
    "programmes:indicator_create": province_object("action", write=True),
    "programmes:target_create": province_object("indicator", write=True),
    "programmes:target_detail": province_object("target", write=False),
    "programmes:target_update": province_object("target", write=True),
    **_crud("value", "value", create=False),
    "programmes:value_create": province_object("indicator", write=True),
    **_crud("note", "note", create=False),
    "programmes:note_create": province_object("action", write=True),
    **_crud("result", "result", create=False),
    "programmes:result_create": province_object("prestatie", write=True),
    **_crud("budgetline", "budgetline", create=False),
    "programmes:budgetline_create": province_object("prestatie", write=True),
    **_crud("mutation", "mutation", create=False),
    "programmes:mutation_create": province_object("reserve", write=True),
    "programmes:mutation_decide": province_object("mutation", write=True),
    "programmes:mutation_counter": province_object("mutation", write=True),
}

PARTICIPANTS: dict[str, list[Case]] = {}


def organisation_object(name: str, answer=OK, **extra) -> list[Case]:
    """An object of organisation A and one of B: only its own SME gets it."""

    def kwargs(letter):
        return lambda world: {"pk": world.objects[f"{name}_{letter}"].pk, **extra}

    expect = sme_only(answer, administrator=NOT_FOUND)
    return [
        Case(expect.but(sme_b=NOT_FOUND), kwargs=kwargs("a"), label="a"),
        Case(expect.but(sme_a=NOT_FOUND), kwargs=kwargs("b"), label="b"),
    ]


def _organisation(letter: str):
    return lambda world: {"pk": getattr(world, f"organisation_{letter}").pk}


def own_organisation() -> list[Case]:
    expect = sme_only(administrator=NOT_FOUND)
    return [
        Case(expect.but(sme_b=NOT_FOUND), kwargs=_organisation("a"), label="a"),
        Case(expect.but(sme_a=NOT_FOUND), kwargs=_organisation("b"), label="b"),
    ]


def post_only(cases: list[Case]) -> list[Case]:
    """POST-only views answer 405 to a GET before looking anything up, so
    the other province's civil servant learns nothing either; partner staff
    too, where their role may use the view at all."""
    return [
        replace(
            case,
            expect=case.expect.but(
                civil_servant_ov=NOT_ALLOWED,
                civil_servant_li=NOT_ALLOWED,
                administrator=NOT_ALLOWED,
                partner_li=(
                    FORBIDDEN if case.expect.partner_li == FORBIDDEN else NOT_ALLOWED
                ),
            ),
        )
        for case in cases
    ]


def partner_runs(cases: list[Case], not_run: Case | None = None) -> list[Case]:
    """Pages of the work a province hands to its partner (tests/world.py:
    Limburg's partner runs Limburg's missions and desk). The Limburg object
    answers the partner's staff as it answers Limburg's civil servant; the
    Overijssel object is absent (404), and so is `not_run`, a Limburg object
    the partner does not run."""
    out = [
        replace(
            case,
            expect=case.expect.but(
                partner_li=(
                    case.expect.civil_servant_li
                    if case.label == "limburg"
                    else NOT_FOUND
                )
            ),
        )
        for case in cases
    ]
    return out + ([not_run] if not_run else [])


def _not_run_mission(answer=OK, **extra) -> Case:
    """Limburg's draft mission, which its partner does not run."""
    return Case(
        civil_servants_and_administrators(answer).but(
            civil_servant_ov=NOT_FOUND,
            portfolio_holder_ov=FORBIDDEN,
            partner_li=NOT_FOUND,
        ),
        kwargs=lambda world: {"pk": world.objects["draft_mission_li"].pk, **extra},
        label="limburg-not-run",
    )


def _mission_page(answer=OK, **extra) -> list[Case]:
    return partner_runs(
        province_object("mission", write=True, ov=answer, li=answer, **extra),
        _not_run_mission(answer, **extra),
    )


def _draft(suffix: str):
    return lambda world: {"pk": world.objects[f"draft_mission_{suffix}"].pk}


MISSIONS = {
    # Public calendar: everybody; a published mission of any province is
    # public, a draft is nobody's business outside the back office.
    "missions:calendar": [Case(everybody(OK))],
    "missions:detail": [
        Case(everybody(OK), kwargs=_pk("mission_ov"), label="overijssel"),
        Case(everybody(OK), kwargs=_pk("mission_li"), label="limburg"),
        Case(everybody(NOT_FOUND), kwargs=_draft("ov"), label="draft"),
    ],
    # The agenda files are as public as the mission pages they describe.
    "missions:feed_ics": [Case(everybody(OK))],
    "missions:ics": [
        Case(everybody(OK), kwargs=_pk("mission_ov"), label="overijssel"),
        Case(everybody(OK), kwargs=_pk("mission_li"), label="limburg"),
        Case(everybody(NOT_FOUND), kwargs=_draft("ov"), label="draft"),
    ],
    # Signing up is for entrepreneurs, for any province's published mission.
    # An administrator has no organisation: he is sent to make a profile.
    # A draft does not exist outside the back office, whoever asks.
    "missions:signup": [
        Case(
            sme_only(administrator=Redirect("mine:organisation")),
            kwargs=_pk("mission_ov"),
            label="overijssel",
        ),
        Case(
            sme_only(administrator=Redirect("mine:organisation")),
            kwargs=_pk("mission_li"),
            label="limburg",
        ),
        Case(everybody(NOT_FOUND), kwargs=_draft("li"), label="draft"),
    ],
    "mine:index": [Case(sme_only())],
    "mine:organisation": [Case(sme_only())],
    "mine:organisation_edit": own_organisation(),
    "mine:contact": own_organisation(),
    "mine:withdraw": organisation_object("registration"),
    "mine:results": organisation_object("attended", moment="after"),
    "missions_backoffice:list": [
        Case(civil_servants_and_administrators().but(partner_li=OK))
    ],
    # Limited to what the civil servant may see (tests/missions/test_list_filters.py).
    "missions_backoffice:organisations": [Case(civil_servants_and_administrators())],
    # A mission belongs to a province; the administrator has none, and is
    # told so (403 with a message) rather than shown a form he cannot send.
    # Partner staff create missions for the province that engages them.
    "missions_backoffice:create": [
        Case(
            civil_servants_and_administrators().but(
                administrator=FORBIDDEN, partner_li=OK
            )
        )
    ],
    "missions_backoffice:detail": _mission_page(),
    "missions_backoffice:edit": _mission_page(),
    "missions_backoffice:transition": post_only(_mission_page(action="close")),
    "missions_backoffice:register": _mission_page(),
    "missions_backoffice:export": _mission_page(file_format="csv"),
    "missions_backoffice:import": _mission_page(),
    "missions_backoffice:bulk_decide": post_only(_mission_page()),
    "missions_backoffice:message": _mission_page(),
}


def _not_run_registration(world: World) -> Any:
    """Organisation B attended a completed Limburg mission its partner does
    not run."""
    from tests.factories import MissionFactory, RegistrationFactory

    return RegistrationFactory(
        mission=MissionFactory(province=world.limburg, completed=True),
        organisation=world.organisation_b,
        attended=True,
    )


def _registration(kind: str, *, ov=OK, li=OK, **extra) -> list[Case]:
    letters = {"ov": "a", "li": "b"}
    cases = province_object("mission", write=True, ov=ov, li=li)
    not_run = replace(
        _not_run_mission(li),
        kwargs=lambda world: {"pk": _not_run_registration(world).pk, **extra},
    )
    return partner_runs(
        [
            replace(
                case,
                kwargs=lambda world, suffix=suffix: {
                    "pk": world.objects[f"{kind}_{letters[suffix]}"].pk,
                    **extra,
                },
            )
            for case, suffix in zip(cases, ("ov", "li"), strict=True)
        ],
        not_run,
    )


MISSIONS |= {
    "missions_backoffice:reject": _registration("registration"),
    "missions_backoffice:results": _registration("attended", moment="after"),
    "missions_backoffice:registration_action": post_only(
        _registration("registration", action="accept")
    ),
}


def _report(suffix: str, **extra):
    return lambda world: {"pk": world.objects[f"report_{suffix}"].pk, **extra}


def report_object(answer=OK, **extra) -> list[Case]:
    own = readers(answer).but(civil_servant_li=NOT_FOUND)
    other = readers(answer).but(
        civil_servant_ov=NOT_FOUND, portfolio_holder_ov=NOT_FOUND
    )
    return [
        Case(own, kwargs=_report("ov", **extra), label="overijssel"),
        Case(other, kwargs=_report("li", **extra), label="limburg"),
    ]


REPORTING = {
    "reporting:list": [Case(readers())],
    "reporting:detail": report_object(),
    "reporting:status": report_object(),
    # The world's runs failed, so there is no file to fetch for anyone;
    # tests/reporting/test_views.py downloads a finished run's files.
    "reporting:download": report_object(answer=NOT_FOUND, kind="pdf"),
    # Issue 16 item 6: adopting is a POST of a civil servant of the run's
    # province (the world's runs failed: the service then says 400);
    # the status of an actie is a civil servant's form.
    "reporting:adopt": post_only(province_object("report", write=True)),
    "reporting:action_status": province_object("action", write=True),
    "dashboard:index": [Case(readers())],
    # Without the figure to drill into, the request is incomplete: 400 with
    # the form's message; the administrator is first asked for a province.
    "dashboard:drilldown": [Case(readers(BAD_REQUEST).but(administrator=OK))],
}

# --- showcase (issue 9) ---------------------------------------------------
# Organisation A (Overijssel) and B (Limburg) both have a published profile
# and a story; a third organisation's profile is not published. A third
# organisation sent A a request, so the request pages have something to show.


def _org(letter_or_name: str):
    def kwargs(world):
        if letter_or_name in ("a", "b"):
            return {"pk": getattr(world, f"organisation_{letter_or_name}").pk}
        return {"pk": world.objects[letter_or_name].organisation_id}

    return kwargs


def _moderated(kind: str, name: str):
    return lambda world: {"kind": kind, "pk": world.objects[name].pk}


def _contact(own: str) -> Expect:
    """Asking an organisation for contact: SMEs of another organisation get
    the form; its own SME and the administrator (no organisation) are sent
    to fill in their organisation first."""
    other = "sme_b" if own == "sme_a" else "sme_a"
    return sme_only(administrator=Redirect("mine:organisation")).but(
        **{own: Redirect("mine:organisation"), other: OK}
    )


def _moderation(kind: str, name: str, *, province: str) -> Case:
    other = "civil_servant_li" if province == "ov" else "civil_servant_ov"
    return Case(
        civil_servants_and_administrators().but(**{other: NOT_FOUND}),
        kwargs=_moderated(kind, name),
        label=f"{kind}-{province}",
    )


def _moderation_post(kind: str, name: str, *, province: str) -> Case:
    return Case(
        civil_servants_and_administrators(NOT_ALLOWED),
        kwargs=_moderated(kind, name),
        label=f"{kind}-{province}",
    )


SHOWCASE = {
    "showcase:list": [Case(everybody(OK))],
    "showcase:detail": [
        Case(everybody(OK), kwargs=_org("a"), label="a"),
        Case(everybody(OK), kwargs=_org("b"), label="b"),
        Case(
            everybody(NOT_FOUND),
            kwargs=_org("unpublished_profile"),
            label="unpublished",
        ),
    ],
    "showcase:contact": [
        Case(_contact("sme_a"), kwargs=_org("a"), label="a"),
        Case(_contact("sme_b"), kwargs=_org("b"), label="b"),
        Case(
            sme_only(NOT_FOUND, administrator=NOT_FOUND),
            kwargs=_org("unpublished_profile"),
            label="unpublished",
        ),
    ],
    "mine_showcase:index": [Case(sme_only())],
    "mine_showcase:requests": [Case(sme_only())],
    "mine_showcase:profile": own_organisation(),
    "mine_showcase:story_create": own_organisation(),
    "mine_showcase:story_edit": organisation_object("story"),
    "mine_showcase:story_delete": organisation_object("story"),
    # POST only: a GET is refused before anything is looked up.
    "mine_showcase:request_action": [
        Case(
            sme_only(NOT_ALLOWED, administrator=NOT_ALLOWED),
            kwargs=lambda world: {
                "pk": world.objects["request_to_a"].pk,
                "action": "accept",
            },
            label="to-a",
        ),
        Case(
            sme_only(NOT_ALLOWED, administrator=NOT_ALLOWED),
            kwargs=lambda world: {
                "pk": world.objects["request_to_b"].pk,
                "action": "accept",
            },
            label="to-b",
        ),
    ],
    "showcase_moderation:list": [Case(civil_servants_and_administrators())],
    "showcase_moderation:detail": [
        _moderation("profiel", "profile_a", province="ov"),
        _moderation("profiel", "profile_b", province="li"),
        _moderation("verhaal", "story_a", province="ov"),
        _moderation("verhaal", "story_b", province="li"),
    ],
    "showcase_moderation:unhide": [
        _moderation_post("profiel", "profile_a", province="ov"),
        _moderation_post("verhaal", "story_b", province="li"),
    ],
    "showcase_moderation:review": [
        _moderation_post("profiel", "profile_a", province="ov"),
        _moderation_post("verhaal", "story_b", province="li"),
    ],
}


# Privacy (AVG) and audit pages of issue 7, branch `privacy`. Kept apart from
# the app blocks above so that both branches merge without conflicts.
_SME_PAGE = Expect(
    anonymous=LOGIN,
    sme_a=OK,
    sme_b=OK,
    civil_servant_ov=FORBIDDEN,
    civil_servant_li=FORBIDDEN,
    portfolio_holder_ov=FORBIDDEN,
    partner_li=FORBIDDEN,
    # Administrators pass every role check; deleting their account is refused.
    administrator=OK,
)
_BACK_OFFICE_OV = civil_servants_and_administrators().but(civil_servant_li=NOT_FOUND)
_BACK_OFFICE_LI = civil_servants_and_administrators().but(civil_servant_ov=NOT_FOUND)


def _registration_of(world: World, which: str) -> dict[str, Any]:
    """A registration of organisation A for an Overijssel mission, or of B
    for a Limburg one; made here so that tests/world.py stays untouched."""
    from tests.factories import MissionFactory, RegistrationFactory

    province, organisation = (
        (world.overijssel, world.organisation_a)
        if which == "a"
        else (world.limburg, world.organisation_b)
    )
    mission = MissionFactory(open=True, province=province)
    registration = RegistrationFactory(mission=mission, organisation=organisation)
    return {"pk": registration.pk}


def _based_elsewhere(world: World) -> dict[str, Any]:
    """An Overijssel organisation registered for a Limburg mission only."""
    from tests.factories import OrganisationFactory, RegistrationFactory

    organisation = OrganisationFactory(province=world.overijssel)
    RegistrationFactory(mission=world.objects["mission_li"], organisation=organisation)
    return {"pk": organisation.pk}


PRIVACY_AND_AUDIT = {
    # Each user downloads only his own data: no id in the address.
    "mine:data": [Case(_SME_PAGE)],
    "mine:account_delete": [Case(_SME_PAGE)],
    # A new Limburg mission is not run by Limburg's partner: its staff get
    # 404 there, and 200 on a registration for a mission it runs.
    "missions_backoffice:registration": [
        Case(
            _BACK_OFFICE_OV.but(partner_li=NOT_FOUND),
            kwargs=lambda w: _registration_of(w, "a"),
            label="ov",
        ),
        Case(
            _BACK_OFFICE_LI.but(partner_li=NOT_FOUND),
            kwargs=lambda w: _registration_of(w, "b"),
            label="li",
        ),
        Case(
            _BACK_OFFICE_LI.but(partner_li=OK),
            kwargs=_pk("registration_b"),
            label="li-run-by-partner",
        ),
    ],
    # An organisation is seen by the civil servants of its own province and
    # of provinces whose missions it signed up for (those see its base data
    # and what concerns their missions: tests/missions/test_province_scope.py).
    "missions_backoffice:organisation": [
        # Partner staff: the organisations signed up for missions they run.
        Case(
            _BACK_OFFICE_OV.but(partner_li=NOT_FOUND),
            kwargs=lambda w: {"pk": w.organisation_a.pk},
            label="a",
        ),
        Case(
            _BACK_OFFICE_LI.but(partner_li=OK),
            kwargs=lambda w: {"pk": w.organisation_b.pk},
            label="b",
        ),
        Case(
            civil_servants_and_administrators().but(partner_li=OK),
            kwargs=lambda w: _based_elsewhere(w),
            label="overijssel-based on a limburg mission",
        ),
    ],
}

# --- membership (issue 14, item 1) ----------------------------------------
# SME A and B are the admins of their organisations; each organisation has a
# second member and a stranger's pending request (tests/world.py). The
# actions are POST only: a GET is refused before anything is looked up.
_POST_ONLY_SME = sme_only(NOT_ALLOWED, administrator=NOT_ALLOWED)


def _member_action(letter: str):
    return lambda world: {
        "pk": getattr(world, f"organisation_{letter}").pk,
        "contact": world.objects[f"member_{letter}"].pk,
        "action": "verwijderen",
    }


def _request_decision(letter: str):
    return lambda world: {
        "pk": getattr(world, f"organisation_{letter}").pk,
        "request_pk": world.objects[f"membership_request_{letter}"].pk,
        "action": "goedkeuren",
    }


MEMBERSHIP = {
    "mine:members": own_organisation(),
    "mine:member_action": [
        Case(_POST_ONLY_SME, kwargs=_member_action("a"), label="a"),
        Case(_POST_ONLY_SME, kwargs=_member_action("b"), label="b"),
    ],
    "mine:request_decide": [
        Case(_POST_ONLY_SME, kwargs=_request_decision("a"), label="a"),
        Case(_POST_ONLY_SME, kwargs=_request_decision("b"), label="b"),
    ],
    "mine:request_withdraw": [
        Case(_POST_ONLY_SME, kwargs=_pk("membership_request_a"), label="stranger"),
        Case(_POST_ONLY_SME, kwargs=_pk("membership_request_b_to_a"), label="sme-b"),
    ],
    "missions_backoffice:membership_requests": [
        Case(civil_servants_and_administrators())
    ],
    "missions_backoffice:membership_request_decide": [
        Case(
            civil_servants_and_administrators(NOT_ALLOWED),
            kwargs=lambda world: {
                "pk": world.objects["membership_request_no_admin"].pk,
                "action": "goedkeuren",
            },
            label="no-admin",
        ),
        Case(
            civil_servants_and_administrators(NOT_ALLOWED),
            kwargs=lambda world: {
                "pk": world.objects["membership_request_a"].pk,
                "action": "goedkeuren",
            },
            label="with-admin",
        ),
    ],
}

# --- the information desk (issue 18, item 2) -------------------------------
# Asking is open to all. The desk is the civil servants' of the question's
# province; portfolio holders see no questions (they hold the asker's
# personal data; desk/views.py). Each asker sees his own under /mijn/.
# Limburg's partner runs Limburg's desk: its staff see the questions routed
# to it, not Overijssel's nor a Limburg question the desk kept itself.


def _question_not_routed(world: World) -> dict[str, Any]:
    """A Limburg question from before the partner ran the desk."""
    from desk.models import Question

    question = world.objects["question_li"]
    kept = Question.objects.create(
        province=world.limburg,
        topic=question.topic,
        subject="Vraag van voor de uitvoeringspartner",
        text=question.text,
        asker_name="Vera Bezoeker",
        asker_email="vera@example.org",
        language="nl",
    )
    return {"pk": kept.pk}


DESK = {
    "desk:ask": [Case(everybody(OK))],
    # The public FAQ, per province; an unknown province is not found.
    "desk:faq": [Case(everybody(OK))],
    "desk:faq_province": [
        Case(everybody(OK), kwargs=lambda world: {"code": "li"}, label="limburg"),
        Case(everybody(OK), kwargs=lambda world: {"code": "ov"}, label="overijssel"),
        Case(everybody(NOT_FOUND), kwargs=lambda world: {"code": "zz"}, label="none"),
    ],
    "desk:mine": [Case(_SME_PAGE)],
    "desk:list": [Case(civil_servants_and_administrators().but(partner_li=OK))],
    "desk:detail": [
        Case(
            _BACK_OFFICE_OV.but(partner_li=NOT_FOUND),
            kwargs=_pk("question_ov"),
            label="ov",
        ),
        Case(_BACK_OFFICE_LI.but(partner_li=OK), kwargs=_pk("question_li"), label="li"),
        Case(
            _BACK_OFFICE_LI.but(partner_li=NOT_FOUND),
            kwargs=_question_not_routed,
            label="li-not-routed",
        ),
    ],
}

# --- advisory tracks (issue 18, item 3) -------------------------------------
# The entrepreneur's (and adviser's) pages under /mijn/: another
# organisation's track is absent. The desk's under /beheer/: another
# province's is absent; portfolio holders see no tracks (advice/views.py).
_TRACK_OF_A = _SME_PAGE.but(sme_b=NOT_FOUND)
_TRACK_OF_B = _SME_PAGE.but(sme_a=NOT_FOUND)


def _document(suffix: str):
    def kwargs(world: World) -> dict[str, Any]:
        document = world.objects[f"track_document_{suffix}"]
        return {"track_pk": document.track_id, "pk": document.pk}

    return kwargs


ADVICE = {
    "advice:mine": [Case(_SME_PAGE)],
    "advice:apply": [Case(_SME_PAGE)],
    "advice:track": [
        Case(_TRACK_OF_A, kwargs=_pk("track_ov"), label="ov"),
        Case(_TRACK_OF_B, kwargs=_pk("track_li"), label="li"),
    ],
    # Limburg engages its partner for advisory tracks (tests/world.py): its
    # staff act as Limburg's desk for tracks, and see no other province's.
    "advice:document": [
        Case(
            _TRACK_OF_A.but(
                civil_servant_ov=OK, civil_servant_li=NOT_FOUND, partner_li=NOT_FOUND
            ),
            kwargs=_document("ov"),
            label="ov",
        ),
        Case(
            _TRACK_OF_B.but(
                civil_servant_ov=NOT_FOUND, civil_servant_li=OK, partner_li=OK
            ),
            kwargs=_document("li"),
            label="li",
        ),
    ],
    "advice:list": [Case(civil_servants_and_administrators().but(partner_li=OK))],
    "advice:detail": [
        Case(
            _BACK_OFFICE_OV.but(partner_li=NOT_FOUND),
            kwargs=_pk("track_ov"),
            label="ov",
        ),
        Case(_BACK_OFFICE_LI.but(partner_li=OK), kwargs=_pk("track_li"), label="li"),
        Case(
            _BACK_OFFICE_LI.but(partner_li=OK),
            kwargs=_pk("track_applied_li"),
            label="applied",
        ),
    ],
}

TABLE: dict[str, list[Case]] = {
    **CORE,
    **ACCOUNTS,
    **PROGRAMMES,
    **PARTICIPANTS,
    **MISSIONS,
    **REPORTING,
    **SHOWCASE,
    **PRIVACY_AND_AUDIT,
    **MEMBERSHIP,
    **DESK,
    **ADVICE,
}
