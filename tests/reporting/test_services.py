import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from missions.models import Registration
from outbox.models import OutboxMessage
from participants.models import ContactPerson
from reporting import services
from reporting.models import ReportRun
from reporting.services import (
    ReportError,
    report_run_generate,
    report_run_request,
    report_runs_request_yearly,
)
from reporting.tasks import report_run_generate_task
from tests.factories import ReportRunFactory

pytestmark = pytest.mark.django_db


def _files(run):
    return {f: getattr(run, f).name for f in ReportRun.FILE_FIELDS}


def _contents(run):
    result = {}
    for f in ReportRun.FILE_FIELDS:
        with getattr(run, f).open("rb") as handle:
            result[f] = handle.read()
    return result


@pytest.fixture
def generated(data, civil_servant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run, created = report_run_request(
            province=data.province, year=2016, requested_by=civil_servant
        )
    assert created
    run.refresh_from_db()
    return run


def test_a_request_is_generated_after_commit_with_all_four_files(generated):
    assert generated.status == ReportRun.Status.SUCCEEDED
    assert generated.attempts == 1
    assert generated.started_at <= generated.finished_at
    assert generated.figures["totals"]["participants"] == 52
    storage = generated.pdf_file.storage
    for name in _files(generated).values():
        assert name and storage.exists(name)
    assert generated.pdf_file.name.endswith(".pdf")
    assert generated.xlsx_file.name.endswith(".xlsx")


def test_the_task_is_queued_only_when_the_transaction_commits(
    data, django_capture_on_commit_callbacks
):
    with mock.patch.object(report_run_generate_task, "apply_async") as apply_async:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            run, _ = report_run_request(province=data.province, year=2016)
        apply_async.assert_not_called()
        # The job is written with the run, in the same transaction.
        job = OutboxMessage.objects.get(key=f"report-run:{run.pk}")
        assert job.state == OutboxMessage.State.PENDING
        for callback in callbacks:
            callback()
    apply_async.assert_called_once_with(kwargs={"run_id": run.pk})
    job.refresh_from_db()
    assert job.state == OutboxMessage.State.SENT


def test_asking_again_while_a_run_is_queued_returns_that_run(overijssel):
    with mock.patch.object(report_run_generate_task, "delay") as delay:
        with transaction.atomic():
            first, created = report_run_request(province=overijssel, year=2016)
        with transaction.atomic():
            second, created_again = report_run_request(province=overijssel, year=2016)
    assert created and not created_again
    assert second.pk == first.pk
    assert ReportRun.objects.count() == 1
    assert delay.call_count <= 1


def test_asking_again_while_running_returns_the_running_run(overijssel):
    running = ReportRunFactory(province=overijssel, running=True)
    run, created = report_run_request(province=overijssel, year=2016)
    assert not created
    assert run.pk == running.pk


def test_another_language_or_year_is_another_run(overijssel):
    ReportRunFactory(province=overijssel, running=True)
    english, created_en = report_run_request(
        province=overijssel, year=2016, language="en"
    )
    other_year, created_year = report_run_request(province=overijssel, year=2015)
    assert created_en and created_year
    assert ReportRun.objects.count() == 3


def test_after_a_finished_run_a_new_request_makes_a_new_run(generated):
    run, created = report_run_request(province=generated.province, year=2016)
    assert created
    assert run.pk != generated.pk


def test_the_database_allows_one_active_run_per_scope_year_and_language(overijssel):
    ReportRunFactory(province=overijssel)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportRunFactory(province=overijssel, running=True)
    # Finished runs do not hold the slot.
    ReportRunFactory(province=overijssel, failed=True)


def test_losing_the_race_for_the_slot_returns_the_winners_run(overijssel):
    winner = ReportRunFactory(province=overijssel)
    with mock.patch.object(services, "_active_run", side_effect=[None, winner]):
        run, created = report_run_request(province=overijssel, year=2016)
    assert not created
    assert run == winner


def test_generating_twice_gives_the_same_files(generated):
    files, contents = _files(generated), _contents(generated)
    again = report_run_generate(run_id=generated.pk)
    assert again.attempts == 1
    assert _files(again) == files
    assert _contents(again) == contents


def test_a_domain_failure_is_recorded_and_leaves_no_files(
    data, report_files, django_capture_on_commit_callbacks
):
    with (
        mock.patch(
            "reporting.rendering.render_report_files",
            side_effect=ReportError("De prestatie bestaat niet meer."),
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        run, _ = report_run_request(province=data.province, year=2016)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED
    assert run.error == "De prestatie bestaat niet meer."
    assert run.finished_at
    assert not run.pdf_file
    assert not list(report_files.rglob("*.*"))


def test_a_failure_halfway_through_writing_leaves_no_visible_run_or_files(
    data, report_files
):
    run = ReportRunFactory(province=data.province)
    storage = ReportRun._meta.get_field("pdf_file").storage
    real_save = storage.save
    calls = []

    def flaky_save(name, content, **kwargs):
        calls.append(name)
        if len(calls) == 3:
            raise OperationalError("disk went away")
        return real_save(name, content, **kwargs)

    with (
        mock.patch.object(storage, "save", side_effect=flaky_save),
        pytest.raises(OperationalError),
    ):
        report_run_generate(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.RUNNING
    assert not run.pdf_file
    assert not [p for p in report_files.rglob("*") if p.is_file()]
    # The retry finishes the same run from the frozen figures.
    frozen = run.figures
    run = report_run_generate(run_id=run.pk)
    assert run.status == ReportRun.Status.SUCCEEDED
    assert run.attempts == 2
    assert run.figures == frozen


@pytest.fixture
def eager_not_propagating():
    """Eager retries run nested; let the last one end instead of raising."""
    conf = report_run_generate_task.app.conf
    old = conf.task_eager_propagates
    conf.task_eager_propagates = False
    yield
    conf.task_eager_propagates = old


def test_transient_errors_are_retried_and_recorded_when_they_persist(
    data, eager_not_propagating
):
    run = ReportRunFactory(province=data.province)
    with (
        mock.patch.object(
            services, "report_run_generate", side_effect=OperationalError("db down")
        ) as generate,
        mock.patch("reporting.tasks.retry_delay", return_value=0),
    ):
        report_run_generate_task.apply(args=[run.pk], throw=False)
    assert generate.call_count == 1 + report_run_generate_task.max_retries
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED
    assert "niet beschikbaar" in run.error


def test_a_transient_error_then_success_gives_a_ready_run(data):
    run = ReportRunFactory(province=data.province)
    real = services.report_run_generate
    calls = []

    def once_down(**kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise OperationalError("db restarting")
        return real(**kwargs)

    with (
        mock.patch.object(services, "report_run_generate", side_effect=once_down),
        mock.patch("reporting.tasks.retry_delay", return_value=0),
    ):
        report_run_generate_task.apply(args=[run.pk], throw=False)
    assert len(calls) == 2
    run.refresh_from_db()
    assert run.status == ReportRun.Status.SUCCEEDED


def test_an_unexpected_error_fails_the_run_instead_of_holding_its_slot(data):
    run = ReportRunFactory(province=data.province)
    with mock.patch.object(
        services, "report_run_generate", side_effect=KeyError("bug")
    ):
        result = report_run_generate_task.apply(args=[run.pk], throw=False)
    assert isinstance(result.result, KeyError)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED
    assert run.error


def test_figures_and_files_stay_frozen_after_erasure_and_edits(generated, data):
    figures, contents = generated.figures, _contents(generated)
    # AVG erasure of every contact person, and later edits of the data.
    ContactPerson.objects.update(
        name="Geanonimiseerd", email="", phone="", anonymised_at=timezone.now()
    )
    ContactPerson.objects.filter(organisation__in=data.organisations[:3]).delete()
    registration = data.registrations[0]
    registration.seats = 1
    registration.status = Registration.Status.WITHDRAWN
    registration.save()
    data.missions[0].title = "Andere titel"
    data.missions[0].save()

    generated.refresh_from_db()
    assert generated.figures == figures
    assert _contents(generated) == contents
    assert report_run_generate(run_id=generated.pk).figures == figures
    # A new run does see the change: the edit mattered.
    with mock.patch.object(report_run_generate_task, "delay"):
        fresh, _ = report_run_request(province=data.province, year=2016)
    fresh = report_run_generate(run_id=fresh.pk)
    assert fresh.figures["totals"]["participants"] == 50


def test_personal_data_of_contact_persons_is_not_in_the_frozen_figures(generated):
    frozen = str(generated.figures)
    for contact in ContactPerson.objects.all():
        assert contact.name not in frozen
        assert contact.email not in frozen


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"year": 1999}, "year"),
        ({"year": timezone.localdate().year + 1}, "year"),
        ({"language": "de"}, "language"),
        ({"scope": "programme"}, "programme"),
        ({"scope": "prestatie"}, "prestatie"),
    ],
)
def test_wrong_requests_are_refused_with_a_message(overijssel, kwargs, field):
    with pytest.raises(ValidationError) as info:
        report_run_request(province=overijssel, **{"year": 2016, **kwargs})
    assert field in info.value.message_dict
    assert not ReportRun.objects.exists()


def test_a_prestatie_of_another_year_is_refused(data):
    with pytest.raises(ValidationError) as info:
        report_run_request(
            province=data.province,
            year=2015,
            scope="prestatie",
            prestatie=data.prestatie,
        )
    assert "2015" in info.value.message_dict["prestatie"][0]


def test_a_user_of_another_province_cannot_request(data, civil_servant_limburg):
    with pytest.raises(ValidationError) as info:
        report_run_request(
            province=data.province, year=2016, requested_by=civil_servant_limburg
        )
    assert "province" in info.value.message_dict


def test_prestatie_scope_reports_only_that_prestatie(data):
    with mock.patch.object(report_run_generate_task, "delay"):
        run, _ = report_run_request(
            province=data.province,
            year=2016,
            scope="prestatie",
            prestatie=data.prestatie,
        )
    run = report_run_generate(run_id=run.pk)
    assert run.status == ReportRun.Status.SUCCEEDED
    assert run.scope_key == f"prestatie:{data.prestatie.pk}"
    assert run.figures["scope"]["code"] == "5.4.2"


def test_yearly_schedule_queues_last_years_report_of_every_province(
    overijssel, limburg
):
    with mock.patch.object(report_run_generate_task, "delay"):
        runs = report_runs_request_yearly(today=datetime.date(2017, 1, 15))
    assert {(r.province.code, r.year, r.scope) for r in runs} == {
        ("OV", 2016, "province"),
        ("LI", 2016, "province"),
    }


def test_a_run_stuck_in_running_for_too_long_gives_way_to_a_new_one(
    overijssel, settings
):
    stuck = ReportRunFactory(
        province=overijssel,
        running=True,
        started_at=timezone.now()
        - datetime.timedelta(seconds=3 * settings.CELERY_TASK_TIME_LIMIT),
    )
    with mock.patch.object(report_run_generate_task, "delay"):
        run, created = report_run_request(province=overijssel, year=2016)
    assert created and run.pk != stuck.pk
    stuck.refresh_from_db()
    assert stuck.status == ReportRun.Status.FAILED
    assert "onderbroken" in stuck.error
