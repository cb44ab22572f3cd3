"""The KvK look-up against a local HTTP server that answers like the
Basisprofiel API (https://developers.kvk.nl/): 200 with a profile, 404 for
an unknown number, 401 for a wrong key, 500, a slow answer. No mock: the
client makes real HTTP requests on localhost."""

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from participants.kvk import (
    KvkApiClient,
    KvkLookupError,
    KvkNotFound,
    KvkProfile,
    kvk_client,
    kvk_prefill,
)
from participants.models import Organisation
from tests.factories import PASSWORD, MissionFactory, OrganisationFactory, UserFactory

API_KEY = "l7xx-test-key"
BOUMAN = "06012345"
SLOW = "99999999"
BROKEN = "55555555"
NOT_JSON = "44444444"
OTHER_NUMBER = "33333333"
REDIRECT = "22222222"

BASISPROFIEL = {
    "kvkNummer": BOUMAN,
    "indNonMailing": "Nee",
    "naam": "Bouman Industries B.V.",
    "formeleRegistratiedatum": "19850101",
    "totaalWerkzamePersonen": 85,
    "handelsnamen": [{"naam": "Bouman Industries B.V.", "volgorde": 0}],
    "sbiActiviteiten": [
        {
            "sbiCode": "46699",
            "sbiOmschrijving": "Groothandel in overige machines",
            "indHoofdactiviteit": "Nee",
        },
        {
            "sbiCode": "28291",
            "sbiOmschrijving": "Vervaardiging van machines voor scheiding",
            "indHoofdactiviteit": "Ja",
        },
    ],
    "_embedded": {
        "hoofdvestiging": {
            "vestigingsnummer": "000012345678",
            "kvkNummer": BOUMAN,
            "adressen": [
                {
                    "type": "postadres",
                    "postbusnummer": 12,
                    "postcode": "7500AA",
                    "plaats": "Enschede",
                },
                {
                    "type": "bezoekadres",
                    "straatnaam": "Industrieweg",
                    "huisnummer": 12,
                    "postcode": "7547RK",
                    "plaats": "Enschede",
                },
            ],
        },
        "eigenaar": {"rechtsvorm": "BeslotenVennootschap"},
    },
}


class FakeKvkApi(BaseHTTPRequestHandler):
    """Answers like the published API: its paths, header, codes and shapes."""

    def log_message(self, *args):
        pass

    def _json(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may have given up waiting, as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_GET(self):
        self.server.requests.append((self.path, self.headers.get("apikey")))
        prefix = "/api/v1/basisprofielen/"
        if not self.path.startswith(prefix):
            return self._json(404, {"fout": [{"code": "IPD0000"}]})
        if self.headers.get("apikey") != API_KEY:
            return self._json(
                401, {"fout": [{"code": "IPD1001", "omschrijving": "Unauthorized"}]}
            )
        number = self.path[len(prefix) :]
        if number == BOUMAN:
            return self._json(200, BASISPROFIEL)
        if number == SLOW:
            time.sleep(1)
            return self._json(200, {**BASISPROFIEL, "kvkNummer": SLOW})
        if number == BROKEN:
            return self._json(500, {"fout": [{"code": "IPD9999"}]})
        if number == NOT_JSON:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>maintenance</html>")
            return None
        if number == OTHER_NUMBER:
            return self._json(200, BASISPROFIEL)
        if number == REDIRECT:
            self.send_response(302)
            self.send_header("Location", "http://example.invalid/steal")
            self.end_headers()
            return None
        return self._json(
            404,
            {
                "fout": [
                    {
                        "code": "IPD0004",
                        "omschrijving": f"Het kvkNummer {number} is niet gevonden",
                    }
                ]
            },
        )


@pytest.fixture
def kvk_api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeKvkApi)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def url_of(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/api"


@pytest.fixture
def configured(settings, kvk_api):
    settings.KVK_API_KEY = API_KEY
    settings.KVK_API_URL = url_of(kvk_api)
    settings.KVK_API_TIMEOUT = 0.5
    return kvk_api


def client_for(server, key=API_KEY, timeout=0.5):
    return KvkApiClient(base_url=url_of(server), api_key=key, timeout=timeout)


def test_basisprofiel_reads_name_main_activity_and_visiting_address(kvk_api):
    profile = client_for(kvk_api).basisprofiel(BOUMAN)
    assert profile == KvkProfile(
        kvk_number=BOUMAN,
        name="Bouman Industries B.V.",
        sbi_code="28291",
        sector="Vervaardiging van machines voor scheiding",
        branch_number="000012345678",
        postcode="7547 RK",
        municipality="Enschede",
    )
    assert kvk_api.requests == [(f"/api/v1/basisprofielen/{BOUMAN}", API_KEY)]


def test_unknown_number_is_not_found(kvk_api):
    with pytest.raises(KvkNotFound):
        client_for(kvk_api).basisprofiel("12345678")


@pytest.mark.parametrize(
    "number,key",
    [
        (BOUMAN, "wrong-key"),  # 401
        (BROKEN, API_KEY),  # 500
        (SLOW, API_KEY),  # slower than the timeout
        (NOT_JSON, API_KEY),
        (OTHER_NUMBER, API_KEY),  # a profile of another number
        (REDIRECT, API_KEY),  # the key is not sent elsewhere
    ],
)
def test_failures_raise_lookup_errors(kvk_api, number, key):
    started = time.monotonic()
    with pytest.raises(KvkLookupError) as caught:
        client_for(kvk_api, key=key).basisprofiel(number)
    assert not isinstance(caught.value, KvkNotFound)
    assert time.monotonic() - started < 1.5
    assert all(path.startswith("/api/") for path, _key in kvk_api.requests)


def test_server_that_is_not_there_is_a_lookup_error(kvk_api):
    port = kvk_api.server_address[1]
    kvk_api.shutdown()
    kvk_api.server_close()
    client = KvkApiClient(base_url=f"http://127.0.0.1:{port}/api", api_key="k")
    with pytest.raises(KvkLookupError):
        client.basisprofiel(BOUMAN)


def test_number_not_in_ascii_digits_is_never_sent(kvk_api):
    with pytest.raises(KvkNotFound):
        client_for(kvk_api).basisprofiel("０６０１２３４５")
    assert kvk_api.requests == []


def test_without_a_key_the_look_up_is_off(settings, kvk_api):
    settings.KVK_API_KEY = ""
    settings.KVK_API_URL = url_of(kvk_api)
    assert kvk_client() is None
    assert kvk_prefill(BOUMAN) == ({}, None)
    assert kvk_api.requests == []


def test_prefill_gives_the_model_fields(configured):
    initial, message = kvk_prefill("0601 2345")
    assert message is None
    assert initial == {
        "kvk_number": BOUMAN,
        "name": "Bouman Industries B.V.",
        "sbi_code": "28291",
        "sector": "Vervaardiging van machines voor scheiding",
        "branch_number": "000012345678",
        "postcode": "7547 RK",
        "municipality": "Enschede",
    }


@pytest.mark.parametrize(
    "number,words",
    [
        ("12345678", "kent KvK-nummer 12345678 niet"),
        (BROKEN, "kon zojuist niet worden geraadpleegd"),
        (SLOW, "kon zojuist niet worden geraadpleegd"),
        ("０６０１２３４５", "cijfers 0 tot en met 9"),
    ],
)
def test_prefill_failures_give_a_message_and_no_data(configured, number, words):
    initial, message = kvk_prefill(number)
    assert set(initial) <= {"kvk_number"}
    assert words in message


@pytest.fixture
def new_sme(client, db):
    user = UserFactory(sme=True, email="nieuw@example.org")
    assert client.login(email=user.email, password=PASSWORD)
    return user


@pytest.mark.django_db
def test_new_organisation_form_is_prefilled_from_the_register(
    client, new_sme, configured
):
    page = client.get(reverse("mine:organisation"), {"kvk": BOUMAN})
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["name"] == "Bouman Industries B.V."
    assert form.initial["postcode"] == "7547 RK"
    assert form.initial["municipality"] == "Enschede"
    assert form.initial["sbi_code"] == "28291"
    assert 'value="Bouman Industries B.V."' in page.text
    assert "Opzoeken in het KvK-register" in page.text
    assert "Op te zoeken KvK-nummer" in page.text


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["12345678", BROKEN, SLOW])
def test_register_failures_leave_the_manual_form_with_a_message(
    client, new_sme, configured, number
):
    page = client.get(reverse("mine:organisation"), {"kvk": number})
    assert page.status_code == 200
    assert page.context["form"].initial.get("name") is None
    assert [str(m) for m in page.context["messages"]]


