"""Fault tests: the broker or SMTP really down, then back (issue 15).

No mocks. The broker is a closed local port (tests/mail_faults.py), then
the real Redis with a real worker; SMTP is a local port with nothing on it,
then a small SMTP server on the same port. Each test replays a probe that
lost mail or answered 500 before the outbox: the request answers as usual,
the mail waits, and it goes out exactly once when the part is back.
"""

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import timedelta
from email.header import decode_header, make_header
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from missions import services
from missions.models import Registration
from tests.factories import (
    PASSWORD,
    ContactPersonFactory,
    MissionFactory,
    RegistrationFactory,
)
from tests.mail_faults import broker_at

SIGN_UP = {
    "first_name": "Nieuw",
    "last_name": "Bedrijf",
    "email": "nieuw@bedrijf.example",
    "password1": "Lang-genoeg-2026",
    "password2": "Lang-genoeg-2026",
}


def outbox_rows(**filters):
    # Imported here, so that on a portal without an outbox these tests fail
    # on their behaviour (a 500, a lost or repeated mail), not on an import.
    from outbox.models import OutboxMessage

    return OutboxMessage.objects.filter(**filters)


def time_passes_and_the_sweep_runs(minutes=120) -> int:
    """The beat job, later: back-offs have ended, nothing was picked up."""
    from outbox.services import redispatch

    return redispatch(now=timezone.now() + timedelta(minutes=minutes))


# --- SMTP down ------------------------------------------------------------------


@pytest.mark.django_db
def test_with_smtp_down_account_sign_up_answers_as_usual_and_the_mail_follows_once(
    client, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), SIGN_UP)
    assert response.status_code == 302
    assert User.objects.filter(email=SIGN_UP["email"]).exists()
    assert smtp_server.received == []
    row = outbox_rows(recipient=SIGN_UP["email"]).get()
    assert (row.state, row.attempts) == ("pending", 1)
    assert "refused" in row.last_error.lower()

    smtp_server.start()
    assert time_passes_and_the_sweep_runs() == 1
    assert smtp_server.recipients() == [SIGN_UP["email"]]
    assert "/accounts/confirm-email/" in smtp_server.received[0].data.decode()
    assert time_passes_and_the_sweep_runs() == 0
    assert len(smtp_server.received) == 1
    row.refresh_from_db()
    assert row.state == "sent"


@pytest.mark.django_db
def test_with_smtp_down_password_reset_answers_as_usual_and_the_mail_follows_once(
    client, civil_servant, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_reset_password"), {"email": civil_servant.email}
        )
    assert response.status_code == 302
    assert smtp_server.received == []
    assert outbox_rows(recipient=civil_servant.email, state="pending").count() == 1

    smtp_server.start()
    time_passes_and_the_sweep_runs()
    time_passes_and_the_sweep_runs(minutes=240)
    assert smtp_server.recipients() == [civil_servant.email]
    body = smtp_server.received[0].data.decode()
    assert "/accounts/password/reset/key/" in body
    # Once sent, the row no longer holds the reset link.
    assert outbox_rows(recipient=civil_servant.email).get().body == ""


