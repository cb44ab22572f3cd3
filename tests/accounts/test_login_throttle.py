"""Wrong passwords are throttled per address and per account, answered with
429, and a stranger cannot lock the owner out (issue 14, item 5).

The limits are the real ones of config/settings.py, on the Redis cache."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

STRANGER = "203.0.113.7"
OWNER = "198.51.100.20"
PROXY = "10.0.0.1"
NEW_PASSWORD = "Nieuw-wachtwoord-2026"


@pytest.fixture
def owner(overijssel):
    return UserFactory(civil_servant=True, province=overijssel)


def attempt(client, email, password="wrong-password", url=None, **extra):
    return client.post(
        url or reverse("account_login"),
        {"login": email, "password": password},
        **extra,
    )


def assert_throttled_page(response, heading="Te veel pogingen", reset_hint=True):
    html = response.content.decode()
    assert response.status_code == 429
    assert f"<h1>{heading}</h1>" in html
    assert 'href="#main"' in html  # the portal's layout
    assert (reverse("account_reset_password") in html) is reset_hint


def logged_in(client) -> bool:
    return client.get("/").context["user"].is_authenticated


def test_thirty_wrong_passwords_for_one_account_end_in_429(client, owner):
    answers = [attempt(client, owner.email).status_code for _ in range(5)]
    # While the limit holds, the right password from here is refused too.
    throttled = attempt(client, owner.email, PASSWORD)
    answers += [attempt(client, owner.email).status_code for _ in range(24)]
    assert answers == [200] * 5 + [429] * 24
    assert_throttled_page(throttled)
    assert not logged_in(client)
    # Past 30 posts a minute the address as a whole waits (no reset helps).
    assert_throttled_page(attempt(client, owner.email), reset_hint=False)


def test_the_429_page_is_translated(client, owner):
    for _ in range(5):
        attempt(client, owner.email, url="/en/accounts/login/")
    response = attempt(client, owner.email, url="/en/accounts/login/")
    assert_throttled_page(response, heading="Too many attempts")
    assert "/en/accounts/password/reset/" in response.content.decode()


def test_thirty_wrong_passwords_over_many_accounts_from_one_address_end_in_429(
    client,
):
    answers = [
        attempt(client, f"persoon{n}@example.org").status_code for n in range(30)
    ]
    assert answers == [200] * 20 + [429] * 10


def test_the_admins_way_in_is_throttled_too(client, owner):
    """/admin/login/ takes no password; it sends to the portal's form, which
    is throttled."""
    response = attempt(client, owner.email, url=reverse("admin:login"))
    assert response.status_code == 302
    login_url = response.url
    assert urlsplit(login_url).path == reverse("account_login")
    answers = [
        attempt(client, owner.email, url=login_url).status_code for _ in range(29)
    ]
    assert answers == [200] * 5 + [429] * 24
    assert not logged_in(client)


def test_a_right_password_does_not_count_as_a_failure(client, owner):
    for _ in range(4):
        attempt(client, owner.email)
    for _ in range(3):
        assert attempt(client, owner.email, PASSWORD).status_code == 302
        client.post(reverse("account_logout"))
    assert attempt(client, owner.email).status_code == 200


def test_a_stranger_cannot_lock_the_owner_out(client, owner):
    for _ in range(30):
        attempt(client, owner.email, REMOTE_ADDR=STRANGER)
    assert attempt(client, owner.email, REMOTE_ADDR=STRANGER).status_code == 429
    response = attempt(client, owner.email, PASSWORD, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert logged_in(client)


def test_the_owner_may_mistype_after_a_strangers_attempts(client, owner):
    for _ in range(30):
        attempt(client, owner.email, REMOTE_ADDR=STRANGER)
    assert attempt(client, owner.email, REMOTE_ADDR=OWNER).status_code == 200
    assert attempt(client, owner.email, PASSWORD, REMOTE_ADDR=OWNER).status_code == 302


def reset_password(client, email, **extra):
    # The mail leaves through the outbox once the request has committed.
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": email}, **extra)
    link = re.search(r"/accounts/password/reset/key/\S+/", mail.outbox[-1].body)
    response = client.get(link.group(0), **extra)
    assert response.status_code == 302
    response = client.post(
        response.url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, **extra
    )
    assert response.status_code == 302


def test_guessing_from_many_addresses_stops_and_a_reset_lets_the_owner_in(
    client, owner
):
    """Many addresses together hit the account's ceiling (100 a day); that
    stops the owner too, until the password reset link lifts it."""
    for n in range(20):
        for _ in range(5):
            attempt(client, owner.email, REMOTE_ADDR=f"192.0.2.{n + 1}")
    response = attempt(client, owner.email, PASSWORD, REMOTE_ADDR=OWNER)
    assert_throttled_page(response)
    reset_password(client, owner.email, REMOTE_ADDR=OWNER)
    response = attempt(client, owner.email, NEW_PASSWORD, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert logged_in(client)


def test_forwarded_for_is_ignored_without_a_proxy_count(client, owner, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    # Writing another address in the header for every try changes nothing.
    answers = [
        attempt(
            client, owner.email, REMOTE_ADDR=STRANGER, HTTP_X_FORWARDED_FOR=f"1.2.3.{n}"
        ).status_code
        for n in range(7)
    ]
    assert answers == [200] * 5 + [429] * 2


def test_behind_the_proxy_each_client_counts_for_itself(client, owner, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    via_proxy = {"REMOTE_ADDR": PROXY}
    for n in range(30):
        # The stranger makes up a first address; the proxy appends the real one.
        attempt(
            client,
            owner.email,
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, {STRANGER}",
            **via_proxy,
        )
    stranger = attempt(client, owner.email, HTTP_X_FORWARDED_FOR=STRANGER, **via_proxy)
    assert stranger.status_code == 429
    response = attempt(
        client, owner.email, PASSWORD, HTTP_X_FORWARDED_FOR=OWNER, **via_proxy
    )
    assert response.status_code == 302


def test_without_a_proxy_count_everybody_behind_the_proxy_shares_one_address(
    client, owner, settings
):
    """What DJANGO_TRUSTED_PROXY_COUNT is for: left at 0 behind a proxy,
    the stranger's failures slow down the owner's address as well."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    via_proxy = {"REMOTE_ADDR": PROXY}
    for _ in range(5):
        attempt(client, owner.email, HTTP_X_FORWARDED_FOR=STRANGER, **via_proxy)
    response = attempt(
        client, owner.email, PASSWORD, HTTP_X_FORWARDED_FOR=OWNER, **via_proxy
    )
    assert response.status_code == 429


def test_a_request_that_bypassed_the_proxies_counts_by_its_own_address(
    client, owner, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    answers = [
        attempt(
            client, owner.email, REMOTE_ADDR=STRANGER, HTTP_X_FORWARDED_FOR="1.2.3.4"
        ).status_code
        for _ in range(6)
    ]
    assert answers == [200] * 5 + [429]
    response = attempt(client, owner.email, PASSWORD, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
