"""Writes of the reporting app: requesting and generating report runs.

A run goes queued → running → succeeded or failed. Generating is
idempotent: a finished run is left alone, and every attempt writes its files
under a directory named after its own attempt token, unknown to anything
until the one final update that points the run at them and marks it
succeeded. A half-written attempt is therefore never visible; its files are
removed, and only the attempt that holds the run's current token may
publish.

Self-healing: an attempt writes a heartbeat after every step. A run whose
worker died is taken over by the redelivery of its own message (acks_late),
or, when no sign of life comes for REPORT_RUN_STALE_AFTER seconds, failed by
the sweep (report_runs_fail_stale) or by the next request for the same
report, which then starts a fresh run.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import time
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import override

from outbox.selectors import job_is_waiting
from outbox.services import job_enqueue
from programmes.models import Prestatie, Programme
from provinces.models import Province

from .figures import figures_for
from .figures.trends import extras_for
from .models import ReportRun, report_storage

logger = logging.getLogger(__name__)

FIRST_YEAR = 2000
# A run whose generation keeps killing its worker (memory, a crash in a
# library) would otherwise be delivered again for ever (acks_late with
# reject_on_worker_lost): room for the task's own retries of transient errors
# (tasks.MAX_RETRIES + 1 attempts) and two lost workers, then it fails.
MAX_ATTEMPTS = 8
# A queued run asked for again after this long gets another job, in case
# the first message was lost after the broker took it (a broker that was
# down keeps the job in the outbox until it is back). A duplicate message is
# harmless: the first one to arrive claims the run.
REQUEUE_AFTER = datetime.timedelta(minutes=1)


class ReportError(Exception):
    """A failure of the report itself (not of the infrastructure): it is
    recorded on the run with this message and not retried."""


class AttemptSuperseded(Exception):
    """This attempt no longer holds its run: the sweep failed it or another
    attempt took it over. It stops and removes its files."""


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
    that generate in the foreground).

    An active run without a sign of life for too long is failed here and a
    fresh run takes its place. When the broker cannot be reached the run
    stays queued, its job waits in the outbox until the broker is back, and
    ``run.queue_failed`` is true after the commit."""
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
    if existing is not None and _fail_if_stale(existing.pk):
        existing = None
    if existing is not None:
        if (
            queue
            and existing.status == ReportRun.Status.QUEUED
            and existing.requested_at < timezone.now() - REQUEUE_AFTER
        ):
            # Its first job may have been handed over and the message lost
            # since: one more job, at most one a minute.
            _queue_generation(
                existing,
                key=f"report-run:{existing.pk}:{timezone.now():%Y%m%d%H%M}",
            )
        return existing, False
    try:
        # A savepoint, so that losing a race leaves the outer transaction
        # usable for reading the winner's run.
        with transaction.atomic():
            run = ReportRun.objects.create(
                version=_next_version(province, key, year, language),
                province=province,
                scope=scope,
                programme=programme,
                prestatie=prestatie,
                scope_key=key,
                year=year,
                language=language,
                requested_by=requested_by,
                heartbeat_at=timezone.now(),
            )
    except IntegrityError:
        existing = _active_run(province, key, year, language)
        if existing is None:
            raise
        return existing, False

    if queue:
        _queue_generation(run, key=f"report-run:{run.pk}")
    return run, True


def _next_version(province, key, year, language) -> int:
    """Every request of the same report is a new version (a concurrent one
    loses on the unique active run or the unique version)."""
    last = ReportRun.objects.filter(
        province=province, scope_key=key, year=year, language=language
    ).aggregate(last=Max("version"))["last"]
    return (last or 0) + 1


def _queue_generation(run: ReportRun, *, key: str) -> None:
    """Write the run's generation job to the outbox, in this transaction;
    the outbox hands it to Celery after the commit. When the broker cannot
    be reached the job waits in the outbox and is handed over when it is
    back (outbox.services.redispatch); ``run.queue_failed`` then tells the
    caller, after the commit, that generation has not started yet."""
    run.queue_failed = False
    job = job_enqueue(
        key=key,
        task="reporting.tasks.report_run_generate_task",
        kwargs={"run_id": run.pk},
    )
    if job is not None:
        # After the outbox's own callback, which hands the job over.
        def note_outcome():
            run.queue_failed = job_is_waiting(job.pk)

        transaction.on_commit(note_outcome)


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
        data = figures.to_dict()
        # Year-on-year, statuses and funnel (issue 16 item 6).
        data["extras"] = extras_for(
            data,
            province=run.province,
            programme=run.programme,
            prestatie=run.prestatie,
        )
    # Through JSON and back, so the files are rendered from exactly what is
    # stored, also in the first attempt.
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _start(run_id: int, token: str, task_id: str) -> ReportRun | None:
    """Claim the run for this attempt, or None when it is not to be made
    here: finished, or running under another message that still beats."""
    with transaction.atomic():
        run = (
            ReportRun.objects.select_for_update(of=("self",))
            .select_related("province", "programme", "prestatie")
            .filter(pk=run_id)
            .first()
        )
        if run is None or not run.is_active:
            return None
        if (
            run.status == ReportRun.Status.RUNNING
            and run.claimed_by != task_id
            and not run.is_stale()
        ):
            # A second message for the run (sent again) while an attempt
            # is alive: that one finishes it; if it dies, its own message
            # comes back or the sweep fails the run.
            logger.info("Report run %s is being generated elsewhere", run_id)
            return None
        if run.attempts >= MAX_ATTEMPTS:
            raise ReportError(
                _(
                    "The report could not be generated in %(attempts)s attempts. "
                    "The administrators can see what went wrong."
                )
                % {"attempts": run.attempts}
            )
        now = timezone.now()
        run.status = ReportRun.Status.RUNNING
        run.attempts += 1
        run.attempt_token = token
        run.claimed_by = task_id
        run.started_at = run.started_at or now
        run.heartbeat_at = now
        run.error = ""
        if run.figures is None:
            run.figures = _freeze_figures(run)
            run.figures_at = timezone.now()
        run.save()
        return run


