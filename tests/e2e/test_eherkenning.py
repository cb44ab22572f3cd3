"""eHerkenning in a real browser: the button on the log-in page, the
broker's pages (the tests' own OpenID Connect provider) and back, under the
portal's Content-Security-Policy; axe on the pages it adds."""

import copy
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group

from accounts.roles import Role
from participants.models import ContactPerson
from tests.e2e.test_accessibility import AXE_OPTIONS, describe
from tests.oidc_provider.running import PASSWORD, running_provider

CLIENT_ID = "exportportaal-browser-test"
CLIENT_SECRET = "another-client-secret-for-the-tests-only"
KVK = "urn:etoegang:core:LegalSubjectID"
IDENTITIES = {
    "jan": {
        "name": "Jan Bouman",
        "email": "jan@bouman.example",
        KVK: "06012345",
        "urn:etoegang:1.11:attribute-represented:CompanyName": "Bouman Industries",
    },
    "nokvk": {"name": "Zonder KvK", "email": "zonder@kvk.example"},
}
axe = Axe()


@pytest.fixture(scope="module")
def broker(tmp_path_factory, live_server):
    with running_provider(
        tmp_path_factory.mktemp("oidc_provider_browser"),
        identities=IDENTITIES,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        redirect_uris=[f"{live_server.url}/accounts/oidc/eherkenning/login/callback/"],
    ) as issuer:
        yield issuer


@pytest.fixture
def eherkenning_on(settings, broker, transactional_db):
    settings.EHERKENNING = {
        **settings.EHERKENNING,
        "ENABLED": True,
        "SERVER_URL": broker,
        "CLIENT_ID": CLIENT_ID,
        "CLIENT_SECRET": CLIENT_SECRET,
        "SCOPES": ["openid", "profile", "email", "eherkenning"],
    }
    # What config/settings.py adds for a configured broker.
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    origin = urlsplit(broker)
    policy["DIRECTIVES"]["form-action"].append(f"{origin.scheme}://{origin.netloc}")
    settings.CONTENT_SECURITY_POLICY = policy
    Group.objects.get_or_create(name=Role.SME)
    return broker


def _no_violations(page):
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
    assert page.locator("h1").count() == 1


def _log_in_at_broker(page, identity: str):
    page.get_by_role("button", name="Inloggen met eHerkenning").click()
    page.locator("input[name=username]").wait_for()
    page.locator("input[name=username]").fill(identity)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("button").click()
    page.wait_for_load_state()


def test_log_in_with_eherkenning_in_the_browser(page, eherkenning_on):
    for language in ("en", "nl"):
        page.goto(("/en" if language == "en" else "") + "/accounts/login/")
        _no_violations(page)

    _log_in_at_broker(page, "jan")

    assert urlsplit(page.url).path == "/"
    assert "Geverifieerd via eHerkenning" in page.locator(".messages").inner_text()
    contact = ContactPerson.objects.get(user__email="jan@bouman.example")
    assert contact.organisation.kvk_number == "06012345"
    assert contact.verified_via == ContactPerson.VerifiedVia.EHERKENNING


def test_refusal_page_in_the_browser(page, eherkenning_on):
    page.goto("/accounts/login/")
    _log_in_at_broker(page, "nokvk")

    assert "geen KvK-nummer" in page.locator("main").inner_text()
    _no_violations(page)
    assert not ContactPerson.objects.exists()
