"""Personal data in the outbox and how it is erased (config/personal_data.py).

An e-mail row names its recipient and carries a text written to him; both
go when the person is erased. A row not yet sent is not sent any more: there
is nobody left to send it to. The log of mails sent once (SentMail) loses
the person's address and keeps that the mail went out (its row guards
against a second one).
"""

from django.db.models import Q

from config.personal_data import Erasure, Scrubber, address_lists_scrub

from .models import OutboxMessage, SentMail


def _outbox_erase(erasure: Erasure) -> None:
    """Rows addressed to an erased address: recipient, subject, texts and
    the last error (SMTP errors may quote the address) blanked."""
    if not erasure.emails:
        return
    addressed = Q()
    for email in erasure.emails:
        addressed |= Q(recipient__iexact=email)
    rows = OutboxMessage.objects.filter(addressed)
    rows.exclude(state=OutboxMessage.State.SENT).update(
        state=OutboxMessage.State.FAILED
    )
    rows.update(recipient="", subject="", body="", html_body="", last_error="")


def _mail_log_erase(erasure: Erasure) -> None:
    """The addresses out of the log of mails sent once."""
    address_lists_scrub(SentMail.objects.all(), "recipients", erasure.emails)


SCRUBBERS = (
    Scrubber(
        identifier="outbox.messages",
        description="E-mails in the outbox: recipient, subject and texts.",
        fields=(
            "outbox.OutboxMessage.recipient",
            "outbox.OutboxMessage.subject",
            "outbox.OutboxMessage.body",
            "outbox.OutboxMessage.html_body",
            "outbox.OutboxMessage.last_error",
        ),
        erase=_outbox_erase,
    ),
    Scrubber(
        identifier="outbox.mail_log",
        description=(
            "Recipients in the log of e-mails sent once: about registrations, "
            "the showcase and memberships."
        ),
        fields=("outbox.SentMail.recipients",),
        erase=_mail_log_erase,
    ),
)

NOT_PERSONAL = {
    "outbox.OutboxMessage.from_email": "The portal's own sender address.",
    "outbox.OutboxMessage.task_kwargs": "Ids of records and codes, no names.",
    "outbox.OutboxMessage.task_name": "The dotted path of a Celery task.",
}
