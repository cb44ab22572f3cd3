"""With Redis (the cache) stopped, every page and every write still works.

The cache is pointed at a closed local port (tests/redis_faults.py), not
mocked: each Redis call meets a refused connection, as in production when
Redis is down. Only /healthz says so.
"""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from missions.models import Registration
from tests.factories import PASSWORD, MissionFactory, UserFactory
from tests.redis_faults import cache_setting_at, closed_port

pytestmark = pytest.mark.django_db

# `cache_down` comes last in each test's arguments: the data is made first,
# then Redis goes away, and the requests meet it.


@pytest.fixture
def browser():
    """A client that answers a server error with a 500, as a browser sees it."""
    return Client(raise_request_exception=False)


def test_an_entrepreneur_logs_in_with_the_cache_down(browser, sme_user, cache_down):
    response = browser.post(
        reverse("account_login"), {"login": sme_user.email, "password": PASSWORD}
    )
    assert response.status_code == 302, response.status_code
    page = browser.get(reverse("mine:index"))
    assert page.status_code == 200
    assert page.context["user"] == sme_user


def test_a_civil_servant_logs_in_with_a_second_factor_with_the_cache_down(
    browser, overijssel, settings
):
    settings.REQUIRE_STAFF_2FA = True
    user = UserFactory(civil_servant=True, province=overijssel, mfa_exempt=False)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    settings.CACHES = cache_setting_at(settings, closed_port())
    response = browser.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302, response.status_code
    assert response.url == reverse("mfa_authenticate")
    # The code is marked used in the cache; with the cache down it must
    # still be accepted, or nobody with a second factor gets in.
    counter = next(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(secret, counter))
    response = browser.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302, response.status_code
    assert browser.get(reverse("programmes:index")).status_code == 200


@pytest.fixture
def mission():
    return MissionFactory(open=True, capacity=2)


def test_public_pages_answer_with_the_cache_down(browser, mission, cache_down):
    for url in (
        "/",
        "/en/",
        reverse("missions:calendar"),
        reverse("missions:detail", args=[mission.pk]),
        reverse("privacy"),
        reverse("account_login"),
        reverse("account_signup"),
    ):
        assert browser.get(url).status_code == 200, url


def test_a_mission_sign_up_is_written_with_the_cache_down(
    browser,
    sme_user,
    organisation,
    mission,
    django_capture_on_commit_callbacks,
    cache_down,
):
    browser.force_login(sme_user)
    # The callbacks run as after a real commit: the cache refresh among them.
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            reverse("missions:signup", args=[mission.pk]),
            {
                "organisation": organisation.pk,
                "seats": 2,
                "de_minimis_declared": "on",
                "de_minimis_aid_received": "0",
            },
        )
    assert response.status_code == 302, response.status_code
    registration = Registration.objects.get()
    assert (registration.mission, registration.seats) == (mission, 2)
    assert browser.get(response.url).status_code == 200


def test_an_account_sign_up_is_written_with_the_cache_down(
    browser, django_capture_on_commit_callbacks, cache_down
):
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            reverse("account_signup"),
            {
                "first_name": "Nieuw",
                "last_name": "Bedrijf",
                "email": "nieuw@bedrijf.example",
                "password1": "Lang-genoeg-2026",
                "password2": "Lang-genoeg-2026",
            },
        )
    assert response.status_code == 302, response.status_code
    assert User.objects.filter(email="nieuw@bedrijf.example").exists()
    assert [message.to for message in mail.outbox] == [["nieuw@bedrijf.example"]]


def test_healthz_says_503_and_names_the_cache(browser, cache_down):
    response = browser.get("/healthz")
    assert response.status_code == 503
    data = response.json()
    assert data["cache"]["ok"] is False
    assert data["cache"]["error"] == "ConnectionError"
    assert data["database"]["ok"] is True
    assert data["status"] == "unavailable"
