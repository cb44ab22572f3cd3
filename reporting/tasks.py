"""Celery tasks of the reporting app: thin interfaces to services."""

import random

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _
from django.utils.translation import override

# Infrastructure that may be back in a moment: the database, a broker or an
# object store. Report errors themselves are recorded by the service.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
MAX_RETRIES = 5


def retry_delay(retries: int) -> int:
    """Exponential back-off with jitter: about 10 s, 20 s, 40 s ... 10 min."""
    base = min(600, 10 * 2**retries)
    return base // 2 + random.randint(0, base // 2)


# acks_late with reject_on_worker_lost: the message is acknowledged only when
# the task ends, so a worker killed mid-report (kill -9, out of memory) hands
# it to another worker: at once when a pool process dies, after the broker's
# visibility timeout (CELERY_BROKER_TRANSPORT_OPTIONS) when the whole worker
# does. Safe, because generating claims the run under a row lock and only the
# attempt holding it publishes (reporting.services).
@shared_task(
    bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_RETRIES
)
def report_run_generate_task(self, run_id: int) -> str | None:
    """Generate one report run; safe to run twice (state guard, see
    reporting.services). Retries transient errors with back-off and records
    the run as failed when they persist or time runs out."""
    from . import services

    try:
        run = services.report_run_generate(run_id=run_id, task_id=self.request.id or "")
    except SoftTimeLimitExceeded:
        with override("nl"):
            message = _("Generating the report took too long. Please try again.")
        services.report_run_fail(run_id=run_id, message=message)
        raise
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            with override("nl"):
                message = _(
                    "The report could not be generated because a service was "
                    "unavailable. Please try again later."
                )
            services.report_run_fail(run_id=run_id, message=message)
            raise
        raise self.retry(exc=exc, countdown=retry_delay(self.request.retries)) from exc
    except Exception:
        # A bug, not the report's fault: record it, so the run does not
        # hold its slot forever, and let the error reach the logs.
        with override("nl"):
            message = _(
                "The report could not be generated because of an unexpected "
                "error. The administrators can see what went wrong."
            )
        services.report_run_fail(run_id=run_id, message=message)
        raise
    return run.status if run else None


@shared_task
def report_runs_yearly_task() -> list[int]:
    """Queue last year's report of every province (15 January, see settings)."""
    from .services import report_runs_request_yearly

    return [run.pk for run in report_runs_request_yearly()]


@shared_task
def report_runs_fail_stale_task() -> list[int]:
    """Fail report runs without a sign of life for too long (beat, every five
    minutes), so they can be requested again."""
    from .services import report_runs_fail_stale

    return report_runs_fail_stale()


@shared_task
def civil_servant_digests_send_task() -> int:
    """Queue the daily digest of every civil servant who wants it (beat,
    every morning); the outbox sends each once per day."""
    from .digest import civil_servant_digests_send

    return civil_servant_digests_send()
