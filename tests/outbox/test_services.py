"""The outbox: rows written with the change, claimed before sending, sent
at most once, retried with back-off, and handed over again by the sweep."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from missions.notifications import NotificationKind, registration_notify_later
from outbox.models import OutboxMessage
from outbox.services import (
    email_enqueue,
    email_send,
    job_enqueue,
    messages_retry,
    redispatch,
    retry_delay,
)
from outbox.tasks import outbox_email_send_task, outbox_redispatch_task
from tests.factories import ContactPersonFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db
State = OutboxMessage.State


def enqueue(event="event:1", to="a@bedrijf.example", **kwargs):
    return email_enqueue(
        event=event, to=to, subject="Onderwerp", body="Tekst", **kwargs
    )


def later(minutes=120):
    return timezone.now() + timedelta(minutes=minutes)


def test_the_same_event_makes_one_row_per_recipient():
    assert enqueue(to="a@bedrijf.example")
    assert enqueue(to="A@Bedrijf.example") is None
    assert enqueue(to="b@bedrijf.example")
    assert enqueue(event="event:2")
    assert OutboxMessage.objects.count() == 3


def test_a_row_is_written_in_the_callers_transaction_and_rolled_back_with_it():
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue()
        raise RuntimeError("the business change fails")
    assert not OutboxMessage.objects.exists()


def test_nothing_is_handed_over_before_the_commit(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enqueue()
    assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert [m.to for m in mailoutbox] == [["a@bedrijf.example"]]
    row = OutboxMessage.objects.get()
    assert row.state == State.SENT and row.attempts == 1


def test_an_email_is_sent_once_however_often_its_task_runs(mailoutbox):
    row = enqueue()
    assert outbox_email_send_task.delay(row.pk).get() is True
    assert outbox_email_send_task.delay(row.pk).get() is False
    assert email_send(row_id=row.pk) is False
    assert len(mailoutbox) == 1


def test_a_row_claimed_by_another_attempt_is_not_sent(mailoutbox):
    row = enqueue()
    OutboxMessage.objects.filter(pk=row.pk).update(state=State.SENDING)
    assert email_send(row_id=row.pk) is False
    assert mailoutbox == []


def test_the_body_is_dropped_once_sent_but_the_record_stays(mailoutbox):
    row = enqueue(html_body="<p>Tekst</p>", language="nl")
    email_send(row_id=row.pk)
    assert mailoutbox[0].alternatives[0][1] == "text/html"
    row.refresh_from_db()
    assert (row.body, row.html_body) == ("", "")
    assert (row.recipient, row.subject, row.state) == (
        "a@bedrijf.example",
        "Onderwerp",
        State.SENT,
    )
    assert row.sent_at is not None


def test_an_smtp_failure_is_retried_with_back_off_then_marked_failed(
    settings, smtp_server
):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    row = enqueue()
    for attempt in (1, 2):
        assert email_send(row_id=row.pk) is False
        row.refresh_from_db()
        assert (row.state, row.attempts) == (State.PENDING, attempt)
        assert "refused" in row.last_error.lower()
        waited = row.available_at - timezone.now()
        assert retry_delay(attempt) - timedelta(seconds=5) < waited
        assert waited <= retry_delay(attempt)
        # Not due yet: the sweep leaves it alone.
        assert redispatch() == 0
        OutboxMessage.objects.filter(pk=row.pk).update(available_at=timezone.now())
    assert email_send(row_id=row.pk) is False
    row.refresh_from_db()
    assert (row.state, row.attempts) == (State.FAILED, 3)
    assert redispatch(now=later()) == 0


def test_back_off_doubles_up_to_an_hour():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 7, 8, 20)] == [
        60,
        120,
        240,
        3600,
        3600,
        3600,
    ]


def test_a_row_stuck_in_sending_is_failed_not_sent_again(mailoutbox, settings):
    row = enqueue()
    OutboxMessage.objects.filter(pk=row.pk).update(
        state=State.SENDING, claimed_at=timezone.now(), attempts=1
    )
    redispatch(now=later(minutes=5))
    row.refresh_from_db()
    assert row.state == State.SENDING
    redispatch(now=later(minutes=settings.OUTBOX_SENDING_STALE_AFTER // 60 + 1))
    row.refresh_from_db()
    assert row.state == State.FAILED
    assert "not known whether the mail went out" in row.last_error
    assert mailoutbox == []


def test_the_sweep_hands_over_only_what_was_not_picked_up(mailoutbox, settings):
    fresh = enqueue(event="fresh")
    handed = enqueue(event="handed")
    OutboxMessage.objects.filter(pk=handed.pk).update(dispatched_at=timezone.now())
    # Just written or just handed over: their own dispatch is under way.
    assert redispatch() == 0
    assert outbox_redispatch_task.delay().get() == 0
    # Not picked up OUTBOX_REDISPATCH_AFTER seconds later: handed over again.
    after = settings.OUTBOX_REDISPATCH_AFTER // 60 + 1
    assert redispatch(now=later(minutes=after)) == 2
    assert sorted(m.subject for m in mailoutbox) == ["Onderwerp", "Onderwerp"]
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {"sent"}
    assert fresh.pk != handed.pk


def test_a_job_is_handed_to_its_task_once_and_counts_as_sent(
    mailoutbox, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory()
    registration.contacts.add(
        ContactPersonFactory(
            organisation=registration.organisation, email="info@bedrijf.example"
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration_notify_later(
            registration=registration, kind=NotificationKind.ACCEPTED
        )
        registration_notify_later(
            registration=registration, kind=NotificationKind.ACCEPTED
        )
    job = OutboxMessage.objects.get(kind=OutboxMessage.Kind.JOB)
    assert job.state == State.SENT
    assert job.task_kwargs == {"registration_id": registration.pk, "kind": "accepted"}
    assert [m.to for m in mailoutbox] == [["info@bedrijf.example"]]
    assert redispatch(now=later()) == 0


def test_a_job_with_an_unknown_task_is_refused_when_written():
    with pytest.raises(AttributeError):
        job_enqueue(key="x", task="missions.tasks.no_such_task", kwargs={})


def test_a_failing_job_run_in_process_is_recorded_not_raised(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        # Eager Celery runs the job here; its error must not reach the
        # request that wrote it.
        job_enqueue(
            key="x",
            task="missions.tasks.registration_notify_task",
            kwargs={"registration_id": 1, "no_such_argument": 2},
        )
    job = OutboxMessage.objects.get()
    assert job.state == State.FAILED
    assert "no_such_argument" in job.last_error


def test_failed_messages_can_be_sent_again(
    mailoutbox, django_capture_on_commit_callbacks
):
    row = enqueue()
    OutboxMessage.objects.filter(pk=row.pk).update(
        state=State.FAILED, attempts=12, last_error="SMTP down"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert messages_retry(ids=[row.pk]) == 1
    assert len(mailoutbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert messages_retry(ids=[row.pk]) == 0  # sent, not failed
    assert len(mailoutbox) == 1


# --- admin ----------------------------------------------------------------------


def test_administrators_see_state_and_errors_but_no_bodies(client):
    row = enqueue(to="geheim@bedrijf.example")
    OutboxMessage.objects.filter(pk=row.pk).update(
        body="Uw link: https://portal.example/reset/SECRET", last_error="SMTP down"
    )
    client.force_login(UserFactory(administrator=True))
    listing = client.get(reverse("admin:outbox_outboxmessage_changelist"))
    assert listing.status_code == 200
    assert "geheim@bedrijf.example" in listing.text
    page = client.get(reverse("admin:outbox_outboxmessage_change", args=[row.pk]))
    assert page.status_code == 200
    assert "SMTP down" in page.text
    assert "SECRET" not in page.text


def test_the_admin_action_sends_failed_messages_again(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    row = enqueue()
    OutboxMessage.objects.filter(pk=row.pk).update(state=State.FAILED)
    client.force_login(UserFactory(administrator=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:outbox_outboxmessage_changelist"),
            {"action": "send_again", "_selected_action": [row.pk]},
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1


def test_civil_servants_do_not_see_the_outbox(client, civil_servant):
    client.force_login(civil_servant)
    response = client.get(reverse("admin:outbox_outboxmessage_changelist"))
    assert response.status_code in (302, 403)
    assert mail.outbox == []
