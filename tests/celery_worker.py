"""A real Celery worker process over Redis, for the worker tests."""

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager

from config.celery_app import app


@contextmanager
def celery_worker(**env):
    """Start a solo worker on a queue of its own, with `env` added to its
    environment; yields the queue's name. Tasks run for real while it
    lasts (not eagerly)."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    was_eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
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
        env={**os.environ, "CELERY_TASK_ALWAYS_EAGER": "0", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield queue
    finally:
        app.conf.task_always_eager = was_eager
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        if process.returncode not in (0, -15):
            print(output.decode(errors="replace"))
