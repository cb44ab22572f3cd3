"""Who may read the dashboard, of which province, and that nobody writes."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from missions.models import Mission, Registration
from programmes.models import Prestatie, ReserveMutation
from tests.factories import UserFactory
from tests.reporting.data import build_overijssel_2016

pytestmark = pytest.mark.django_db

URL = "/dashboard/"
DRILL = "/dashboard/drilldown/"


@pytest.fixture
def data(overijssel):
    return build_overijssel_2016(overijssel)


def test_anonymous_is_sent_to_the_login(client, data):
    for url in (URL, DRILL + "?figure=missions&year=2016"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_sme_user_is_refused(client, data, sme_user):
    client.force_login(sme_user)
    assert client.get(URL).status_code == 403
    assert client.get(DRILL, {"figure": "missions", "year": 2016}).status_code == 403


def test_reader_without_a_province_is_refused(client, data):
    client.force_login(UserFactory(portfolio_holder=True, province=None))
    assert client.get(URL).status_code == 403


def test_limburg_sees_its_own_province_only(client, data, limburg):
    holder = UserFactory(portfolio_holder=True, province=limburg)
    client.force_login(holder)
    response = client.get(URL, {"year": 2016, "province": data.province.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["province"] == limburg
    assert "Bevorderen van export" not in html
    assert "Missie Liaoning" not in html
    drill = client.get(
        DRILL, {"figure": "missions", "year": 2016, "province": data.province.pk}
    ).content.decode()
    assert "Missie Liaoning" not in drill
    assert "Missie Turkije" not in drill


def test_a_programme_of_another_province_is_not_found(
    client, data, civil_servant_limburg
):
    client.force_login(civil_servant_limburg)
    response = client.get(URL, {"year": 2016, "programme": data.programme.pk})
    assert response.status_code == 404
    response = client.get(
        DRILL, {"figure": "missions", "year": 2016, "programme": data.programme.pk}
    )
    assert response.status_code == 404


def test_an_action_of_another_province_gives_an_empty_list(
    client, data, civil_servant_limburg
):
    client.force_login(civil_servant_limburg)
    html = client.get(
        DRILL, {"figure": "action", "key": data.action.pk, "year": 2016}
    ).content.decode()
    assert "Missie Liaoning" not in html
    assert "Bedrijf 00" not in html


def test_administrator_chooses_the_province(client, data, administrator):
    client.force_login(administrator)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Kies een provincie" in response.content.decode()
    response = client.get(URL, {"year": 2016, "province": data.province.pk})
    assert response.status_code == 200
    assert "Bevorderen van export" in response.content.decode()
    assert f"province={data.province.pk}" in response.content.decode()
    assert client.get(URL, {"province": "999999"}).status_code == 400


def test_civil_servant_reads_the_dashboard(client, data, civil_servant):
    client.force_login(civil_servant)
    assert client.get(URL, {"year": 2016}).status_code == 200


def test_the_menu_shows_the_dashboard_to_readers_only(
    client, portfolio_holder, sme_user
):
    client.force_login(portfolio_holder)
    assert 'href="/dashboard/"' in client.get("/").content.decode()
    client.force_login(sme_user)
    assert 'href="/dashboard/"' not in client.get("/").content.decode()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_dashboard_accepts_no_writes(client, data, portfolio_holder, method):
    client.force_login(portfolio_holder)
    for url in (URL, DRILL):
        assert getattr(client, method)(url).status_code == 405


# Namespaces of the portal's own pages, where data is written. A portfolio
# holder's own account (allauth, language) is not the province's data.
OWN_NAMESPACES = {
    "programmes",
    "missions",
    "missions_backoffice",
    "mine",
    "participants",
    "reporting",
    "dashboard",
}


def _own_patterns(resolver=None, prefix="", namespace=None):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            yield from _own_patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and namespace in OWN_NAMESPACES:
            yield namespace, entry.name, prefix + str(entry.pattern)


def _fill(route: str, pk: int) -> str:
    import re

    route = route.replace("^", "").replace("$", "")
    return "/" + re.sub(r"<(?:int:)?\w+>", str(pk), route)


# Requesting a report is the one thing a portfolio holder may start: a POST
# to the report list (reporting:list), not a URL of its own; a
# portfolio holder may ask for his province's report (DOMAIN: he reads them).
ALLOWED_WRITES = {("reporting", "list")}


def test_a_portfolio_holder_cannot_write_anywhere(client, data, portfolio_holder):
    """Every page of the portal's own apps refuses a POST of a portfolio
    holder with 403, 404 or 405, and nothing changes in the database."""
    client.force_login(portfolio_holder)
    pks = {
        data.prestatie.pk,
        data.action.pk,
        data.missions[0].pk,
        data.organisations[0].pk,
        data.registrations[0].pk,
        data.reserve.pk,
    }
    counts = (
        Mission.objects.count(),
        Registration.objects.count(),
        Prestatie.objects.count(),
        ReserveMutation.objects.count(),
    )
    checked = 0
    for namespace, name, route in _own_patterns():
        if (namespace, name) in ALLOWED_WRITES:
            continue
        for pk in pks if "<" in route else [0]:
            url = _fill(route, pk)
            response = client.post(url, {"title": "x", "amount": "1", "seats": "1"})
            assert response.status_code in (403, 404, 405), (url, response.status_code)
            checked += 1
    assert checked > 0
    assert counts == (
        Mission.objects.count(),
        Registration.objects.count(),
        Prestatie.objects.count(),
        ReserveMutation.objects.count(),
    )
