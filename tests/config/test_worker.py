"""One integration test with a real Celery worker process over Redis."""

import pytest
from django.conf import settings

from config.celery_app import app
from tests.celery_worker import celery_worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker_queue():
    if not settings.REDIS_URL:
        pytest.fail(
            "REDIS_URL must point to Redis: the worker test needs a real broker."
        )
    with celery_worker() as queue:
        yield queue


def test_a_real_worker_runs_the_heartbeat_task_and_returns_its_result(worker_queue):
    from django.core.cache import cache

    from config.tasks import HEARTBEAT_CACHE_KEY

    result = app.send_task("config.tasks.heartbeat_record_task", queue=worker_queue)
    recorded_at = result.get(timeout=60)
    assert recorded_at
    # The worker wrote through the shared Redis cache, not an in-process one.
    assert cache.get(HEARTBEAT_CACHE_KEY) == recorded_at
