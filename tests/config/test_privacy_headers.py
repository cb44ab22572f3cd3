"""No personal page or download is kept by a browser or proxy, and no page
may use the camera, microphone, location or other device features."""

import pytest
from django.urls import reverse

from tests.factories import MissionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

DENIED = ("camera", "microphone", "geolocation", "payment", "usb", "serial")


def stored(response) -> bool:
    """Whether a browser or proxy may keep the response."""
    return "no-store" not in response.get("Cache-Control", "")


def assert_personal(response, url=""):
    assert response.status_code == 200, (url, response.status_code)
    assert not stored(response), (url, response.get("Cache-Control"))
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("url", ["/", "/en/", "/missies/", "/healthz", "/nope/"])
def test_every_response_denies_device_features(client, url):
    policy = client.get(url)["Permissions-Policy"]
    features = dict(part.strip().split("=") for part in policy.split(","))
    for feature in DENIED:
        assert features[feature] == "()", (feature, policy)


def test_own_data_download_is_not_stored(client, sme_user):
    client.force_login(sme_user)
    assert_personal(client.get(reverse("mine:data")))


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_participant_list_downloads_are_not_stored(client, civil_servant, file_format):
    mission = MissionFactory(province=civil_servant.province, open=True)
    RegistrationFactory(mission=mission)
    client.force_login(civil_servant)
    url = reverse("missions_backoffice:export", args=[mission.pk, file_format])
    assert_personal(client.get(url), url)


def test_pages_of_a_logged_in_person_are_not_stored(
    client, sme_user, civil_servant, portfolio_holder
):
    client.force_login(sme_user)
    for url in ("/", reverse("mine:index"), reverse("missions:calendar")):
        assert_personal(client.get(url), url)
    client.force_login(civil_servant)
    for url in (reverse("programmes:index"), reverse("missions_backoffice:list")):
        assert_personal(client.get(url), url)
    client.force_login(portfolio_holder)
    assert_personal(client.get(reverse("dashboard:index")), "dashboard")


def test_log_in_and_account_pages_are_not_stored_for_anybody(client):
    for url in (reverse("account_login"), "/en" + reverse("account_signup")):
        assert_personal(client.get(url), url)


def test_public_pages_for_anonymous_visitors_may_be_stored(client):
    mission = MissionFactory(open=True)
    for url in ("/", reverse("missions:detail", args=[mission.pk])):
        response = client.get(url)
        assert response.status_code == 200
        assert stored(response), url
