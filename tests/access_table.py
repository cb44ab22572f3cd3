"""Who may open which URL: the expected table of tests/test_access_matrix.py.

ADD AN ENTRY FOR EVERY URL YOU ADD, in your app's dict below. Key: the URL
name as `reverse()` takes it ("missions:detail"). Value: a list of `Case`s;
each gives the URL's kwargs (a function of the test world, tests/world.py)
and what each of the seven roles must get on GET, in Dutch and English:

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
    administrator: Any

    def but(self, **changes) -> "Expect":
        return replace(self, **changes)


def everybody(answer) -> Expect:
    return Expect(*(answer,) * 7)


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


CORE = {
    "healthz": [Case(everybody(OK))],
    # GET changes nothing and returns to the start page; the form POSTs.
    "set_language": [Case(everybody(Redirect("home")))],
    "home": [Case(everybody(OK))],
    "accessibility": [Case(everybody(OK))],
    "privacy": [Case(everybody(OK))],
    # Django's admin asks for its own log-in; only staff get in.
    "admin:index": [
        Case(
            everybody(Redirect("admin:login")).but(administrator=OK),
        )
    ],
}

ACCOUNTS = {
    "account_login": [Case(anonymous_only())],
    "account_signup": [Case(anonymous_only())],
    "account_logout": [Case(logged_in().but(anonymous=Redirect("home")))],
    "account_inactive": [Case(everybody(OK))],
    "account_reauthenticate": [Case(logged_in())],
    "account_email": [Case(logged_in())],
    "account_email_verification_sent": [Case(everybody(OK))],
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

PROGRAMMES = {
    "programmes:index": [Case(civil_servants_and_administrators())],
}

PARTICIPANTS: dict[str, list[Case]] = {}

MISSIONS: dict[str, list[Case]] = {}

REPORTING: dict[str, list[Case]] = {}

TABLE: dict[str, list[Case]] = {
    **CORE,
    **ACCOUNTS,
    **PROGRAMMES,
    **PARTICIPANTS,
    **MISSIONS,
    **REPORTING,
}
