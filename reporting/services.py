"""Writes of the reporting app: requesting and generating report runs.

A run goes queued → running → succeeded or failed. Generating is
idempotent: a finished run is left alone, and every attempt writes its files
under a directory named after its own attempt token, unknown to anything
until the one final update that points the run at them and marks it
succeeded. A half-written attempt is therefore never visible; its files are
removed, and only the attempt that holds the run's current token may
publish.
"""

from __future__ import annotations

import datetime
import json
import logging
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from outbox.services import job_enqueue
from programmes.models import Prestatie, Programme, Province

from .figures import figures_for
from .models import ReportRun, report_storage

logger = logging.getLogger(__name__)

FIRST_YEAR = 2000


class ReportError(Exception):
    """A failure of the report itself (not of the infrastructure): it is
    recorded on the run with this message and not retried."""


def _clean_request(
    *, province, year, scope, programme, prestatie, language, requested_by
) -> None:
    last_year = timezone.localdate().year
    errors = {}
    if not isinstance(year, int) or not FIRST_YEAR <= year <= last_year:
        errors["year"] = _("Choose a year between %(first)s and %(last)s.") % {
            "first": FIRST_YEAR,
            "last": last_year,
        }
    if language not in dict(settings.LANGUAGES):
        errors["language"] = _("Choose Dutch or English.")
    if scope not in ReportRun.Scope.values:
        errors["scope"] = _("Choose the whole province, a programme or a prestatie.")
    elif scope == ReportRun.Scope.PROGRAMME:
        if programme is None or programme.province_id != province.pk:
            errors["programme"] = _("Choose a programme of your province.")
    elif scope == ReportRun.Scope.PRESTATIE:
        if prestatie is None or prestatie.province_id != province.pk:
            errors["prestatie"] = _("Choose a prestatie of your province.")
        elif prestatie.year != year:
            errors["prestatie"] = _(
                "Choose a prestatie of %(year)s: prestaties are kept per year."
            ) % {"year": year}
    if (
        requested_by is not None
        and not requested_by.is_administrator
        and requested_by.province_id != province.pk
    ):
        errors["province"] = _("You can only request reports of your own province.")
    if errors:
        raise ValidationError(errors)


def _is_stale(run: ReportRun) -> bool:
    """Running far longer than a task may (CELERY_TASK_TIME_LIMIT)."""
    if run.status != ReportRun.Status.RUNNING or run.started_at is None:
        return False
    limit = datetime.timedelta(seconds=2 * settings.CELERY_TASK_TIME_LIMIT)
    return timezone.now() - run.started_at > limit


def _active_run(province, key, year, language) -> ReportRun | None:
    return ReportRun.objects.filter(
        province=province,
        scope_key=key,
        year=year,
        language=language,
        status__in=ReportRun.ACTIVE_STATUSES,
    ).first()


@transaction.atomic
def report_run_request(
    *,
    province: Province,
    year: int,
    scope: str = ReportRun.Scope.PROVINCE,
    programme: Programme | None = None,
    prestatie: Prestatie | None = None,
    language: str = "nl",
    requested_by=None,
    queue: bool = True,
) -> tuple[ReportRun, bool]:
    """Queue a report, or return the run already queued or running for the
    same scope, year and language. Returns (run, created); the task is
    queued once the transaction commits (not with queue=False, for callers
    that generate in the foreground)."""
    if scope != ReportRun.Scope.PROGRAMME:
        programme = None
    if scope != ReportRun.Scope.PRESTATIE:
        prestatie = None
    _clean_request(
        province=province,
        year=year,
        scope=scope,
        programme=programme,
        prestatie=prestatie,
        language=language,
        requested_by=requested_by,
    )
    key = ReportRun.key_for(scope, programme, prestatie)
    existing = _active_run(province, key, year, language)
    if existing is not None and _is_stale(existing):
        # Its worker died without the task coming back: free the slot.
        report_run_fail(
            run_id=existing.pk,
            message=_("Generating the report was interrupted. Please try again."),
        )
        existing = None
    if existing is not None:
        return existing, False
    try:
        # A savepoint, so that losing a race leaves the outer transaction
        # usable for reading the winner's run.
        with transaction.atomic():
            run = ReportRun.objects.create(
                province=province,
                scope=scope,
                programme=programme,
                prestatie=prestatie,
                scope_key=key,
                year=year,
                language=language,
                requested_by=requested_by,
            )
    except IntegrityError:
        existing = _active_run(province, key, year, language)
        if existing is None:
            raise
        return existing, False

    if queue:
        # Written with the run, handed to Celery after commit; with the
        # broker down it waits in the outbox, not lost (outbox.services).
        job_enqueue(
            key=f"report-run:{run.pk}",
            task="reporting.tasks.report_run_generate_task",
            kwargs={"run_id": run.pk},
        )
    return run, True


