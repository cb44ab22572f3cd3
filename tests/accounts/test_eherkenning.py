"""eHerkenning log-in, end to end against a real OpenID Connect provider.

The provider (tests/oidc_provider/, django-oauth-toolkit) runs in its own
process on a free port of 127.0.0.1 and stands in for an eHerkenning broker.
The portal is driven through its own views with Django's test client and
makes real HTTP calls to the provider (discovery, token, userinfo); the
person's browser side at the broker (log-in, consent) is done with requests.
"""

from urllib.parse import urlsplit

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.eherkenning import company_from_claims
from accounts.models import User
from accounts.roles import Role
from participants.models import ContactPerson, Organisation
from tests.factories import OrganisationFactory, UserFactory
from tests.oidc_provider.running import PASSWORD, running_provider

CLIENT_ID = "exportportaal-test"
CLIENT_SECRET = "a-client-secret-for-the-tests-only"
CALLBACK = "http://testserver/accounts/oidc/eherkenning/login/callback/"

KVK = "urn:etoegang:core:LegalSubjectID"
BRANCH = "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"
COMPANY = "urn:etoegang:1.11:attribute-represented:CompanyName"

IDENTITIES = {
    "jan": {
        "name": "Jan Bouman",
        "email": "jan@bouman.example",
        "email_verified": True,
        KVK: "06012345",
        BRANCH: "000012345678",
        COMPANY: "Bouman Industries",
    },
    "eva": {
        "given_name": "Eva",
        "family_name": "de Vries",
        "email": "eva@nieuw.example",
        KVK: "12345678",
        COMPANY: "Nieuw Export BV",
    },
    "nokvk": {"name": "Zonder KvK", "email": "zonder@kvk.example"},
    "badkvk": {"name": "Fout KvK", "email": "fout@kvk.example", KVK: "1234ABCD"},
    "widekvk": {
        "name": "Breed KvK",
        "email": "breed@kvk.example",
        KVK: "\uff10\uff16\uff10\uff11\uff12\uff13\uff14\uff15",
    },
    "badbranch": {
        "name": "Fout Vestiging",
        "email": "vestiging@kvk.example",
        KVK: "23456789",
        BRANCH: "12",
    },
    "scriptkvk": {
        "name": "<b>Script</b>",
        "email": "script@kvk.example",
        KVK: "<script>hostile(1)</script>",
    },
}


@pytest.fixture(scope="module")
def broker(tmp_path_factory):
    """The tests' OpenID Connect provider, running until the module ends."""
    with running_provider(
        tmp_path_factory.mktemp("oidc_provider"),
        identities=IDENTITIES,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        redirect_uris=[CALLBACK],
    ) as issuer:
        yield issuer


@pytest.fixture
def eherkenning_on(settings, broker):
    settings.EHERKENNING = {
        **settings.EHERKENNING,
        "ENABLED": True,
        "SERVER_URL": broker,
        "CLIENT_ID": CLIENT_ID,
        "CLIENT_SECRET": CLIENT_SECRET,
        "SCOPES": ["openid", "profile", "email", "eherkenning"],
    }
    return broker


@pytest.fixture
def sme_role(db):
    return Group.objects.get_or_create(name=Role.SME)[0]


