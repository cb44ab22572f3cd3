"""Report runs heal themselves: a heartbeat, a sweep for runs without a sign
of life, a claim that survives a redelivered message, and no 500 when the
broker is down."""

import datetime
from unittest import mock

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from config.celery_app import app
from outbox.models import OutboxMessage
from reporting import services
from reporting.models import ReportRun
from reporting.services import (
    MAX_ATTEMPTS,
    report_run_fail,
    report_run_generate,
    report_run_request,
    report_runs_fail_stale,
)
from reporting.tasks import report_run_generate_task, report_runs_fail_stale_task
from tests.factories import ReportRunFactory, UserFactory
from tests.mail_faults import broker_at

pytestmark = pytest.mark.django_db


def _ago(seconds: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(seconds=seconds)


def _queued(province, *, waiting: float, **kwargs) -> ReportRun:
    run = ReportRunFactory(province=province, **kwargs)
    # requested_at is auto_now_add: age it afterwards.
    ReportRun.objects.filter(pk=run.pk).update(
        requested_at=_ago(waiting), heartbeat_at=_ago(waiting)
    )
    run.refresh_from_db()
    return run


def _running(province, *, silent_for: float, claimed_by="task-1", **kwargs):
    return ReportRunFactory(
        province=province,
        running=True,
        started_at=_ago(silent_for + 60),
        heartbeat_at=_ago(silent_for),
        claimed_by=claimed_by,
        attempt_token="a" * 32,
        **kwargs,
    )


# --- the sweep --------------------------------------------------------------


def test_the_sweep_fails_a_run_that_stayed_queued_too_long(overijssel, settings):
    run = _queued(overijssel, waiting=settings.REPORT_RUN_QUEUED_STALE_AFTER + 5)
    assert report_runs_fail_stale() == [run.pk]
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED
    assert run.error.startswith("Het maken van de rapportage is niet begonnen")
    assert run.finished_at


def test_the_sweep_fails_a_running_run_whose_heartbeat_stopped(overijssel, settings):
    run = _running(overijssel, silent_for=settings.REPORT_RUN_STALE_AFTER + 5)
    # Through the beat task, as in production.
    assert report_runs_fail_stale_task.delay().get() == [run.pk]
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED
    assert run.error == (
        "Het maken van de rapportage is onderbroken. Probeer het opnieuw."
    )


def test_the_sweep_leaves_runs_with_a_recent_sign_of_life_alone(
    overijssel, limburg, settings
):
    # Started long ago, but beating: a long report, not a dead one.
    long_running = _running(overijssel, silent_for=settings.REPORT_RUN_STALE_AFTER - 30)
    ReportRun.objects.filter(pk=long_running.pk).update(started_at=_ago(24 * 3600))
    # Waiting in a long queue, within the time a queued run may wait.
    waiting = _queued(
        limburg, waiting=settings.REPORT_RUN_QUEUED_STALE_AFTER - 30, year=2015
    )
    done = ReportRunFactory(province=overijssel, year=2014, failed=True)
    ReportRun.objects.filter(pk=done.pk).update(requested_at=_ago(10**6))

    assert report_runs_fail_stale() == []
    for run in (long_running, waiting):
        status = run.status
        run.refresh_from_db()
        assert run.status == status and run.error == ""
    assert ReportRun.objects.get(pk=done.pk).error == "Er ging iets mis."


def test_the_sweep_reads_its_limits_from_the_settings(overijssel, settings):
    run = _running(overijssel, silent_for=120)
    assert report_runs_fail_stale() == []
    settings.REPORT_RUN_STALE_AFTER = 60
    assert report_runs_fail_stale() == [run.pk]


def test_the_sweep_runs_from_beat_every_few_minutes():
    entry = next(
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "reporting.tasks.report_runs_fail_stale_task"
    )
    assert entry["task"] in app.tasks
    assert entry["schedule"] == crontab(minute="*/5")


# --- requesting ---------------------------------------------------------------


def test_a_request_fails_a_stale_queued_run_and_starts_a_fresh_one(
    overijssel, settings
):
    dead = _queued(overijssel, waiting=settings.REPORT_RUN_QUEUED_STALE_AFTER + 5)
    with mock.patch.object(report_run_generate_task, "delay"):
        run, created = report_run_request(province=overijssel, year=2016)
    assert created and run.pk != dead.pk
    dead.refresh_from_db()
    assert dead.status == ReportRun.Status.FAILED
    assert "niet begonnen" in dead.error


def test_a_request_fails_a_running_run_whose_heartbeat_stopped(overijssel, settings):
    dead = _running(overijssel, silent_for=settings.REPORT_RUN_STALE_AFTER + 5)
    with mock.patch.object(report_run_generate_task, "delay"):
        run, created = report_run_request(province=overijssel, year=2016)
    assert created and run.pk != dead.pk
    assert run.status == ReportRun.Status.QUEUED
    dead.refresh_from_db()
    assert dead.status == ReportRun.Status.FAILED


def test_a_request_returns_a_run_that_is_running_with_a_fresh_heartbeat(
    overijssel, settings
):
    alive = _running(overijssel, silent_for=settings.REPORT_RUN_STALE_AFTER - 30)
    ReportRun.objects.filter(pk=alive.pk).update(started_at=_ago(24 * 3600))
    run, created = report_run_request(province=overijssel, year=2016)
    assert not created and run.pk == alive.pk
    alive.refresh_from_db()
    assert alive.status == ReportRun.Status.RUNNING


def test_a_failed_run_never_blocks_a_new_request(overijssel):
    failed = ReportRunFactory(province=overijssel, failed=True)
    run, created = report_run_request(province=overijssel, year=2016)
    assert created and run.pk != failed.pk


def test_asking_again_for_a_run_queued_a_while_sends_its_task_again(
    overijssel, django_capture_on_commit_callbacks
):
    waiting = _queued(overijssel, waiting=5 * 60)
    with (
        mock.patch.object(report_run_generate_task, "apply_async") as apply_async,
        django_capture_on_commit_callbacks(execute=True),
    ):
        run, created = report_run_request(province=overijssel, year=2016)
        # Asked a third time within the minute: no third job.
        report_run_request(province=overijssel, year=2016)
    assert not created and run.pk == waiting.pk
    apply_async.assert_called_once_with(kwargs={"run_id": waiting.pk})


def test_asking_again_right_away_does_not_send_the_task_twice(
    overijssel, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(report_run_generate_task, "apply_async") as apply_async,
        django_capture_on_commit_callbacks(execute=True),
    ):
        first, _ = report_run_request(province=overijssel, year=2016)
        again, created = report_run_request(province=overijssel, year=2016)
    assert not created and again.pk == first.pk
    apply_async.assert_called_once_with(kwargs={"run_id": first.pk})


# --- the heartbeat and the claim ----------------------------------------------


def test_generating_writes_a_heartbeat_at_the_start_and_after_every_format(data):
    run = ReportRunFactory(province=data.province)
    beats = []
    real_beat = services._beat

    def beat(run_id, token):
        beats.append(ReportRun.objects.get(pk=run_id).heartbeat_at)
        real_beat(run_id, token)

    with mock.patch.object(services, "_beat", side_effect=beat):
        run = report_run_generate(run_id=run.pk, task_id="task-1")
    assert run.status == ReportRun.Status.SUCCEEDED
    assert len(beats) == len(ReportRun.FILE_FIELDS)
    # The first is the one written when the attempt claimed the run.
    assert beats[0] is not None and beats[0] >= run.started_at
    assert beats == sorted(beats)
    assert run.heartbeat_at >= beats[-1]
    assert run.claimed_by == "task-1"


def test_an_attempt_stops_when_the_sweep_failed_its_run(data, report_files):
    run = ReportRunFactory(province=data.province)
    real_beat = services._beat

    def swept_after_the_first_format(run_id, token):
        report_run_fail(run_id=run_id, message="Gestopt door de controle.")
        real_beat(run_id, token)

    with mock.patch.object(services, "_beat", side_effect=swept_after_the_first_format):
        result = report_run_generate(run_id=run.pk)
    assert result.status == ReportRun.Status.FAILED
    assert result.error == "Gestopt door de controle."
    assert not result.pdf_file
    assert not [p for p in report_files.rglob("*") if p.is_file()]


def test_a_second_message_leaves_a_run_that_another_attempt_is_beating(data, settings):
    run = _running(data.province, silent_for=5, claimed_by="task-1")
    result = report_run_generate(run_id=run.pk, task_id="task-2")
    assert result.status == ReportRun.Status.RUNNING
    assert result.attempts == 1 and result.claimed_by == "task-1"


def test_a_second_message_takes_over_a_run_whose_heartbeat_stopped(data, settings):
    run = _running(
        data.province, silent_for=settings.REPORT_RUN_STALE_AFTER + 5, claimed_by="t1"
    )
    result = report_run_generate(run_id=run.pk, task_id="task-2")
    assert result.status == ReportRun.Status.SUCCEEDED
    assert result.attempts == 2 and result.claimed_by == "task-2"


def test_the_redelivered_message_of_a_lost_worker_takes_over_at_once(data):
    # Its worker died a second ago: the heartbeat is fresh, but the broker
    # only hands the same message out again when its worker is gone.
    run = _running(data.province, silent_for=1, claimed_by="task-1")
    result = report_run_generate(run_id=run.pk, task_id="task-1")
    assert result.status == ReportRun.Status.SUCCEEDED
    assert result.attempts == 2


def test_a_finished_run_is_left_alone_by_a_late_message(data):
    run = ReportRunFactory(province=data.province)
    done = report_run_generate(run_id=run.pk, task_id="task-1")
    again = report_run_generate(run_id=run.pk, task_id="task-1")
    assert again.status == ReportRun.Status.SUCCEEDED
    assert again.attempts == done.attempts == 1
    assert again.finished_at == done.finished_at


def test_a_run_that_keeps_losing_its_worker_is_failed_not_tried_for_ever(data):
    run = _running(data.province, silent_for=1, attempts=MAX_ATTEMPTS)
    result = report_run_generate(run_id=run.pk, task_id="task-1")
    assert result.status == ReportRun.Status.FAILED
    assert f"in {MAX_ATTEMPTS} pogingen" in result.error


def test_what_a_dead_attempt_left_behind_is_removed_when_the_run_succeeds(
    data, report_files, django_capture_on_commit_callbacks
):
    run = _running(data.province, silent_for=1, claimed_by="task-1")
    leftover = report_files / "OV" / "2016" / f"run-{run.pk}" / ("a" * 32) / "half.html"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"<html>half")
    with django_capture_on_commit_callbacks(execute=True):
        run = report_run_generate(run_id=run.pk, task_id="task-1")
    assert run.status == ReportRun.Status.SUCCEEDED
    files = sorted(
        str(p.relative_to(report_files)) for p in report_files.rglob("*") if p.is_file()
    )
    assert files == sorted(getattr(run, f).name for f in ReportRun.FILE_FIELDS)


