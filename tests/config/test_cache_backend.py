"""config.cache.DegradingRedisCache against Redis that is really away: a
closed port, a server that hangs up or never answers, a relay that stops.
"""

import logging
import socket
import threading
import time

import pytest

from config import cache as cache_module
from config.cache import DegradingRedisCache, cache_recovered
from tests.redis_faults import RedisRelay, closed_port


class Clock:
    """Stands in for time.monotonic() in config.cache only."""

    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(cache_module, "time", clock)
    return clock


def backend(port: int, **options) -> DegradingRedisCache:
    # A fresh location per test: the state of a location is per process.
    return DegradingRedisCache(
        f"redis://127.0.0.1:{port}/0", {"KEY_PREFIX": "t", "OPTIONS": options}
    )


class Listener:
    """Accepts connections and counts them; hangs up at once, or keeps
    them open without a word (a Redis that no longer answers)."""

    def __init__(self, *, answer_nothing=False):
        self.accepted = 0
        self.open = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self.answer_nothing = answer_nothing
        self.running = True
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:  # closed
                return
            self.accepted += 1
            if self.answer_nothing:
                self.open.append(conn)
            else:
                conn.close()

    def close(self):
        self.running = False
        for conn in self.open:
            conn.close()
        self.sock.close()


@pytest.fixture
def listener():
    made = []

    def make(**kwargs):
        made.append(Listener(**kwargs))
        return made[-1]

    yield make
    for item in made:
        item.close()


def test_every_call_is_a_miss_or_a_no_op_when_redis_is_away():
    cache = backend(closed_port())
    assert cache.get("a") is None
    assert cache.get("a", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("a") is False
    # As if the key was absent: allauth's rate-limit lock must not block.
    assert cache.add("a", 1) is True
    assert cache.set("a", 1) is None
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.touch("a") is False
    assert cache.delete("a") is False
    assert cache.delete_many(["a"]) is None
    assert cache.clear() is False
    assert cache.get_or_set("a", lambda: "computed") == "computed"
    assert cache.incr_from_one("a") is None
    with pytest.raises(ValueError):
        cache.incr("a")


def test_ping_reports_the_real_state():
    with pytest.raises(Exception, match="onnect"):
        backend(closed_port()).ping()


def test_a_redis_that_is_away_is_logged_once_per_interval(clock, caplog):
    cache = backend(closed_port(), retry_after=0, log_interval=60)
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        for _ in range(50):
            cache.get("a")
        assert len(caplog.records) == 1
        assert "ConnectionError" in caplog.records[0].getMessage()
        clock.now += 61
        cache.get("a")
    assert len(caplog.records) == 2
    assert "49 more failures" in caplog.records[1].getMessage()


def test_after_a_refused_connection_redis_is_left_alone_for_a_while(clock, listener):
    server = listener()  # accepts, then hangs up: a Redis going away
    cache = backend(server.port, retry_after=5)
    assert cache.get("a") is None
    first = server.accepted
    assert 1 <= first <= 2  # one immediate retry at most
    for _ in range(20):
        assert cache.get("a") is None
    assert server.accepted == first
    clock.now += 6
    cache.get("a")
    assert server.accepted > first


def test_a_redis_that_does_not_answer_costs_one_timeout_not_one_per_call(listener):
    server = listener(answer_nothing=True)
    cache = backend(server.port, socket_timeout=0.2, retry_after=5)
    started = time.monotonic()
    for _ in range(20):
        assert cache.get("a") is None
    # One timeout of 0.2 s for the first call (a timeout is not retried),
    # none after; generous for a busy machine, 20 timeouts would be 4 s.
    assert time.monotonic() - started < 0.8


def test_redis_coming_back_is_announced_before_the_call_goes_on(settings, caplog):
    relay = RedisRelay(settings.CACHES["default"]["LOCATION"])
    relay.start()
    cache = backend(relay.port, retry_after=0)
    heard = []

    def on_recovered(sender, backend, **kwargs):
        heard.append(backend.get("k"))  # the cache counts as up already

    cache_recovered.connect(on_recovered)
    try:
        cache.set("k", "before")
        relay.stop()
        assert cache.get("k") is None
        assert heard == []
        relay.start()
        with caplog.at_level(logging.INFO, logger="config.cache"):
            assert cache.get("k") == "before"
        assert heard == ["before"]
        assert "answers again" in caplog.text
        cache.get("k")
        assert heard == ["before"]  # once per outage
    finally:
        cache_recovered.disconnect(on_recovered)
        cache.delete("k")
        relay.stop()