def log_in_at_broker(
    client, broker: str, identity: str, *, process="login", next_url="/"
):
    """Press the button, log in at the broker as `identity`, return the
    portal's answer to the broker's redirect back."""
    start = client.post(
        reverse("openid_connect_login", kwargs={"provider_id": "eherkenning"}),
        {"process": process, "next": next_url},
    )
    assert start.status_code == 302, start
    authorize = start["Location"]
    assert authorize.startswith(broker + "/authorize/")
    browser = requests.Session()
    answer = browser.get(authorize, allow_redirects=False, timeout=10)
    assert answer.status_code == 302 and "/login/" in answer.headers["Location"]
    login_url = requests.compat.urljoin(authorize, answer.headers["Location"])
    answer = browser.post(
        login_url,
        {"username": identity, "password": PASSWORD},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302
    answer = browser.get(
        requests.compat.urljoin(login_url, answer.headers["Location"]),
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["Location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == CALLBACK
    return client.get(f"{back.path}?{back.query}")


def _messages(response) -> str:
    return " ".join(str(m) for m in response.wsgi_request._messages)


@pytest.mark.django_db
def test_login_page_offers_eherkenning_when_on(client, eherkenning_on):
    page = client.get(reverse("account_login"))
    assert "Inloggen met eHerkenning" in page.content.decode()


@pytest.mark.django_db
def test_eherkenning_login_makes_a_verified_member_of_the_kvk_claims_company(
    client, eherkenning_on, sme_role
):
    """The KvK number of the claims lands the person in that organisation,
    verified, without anybody approving it; the account is an SME user's
    with the broker's e-mail address verified."""
    bouman = OrganisationFactory(kvk_number="06012345", name="Bouman Industries")
    UserFactory(sme=True)  # somebody else, for contrast
    response = log_in_at_broker(client, eherkenning_on, "jan")

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    user = User.objects.get(email="jan@bouman.example")
    assert user.name == "Jan Bouman"
    assert user.is_sme
    assert EmailAddress.objects.get(user=user, email=user.email).verified
    contact = ContactPerson.objects.get(user=user)
    assert contact.organisation == bouman
    assert contact.verified_via == ContactPerson.VerifiedVia.EHERKENNING
    assert "geverifieerd via eherkenning" in _messages(response).lower()
    home = client.get(reverse("home"))
    assert home.wsgi_request.user == user
    assert SocialAccount.objects.get(user=user).provider == "eherkenning"

    # A second log-in finds the same account and membership.
    client.logout()
    again = log_in_at_broker(client, eherkenning_on, "jan")
    assert again.status_code == 302
    assert User.objects.filter(email="jan@bouman.example").count() == 1
    assert ContactPerson.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_eherkenning_login_with_an_unknown_kvk_number_creates_the_organisation(
    client, eherkenning_on, sme_role
):
    response = log_in_at_broker(client, eherkenning_on, "eva")

    assert response.status_code == 302
    user = User.objects.get(email="eva@nieuw.example")
    assert user.name == "Eva de Vries"
    organisation = Organisation.objects.get(kvk_number="12345678")
    assert organisation.name == "Nieuw Export BV"
    assert ContactPerson.objects.filter(user=user, organisation=organisation).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "identity, message",
    [
        ("nokvk", "geen KvK-nummer"),
        ("badkvk", "“1234ABCD”"),
        ("widekvk", "precies 8 cijfers"),
        ("badbranch", "precies 12 cijfers"),
        ("scriptkvk", "&lt;script&gt;hostile(1)&lt;/script&gt;"),
    ],
)
def test_eherkenning_login_without_a_valid_kvk_claim_is_refused(
    client, eherkenning_on, sme_role, identity, message
):
    """No KvK number, or a malformed one: a translated refusal (403), no
    account, no membership, nobody logged in."""
    response = log_in_at_broker(client, eherkenning_on, identity)

    assert response.status_code == 403
    assert message in response.content.decode()
    assert not User.objects.filter(email=IDENTITIES[identity]["email"]).exists()
    assert not ContactPerson.objects.exists()
    assert not SocialAccount.objects.exists()
    assert not client.get(reverse("home")).wsgi_request.user.is_authenticated
    assert "<script>hostile" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"process": "<script>hostile(1)</script>"},
        {"next": "https://evil.example/"},
        {"next": "\x00" * 3, "process": "connect"},
        {"process": "redirect", "next": "//evil.example"},
    ],
)
def test_hostile_start_of_the_log_in_is_never_a_500(client, eherkenning_on, data):
    response = client.post(
        reverse("openid_connect_login", kwargs={"provider_id": "eherkenning"}), data
    )
    assert response.status_code < 500
    assert "evil.example" not in response.get("Location", "").split("?")[0]