# --- the broker is down ---------------------------------------------------------


def test_the_broker_being_down_leaves_the_run_queued_without_an_error(
    overijssel, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run, created = report_run_request(province=overijssel, year=2016)
    assert created and run.queue_failed
    run.refresh_from_db()
    assert run.status == ReportRun.Status.QUEUED


@pytest.mark.django_db(transaction=True)
def test_a_request_while_the_broker_is_down_answers_with_a_message_not_a_500(
    client, civil_servant, broker_down
):
    client.force_login(civil_servant)
    response = client.post(
        reverse("reporting:list"),
        {"year": "2016", "scope": "province", "language": "nl"},
        follow=True,
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "rapportagedienst onbereikbaar" in text
    run = ReportRun.objects.get()
    assert run.status == ReportRun.Status.QUEUED


def test_the_job_waits_in_the_outbox_and_is_handed_over_when_the_broker_is_back(
    overijssel, broker_down, django_capture_on_commit_callbacks
):
    from outbox.services import redispatch

    with django_capture_on_commit_callbacks(execute=True):
        run, _ = report_run_request(province=overijssel, year=2016)
    assert run.queue_failed
    job = OutboxMessage.objects.get(key=f"report-run:{run.pk}")
    assert job.state == OutboxMessage.State.PENDING
    with (
        broker_at(settings.CELERY_BROKER_URL, eager=False),
        mock.patch.object(report_run_generate_task, "apply_async") as apply_async,
    ):
        # The broker is back (taking the message is all that is checked
        # here); the outbox's beat job hands the job over.
        assert redispatch(now=timezone.now() + datetime.timedelta(minutes=2)) == 1
    apply_async.assert_called_once_with(kwargs={"run_id": run.pk})
    job.refresh_from_db()
    assert job.state == OutboxMessage.State.SENT


# --- configuration ----------------------------------------------------------------


def test_a_killed_workers_message_comes_back_after_the_longest_report():
    task = report_run_generate_task
    assert task.acks_late and task.reject_on_worker_lost
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_TIME_LIMIT < timeout <= 2 * 3600
    assert settings.REPORT_RUN_STALE_AFTER < settings.CELERY_TASK_TIME_LIMIT


def test_the_admin_shows_each_runs_last_sign_of_life(client, overijssel):
    run = _running(overijssel, silent_for=90)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("admin:reporting_reportrun_changelist"))
    assert response.status_code == 200
    assert "laatste teken van leven" in response.content.decode().lower()
    assert run in response.context["cl"].result_list
