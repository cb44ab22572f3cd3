"""Celery tasks of the showcase: its e-mails, handed over by the outbox.
They write the mails to the outbox, which sends them."""

from celery import shared_task


@shared_task(acks_late=True)
def contact_request_notify_task(contact_request_id: int, kind: str) -> bool:
    """Tell the receiver of a new request, or the sender of an acceptance.

    Safe to run twice: the mail log lets only the first run write.
    """
    from .mail import contact_request_notify

    return contact_request_notify(contact_request_id=contact_request_id, kind=kind)


@shared_task(acks_late=True)
def moderation_notify_task(model_name: str, pk: int) -> bool:
    """Tell an organisation that its profile or story was hidden, and why.

    Safe to run twice: the mail log lets only the first run write.
    """
    from .mail import moderation_notify

    return moderation_notify(model_name=model_name, pk=pk)


@shared_task(acks_late=True)
def mission_match_alerts_task(mission_id: int) -> int:
    """E-mail the organisations that asked to hear about matching missions.

    Safe to run twice: the showcase mail log writes each organisation one
    e-mail per mission.
    """
    from .alerts import mission_match_alerts

    return mission_match_alerts(mission_id=mission_id)