@pytest.mark.django_db
def test_english_pages_log_in_and_refuse_in_english(client, eherkenning_on, sme_role):
    """The broker returns to one address without a language; the language
    of the page the person started on goes along with the log-in."""
    page = client.get("/en/accounts/login/").content.decode()
    assert "Log in with eHerkenning" in page
    assert 'name="next" value="/en/"' in page

    refused = log_in_at_broker(client, eherkenning_on, "nokvk", next_url="/en/")
    assert refused.status_code == 403
    assert "carried no KvK number" in refused.content.decode()
    assert '<html lang="en">' in refused.content.decode()

    logged_in = log_in_at_broker(client, eherkenning_on, "jan", next_url="/en/")
    assert logged_in["Location"] == "/en/"
    assert "Verified via eHerkenning" in _messages(logged_in)


@pytest.mark.django_db
def test_staff_account_cannot_log_in_through_eherkenning(
    client, eherkenning_on, sme_role, overijssel
):
    log_in_at_broker(client, eherkenning_on, "jan")
    user = User.objects.get(email="jan@bouman.example")
    user.groups.set([Group.objects.get_or_create(name=Role.CIVIL_SERVANT)[0]])
    client.logout()

    response = log_in_at_broker(client, eherkenning_on, "jan")

    assert response.status_code == 403
    assert not client.get(reverse("home")).wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_existing_user_connects_eherkenning_and_becomes_verified_member(
    client, eherkenning_on, sme_role
):
    user = UserFactory(sme=True, email="jan.prive@example.org")
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    client.force_login(user)

    response = log_in_at_broker(client, eherkenning_on, "jan", process="connect")

    assert response.status_code == 302
    assert SocialAccount.objects.get(provider="eherkenning").user == user
    contact = ContactPerson.objects.get(user=user, organisation__kvk_number="06012345")
    assert contact.verified_via == ContactPerson.VerifiedVia.EHERKENNING


@pytest.mark.django_db
def test_eherkenning_is_off_by_default_no_button_and_no_url_that_works(client):
    assert "eHerkenning" not in client.get(reverse("account_login")).content.decode()
    provider = {"provider_id": "eherkenning"}
    assert (
        client.post(reverse("openid_connect_login", kwargs=provider)).status_code == 404
    )
    assert (
        client.get(reverse("openid_connect_callback", kwargs=provider)).status_code
        == 404
    )
    for name in (
        "socialaccount_signup",
        "socialaccount_connections",
        "socialaccount_login_error",
        "socialaccount_login_cancelled",
    ):
        assert client.get(reverse(name)).status_code == 404, name


@pytest.mark.django_db
def test_only_the_configured_broker_answers(client, eherkenning_on):
    response = client.post(
        reverse("openid_connect_login", kwargs={"provider_id": "another"})
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    "claims, kvk, branch",
    [
        ({KVK: "06012345"}, "06012345", ""),
        ({KVK: "06012345", BRANCH: "000012345678"}, "06012345", "000012345678"),
        ({KVK: "06012345", BRANCH: ""}, "06012345", ""),
    ],
)
def test_company_from_claims_reads_kvk_and_vestigingsnummer(claims, kvk, branch):
    company = company_from_claims(claims)
    assert (company.kvk_number, company.branch_number) == (kvk, branch)


@pytest.mark.parametrize(
    "claims",
    [
        {},
        {KVK: ""},
        {KVK: 6012345},
        {KVK: "6012345"},
        {KVK: "060123456"},
        {KVK: "0601 2345"},
        {KVK: ["06012345"]},
        {KVK: "٠٦٠١٢٣٤٥"},
        {KVK: "06012345", BRANCH: "00001234567x"},
    ],
)
def test_company_from_claims_refuses_anything_but_ascii_digits(claims):
    with pytest.raises(ValidationError):
        company_from_claims(claims)


def test_switched_on_without_broker_is_a_startup_error(settings):
    from accounts.eherkenning import check_eherkenning_settings

    settings.EHERKENNING = {**settings.EHERKENNING, "ENABLED": True}
    errors = check_eherkenning_settings(None)
    assert [e.id for e in errors] == ["accounts.E001"]
    assert "EHERKENNING_SERVER_URL" in errors[0].msg
