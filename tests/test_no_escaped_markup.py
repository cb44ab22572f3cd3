"""No back-office page prints markup as text.

A safe string that loses its safety (e.g. `"" + format_html(...)`) is
escaped when printed, and a person reads `<br><small>plaats 1</small>`.
Every back-office URL of tests/access_table.py that a civil servant (or
the portfolio holder) may open is rendered in both languages with the data
of a busy season (tests/world.py: add_back_office_data), plus every page of
the 300 registrations of a completed mission.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.access_table import OK, TABLE
from tests.world import (
    BUSY_MISSION_MIX,
    CIVIL_SERVANT_OV,
    PORTFOLIO_HOLDER_OV,
    add_back_office_data,
    build_world,
)

# The world's ready report writes its files.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_files")]

BACK_OFFICE = (
    "programmes:",
    "missions_backoffice:",
    "showcase_moderation:",
    "reporting:",
    "dashboard:",
)
TAGS = "a|b|br|button|del|div|em|form|i|input|ins|li|ol|p|small|span|strong|t[dhr]|ul"
# An escaped opening or closing tag: `&lt;br&gt;`, `&lt;small&gt;`,
# `&lt;span class=...`. Not `&lt;name@example.org&gt;`, which the rows print
# on purpose around a contact's e-mail address.
ESCAPED_TAG = re.compile(rf"&lt;/?({TAGS})(\s|/?&gt;)")


def _extra_urls(world) -> list[tuple[str, dict, str]]:
    """Pages with data the access table's cases do not reach."""
    busy = world.objects["busy_mission_ov"]
    registrations = {r.status: r for r in busy.registrations.all()}
    pages = -(-sum(count for _status, count in BUSY_MISSION_MIX) // 50)
    return [
        *(
            ("missions_backoffice:detail", {"pk": busy.pk}, f"?page={number}")
            for number in range(1, pages + 1)
        ),
        (
            "missions_backoffice:detail",
            {"pk": world.objects["review_mission_ov"].pk},
            "",
        ),
        *(
            ("missions_backoffice:registration", {"pk": registration.pk}, "")
            for registration in registrations.values()
        ),
        (
            "missions_backoffice:registration",
            {"pk": world.objects["rejected_registration_ov"].pk},
            "",
        ),
        (
            "missions_backoffice:results",
            {"pk": registrations["attended"].pk, "moment": "6_months"},
            "",
        ),
        (
            "missions_backoffice:organisation",
            {"pk": registrations["attended"].organisation_id},
            "",
        ),
        ("missions_backoffice:edit", {"pk": busy.pk}, ""),
        ("dashboard:drilldown", {}, "?figure=missions"),
        *(
            (
                "showcase_moderation:detail",
                {"kind": kind, "pk": world.objects[name].pk},
                "",
            )
            for kind, name in (
                ("profiel", "hidden_profile"),
                ("verhaal", "hidden_story"),
            )
        ),
    ]


def _back_office_urls(world, role: str) -> list[tuple[str, dict, str]]:
    urls = [
        (key, case.kwargs(world), "")
        for key, cases in TABLE.items()
        if key.startswith(BACK_OFFICE)
        for case in cases
        if getattr(case.expect, role) == OK
    ]
    return urls + (_extra_urls(world) if role == CIVIL_SERVANT_OV else [])


@pytest.mark.parametrize("role", [CIVIL_SERVANT_OV, PORTFOLIO_HOLDER_OV])
def test_back_office_pages_print_no_escaped_markup(role):
    world = build_world()
    add_back_office_data(world)
    client = Client()
    client.force_login(world.user(role))
    urls = _back_office_urls(world, role)
    assert len(urls) > 20
    failures = []
    for language in ("nl", "en"):
        for name, kwargs, query in urls:
            with translation.override(language):
                url = reverse(name, kwargs=kwargs) + query
            response = client.get(url)
            if response.status_code != 200:
                failures.append(f"{url} answered {response.status_code}")
                continue
            if not response["Content-Type"].startswith("text/html"):
                continue
            for match in ESCAPED_TAG.finditer(response.text):
                start = max(match.start() - 60, 0)
                failures.append(f"{url}: …{response.text[start : match.end() + 60]}…")
    assert not failures, "\n".join(failures)


def test_the_busy_mission_shows_every_state_and_its_extras(client):
    """The data the sweep relies on is there: 300 rows, every state,
    attendance buttons, results links and waiting-list positions."""
    world = build_world()
    add_back_office_data(world)
    client.force_login(world.user(CIVIL_SERVANT_OV))
    busy = world.objects["busy_mission_ov"]
    assert busy.registrations.count() == 300
    url = reverse("missions_backoffice:detail", args=[busy.pk])
    text = "".join(client.get(url, {"page": n}).text for n in (1, 5, 6))
    for expected in (
        "Niet verschenen",  # the no-show button
        "Deelgenomen",  # the attended button
        "Resultaten: na 12 maanden",
        "<br><small>plaats 1</small>",
        "<br><small>Geen concrete exportplannen voor Duitsland.</small>",
        "Jansen &amp; Zonen 0 B.V.",
    ):
        assert expected in text
