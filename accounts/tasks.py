"""Celery tasks of the accounts app, handed over by the outbox."""

from celery import shared_task


@shared_task
def user_invitation_send_task(user_id: int) -> bool:
    """Write the e-mail with the link to choose a password to the outbox,
    which sends it.

    Not acks_late: a repeat would write a second link (harmless, both work
    until one is used), but there is no reason to invite it.
    """
    from .services import user_invitation_send

    return user_invitation_send(user_id=user_id)
