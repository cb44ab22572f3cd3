"""Log-in safeguards on top of django-allauth: throttling failed passwords
and the second factor of staff sessions.

Failed passwords are counted three ways (numbers and reasons in
config/settings.py, ACCOUNT_RATE_LIMITS):

- per pair of client address and account: slows down one person guessing
  one account, and a person mistyping, without touching anybody else;
- per client address: slows down one address guessing many accounts;
- per account, from all addresses together: a ceiling on guessing from many
  addresses. Only this count can keep the owner out, and a password reset
  (proof of the mailbox) clears it.

These use allauth's rate limiter (allauth.core.internal.ratelimit, the same
code allauth's own adapter uses), pinned by the lock file.
"""

from __future__ import annotations

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.core.internal import ratelimit
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

RATE_LIMIT_APP = "allauth.account"
PAIR = "login_failed_pair"
ADDRESS = "login_failed_address"
ACCOUNT = "login_failed_account"


def _account_key(login: str) -> str:
    return (login or "").strip().lower()


def _failure_keys(request: HttpRequest, login: str) -> dict[str, str | None]:
    account = _account_key(login)
    return {
        PAIR: f"{ratelimit.get_ip(request)} {account}",
        ADDRESS: None,
        ACCOUNT: account,
    }


def login_failure_consume(
    request: HttpRequest, *, login: str
) -> ratelimit.RateLimitUsage | None:
    """Count one password attempt for `login` against the three limits.

    Returns the usage (to roll back when the password turns out right), or
    None when a limit is reached; an attempt refused by one limit is not
    counted by the others.
    """
    taken: list[ratelimit.SingleRateLimitUsage] = []
    for action, key in _failure_keys(request, login).items():
        usage = ratelimit.consume(request, app=RATE_LIMIT_APP, action=action, key=key)
        if usage is None:
            ratelimit.RateLimitUsage(usage=taken).rollback()
            return None
        taken.extend(usage.usage)
    return ratelimit.RateLimitUsage(usage=taken)


def login_failures_clear(request: HttpRequest, *, login: str) -> None:
    """Forget the failed passwords of `login`, as a whole and from this
    address. The address's own count stays: it limits the address, whoever
    owns the accounts."""
    keys = _failure_keys(request, login)
    for action in (PAIR, ACCOUNT):
        ratelimit.clear(request, app=RATE_LIMIT_APP, action=action, key=keys[action])


def too_many_attempts(request: HttpRequest) -> HttpResponse:
    """HTTP 429 with the portal's page, offering the password reset."""
    return render(request, "429.html", {"login_throttled": True}, status=429)


def passed_second_factor(request: HttpRequest, user) -> bool:
    """Whether this session proved a second factor for `user`: a TOTP or
    recovery code at log-in or reauthentication, or setting up TOTP (which
    takes a code from the new authenticator)."""
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, user)
    )


def record_totp_activation(sender, request=None, user=None, authenticator=None, **kw):
    """allauth's `authenticator_added` receiver: setting up TOTP proves the
    device, so this session counts as having passed the second factor."""
    from allauth.mfa.models import Authenticator

    if request is None or user is None or authenticator is None:
        return
    if authenticator.type != Authenticator.Type.TOTP:
        return
    if getattr(request, "user", None) is None or request.user.pk != user.pk:
        return
    record_authentication(
        request,
        user,
        "mfa",
        id=authenticator.pk,
        type=authenticator.type,
        activated=True,
    )


def clear_failures_on_password_reset(sender, request=None, user=None, **kwargs):
    """allauth's `password_reset` receiver: whoever followed the mailed link
    owns the account, so its failed-password counts are lifted."""
    if request is None or user is None:
        return
    from allauth.account.models import EmailAddress

    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    for address in addresses:
        if address:
            login_failures_clear(request, login=address)
