"""/mijn/ keeps current registrations in view and folds withdrawn and
rejected ones away in a <details> element (issue 17, item 6)."""

import re

import pytest
from django.urls import reverse

from tests.factories import MissionFactory, RegistrationFactory
from tests.missions.test_views import login

pytestmark = pytest.mark.django_db


def test_withdrawn_and_rejected_registrations_are_folded_away(
    client, sme_user, organisation
):
    current = RegistrationFactory(
        organisation=organisation, mission=MissionFactory(open=True, title="Huidig")
    )
    RegistrationFactory(
        organisation=organisation,
        mission=MissionFactory(open=True, title="Ingetrokken"),
        withdrawn=True,
    )
    RegistrationFactory(
        organisation=organisation,
        mission=MissionFactory(open=True, title="Afgewezen"),
        rejected=True,
        rejection_reason="Vol <b>",
    )
    login(client, sme_user)

    response = client.get(reverse("mine:index"))

    html = response.text
    assert response.status_code == 200
    assert [r.pk for r in response.context["registrations"]] == [current.pk]
    folded = re.search(r"<details.*?</details>", html, re.S).group(0)
    assert "Ingetrokken" in folded and "Afgewezen" in folded
    assert "Huidig" not in folded
    assert "2 ingetrokken of afgewezen aanmeldingen" in folded
    assert "Vol &lt;b&gt;" in folded
    assert html.index("Huidig") < html.index("<details")


def test_only_history_says_there_is_nothing_current(client, sme_user, organisation):
    RegistrationFactory(
        organisation=organisation, mission=MissionFactory(open=True), withdrawn=True
    )
    login(client, sme_user)
    html = client.get(reverse("mine:index")).text
    assert "U hebt geen lopende aanmeldingen." in html
    assert "1 ingetrokken of afgewezen aanmelding<" in html


def test_no_details_element_without_history(client, sme_user, organisation):
    RegistrationFactory(organisation=organisation, mission=MissionFactory(open=True))
    login(client, sme_user)
    assert "<details" not in client.get(reverse("mine:index")).text
