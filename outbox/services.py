"""Writing to the outbox, handing rows to Celery, and sending e-mails.

- ``email_enqueue`` / ``job_enqueue`` write rows in the caller's
  transaction and hand them to Celery once it commits (``dispatch``).
- ``dispatch`` never raises into a request: with the broker unreachable it
  logs and leaves the rows pending; ``redispatch`` (beat, every minute)
  hands over whatever was not picked up.
- ``email_send`` claims a row with a conditional update before it talks to
  SMTP, so a duplicated task cannot send twice; an SMTP failure puts the
  row back with back-off, up to OUTBOX_MAX_ATTEMPTS, then marks it failed.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import smtplib
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from .models import OutboxMessage

logger = logging.getLogger(__name__)

Kind = OutboxMessage.Kind
State = OutboxMessage.State

# Handing a task to the broker fails with these when it cannot be reached.
BROKER_ERRORS = (BrokerError, OSError)
# How many due rows one sweep hands over; the next sweep takes the rest.
REDISPATCH_BATCH = 500


def recipient_digest(address: str) -> str:
    """A stable stand-in for an address in keys, so that erasing the
    recipient column leaves the row's uniqueness intact."""
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()[:20]


def _insert(row: OutboxMessage) -> OutboxMessage | None:
    """Insert `row` in a savepoint; None when its key exists already."""
    try:
        with transaction.atomic():
            row.save(force_insert=True)
    except IntegrityError:
        if not OutboxMessage.objects.filter(key=row.key).exists():
            raise
        return None
    return row


def _dispatch_on_commit(rows: list[OutboxMessage]) -> None:
    ids = [row.pk for row in rows]
    if ids:
        transaction.on_commit(lambda: dispatch(ids))


def dispatch_rows(rows: list[OutboxMessage]) -> None:
    """Hand `rows` over now (tests of mail content; see tests/conftest.py)."""
    if rows:
        dispatch([row.pk for row in rows])


def email_enqueue(
    *,
    event: str,
    to: str,
    subject: str,
    body: str,
    html_body: str = "",
    language: str = "",
    from_email: str = "",
) -> OutboxMessage | None:
    """Write one e-mail to one recipient, sent after the transaction commits.

    `event` names the business event (``notification:12:accepted``); the
    same event and recipient make one row only. Returns the new row, or None
    when the event was already recorded for this recipient.
    """
    row = _insert(
        OutboxMessage(
            kind=Kind.EMAIL,
            key=f"{event}:to:{recipient_digest(to)}",
            recipient=to,
            language=language,
            from_email=from_email,
            subject=subject,
            body=body,
            html_body=html_body,
        )
    )
    _dispatch_on_commit([row] if row else [])
    return row


def email_enqueue_message(
    *, message: EmailMessage, event: str | None = None, language: str = ""
) -> list[OutboxMessage]:
    """Write a rendered Django message to the outbox, a row per recipient.
    Without `event`, every call is an event of its own."""
    event = event or f"message:{uuid.uuid4().hex}"
    html_body = ""
    for content, mimetype in getattr(message, "alternatives", None) or []:
        if mimetype == "text/html":
            html_body = content
    rows = []
    with transaction.atomic():
        for address in message.to:
            row = email_enqueue(
                event=event,
                to=address,
                subject=message.subject,
                body=message.body,
                html_body=html_body,
                language=language,
                from_email=message.from_email or "",
            )
            if row:
                rows.append(row)
    return rows


def job_enqueue(*, key: str, task: str, kwargs: dict) -> OutboxMessage | None:
    """Write a follow-up job: the Celery task named `task` (its dotted
    path, ``reporting.tasks.report_run_generate_task``) with JSON `kwargs`,
    handed to Celery after the transaction commits. A second job with the
    same key is not written (None)."""
    _task_by_name(task)  # a wrong name fails here, in the caller's test
    row = _insert(
        OutboxMessage(kind=Kind.JOB, key=key, task_name=task, task_kwargs=kwargs)
    )
    _dispatch_on_commit([row] if row else [])
    return row


def _task_by_name(name: str):
    module, _dot, attribute = name.rpartition(".")
    task = getattr(importlib.import_module(module), attribute)
    if not hasattr(task, "apply_async"):
        raise ValueError(f"{name} is not a Celery task")
    return task


def dispatch(ids: list[int]) -> int:
    """Hand pending rows to Celery: an e-mail as ``outbox_email_send_task``,
    a job as its own task (then it counts as sent: the job's task is
    idempotent and retries itself). Stops at the first broker error and
    leaves the rest pending for the sweep. Returns how many were handed."""
    from .tasks import outbox_email_send_task

    handed = 0
    for row in OutboxMessage.objects.filter(pk__in=ids, state=State.PENDING).order_by(
        "pk"
    ):
        try:
            if row.kind == Kind.EMAIL:
                outbox_email_send_task.apply_async(args=(row.pk,))
            else:
                _task_by_name(row.task_name).apply_async(kwargs=row.task_kwargs)
        except BROKER_ERRORS as exc:
            logger.warning(
                "Outbox: the broker cannot be reached (%s); %s row(s) stay pending "
                "and are handed over again by the outbox sweep.",
                exc,
                len(ids) - handed,
            )
            return handed
        except Exception as exc:
            # Only with eager Celery does a job run here; its failure is its
            # own (it records it), but it must not reach the request.
            logger.exception("Outbox: job %s failed", row.key)
            _mark_failed(row.pk, error=repr(exc))
            continue
        now = timezone.now()
        if row.kind == Kind.JOB:
            OutboxMessage.objects.filter(pk=row.pk, state=State.PENDING).update(
                state=State.SENT, dispatched_at=now, sent_at=now, attempts=1
            )
        else:
            # Not when an eager attempt already failed and set its back-off.
            OutboxMessage.objects.filter(
                pk=row.pk, state=State.PENDING, attempts=row.attempts
            ).update(dispatched_at=now)
        handed += 1
    return handed