def _freeze_figures(run: ReportRun) -> dict:
    with translation.override(run.language):
        try:
            figures = figures_for(
                province=run.province,
                year=run.year,
                programme=run.programme,
                prestatie=run.prestatie,
                as_of=timezone.localdate(),
            )
        except ValueError as exc:
            raise ReportError(str(exc)) from exc
    # Through JSON and back, so the files are rendered from exactly what is
    # stored, also in the first attempt.
    return json.loads(json.dumps(figures.to_dict(), cls=DjangoJSONEncoder))


def _start(run_id: int, token: str) -> ReportRun | None:
    with transaction.atomic():
        run = (
            ReportRun.objects.select_for_update(of=("self",))
            .select_related("province", "programme", "prestatie")
            .filter(pk=run_id)
            .first()
        )
        if run is None or not run.is_active:
            return None
        run.status = ReportRun.Status.RUNNING
        run.attempts += 1
        run.attempt_token = token
        run.started_at = run.started_at or timezone.now()
        run.error = ""
        if run.figures is None:
            run.figures = _freeze_figures(run)
            run.figures_at = timezone.now()
        run.save()
        return run


def _delete(names) -> None:
    storage = report_storage()
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not remove report file %s", name)


def _write(run: ReportRun, token: str) -> dict[str, str]:
    from .rendering import render_report

    files = render_report(run)
    storage = report_storage()
    folder = f"{run.province.code}/{run.year}/run-{run.pk}/{token}"
    names: dict[str, str] = {}
    try:
        for field, (filename, content) in files.items():
            names[field] = storage.save(f"{folder}/{filename}", ContentFile(content))
        missing = [n for n in names.values() if not storage.exists(n)]
        if missing or set(names) != set(ReportRun.FILE_FIELDS):
            raise ReportError(_("Not every file of the report could be written."))
    except BaseException:
        _delete(names.values())
        raise
    return names


def report_run_generate(*, run_id: int) -> ReportRun | None:
    """Generate a queued or running run; a finished run is returned as is.

    Domain failures (ReportError, ValidationError) are recorded on the run
    as failed. Infrastructure errors (database, storage) propagate so the
    task can retry them; the run then stays running with its frozen figures.
    """
    token = uuid.uuid4().hex
    try:
        run = _start(run_id, token)
    except (ReportError, ValidationError) as exc:
        report_run_fail(run_id=run_id, message=_message(exc))
        return ReportRun.objects.filter(pk=run_id).first()
    if run is None:
        return ReportRun.objects.filter(pk=run_id).first()
    try:
        names = _write(run, token)
    except (ReportError, ValidationError) as exc:
        return report_run_fail(run_id=run_id, message=_message(exc))
    with transaction.atomic():
        run = ReportRun.objects.select_for_update().get(pk=run_id)
        if run.attempt_token != token or run.status != ReportRun.Status.RUNNING:
            # Another attempt took the run over; it publishes its own files.
            transaction.on_commit(lambda: _delete(names.values()))
            return run
        for field, name in names.items():
            setattr(run, field, name)
        run.status = ReportRun.Status.SUCCEEDED
        run.finished_at = timezone.now()
        run.save()
    return run


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


@transaction.atomic
def report_run_fail(*, run_id: int, message: str) -> ReportRun | None:
    """Record a run as failed with a message a person can act on."""
    run = ReportRun.objects.select_for_update().filter(pk=run_id).first()
    if run is None or not run.is_active:
        return run
    run.status = ReportRun.Status.FAILED
    run.error = message
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "error", "finished_at"])
    return run


def report_runs_request_yearly(
    *, today: datetime.date | None = None
) -> list[ReportRun]:
    """Queue last year's whole-province report of every province (beat)."""
    year = (today or timezone.localdate()).year - 1
    return [
        report_run_request(province=province, year=year)[0]
        for province in Province.objects.order_by("code")
    ]
