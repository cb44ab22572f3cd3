"""Celery tasks of the outbox: sending one e-mail, and the sweep."""

from celery import shared_task


@shared_task(acks_late=True)
def outbox_email_send_task(row_id: int) -> bool:
    """Send one outbox e-mail. Safe to run twice (acks_late): the row is
    claimed by a conditional update before SMTP is spoken to, so only one
    run sends. SMTP errors are recorded on the row, not raised."""
    from .services import email_send

    return email_send(row_id=row_id)


@shared_task
def outbox_redispatch_task() -> int:
    """Hand over again what the broker did not take or no worker picked up
    (every minute, see settings)."""
    from .services import redispatch

    return redispatch()