def redispatch(*, now: datetime | None = None) -> int:
    """The sweep: fail rows stuck in sending, then hand over pending rows
    that are due and were not handed over (or not picked up) for
    OUTBOX_REDISPATCH_AFTER seconds. Returns how many were handed over."""
    now = now or timezone.now()
    stuck_since = now - timedelta(seconds=settings.OUTBOX_SENDING_STALE_AFTER)
    stuck = OutboxMessage.objects.filter(
        state=State.SENDING, claimed_at__lt=stuck_since
    ).update(
        state=State.FAILED,
        last_error=(
            "Interrupted while sending (the worker stopped): it is not known "
            "whether the mail went out, so it is not sent again by itself. "
            "Send it again from the admin if it did not arrive."
        ),
    )
    if stuck:
        logger.error("Outbox: %s e-mail(s) interrupted while sending", stuck)
    cutoff = now - timedelta(seconds=settings.OUTBOX_REDISPATCH_AFTER)
    ids = list(
        OutboxMessage.objects.filter(state=State.PENDING, available_at__lte=now)
        .filter(
            Q(dispatched_at__isnull=True, created_at__lte=cutoff)
            | Q(dispatched_at__lte=cutoff)
            # A retry after an SMTP failure: due as soon as its back-off ends.
            | Q(dispatched_at__isnull=True, attempts__gt=0)
        )
        .order_by("available_at", "pk")
        .values_list("pk", flat=True)[:REDISPATCH_BATCH]
    )
    return dispatch(ids) if ids else 0


def _claim(row_id: int) -> bool:
    """Take the row for one sending attempt; False when another attempt
    has it or it is done. The update is the lock: only one wins."""
    return bool(
        OutboxMessage.objects.filter(
            pk=row_id, kind=Kind.EMAIL, state=State.PENDING
        ).update(
            state=State.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
        )
    )


def _is_permanent(exc: Exception) -> bool:
    """SMTP said no for good (5xx): trying again would not help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _msg in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500
    return False


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 ... minutes after the failed attempt, at most an hour."""
    return timedelta(seconds=min(3600, 60 * 2 ** max(attempts - 1, 0)))


def _mark_failed(row_id: int, *, error: str) -> None:
    OutboxMessage.objects.filter(pk=row_id).update(
        state=State.FAILED, last_error=error[:2000]
    )


def email_send(*, row_id: int) -> bool:
    """Send one outbox e-mail, at most once. Returns whether it went out.

    The row is claimed first; a failure puts it back as pending with
    back-off (or failed after OUTBOX_MAX_ATTEMPTS, or at once when SMTP
    refuses for good). Never raises for SMTP: the row records the error.
    """
    if not _claim(row_id):
        return False
    row = OutboxMessage.objects.get(pk=row_id)
    message = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body,
        from_email=row.from_email or None,
        to=[row.recipient],
    )
    if row.html_body:
        message.attach_alternative(row.html_body, "text/html")
    try:
        message.send()
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        if _is_permanent(exc) or row.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
            logger.error("Outbox: e-mail %s failed for good: %s", row.pk, error)
            _mark_failed(row.pk, error=error)
        else:
            logger.warning(
                "Outbox: e-mail %s not sent (attempt %s), retried later: %s",
                row.pk,
                row.attempts,
                error,
            )
            OutboxMessage.objects.filter(pk=row.pk, state=State.SENDING).update(
                state=State.PENDING,
                last_error=error[:2000],
                available_at=timezone.now() + retry_delay(row.attempts),
                dispatched_at=None,
            )
        return False
    # The mail is out; the body (which may hold a log-in or reset link) is
    # no longer needed.
    OutboxMessage.objects.filter(pk=row.pk).update(
        state=State.SENT, sent_at=timezone.now(), last_error="", body="", html_body=""
    )
    return True


@transaction.atomic
def messages_retry(*, ids) -> int:
    """Put failed rows back in the queue (the admin's "send again")."""
    rows = list(
        OutboxMessage.objects.select_for_update()
        .filter(pk__in=ids, state=State.FAILED)
        .values_list("pk", flat=True)
    )
    OutboxMessage.objects.filter(pk__in=rows).update(
        state=State.PENDING, available_at=timezone.now(), dispatched_at=None, attempts=0
    )
    transaction.on_commit(lambda: dispatch(rows))
    return len(rows)
