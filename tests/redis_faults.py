"""A cache whose Redis is really unreachable, for fault tests.

No mock: the cache is pointed at a local port nobody listens on, so every
Redis call meets a refused connection, as when Redis is stopped. A small TCP
relay in front of the real Redis can be stopped and started again, to see
the portal through an outage and its recovery.
"""

from __future__ import annotations

import contextlib
import copy
import socket
import threading
from urllib.parse import urlsplit, urlunsplit

import pytest


def closed_port() -> int:
    """A local port that was free a moment ago and has no listener now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cache_setting_at(settings, port: int) -> dict:
    """The CACHES setting with the default cache moved to a local port."""
    caches = copy.deepcopy(settings.CACHES)
    default = caches["default"]
    assert "redis" in default["BACKEND"].lower(), (
        "Fault tests need the Redis cache: run them with REDIS_URL set."
    )
    parts = urlsplit(default["LOCATION"])
    default["LOCATION"] = urlunsplit(parts._replace(netloc=f"127.0.0.1:{port}"))
    return caches


@pytest.fixture
def cache_down(settings):
    """Every cache call from here on meets a closed port."""
    settings.CACHES = cache_setting_at(settings, closed_port())


class RedisRelay:
    """Forwards a local port to the real Redis until stopped.

    stop() closes the listening socket and every open connection, so the
    cache's pooled connections break as when Redis goes away; start() listens
    on the same port again.
    """

    def __init__(self, target_url: str):
        parts = urlsplit(target_url)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 6379)
        self.port = closed_port()
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        listener.settimeout(0.05)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(
                    target=self._pump, args=(source, sink), daemon=True
                ).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def redis_relay(settings):
    """The default cache reaches Redis through a relay the test can stop."""
    relay = RedisRelay(settings.CACHES["default"]["LOCATION"])
    relay.start()
    caches = cache_setting_at(settings, relay.port)
    # Try Redis again at once after a failure (config/cache.py), so that the
    # test sees the first request after the outage reach it.
    caches["default"].setdefault("OPTIONS", {})["retry_after"] = 0
    settings.CACHES = caches
    yield relay
    relay.stop()
