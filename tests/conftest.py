import os

import pytest
from hypothesis import settings as hypothesis_settings

from tests.factories import (
    OrganisationFactory,
    ProvinceFactory,
    UserFactory,
    sme_user_of,
)

# Fault fixtures: a broker and an SMTP server that are really down.
from tests.mail_faults import broker_down, smtp_server  # noqa: F401

# Fault fixtures: a cache whose Redis is really unreachable.
from tests.redis_faults import cache_down, redis_relay  # noqa: F401


@pytest.fixture
def overijssel(db):
    return ProvinceFactory(code="OV", name="Overijssel")


@pytest.fixture
def limburg(db):
    return ProvinceFactory(code="LI", name="Limburg")


@pytest.fixture
def civil_servant(overijssel):
    return UserFactory(civil_servant=True, province=overijssel)


@pytest.fixture
def civil_servant_limburg(limburg):
    return UserFactory(civil_servant=True, province=limburg)


@pytest.fixture
def portfolio_holder(overijssel):
    return UserFactory(portfolio_holder=True, province=overijssel)


@pytest.fixture
def administrator(db):
    return UserFactory(administrator=True)


@pytest.fixture
def organisation(overijssel):
    return OrganisationFactory(province=overijssel)


@pytest.fixture
def sme_user(organisation):
    return sme_user_of(organisation)


@pytest.fixture
def report_files(tmp_path, settings):
    """Generated report files go to the test's own directory."""
    from reporting.models import ReportRun

    storage = ReportRun._meta.get_field("pdf_file").storage
    location = tmp_path / "reports"
    old = storage._location
    storage._location = str(location)
    for name in ("base_location", "location"):
        storage.__dict__.pop(name, None)
    settings.REPORTS_ROOT = location
    yield location
    storage._location = old
    for name in ("base_location", "location"):
        storage.__dict__.pop(name, None)


@pytest.fixture
def outbox_sends_at_once(monkeypatch):
    """For tests of what a mail says: the outbox hands its rows over as
    they are written, instead of after a commit that a test's transaction
    never makes. Tests of when mail goes out run the commit's callbacks
    (django_capture_on_commit_callbacks) instead."""
    from outbox import services

    monkeypatch.setattr(services, "_dispatch_on_commit", services.dispatch_rows)


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2 costs ~0.3 s a user by design; tests create hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Hostile-input tests (tests/test_hostile_input.py): a quick default, and a
# thorough run with HYPOTHESIS_PROFILE=thorough.
hypothesis_settings.register_profile("default", max_examples=60, deadline=None)
hypothesis_settings.register_profile("thorough", max_examples=1000, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _dutch_by_default():
    # A request to /en/ leaves English active in the thread, and reverse() in
    # the next test would then give /en/ URLs; every test starts in Dutch.
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.deactivate()
