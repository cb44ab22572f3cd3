from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

HEARTBEAT_CACHE_KEY = "celery:heartbeat"


@shared_task
def heartbeat_record_task() -> str:
    """Record that a worker ran a job; /healthz reports the moment.

    Also the task the integration test sends through a real worker.
    """
    now = timezone.now().isoformat()
    cache.set(HEARTBEAT_CACHE_KEY, now, timeout=None)
    return now
