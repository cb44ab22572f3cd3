"""The back-office mission page's registration rows are real markup.

The rows are drawn by templates/missions/backoffice/_registration_row.html.
When they were built in Python, a safe string joined to a plain one with `+`
became plain and was escaped once more when printed, so a waiting-list
position showed as literal `<br><small>plaats 1</small>`.
"""

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from missions.models import Registration
from missions.views.registration_rows import rows_context
from participants.models import Organisation
from tests.factories import (
    ContactPersonFactory,
    MissionFactory,
    RegistrationFactory,
    UserFactory,
)
from tests.missions.test_views import login

pytestmark = pytest.mark.django_db

ESCAPED_TAG = re.compile(r"&lt;/?(br|small|span|a|strong|em|div|form|button)\b")


def test_waiting_list_position_and_rejection_reason_are_small_print(
    client, civil_servant
):
    mission = MissionFactory(province=civil_servant.province, open=True)
    RegistrationFactory(mission=mission, waitlisted=True, waitlist_position=1)
    RegistrationFactory(
        mission=mission, rejected=True, rejection_reason="Geen exportplannen"
    )
    login(client, civil_servant)

    response = client.get(reverse("missions_backoffice:detail", args=[mission.pk]))

    assert response.status_code == 200
    assert "<br><small>plaats 1</small>" in response.text
    assert "<br><small>Geen exportplannen</small>" in response.text
    assert not ESCAPED_TAG.search(response.text)


def test_rejection_reason_is_escaped_once(rf, civil_servant):
    """The reason is typed by a person: its markup is shown, not obeyed."""
    mission = MissionFactory(province=civil_servant.province, open=True)
    registration = RegistrationFactory(
        mission=mission, rejected=True, rejection_reason="<b>vol</b> & dicht"
    )
    registration.contact_list = []
    mission.seats_left = 5  # as the page's selector sets it
    request = rf.get("/")
    request.user = civil_servant

    row = render_to_string(
        "missions/backoffice/_registration_row.html",
        {"registration": registration, **rows_context(mission, [registration])},
        request=request,
    )

    assert "<br><small>&lt;b&gt;vol&lt;/b&gt; &amp; dicht</small>" in row
    assert "&amp;lt;" not in row


# The rows are cached as one fragment per page of rows, under a digest of
# what they show (missions/views/registration_rows.py).

TBODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)


def _rows(client, mission, path=""):
    response = client.get(
        path + reverse("missions_backoffice:detail", args=[mission.pk])
    )
    assert response.status_code == 200
    return TBODY.search(response.text).group(1)


def test_rows_show_changes_made_without_the_services(client, civil_servant):
    """Rows cached before a change are not shown after it, however the
    change was made (an update() bumps no changed-on date)."""
    mission = MissionFactory(province=civil_servant.province, open=True)
    registration = RegistrationFactory(mission=mission, submitted=True)
    login(client, civil_servant)
    assert "Geen plaats meer" not in _rows(client, mission)

    Registration.objects.filter(pk=registration.pk).update(
        status="rejected", rejection_reason="Geen plaats meer"
    )
    rows = _rows(client, mission)
    assert "<br><small>Geen plaats meer</small>" in rows
    assert "text-bg-danger" in rows

    Organisation.objects.filter(pk=registration.organisation_id).update(
        name="Hernoemd Export BV"
    )
    assert "Hernoemd Export BV" in _rows(client, mission)

    contact = ContactPersonFactory(
        organisation=registration.organisation, name="Nieuwe Contactpersoon"
    )
    registration.contacts.add(contact)
    assert "Nieuwe Contactpersoon" in _rows(client, mission)


def test_rows_follow_the_seats_left_and_the_language(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True, capacity=2)
    RegistrationFactory(mission=mission, submitted=True, seats=2)
    login(client, civil_servant)
    assert "/accept/" in _rows(client, mission)

    RegistrationFactory(mission=mission, seats=1)  # accepted: one seat left
    assert "/accept/" not in _rows(client, mission)

    assert "Details en geschiedenis" in _rows(client, mission)
    english = _rows(client, mission, path="/en")
    assert "Details and history" in english
    assert 'href="/en/' in english


def test_ids_in_the_rows_are_plain_numbers(client, civil_servant):
    """An id above 999 is not written 1.234 or 1,234 in an attribute."""
    mission = MissionFactory(province=civil_servant.province, open=True)
    RegistrationFactory(mission=mission, submitted=True, id=123456)
    login(client, civil_servant)

    for path in ("", "/en"):
        rows = _rows(client, mission, path=path)
        assert 'value="123456" id="select-123456"' in rows


def test_rows_carry_no_token_and_post_with_the_page_form(civil_servant):
    """Rows cached for one civil servant are shown to another: they hold no
    CSRF token; their buttons post with the page's form, which does."""
    mission = MissionFactory(province=civil_servant.province, open=True)
    registration = RegistrationFactory(mission=mission, submitted=True)
    first = Client(enforce_csrf_checks=True)
    login(first, civil_servant)
    _rows(first, mission)

    colleague = UserFactory(civil_servant=True, province=civil_servant.province)
    second = Client(enforce_csrf_checks=True)
    login(second, colleague)
    page = second.get(reverse("missions_backoffice:detail", args=[mission.pk])).text
    rows = TBODY.search(page).group(1)
    assert "csrfmiddlewaretoken" not in rows
    accept = reverse(
        "missions_backoffice:registration_action", args=[registration.pk, "accept"]
    )
    assert f'form="row-action" formaction="{accept}"' in rows
    token = re.search(
        r'<form method="post" id="row-action"><input type="hidden" '
        r'name="csrfmiddlewaretoken" value="([^"]+)"',
        page,
    ).group(1)

    response = second.post(accept, {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "accepted"
