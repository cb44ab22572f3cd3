"""Reads of the outbox."""

from .models import OutboxMessage


def job_is_waiting(row_id: int) -> bool:
    """Whether a job is still in the outbox, not yet taken by the broker."""
    return OutboxMessage.objects.filter(
        pk=row_id, state=OutboxMessage.State.PENDING
    ).exists()
