"""Celery tasks of the missions app, handed over by the outbox.

They write e-mails to the outbox, which sends them (outbox.tasks); none of
them speaks to SMTP itself.
"""

from celery import shared_task


@shared_task(acks_late=True)
def registration_notify_task(registration_id: int, kind: str) -> bool:
    """Write the e-mails about a registration to the outbox; a repeat
    writes nothing.

    Safe to run twice (acks_late): the notification log's unique constraint
    lets only the first run write.
    """
    from .notifications import registration_notify

    return registration_notify(registration_id=registration_id, kind=kind)


@shared_task
def results_invitations_sweep_task() -> int:
    """Write the results invitations that fell due to the outbox (daily,
    see settings); each in a transaction of its own."""
    from .notifications import registration_notify, results_invitations_due

    due = results_invitations_due()
    for registration_id, kind in due:
        registration_notify(registration_id=registration_id, kind=kind)
    return len(due)


@shared_task
def contact_persons_anonymise_task() -> int:
    """Anonymise contact persons without activity for the retention period,
    then erase entrepreneurs' accounts left without any (nightly, see
    settings). Idempotent: anonymised persons and erased accounts are
    skipped. Returns the number of contact persons anonymised."""
    from .services.privacy import (
        contact_persons_anonymise_inactive,
        sme_accounts_erase_inactive,
    )

    anonymised = contact_persons_anonymise_inactive()
    sme_accounts_erase_inactive()
    return anonymised


@shared_task
def mission_reminders_sweep_task() -> int:
    """Write the reminders of missions starting within MISSION_REMINDER_DAYS
    (daily, see settings); each registration gets one (the log of mails
    sent once guards it), each in a transaction of its own."""
    from .notifications import NotificationKind, registration_notify, reminders_due

    due = reminders_due()
    for registration_id in due:
        registration_notify(
            registration_id=registration_id, kind=NotificationKind.REMINDER
        )
    return len(due)


@shared_task(acks_late=True)
def mission_changed_notify_task(mission_id: int, stamp: str, fields: list) -> int:
    """Mail the accepted participants that the mission changed. Safe to run
    twice: the outbox writes each address one e-mail per change."""
    from .notifications import mission_changed_notify

    return mission_changed_notify(mission_id=mission_id, stamp=stamp, fields=fields)


@shared_task(acks_late=True)
def mission_message_deliver_task(message_id: int) -> int:
    """Write a civil servant's message to every participant. Safe to run
    twice: the outbox writes each address one e-mail per message."""
    from .notifications import mission_message_deliver

    return mission_message_deliver(message_id=message_id)
