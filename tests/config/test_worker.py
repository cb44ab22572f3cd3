"""One integration test with a real Celery worker process over Redis."""

import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings

from config.celery_app import app

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker_queue():
    if not settings.REDIS_URL:
        pytest.fail(
            "REDIS_URL must point to Redis: the worker test needs a real broker."
        )
    queue = f"test-{uuid.uuid4().hex[:8]}"
    was_eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    env = {**os.environ, "CELERY_TASK_ALWAYS_EAGER": "0"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel=warning",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    yield queue
    app.conf.task_always_eager = was_eager
    process.terminate()
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    if process.returncode not in (0, -15):
        print(output.decode(errors="replace"))


def test_a_real_worker_runs_the_heartbeat_task_and_returns_its_result(worker_queue):
    from django.core.cache import cache

    from config.tasks import HEARTBEAT_CACHE_KEY

    result = app.send_task("config.tasks.heartbeat_record_task", queue=worker_queue)
    recorded_at = result.get(timeout=60)
    assert recorded_at
    # The worker wrote through the shared Redis cache, not an in-process one.
    assert cache.get(HEARTBEAT_CACHE_KEY) == recorded_at
