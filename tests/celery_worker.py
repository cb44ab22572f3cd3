"""A real Celery worker process over Redis, for the worker tests."""

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager

from config.celery_app import app


def start_worker(queue: str, pool: str = "solo", **env) -> subprocess.Popen:
    """A worker on `queue` with `env` added to its environment. With the
    solo pool the process is the worker itself, so killing it kills the
    worker; with prefork it runs tasks in a child process."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            f"--pool={pool}",
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


def stop_worker(process: subprocess.Popen) -> None:
    """Stop the worker; print its output when it did not end cleanly."""
    if process.returncode is None:
        process.terminate()
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    if process.returncode not in (0, -15, -9):
        print(output.decode(errors="replace"))


@contextmanager
def eager_off():
    """Send tasks to the broker for real while it lasts."""
    was_eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        yield
    finally:
        app.conf.task_always_eager = was_eager


@contextmanager
def celery_worker(**env):
    """Start a solo worker on a queue of its own, with `env` added to its
    environment; yields the queue's name. Tasks run for real while it
    lasts (not eagerly)."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    with eager_off():
        process = start_worker(queue, **env)
        try:
            yield queue
        finally:
            stop_worker(process)
