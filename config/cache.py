"""A Redis cache that turns into no cache while Redis is unreachable.

The cache accelerates the portal; nothing in it is the only copy of
anything. So when Redis is down, a read is a miss and a write is skipped,
and every page is computed from the database, slower. Inspired by
django-redis's IGNORE_EXCEPTIONS, with two differences: after a refused or
timed-out connection, Redis is left alone for `retry_after` seconds (a dead
host would otherwise cost a connect timeout on every call), and the warning
is logged once per `log_interval` seconds, not once per call.

`ping()` talks to Redis without this safety net: /healthz uses it.
`cache_recovered` is sent when Redis answers again after an outage, before
the call that found it; reporting.dashboard.invalidation refreshes the
dashboards then, because their refreshes were lost meanwhile.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

logger = logging.getLogger(__name__)

# Sent with `backend` (the cache) when Redis answers again after an outage.
cache_recovered = Signal()

# Redis is away (stopped, unreachable, too slow): leave it alone a moment.
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)

# A missing value, told apart from a cached None.
_FAILED = object()


@dataclass
class _Health:
    """The state of one Redis location, shared by the threads of a process
    (Django makes a cache object per thread)."""

    down_until: float = 0.0
    down: bool = False
    logged_at: float | None = None
    unlogged: int = 0


_HEALTH: dict[str, _Health] = {}
_HEALTH_LOCK = threading.Lock()


def _health_of(location: str) -> _Health:
    with _HEALTH_LOCK:
        return _HEALTH.setdefault(location, _Health())


class DegradingRedisCache(RedisCache):
    """Django's Redis cache; an unreachable Redis is a miss, not an error.

    OPTIONS takes, besides redis-py's connection options, `retry_after`
    (seconds without Redis after a failed connection, default 5) and
    `log_interval` (seconds between two warnings, default 60). A broken
    connection is retried once at once (a pooled connection broken by a
    Redis restart reconnects), never with redis-py's backoff of seconds.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        options = dict(self._options)
        self.retry_after = float(options.pop("retry_after", 5))
        self.log_interval = float(options.pop("log_interval", 60))
        # A broken connection (Redis restarted) is retried once at once; a
        # timeout is not, or a silent Redis would cost two of them.
        options.setdefault(
            "retry", Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,))
        )
        self._options = options
        self._health = _health_of(",".join(self._servers))

    # -- the safety net ---------------------------------------------------

    def ping(self) -> None:
        """Ask Redis itself; raises when it does not answer."""
        self._cache.get_client(None, write=True).ping()

    def _guarded(self, fallback, operation, *args, **kwargs):
        health = self._health
        if health.down:
            if time.monotonic() < health.down_until:
                return fallback
            if not self._recover():
                return fallback
        try:
            return operation(*args, **kwargs)
        except RedisError as exc:
            self._failed(exc)
            return fallback

    def _recover(self) -> bool:
        """Redis may be back: check, and tell who needs to know."""
        try:
            self.ping()
        except RedisError as exc:
            self._failed(exc)
            return False
        health = self._health
        health.down = False
        logger.info(
            "The cache (Redis) answers again; %d failed calls since the last message.",
            health.unlogged,
        )
        health.logged_at, health.unlogged = None, 0
        # Handlers may use the cache: it counts as up from here.
        cache_recovered.send(sender=type(self), backend=self)
        return True

    def _failed(self, exc: RedisError) -> None:
        health = self._health
        now = time.monotonic()
        if isinstance(exc, OUTAGE_ERRORS):
            health.down = True
            health.down_until = now + self.retry_after
        if health.logged_at is not None and now - health.logged_at < self.log_interval:
            health.unlogged += 1
            return
        logger.warning(
            "The cache (Redis) failed: %s: %s; pages are computed without it "
            "(%d more failures since the last message).",
            exc.__class__.__name__,
            exc,
            health.unlogged,
        )
        health.logged_at, health.unlogged = now, 0

    # -- Django's cache API, each call a miss or a no-op when Redis fails --

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # True: as if the key was absent. A lock taken in a dead cache
        # protects nothing, but "already taken" would block every caller
        # (allauth's rate limits and its used TOTP codes use add()).
        return self._guarded(True, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guarded(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._guarded({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        result = self._guarded(_FAILED, super().incr, key, delta, version)
        if result is _FAILED:
            raise ValueError(f"Key '{key}' not found: the cache is unavailable.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # The keys that were not stored: all of them.
        return self._guarded(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        self._guarded(None, super().delete_many, keys, version)

    def clear(self):
        return self._guarded(False, super().clear)

    # -- a counter in one round trip (reporting.dashboard.invalidation) ----

    def incr_from_one(self, key, version=None) -> int | None:
        """Add one to a counter that starts at 1 when missing (so it reads 2
        after the first call); None when Redis is unavailable. One round
        trip, where incr() with a fallback to set() takes two or three."""
        full_key = self.make_and_validate_key(key, version=version)

        def incr():
            client = self._cache.get_client(full_key, write=True)
            with client.pipeline(transaction=True) as pipe:
                pipe.set(full_key, 1, nx=True)
                pipe.incr(full_key)
                return pipe.execute()[-1]

        return self._guarded(None, incr)
