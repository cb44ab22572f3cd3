"""The dashboard shows each action's target against realised over the
years (issue 17, item 4), as the yearly report does."""

import re

import pytest

from tests.factories import UserFactory
from tests.reporting.data import build_overijssel_2016
from tests.reporting.test_better_than_by_hand import _predecessors

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_dashboard_shows_each_action_over_the_years(client, overijssel):
    data = build_overijssel_2016(overijssel)
    _predecessors(data)
    client.force_login(UserFactory(portfolio_holder=True, province=overijssel))
    html = client.get("/dashboard/", {"year": 2016}).content.decode()
    text = text_of(html)
    assert "Actie 1 van prestatie 5.4.2 door de jaren heen" in text
    assert "2014 Handelsmissies 1 1" in text
    assert "2015 Handelsmissies 2 1" in text
    assert "2016 Handelsmissies 3 4" in text
    # Action 2 has no earlier years: no table.
    assert "Actie 2 van prestatie 5.4.2 door de jaren heen" not in text


def test_a_single_year_shows_no_history_table(client, overijssel):
    build_overijssel_2016(overijssel)
    client.force_login(UserFactory(portfolio_holder=True, province=overijssel))
    html = client.get("/dashboard/", {"year": 2016}).content.decode()
    assert "dashboard-history" not in html
