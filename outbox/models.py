"""The transactional outbox: what must happen after a commit, as rows.

A row is written in the same transaction as the business change it follows
from, so either both exist or neither does. It is then handed to Celery
(outbox.services); a beat job hands over again what was not picked up.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """One e-mail to one recipient, or one follow-up job (a Celery task).

    E-mails are rendered when the row is written, in the recipient's
    language, so that sending needs nothing but the row. ``key`` names the
    business event (and, for an e-mail, the recipient): the same event
    never makes two rows.
    """

    class Kind(models.TextChoices):
        EMAIL = "email", _("E-mail")
        JOB = "job", _("Job")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    key = models.CharField(_("key"), max_length=200, unique=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    # E-mail. The recipient is personal data: erasure blanks it (and the
    # body), which the key does not depend on.
    recipient = models.CharField(_("recipient"), max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    from_email = models.CharField(_("from"), max_length=254, blank=True)
    subject = models.TextField(_("subject"), blank=True)
    body = models.TextField(_("body"), blank=True)
    html_body = models.TextField(_("HTML body"), blank=True)
    # Job: a Celery task by name and its keyword arguments.
    task_name = models.CharField(_("task"), max_length=200, blank=True)
    task_kwargs = models.JSONField(_("task arguments"), default=dict, blank=True)

    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created on"), default=timezone.now)
    available_at = models.DateTimeField(_("next attempt from"), default=timezone.now)
    dispatched_at = models.DateTimeField(
        _("handed to Celery on"), null=True, blank=True
    )
    claimed_at = models.DateTimeField(_("claimed on"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The re-dispatch sweep reads pending rows that are due.
            models.Index(
                fields=["available_at"],
                condition=models.Q(state="pending"),
                name="outbox_pending_due",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="job") | ~models.Q(task_name=""),
                name="outbox_job_has_task",
            ),
        ]

    def __str__(self):
        return self.key


class SentMail(models.Model):
    """The log of e-mails that go out once per event (outbox.once).

    ``key`` names the event: ``registration:12:accepted`` for the mails
    about a registration (missions), ``request:12:received`` or
    ``mission:5:organisation:3`` for the showcase's, ``membership:…`` for
    the membership mails. Its unique constraint is the guard: a second
    claim of the same event finds it taken, so a retried task is a no-op;
    its index answers "was this mailed?" for the due-lists of missions.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    # Comma-separated addresses; erasure takes a person's out (scrubbers).
    recipients = models.TextField(_("recipients"), blank=True)
    # The recipients' languages, comma-separated ("en, nl").
    language = models.CharField(_("language"), max_length=20, blank=True)
    sent_at = models.DateTimeField(_("sent on"), default=timezone.now)

    class Meta:
        verbose_name = _("e-mail sent once")
        verbose_name_plural = _("e-mails sent once")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.key
