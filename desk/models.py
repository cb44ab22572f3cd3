"""Questions entrepreneurs ask the province's information desk."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from config.text_limits import SHORT, text_limit


class Question(models.Model):
    class Topic(models.TextChoices):
        EXPORT = "export", _("Export")
        FINANCING = "financing", _("Financing")
        INNOVATION = "innovation", _("Innovation")
        PERSONNEL = "personnel", _("Personnel")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        REFERRED = "referred", _("Referred")

    # Statuses in which the desk still owes the asker an answer.
    OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS)

    province = models.ForeignKey(
        "provinces.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="desk_questions",
    )
    # The implementing partner that runs the province's desk when the
    # question came in (participants.Engagement, task desk); its staff
    # handle it, the province's civil servants see it as well.
    partner = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("handled by (implementing partner)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="desk_questions",
        limit_choices_to={"kind": "partner"},
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("question"), **text_limit(SHORT))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="desk_questions",
    )
    asker_name = models.CharField(_("name"), max_length=150)
    asker_email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="desk_assignments",
    )
    answer = models.TextField(_("answer"), blank=True, **text_limit(SHORT))
    referral_note = models.TextField(
        _("referral note"), blank=True, **text_limit(SHORT)
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["province", "status", "created_at"])]

    def __str__(self):
        return self.subject

    @property
    def due_at(self):
        return self.created_at + timedelta(days=settings.DESK_RESPONSE_DAYS)

    @property
    def is_overdue(self) -> bool:
        return self.status in self.OPEN_STATUSES and timezone.now() > self.due_at


class FaqEntry(models.Model):
    """A question and its answer, rewritten by the desk without personal
    data and published on the province's public page of frequently asked
    questions."""

    province = models.ForeignKey(
        "provinces.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="faq_entries",
    )
    source = models.OneToOneField(
        Question,
        verbose_name=_("from question"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="faq_entry",
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Question.Topic.choices)
    question = models.TextField(_("question"), **text_limit(SHORT))
    answer = models.TextField(_("answer"), **text_limit(SHORT))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("frequently asked question")
        verbose_name_plural = _("frequently asked questions")
        ordering = ["topic", "-published_at", "pk"]
        indexes = [models.Index(fields=["province", "published_at"])]

    def __str__(self):
        return self.question[:80]

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
