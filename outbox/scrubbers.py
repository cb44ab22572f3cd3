"""Personal data in the outbox and how it is erased (config/personal_data.py).

An e-mail row names its recipient and carries a text written to him; both
go when the person is erased. A row not yet sent is not sent any more: there
is nobody left to send it to.
"""

from django.db.models import Q

from config.personal_data import Erasure, Scrubber

from .models import OutboxMessage


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
)

NOT_PERSONAL = {
    "outbox.OutboxMessage.from_email": "The portal's own sender address.",
    "outbox.OutboxMessage.task_kwargs": "Ids of records and codes, no names.",
    "outbox.OutboxMessage.task_name": "The dotted path of a Celery task.",
}
