import pytest

from config import health

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_cache_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["database"]["ok"] and data["cache"]["ok"] and data["broker"]["ok"]


def test_healthz_is_503_when_a_part_is_down(client, monkeypatch):
    def broken():
        raise ConnectionError("no broker")

    monkeypatch.setitem(health.CHECKS, "broker", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"] == {"ok": False, "error": "ConnectionError"}
    assert response.json()["database"]["ok"]


def test_healthz_reaches_the_real_broker(client, settings):
    """With eagerness off the check connects to Redis, as in production."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    data = client.get("/healthz").json()
    assert data["broker"] == {"ok": True, "mode": "broker"}