@pytest.mark.django_db
def test_when_smtp_fails_on_the_second_recipient_the_retry_mails_only_the_second(
    civil_servant, smtp_server, django_capture_on_commit_callbacks
):
    mission = MissionFactory(review=True, province=civil_servant.province)
    registration = RegistrationFactory(mission=mission, submitted=True)
    for address in ("eerste@bedrijf.example", "tweede@bedrijf.example"):
        registration.contacts.add(
            ContactPersonFactory(organisation=registration.organisation, email=address)
        )
    # The server takes one message, then goes away.
    smtp_server.start(stop_after=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_accept(registration=registration, by=civil_servant)
    first = smtp_server.recipients()
    assert len(first) == 1
    (second,) = {"eerste@bedrijf.example", "tweede@bedrijf.example"} - set(first)

    smtp_server.start()
    time_passes_and_the_sweep_runs()
    time_passes_and_the_sweep_runs(minutes=240)
    assert smtp_server.recipients() == [*first, second]


# --- the broker down ----------------------------------------------------------------


@pytest.mark.django_db
def test_with_the_broker_down_account_sign_up_answers_as_usual_and_the_mail_follows(
    client, smtp_server, broker_down, django_capture_on_commit_callbacks
):
    smtp_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), SIGN_UP)
    assert response.status_code == 302
    row = outbox_rows(recipient=SIGN_UP["email"]).get()
    assert (row.state, row.attempts, row.dispatched_at) == ("pending", 0, None)
    assert smtp_server.received == []
    # Still down at the next sweep: nothing lost, nothing raised.
    assert time_passes_and_the_sweep_runs() == 0

    with broker_at(settings.CELERY_BROKER_URL, eager=True):
        # The broker is back (eager Celery stands in for it and a worker).
        assert time_passes_and_the_sweep_runs() == 1
    assert smtp_server.recipients() == [SIGN_UP["email"]]


def _test_database_url() -> str:
    """DATABASE_URL of the test database, which the worker must use too."""
    url = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(url._replace(path=f"/{connection.settings_dict['NAME']}"))


def _worker_broker_url() -> str:
    """Redis db 14 of the local Redis, a broker for this test alone."""
    url = urlsplit(settings.REDIS_URL)
    return urlunsplit(url._replace(path="/14"))


@contextmanager
def worker_on_the_default_queue(**env):
    """A real solo worker on Celery's default queue: the jobs it runs hand
    their e-mails to that queue, so it must listen there (on a broker of
    this test's own, see _worker_broker_url)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo"]
        + ["--concurrency=1", "-Q", "celery", "--without-gossip"]
        + ["--without-mingle", "--loglevel=warning"],
        env={**os.environ, "CELERY_TASK_ALWAYS_EAGER": "0", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        if process.returncode not in (0, -15):
            print(output.decode(errors="replace"))


def _wait_for(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.2)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_a_mission_sign_up_answers_as_usual_and_a_real_worker_mails_once(  # noqa: E501
    client, sme_user, organisation, smtp_server, broker_down
):
    if not settings.REDIS_URL or "DATABASE_URL" not in os.environ:
        pytest.fail("The worker test needs REDIS_URL and a PostgreSQL DATABASE_URL.")
    mission = MissionFactory(open=True, capacity=5)
    assert client.login(email=sme_user.email, password=PASSWORD)
    response = client.post(
        reverse("missions:signup", args=[mission.pk]),
        {
            "organisation": organisation.pk,
            "seats": 1,
            "de_minimis_declared": "on",
            "de_minimis_aid_received": "0",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "U bent aangemeld" in response.text
    assert Registration.objects.get().status == Registration.Status.ACCEPTED
    job = outbox_rows(kind="job").get()
    assert (job.state, job.dispatched_at) == ("pending", None)

    # Everything comes back: the broker (Redis), a worker, SMTP.
    import redis

    broker = _worker_broker_url()
    redis.Redis.from_url(broker).flushdb()
    smtp_server.start()
    with (
        broker_at(broker),
        worker_on_the_default_queue(
            DATABASE_URL=_test_database_url(),
            CELERY_BROKER_URL=broker,
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            DJANGO_EMAIL_HOST="127.0.0.1",
            DJANGO_EMAIL_PORT=str(smtp_server.port),
        ),
    ):
        assert time_passes_and_the_sweep_runs(minutes=2) == 1
        _wait_for(lambda: smtp_server.received)
        # The beat job again, as it runs every minute: nothing new.
        time_passes_and_the_sweep_runs(minutes=30)
        time.sleep(2)
    assert smtp_server.recipients() == [sme_user.email]
    subject = str(
        make_header(decode_header(smtp_server.received[0].message["Subject"]))
    )
    assert subject.startswith("U doet mee")
    assert set(outbox_rows().values_list("state", flat=True)) == {"sent"}
