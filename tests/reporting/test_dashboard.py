"""The progress dashboard: what a portfolio holder sees, drill-down, cache."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from missions.models import Registration
from programmes.models import ReserveMutation
from tests.factories import UserFactory
from tests.reporting.data import build_overijssel_2016

pytestmark = pytest.mark.django_db

URL = "/dashboard/"
DRILL = "/dashboard/drilldown/"


@pytest.fixture
def data(overijssel):
    built = build_overijssel_2016(overijssel)
    # The demo's opening balance: decided, so the ledger never goes negative.
    ReserveMutation.objects.create(
        reserve=built.reserve,
        kind=ReserveMutation.Kind.ADDITION,
        amount=Decimal("500000"),
        budget_year=2016,
        status=ReserveMutation.Status.DECIDED,
        decided_at=timezone.make_aware(datetime.datetime(2015, 12, 1)),
    )
    return built


@pytest.fixture
def gedeputeerde(overijssel):
    return UserFactory(
        portfolio_holder=True,
        province=overijssel,
        email="gedeputeerde@overijssel.example",
    )


def test_smoke(client, data, gedeputeerde):
    client.force_login(gedeputeerde)
    response = client.get(URL, {"year": 2016})
    assert response.status_code == 200, response.content.decode()[:3000]
    html = response.content.decode()
    print(html[html.index("<main"):][:20000])
    assert 0