def _beat(run_id: int, token: str) -> None:
    """Record that this attempt is alive and still holds the run; stop it
    when the sweep failed the run or another attempt took it over."""
    held = ReportRun.objects.filter(
        pk=run_id, status=ReportRun.Status.RUNNING, attempt_token=token
    ).update(heartbeat_at=timezone.now())
    if not held:
        raise AttemptSuperseded
    if settings.REPORT_RUN_TEST_HOLD_FILE:
        _hold_for_tests(settings.REPORT_RUN_TEST_HOLD_FILE)


def _hold_for_tests(path: str) -> None:
    """Tests only (REPORT_RUN_TEST_HOLD_FILE, never set in production):
    wait while the file exists, so a test can kill the worker mid-report."""
    deadline = time.monotonic() + 120
    while os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.05)


def _delete(names) -> None:
    storage = report_storage()
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not remove report file %s", name)


def _run_folder(run: ReportRun) -> str:
    return f"{run.province.code}/{run.year}/run-{run.pk}"


def _write(run: ReportRun, token: str) -> dict[str, str]:
    from .rendering import render_report_files

    storage = report_storage()
    folder = f"{_run_folder(run)}/{token}"
    names: dict[str, str] = {}
    try:
        for field, (filename, content) in render_report_files(run):
            names[field] = storage.save(f"{folder}/{filename}", ContentFile(content))
            _beat(run.pk, token)
        missing = [n for n in names.values() if not storage.exists(n)]
        if missing or set(names) != set(ReportRun.FILE_FIELDS):
            raise ReportError(_("Not every file of the report could be written."))
    except BaseException:
        _delete(names.values())
        raise
    return names


def _delete_other_attempts(run: ReportRun, token: str) -> None:
    """Remove what attempts that died half-way left behind."""
    storage = report_storage()
    root = _run_folder(run)
    try:
        folders, _files = storage.listdir(root)
    except (OSError, NotImplementedError):
        return
    for folder in folders:
        if folder == token:
            continue
        try:
            _dirs, files = storage.listdir(f"{root}/{folder}")
        except OSError:
            continue
        _delete(f"{root}/{folder}/{name}" for name in files)


def report_run_generate(*, run_id: int, task_id: str = "") -> ReportRun | None:
    """Generate a queued or running run; a finished run is returned as is,
    and so is a run that another message (``task_id``: the Celery task id
    of this one) is generating and that still gives signs of life.

    Domain failures (ReportError, ValidationError) are recorded on the run
    as failed. Infrastructure errors (database, storage) propagate so the
    task can retry them; the run then stays running with its frozen figures.
    """
    token = uuid.uuid4().hex
    try:
        run = _start(run_id, token, task_id)
    except (ReportError, ValidationError) as exc:
        report_run_fail(run_id=run_id, message=_message(exc))
        return ReportRun.objects.filter(pk=run_id).first()
    if run is None:
        return ReportRun.objects.filter(pk=run_id).first()
    try:
        names = _write(run, token)
    except AttemptSuperseded:
        return ReportRun.objects.filter(pk=run_id).first()
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
        run.heartbeat_at = run.finished_at
        run.save()
        transaction.on_commit(lambda: _delete_other_attempts(run, token))
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


def _stale_message(run: ReportRun) -> str:
    # Stored in Dutch, like the task's messages: the run's reader may use
    # either language, and the portal's default is Dutch.
    with override("nl"):
        if run.status == ReportRun.Status.QUEUED:
            return _(
                "Generating the report did not start: the report service did "
                "not pick up the request. Please request the report again."
            )
        return _("Generating the report was interrupted. Please try again.")


@transaction.atomic
def _fail_if_stale(run_id: int) -> bool:
    """Fail the run when it is queued or running without a sign of life
    for too long; True when it did (checked again under a row lock, so a
    run that just beat is left alone)."""
    run = ReportRun.objects.select_for_update().filter(pk=run_id).first()
    if run is None or not run.is_stale():
        return False
    logger.warning(
        "Report run %s failed: %s without a sign of life since %s",
        run.pk,
        run.status,
        run.last_sign_of_life.isoformat(),
    )
    report_run_fail(run_id=run.pk, message=_stale_message(run))
    # A failed run publishes nothing: what its dead attempt wrote goes.
    transaction.on_commit(lambda: _delete_other_attempts(run, token=""))
    return True


def report_runs_fail_stale() -> list[int]:
    """Fail every run queued or running without a sign of life for longer
    than REPORT_RUN_QUEUED_STALE_AFTER / REPORT_RUN_STALE_AFTER (beat), so a
    new request for the same report starts afresh. Returns their ids."""
    candidates = list(ReportRun.objects.stale().values_list("pk", flat=True))
    return [run_id for run_id in candidates if _fail_if_stale(run_id)]


def report_runs_request_yearly(
    *, today: datetime.date | None = None
) -> list[ReportRun]:
    """Queue last year's whole-province report of every province (beat)."""
    year = (today or timezone.localdate()).year - 1
    return [
        report_run_request(province=province, year=year)[0]
        for province in Province.objects.order_by("code")
    ]
