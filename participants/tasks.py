"""Celery tasks of the participants app: membership e-mails, handed over by
the outbox. They write the mails to the outbox, which sends them."""

from celery import shared_task


@shared_task(acks_late=True)
def membership_notify_task(
    *, event: str, key: str, request_id=None, contact_id=None, user_id=None
) -> bool:
    """Tell an organisation's members about a request to join, a new member
    or one who left; the person concerned as well where it is about him.

    Safe to run twice: the mail log lets only the first run write.
    """
    from .membership_mail import membership_notify

    return membership_notify(
        event=event,
        key=key,
        request_id=request_id,
        contact_id=contact_id,
        user_id=user_id,
    )
