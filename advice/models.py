"""Advisory tracks (adviestrajecten): an entrepreneur with a growth or
innovation ambition, paired by the province's desk with an adviser from the
showcase, works through four steps towards a business plan.

The adviser is an Organisation of kind *adviser* (referred to by string, so
the showcase's models may move without this app importing them); its
public profile is reached through ``adviser.public_profile``.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from config.text_limits import SHORT, text_limit
from config.uploads import FileKind, UploadValidator


def document_storage():
    """Business plans are private: outside MEDIA_ROOT, served by
    advice.views after a check of who may see the track."""
    return storages["advice"]


class Track(models.Model):
    class Kind(models.TextChoices):
        GROWTH = "growth", _("Growth")
        INNOVATION = "innovation", _("Innovation")

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        DECLINED = "declined", _("Declined")
        ACTIVE = "active", _("In progress")
        FINISHED = "finished", _("Finished")

    province = models.ForeignKey(
        "provinces.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="advice_tracks",
    )
    organisation = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("entrepreneur's organisation"),
        on_delete=models.PROTECT,
        related_name="advice_tracks",
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_tracks",
    )
    applicant_name = models.CharField(_("name"), max_length=150)
    applicant_email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES
    )
    kind = models.CharField(_("kind of ambition"), max_length=20, choices=Kind.choices)
    ambition = models.CharField(_("ambition"), max_length=200)
    description = models.TextField(_("short description"), **text_limit(SHORT))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLIED
    )
    adviser = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("adviser"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": "adviser"},
        related_name="advised_tracks",
    )
    decline_reason = models.TextField(
        _("reason for declining"), blank=True, **text_limit(SHORT)
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    plan_finished = models.BooleanField(_("business plan finished"), default=False)
    financing_found = models.BooleanField(_("financing found"), default=False)
    follow_up = models.TextField(_("follow-up"), blank=True, **text_limit(SHORT))
    created_at = models.DateTimeField(_("applied at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("advisory track")
        verbose_name_plural = _("advisory tracks")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["province", "status", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=("applied", "declined"))
                | Q(adviser__isnull=False),
                name="track_running_has_adviser",
            ),
        ]

    def __str__(self):
        return self.ambition


class TrackStep(models.Model):
    class Kind(models.TextChoices):
        INTAKE = "intake", _("Intake")
        ANALYSIS = "analysis", _("Analysis")
        BUSINESS_PLAN = "business_plan", _("Business plan")
        CLOSING = "closing", _("Completion")

    ORDER = (Kind.INTAKE, Kind.ANALYSIS, Kind.BUSINESS_PLAN, Kind.CLOSING)

    track = models.ForeignKey(
        Track, verbose_name=_("track"), on_delete=models.CASCADE, related_name="steps"
    )
    kind = models.CharField(_("step"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    planned_on = models.DateField(_("planned on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["track", "position"]
        constraints = [
            models.UniqueConstraint(fields=["track", "kind"], name="track_step_once"),
        ]

    def __str__(self):
        return self.get_kind_display()


class TrackDocument(models.Model):
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    is_business_plan = models.BooleanField(_("the business plan"), default=False)
    file = models.FileField(
        _("file"),
        storage=document_storage,
        upload_to="tracks/%Y/",
        max_length=300,
        validators=[UploadValidator(kinds=[FileKind.PDF, FileKind.DOCX])],
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["track", "uploaded_at", "pk"]

    def __str__(self):
        return self.title


class TrackNote(models.Model):
    track = models.ForeignKey(
        Track, verbose_name=_("track"), on_delete=models.CASCADE, related_name="notes"
    )
    text = models.TextField(_("note"), **text_limit(SHORT))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author_name = models.CharField(_("name of the writer"), max_length=150)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["track", "created_at", "pk"]

    def __str__(self):
        return self.text[:60]
