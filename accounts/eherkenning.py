"""eHerkenning: the log-in through which a company proves who acts for it.

The portal speaks OpenID Connect to an eHerkenning broker through allauth's
OpenID Connect provider; this module reads the configuration
(settings.EHERKENNING, from the environment) and turns the broker's claims
into the KvK number, vestigingsnummer and company name a membership needs.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PROVIDER = "openid_connect"
PROVIDER_ID = "eherkenning"

_KVK = re.compile(r"[0-9]{8}")
_BRANCH = re.compile(r"[0-9]{12}")


def config() -> dict:
    return settings.EHERKENNING


def enabled() -> bool:
    return bool(config().get("ENABLED"))


def social_app():
    """The broker as allauth's (unsaved) SocialApp, or None when off.

    Built from the settings on each call, never stored: the environment is
    the one place the broker is configured.
    """
    from allauth.socialaccount.models import SocialApp

    if not enabled():
        return None
    conf = config()
    app_settings = {
        "server_url": conf["SERVER_URL"],
        "scope": list(conf["SCOPES"]),
        "oauth_pkce_enabled": conf["PKCE"],
        "uid_field": conf["UID_CLAIM"],
    }
    if conf.get("TOKEN_AUTH_METHOD"):
        app_settings["token_auth_method"] = conf["TOKEN_AUTH_METHOD"]
    return SocialApp(
        provider=PROVIDER,
        provider_id=PROVIDER_ID,
        name="eHerkenning",
        client_id=conf["CLIENT_ID"],
        secret=conf["CLIENT_SECRET"],
        settings=app_settings,
    )


def is_eherkenning(sociallogin) -> bool:
    account = sociallogin.account
    return account.provider in (PROVIDER_ID, PROVIDER)


@dataclass(frozen=True)
class Company:
    """What the broker asserts about the company the person acts for."""

    kvk_number: str
    branch_number: str
    name: str


def claims_of(extra_data: dict) -> dict:
    """The claims of the ID token with those of the userinfo endpoint over
    them: brokers put the KvK number in one or the other."""
    merged = {}
    for part in ("id_token", "userinfo"):
        value = (extra_data or {}).get(part)
        if isinstance(value, dict):
            merged.update(value)
    return merged


def company_from_claims(claims: dict) -> Company:
    """The company from the claims, or ValidationError with a message for
    the person when the broker gave no KvK number or a malformed one.

    Strict: exactly 8 ASCII digits (12 for the vestigingsnummer), as the
    broker sends them; nothing is padded or guessed.
    """
    conf = config()
    kvk = claims.get(conf["KVK_CLAIM"])
    if kvk in (None, ""):
        raise ValidationError(
            _(
                "Your eHerkenning log-in did not say which company you act for: "
                "it carried no KvK number. You have not been logged in. Ask "
                "your eHerkenning supplier to pass on the KvK number, or log "
                "in with your e-mail address."
            ),
            code="eherkenning_no_kvk",
        )
    if not isinstance(kvk, str) or not _KVK.fullmatch(kvk):
        raise ValidationError(
            _(
                "Your eHerkenning log-in gave “%(value)s” as KvK number, but a "
                "KvK number has exactly 8 digits. You have not been logged in."
            )
            % {"value": str(kvk)[:40]},
            code="eherkenning_invalid_kvk",
        )
    branch = claims.get(conf["BRANCH_CLAIM"]) if conf["BRANCH_CLAIM"] else None
    if branch in (None, ""):
        branch = ""
    elif not isinstance(branch, str) or not _BRANCH.fullmatch(branch):
        raise ValidationError(
            _(
                "Your eHerkenning log-in gave “%(value)s” as vestigingsnummer, "
                "but a vestigingsnummer has exactly 12 digits. You have not "
                "been logged in."
            )
            % {"value": str(branch)[:40]},
            code="eherkenning_invalid_branch",
        )
    name = ""
    if conf["COMPANY_NAME_CLAIM"]:
        value = claims.get(conf["COMPANY_NAME_CLAIM"])
        if isinstance(value, str):
            name = value.strip()[:200]
    return Company(kvk_number=kvk, branch_number=branch, name=name)


def person_name_from_claims(claims: dict) -> str:
    name = claims.get("name")
    if not isinstance(name, str) or not name.strip():
        parts = [claims.get("given_name"), claims.get("family_name")]
        name = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
    return (name or "").strip()[:150]


@register()
def check_eherkenning_settings(app_configs, **kwargs):
    """Switched on without the broker's address or credentials is an error
    at start-up, not a log-in that fails later."""
    if not enabled():
        return []
    conf = config()
    missing = [
        f"EHERKENNING_{key}"
        for key in ("SERVER_URL", "CLIENT_ID", "CLIENT_SECRET", "KVK_CLAIM")
        if not conf.get(key)
    ]
    if not missing:
        return []
    return [
        Error(
            "EHERKENNING_ENABLED is set but these are empty: " + ", ".join(missing),
            id="accounts.E001",
        )
    ]
