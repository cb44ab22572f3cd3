"""Report runs: one generation of a yearly progress report and its files.

A run freezes the figures it was made from (``figures``), so a published
report never changes when data is edited or personal data is erased later.
Its files live in the private ``reports`` storage (see STORAGES in
config/settings.py), never under the public MEDIA_URL; views serve them after
a province check.
"""

import datetime

from django.conf import settings
from django.core.files.storage import storages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


def report_storage():
    return storages["reports"]


def stale_cutoffs(now=None) -> dict[str, datetime.datetime]:
    """Per active status, the moment before which the last sign of life of
    a run must lie for it to count as stale (see REPORT_RUN_STALE_AFTER)."""
    now = now or timezone.now()
    return {
        ReportRun.Status.QUEUED: now
        - datetime.timedelta(seconds=settings.REPORT_RUN_QUEUED_STALE_AFTER),
        ReportRun.Status.RUNNING: now
        - datetime.timedelta(seconds=settings.REPORT_RUN_STALE_AFTER),
    }


class ReportRunQuerySet(models.QuerySet):
    def stale(self, now=None):
        """Runs queued or running without a sign of life for too long: their
        message or their worker is gone."""
        cutoffs = stale_cutoffs(now)
        return self.alias(
            last_sign_of_life=Coalesce("heartbeat_at", "started_at", "requested_at")
        ).filter(
            Q(status=ReportRun.Status.QUEUED, last_sign_of_life__lt=cutoffs["queued"])
            | Q(
                status=ReportRun.Status.RUNNING,
                last_sign_of_life__lt=cutoffs["running"],
            )
        )


