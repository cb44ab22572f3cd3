"""Look-up of an organisation in the KvK register (Basisprofiel API).

`kvk_client()` gives the configured client, or None when no `KVK_API_KEY`
is set: then every form stays manual. The pages use `kvk_prefill`, which
never raises: a number the register does not know, a refused key, a slow or
broken answer all give an empty prefill and a message saying so, and the
person fills in the form by hand.

The API: `GET {KVK_API_URL}/v1/basisprofielen/{kvkNummer}` with the key in
the `apikey` header; see https://developers.kvk.nl/. Only what the
organisation model can hold is read: name, main SBI activity, vestigingsnummer
and the postcode and place of the main establishment's visiting address.
The standard library's urllib with a timeout is enough for one GET, so the
portal needs no HTTP package for it.
"""

import http.client
import json
import logging
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# A basisprofiel is a few kilobytes; anything far larger is not one.
MAX_RESPONSE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class KvkProfile:
    """The part of a basisprofiel the portal uses; names as the model's."""

    kvk_number: str
    name: str
    sbi_code: str = ""
    sector: str = ""
    branch_number: str = ""
    postcode: str = ""
    municipality: str = ""

    def as_initial(self) -> dict[str, str]:
        """Form initial data: the fields that have a value."""
        return {key: value for key, value in asdict(self).items() if value}


class KvkLookupError(Exception):
    """The register could not answer; the message is for the person."""


class KvkNotFound(KvkLookupError):
    """The register does not know this number."""


class KvkClient(Protocol):
    """What the portal needs from a KvK register client."""

    def basisprofiel(self, kvk_number: str) -> KvkProfile: ...


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an error: the key must not travel to another address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


class KvkApiClient:
    """The KvK Basisprofiel API over HTTPS."""

    def __init__(self, *, base_url: str, api_key: str, timeout: float = 5.0):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    def basisprofiel(self, kvk_number: str) -> KvkProfile:
        """The profile of a KvK number (8 digits 0-9); raises KvkNotFound or
        KvkLookupError."""
        if not re.fullmatch("[0-9]{8}", kvk_number or ""):
            raise KvkNotFound(kvk_number)
        url = f"{self.base_url}/v1/basisprofielen/{urllib.parse.quote(kvk_number)}"
        request = urllib.request.Request(
            url, headers={"apikey": self.api_key, "Accept": "application/json"}
        )
        try:
            with _opener.open(request, timeout=self.timeout) as response:
                body = response.read(MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as error:
            if error.code in (400, 404):
                # 400: the register's answer for a number in the wrong form.
                raise KvkNotFound(kvk_number) from error
            logger.warning("KvK API answered %s for %s", error.code, kvk_number)
            raise KvkLookupError(f"HTTP {error.code}") from error
        except (OSError, http.client.HTTPException) as error:
            # URLError and timeouts are OSErrors; a broken answer (cut off,
            # bad status line) is an HTTPException.
            logger.warning("KvK API not reached for %s: %s", kvk_number, error)
            raise KvkLookupError(str(error)) from error
        if len(body) > MAX_RESPONSE_BYTES:
            raise KvkLookupError("response too large")
        try:
            data = json.loads(body)
        except ValueError as error:
            raise KvkLookupError("not JSON") from error
        return profile_from_basisprofiel(data, kvk_number)


def profile_from_basisprofiel(data, kvk_number: str) -> KvkProfile:
    """Read a basisprofiel; an answer that is not one raises KvkLookupError."""
    if not isinstance(data, dict) or data.get("kvkNummer") != kvk_number:
        raise KvkLookupError("not the profile asked for")
    name = data.get("naam")
    if not isinstance(name, str) or not name.strip():
        raise KvkLookupError("no name")
    activities = [a for a in data.get("sbiActiviteiten") or [] if isinstance(a, dict)]
    main = next(
        (a for a in activities if str(a.get("indHoofdactiviteit", "")).lower() == "ja"),
        activities[0] if activities else {},
    )
    embedded = data.get("_embedded") if isinstance(data.get("_embedded"), dict) else {}
    establishment = embedded.get("hoofdvestiging")
    if not isinstance(establishment, dict):
        establishment = {}
    addresses = [a for a in establishment.get("adressen") or [] if isinstance(a, dict)]
    address = next(
        (a for a in addresses if a.get("type") == "bezoekadres"),
        addresses[0] if addresses else {},
    )
    return KvkProfile(
        kvk_number=kvk_number,
        name=_text(name, 200),
        sbi_code=_digits(main.get("sbiCode"), 10),
        sector=_text(main.get("sbiOmschrijving"), 150),
        branch_number=_branch_number(establishment.get("vestigingsnummer")),
        postcode=_postcode(address.get("postcode")),
        municipality=_text(address.get("plaats"), 100),
    )


def _text(value, length: int) -> str:
    return value.strip()[:length] if isinstance(value, str) else ""


def _digits(value, length: int) -> str:
    text = _text(value, length)
    return text if re.fullmatch("[0-9]+", text) else ""


def _branch_number(value) -> str:
    text = _text(value, 12)
    return text if re.fullmatch("[0-9]{12}", text) else ""


def _postcode(value) -> str:
    from .services import postcode_clean

    try:
        return postcode_clean(_text(value, 10))
    except ValidationError:
        return ""


def kvk_client() -> KvkClient | None:
    """The configured client; None without KVK_API_KEY (look-up is off)."""
    if not settings.KVK_API_KEY:
        return None
    return KvkApiClient(
        base_url=settings.KVK_API_URL,
        api_key=settings.KVK_API_KEY,
        timeout=settings.KVK_API_TIMEOUT,
    )


def kvk_prefill(kvk_number: str, *, client: KvkClient | None = None):
    """(initial data, message) for a new organisation's form.

    Without a configured client: ({}, None). Otherwise the register's data
    with no message, or ({}, a message saying why the form stays empty).
    Never raises: the form must always work by hand.
    """
    client = client or kvk_client()
    if client is None:
        return {}, None
    from .services import kvk_number_clean

    try:
        number = kvk_number_clean(kvk_number)
    except ValidationError as error:
        return {}, " ".join(error.messages)
    try:
        profile = client.basisprofiel(number)
    except KvkNotFound:
        return {"kvk_number": number}, _(
            "The KvK register does not know KvK number %(kvk)s. Check the "
            "number, or fill in the details yourself."
        ) % {"kvk": number}
    except Exception as error:  # noqa: BLE001 - any failure: fill in by hand
        if not isinstance(error, KvkLookupError):
            logger.exception("KvK look-up failed for %s", number)
        return {"kvk_number": number}, _(
            "The KvK register could not be consulted just now. Fill in the "
            "details yourself."
        )
    return profile.as_initial(), None
