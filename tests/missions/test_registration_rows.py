"""The back-office mission page's registration rows are real markup.

The rows are drawn by templates/missions/backoffice/_registration_row.html.
When they were built in Python, a safe string joined to a plain one with `+`
became plain and was escaped once more when printed, so a waiting-list
position showed as literal `<br><small>plaats 1</small>`.
"""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from missions.views.registration_rows import rows_context
from tests.factories import MissionFactory, RegistrationFactory
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
