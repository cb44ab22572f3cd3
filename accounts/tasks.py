"""Celery tasks of the accounts app: e-mails, queued after commit."""

from smtplib import SMTPException

from celery import shared_task


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
)
def user_invitation_send_task(user_id: int) -> bool:
    """E-mail a new user the link to choose a password.

    Not acks_late: a repeat would send a second link (harmless, both work
    until one is used), but there is no reason to invite it.
    """
    from .services import user_invitation_send

    return user_invitation_send(user_id=user_id)
