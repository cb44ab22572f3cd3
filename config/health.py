"""/healthz: the state of the database, the cache and the Celery broker."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .celery_app import app as celery_app
from .tasks import HEARTBEAT_CACHE_KEY


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def _cache() -> dict:
    # The portal's cache turns Redis errors into misses (config/cache.py);
    # ask Redis itself, or a dead Redis would look like an empty one.
    ping = getattr(cache, "ping", None)
    if ping is not None:
        ping()
    cache.set("healthz:probe", "1", timeout=10)
    if cache.get("healthz:probe") != "1":
        raise RuntimeError("cache did not return the value it was given")
    return {"ok": True, "last_worker_heartbeat": cache.get(HEARTBEAT_CACHE_KEY)}


def _broker() -> dict:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "eager"}
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return {"ok": True, "mode": "broker"}


CHECKS = {"database": _database, "cache": _cache, "broker": _broker}


@never_cache
@require_GET
def healthz(request):
    result = {}
    for name, check in CHECKS.items():
        try:
            result[name] = check()
        except Exception as exc:  # any failure means "down"; say which and why
            result[name] = {"ok": False, "error": exc.__class__.__name__}
    healthy = all(part["ok"] for part in result.values())
    result["status"] = "ok" if healthy else "unavailable"
    return JsonResponse(result, status=200 if healthy else 503)