@pytest.mark.django_db
def test_without_a_key_the_form_has_no_look_up(client, new_sme, settings):
    settings.KVK_API_KEY = ""
    page = client.get(reverse("mine:organisation"), {"kvk": BOUMAN})
    assert page.status_code == 200
    assert "Opzoeken in het KvK-register" not in page.text
    assert page.context["form"].initial.get("name") is None


@pytest.mark.django_db
def test_saving_the_prefilled_form_creates_the_organisation(
    client, new_sme, configured
):
    page = client.get(reverse("mine:organisation"), {"kvk": BOUMAN})
    form = page.context["form"]
    data = {
        name: form.initial.get(name, field.initial) or ""
        for name, field in form.fields.items()
    }
    data.update(kind="sme", export_experience="none")
    response = client.post(reverse("mine:organisation"), data)
    assert response.status_code == 302, response.context["form"].errors
    organisation = Organisation.objects.get(kvk_number=BOUMAN)
    assert (organisation.name, organisation.postcode, organisation.sbi_code) == (
        "Bouman Industries B.V.",
        "7547 RK",
        "28291",
    )


@pytest.mark.django_db
def test_back_office_register_form_takes_the_name_of_a_new_number(
    client, civil_servant, configured
):
    mission = MissionFactory(province=civil_servant.province, open=True)
    assert client.login(email=civil_servant.email, password=PASSWORD)
    url = reverse("missions_backoffice:register", args=[mission.pk])
    page = client.get(url, {"kvk": BOUMAN})
    assert page.context["form"].initial == {
        "kvk_number": BOUMAN,
        "name": "Bouman Industries B.V.",
    }
    page = client.get(url, {"kvk": BROKEN})
    assert page.status_code == 200
    assert page.context["form"].initial == {"kvk_number": BROKEN}
    assert [str(m) for m in page.context["messages"]]


@pytest.mark.django_db
def test_back_office_does_not_ask_the_register_for_a_known_number(
    client, civil_servant, configured
):
    OrganisationFactory(kvk_number=BOUMAN, name="Bouman")
    mission = MissionFactory(province=civil_servant.province, open=True)
    assert client.login(email=civil_servant.email, password=PASSWORD)
    client.get(
        reverse("missions_backoffice:register", args=[mission.pk]), {"kvk": BOUMAN}
    )
    assert configured.requests == []
