"""Celery tasks of the missions app: e-mails, queued after commit."""

from smtplib import SMTPException

from celery import shared_task


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
    acks_late=True,
)
def registration_notify_task(registration_id: int, kind: str) -> bool:
    """Send one e-mail about a registration; a repeat sends nothing.

    Safe to run twice (acks_late): the notification log's unique constraint
    lets only the first run send.
    """
    from .notifications import registration_notify

    return registration_notify(registration_id=registration_id, kind=kind)


@shared_task
def results_invitations_sweep_task() -> int:
    """Queue the results invitations that fell due (daily, see settings)."""
    from .notifications import results_invitations_due

    due = results_invitations_due()
    for registration_id, kind in due:
        registration_notify_task.delay(registration_id, kind)
    return len(due)


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
    acks_late=True,
)
def mission_match_alerts_task(mission_id: int) -> int:
    """E-mail the organisations that asked to hear about matching missions.

    Safe to run twice: the showcase mail log sends each organisation one
    e-mail per mission.
    """
    from .showcase.alerts import mission_match_alerts

    return mission_match_alerts(mission_id=mission_id)
