"""Celery tasks of the participants app: showcase e-mails, handed over by
the outbox. They write the mails to the outbox, which sends them."""

from celery import shared_task


@shared_task(acks_late=True)
def contact_request_notify_task(contact_request_id: int, kind: str) -> bool:
    """Tell the receiver of a new request, or the sender of an acceptance.

    Safe to run twice: the mail log lets only the first run write.
    """
    from .showcase_mail import contact_request_notify

    return contact_request_notify(contact_request_id=contact_request_id, kind=kind)


@shared_task(acks_late=True)
def moderation_notify_task(model_name: str, pk: int) -> bool:
    """Tell an organisation that its profile or story was hidden, and why.

    Safe to run twice: the mail log lets only the first run write.
    """
    from .showcase_mail import moderation_notify

    return moderation_notify(model_name=model_name, pk=pk)


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
