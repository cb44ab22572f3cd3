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

from tests.world import ANONYMOUS, SME_A, World

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

    @property
    def id(self) -> str:
        return f"{self.role}-{self.url_name}"


HOSTILE_FORMS = [
    HostileForm("account_login", ANONYMOUS, ("login", "password", "remember")),
    HostileForm("account_signup", ANONYMOUS, ("email", "password1", "password2")),
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