class ReportRun(models.Model):
    class Scope(models.TextChoices):
        PROVINCE = "province", _("Whole province")
        PROGRAMME = "programme", _("Programme")
        PRESTATIE = "prestatie", _("Prestatie")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being generated")
        SUCCEEDED = "succeeded", _("Ready")
        FAILED = "failed", _("Failed")

    # A run in one of these holds the slot of its scope, year and language.
    ACTIVE_STATUSES = (Status.QUEUED, Status.RUNNING)
    FILE_FIELDS = ("html_file", "pdf_file", "xlsx_file", "docx_file")

    province = models.ForeignKey(
        "provinces.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="report_runs",
    )
    scope = models.CharField(
        _("scope"), max_length=10, choices=Scope.choices, default=Scope.PROVINCE
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_runs",
    )
    prestatie = models.ForeignKey(
        "programmes.Prestatie",
        verbose_name=_("prestatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_runs",
    )
    # "province", "programme:12" or "prestatie:7": one non-null column, so
    # the uniqueness of active runs needs no NULLS NOT DISTINCT.
    scope_key = models.CharField(_("scope key"), max_length=40, editable=False)
    year = models.PositiveSmallIntegerField(_("year"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="nl"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_runs",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Set when an attempt starts; only that attempt may publish its files.
    attempt_token = models.CharField(max_length=32, blank=True, editable=False)
    requested_at = models.DateTimeField(_("requested on"), auto_now_add=True)
    started_at = models.DateTimeField(_("started on"), null=True, blank=True)
    # The last sign of life: set when the run is requested, when an attempt
    # claims it and after every step of generating it. A run whose
    # heartbeat stops is failed by the sweep (report_runs_fail_stale).
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    # The Celery task id of the attempt that claimed the run: a redelivery
    # of that same message (its worker was lost) may take the run over at
    # once, another message only when the heartbeat has gone stale.
    claimed_by = models.CharField(max_length=64, blank=True, editable=False)
    finished_at = models.DateTimeField(_("finished on"), null=True, blank=True)
    figures = models.JSONField(
        _("figures as generated"), null=True, blank=True, encoder=DjangoJSONEncoder
    )
    figures_at = models.DateTimeField(_("figures frozen on"), null=True, blank=True)
    html_file = models.FileField(
        _("HTML"), storage=report_storage, max_length=300, blank=True
    )
    pdf_file = models.FileField(
        _("PDF"), storage=report_storage, max_length=300, blank=True
    )
    xlsx_file = models.FileField(
        _("Excel data annex"), storage=report_storage, max_length=300, blank=True
    )
    docx_file = models.FileField(
        _("Word"), storage=report_storage, max_length=300, blank=True
    )
    # Issue 16 item 6: every request of the same report (province, scope,
    # year, language) is a new version; a version adopted by GS is frozen.
    version = models.PositiveIntegerField(_("version"), default=1)
    adopted_on = models.DateField(
        _("adopted by GS on"),
        null=True,
        blank=True,
        help_text=_("The date of the decision of Gedeputeerde Staten."),
    )
    adopted_reference = models.CharField(
        _("decision reference"), max_length=100, blank=True
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked as adopted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    adopted_at = models.DateTimeField(_("marked as adopted at"), null=True, blank=True)

    objects = ReportRunQuerySet.as_manager()
    # Who requested, generated and adopted a run, and when, like every
    # other write (issue 16 item 6). Not the frozen figures (they never
    # change after generating and would be copied into every row), nor the
    # worker's bookkeeping.
    history = HistoricalRecords(
        excluded_fields=[
            "figures",
            "error",
            "attempt_token",
            "claimed_by",
            "heartbeat_at",
        ]
    )
    # Not stored: set by services.report_run_request after the commit when
    # the run's task could not be sent (broker unreachable).
    queue_failed = False

    class Meta:
        verbose_name = _("report run")
        verbose_name_plural = _("report runs")
        ordering = ["-requested_at", "-pk"]
        indexes = [
            models.Index(fields=["province", "-requested_at"]),
            # The sweep looks only at the few active runs.
            models.Index(
                fields=["status"],
                condition=Q(status__in=["queued", "running"]),
                name="report_run_active",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "scope_key", "year", "language"],
                condition=Q(status__in=["queued", "running"]),
                name="report_run_one_active_per_scope_year_language",
                violation_error_message=_("This report is already being generated."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(scope="province", programme__isnull=True, prestatie__isnull=True)
                    | Q(
                        scope="programme",
                        programme__isnull=False,
                        prestatie__isnull=True,
                    )
                    | Q(
                        scope="prestatie",
                        programme__isnull=True,
                        prestatie__isnull=False,
                    )
                ),
                name="report_run_scope_matches_its_object",
            ),
            models.CheckConstraint(
                condition=~Q(status="succeeded")
                | (Q(figures__isnull=False) & ~Q(pdf_file="")),
                name="report_run_succeeded_has_figures_and_files",
            ),
            models.CheckConstraint(
                condition=Q(adopted_on__isnull=True) | Q(status="succeeded"),
                name="report_run_only_a_ready_run_is_adopted",
            ),
            models.UniqueConstraint(
                fields=["province", "scope_key", "year", "language", "version"],
                name="report_run_unique_version",
            ),
        ]

    def __str__(self):
        return f"{self.province} {self.year} {self.scope_label} ({self.language})"

    def get_absolute_url(self):
        return reverse("reporting:detail", args=[self.pk])

    @staticmethod
    def key_for(scope: str, programme=None, prestatie=None) -> str:
        if scope == ReportRun.Scope.PROGRAMME:
            return f"programme:{programme.pk}"
        if scope == ReportRun.Scope.PRESTATIE:
            return f"prestatie:{prestatie.pk}"
        return "province"

    @property
    def scope_label(self) -> str:
        if self.scope == self.Scope.PRESTATIE and self.prestatie_id:
            return f"{self.prestatie.code} {self.prestatie.title}"
        if self.scope == self.Scope.PROGRAMME and self.programme_id:
            return self.programme.name
        return str(self.Scope.PROVINCE.label)

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def last_sign_of_life(self) -> datetime.datetime | None:
        return self.heartbeat_at or self.started_at or self.requested_at

    def is_stale(self, now=None) -> bool:
        """Queued or running without a sign of life for too long (the rule
        of ReportRunQuerySet.stale, for one run in hand)."""
        if not self.is_active or self.last_sign_of_life is None:
            return False
        return self.last_sign_of_life < stale_cutoffs(now)[self.status]

    @property
    def is_adopted(self) -> bool:
        """Adopted by GS: frozen, printed without the draft watermark."""
        return self.adopted_on is not None

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.SUCCEEDED

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


class ActionStatus(models.Model):
    """The civil servant's judgement of an actie in a year, printed next to
    it in the report (issue 16 item 6): on track, at risk or behind, with a
    one-line explanation, required when a figure of the actie misses its
    target by more than 10 % (see reporting.action_status)."""

    class Status(models.TextChoices):
        ON_TRACK = "on_track", pgettext_lazy("action status", "On track")
        AT_RISK = "at_risk", pgettext_lazy("action status", "At risk")
        BEHIND = "behind", pgettext_lazy("action status", "Behind")

    action = models.ForeignKey(
        "programmes.Action",
        verbose_name=_("action"),
        on_delete=models.CASCADE,
        related_name="statuses",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    explanation = models.CharField(
        _("explanation"),
        max_length=200,
        blank=True,
        help_text=_(
            "One line. Required when a figure misses its target by more than 10 %."
        ),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("changed on"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("status of an action")
        verbose_name_plural = _("statuses of actions")
        ordering = ["action", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "year"], name="action_status_one_per_year"
            ),
        ]

    def __str__(self):
        return f"{self.action} {self.year}: {self.get_status_display()}"
