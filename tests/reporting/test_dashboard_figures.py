"""The figures added for the dashboard: trend, money and drill-down lists."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from missions.models import Mission
from programmes.models import Indicator, IndicatorTarget, Prestatie, ReserveMutation
from reporting.figures import figures_for
from reporting.figures.drilldown import drilldown_for
from reporting.figures.progress import money_for, trend_for
from tests.factories import MissionFactory, RegistrationFactory
from tests.reporting.data import build_overijssel_2016

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(overijssel):
    return build_overijssel_2016(overijssel)


@pytest.fixture
def figures(data):
    return figures_for(province=data.province, year=2016)


def test_trend_counts_realised_missions_and_seats_per_year_against_target(data):
    prestatie_2015 = Prestatie.objects.create(
        province=data.province, year=2015, code="5.4.2", title="Export"
    )
    action = prestatie_2015.actions.create(number=1, text="Twee missies")
    indicator = Indicator.objects.create(
        action=action,
        name="Missies",
        source=Indicator.Source.COMPUTED,
        metric=Indicator.Metric.MISSIONS_REALISED,
    )
    IndicatorTarget.objects.create(indicator=indicator, year=2015, value=2)
    # A target of another year than its prestatie's is not that year's.
    IndicatorTarget.objects.create(indicator=indicator, year=2016, value=9)
    trend = trend_for(province=data.province, year=2016)
    got = [
        (y.year, y.missions, y.missions_target, y.participants, y.participants_target)
        for y in trend.years
    ]
    assert got == [
        (2015, 1, Decimal("2"), 2, None),
        (2016, 4, Decimal("3"), 52, Decimal("30")),
    ]


def test_trend_of_a_programme_covers_its_years(data):
    data.programme.end_year = 2018
    data.programme.save()
    trend = trend_for(province=data.province, year=2016, programme=data.programme)
    # The 2015 mission's action belongs to the workplan, not to #in itself.
    assert [y.year for y in trend.years] == [2016, 2017, 2018]
    assert [y.missions for y in trend.years] == [4, 0, 0]


def test_reserve_balance_counts_decided_mutations_up_to_each_budget_year(data):
    ReserveMutation.objects.create(
        reserve=data.reserve,
        kind=ReserveMutation.Kind.ADDITION,
        amount=Decimal("500000"),
        budget_year=2015,
        status=ReserveMutation.Status.DECIDED,
        decided_at=timezone.now(),
    )
    trend = trend_for(province=data.province, year=2016)
    rows = [(b.year, b.balance, b.proposed) for b in trend.reserve_balances]
    assert rows == [
        (2015, Decimal("500000.00"), Decimal("0.00")),
        # 50.000 decided for 2016.
        (2016, Decimal("450000.00"), Decimal("0.00")),
        # 234.000 for 2017 only proposed: not in the balance.
        (2017, Decimal("450000.00"), Decimal("-234000.00")),
        (2018, Decimal("450000.00"), Decimal("0.00")),
        (2019, Decimal("450000.00"), Decimal("-1000.00")),
    ]
    assert trend.balance_in(2016) == Decimal("450000.00")
    assert trend.balance_in(2030) is None


def test_money_sums_the_ledger_and_budget_of_the_figures(data, figures):
    Mission.objects.filter(pk=data.missions[0].pk).update(
        province_contribution_per_seat=Decimal("520")
    )
    money = money_for(figures, province=data.province)
    assert money.withdrawals == Decimal("284000.00")
    assert money.withdrawals_proposed == Decimal("234000.00")
    assert money.withdrawals_decided == Decimal("50000.00")
    assert money.budget_current == Decimal("550000.00")
    assert money.budget_realised == Decimal("316000.00")
    # 12 seats of the Turkey mission at € 520, over 52 participants.
    assert money.province_contribution == Decimal("6240.00")
    assert money.cost_per_participant == Decimal("120.00")


def test_drill_down_of_first_time_exporters(data, figures):
    result = drilldown_for(
        figures,
        province=data.province,
        figure="first_time_exporters",
        with_organisations=True,
    )
    assert [o.name for o in result.organisations] == [
        "Bedrijf 00",
        "Bedrijf 01",
        "Bedrijf 06",
    ]
    assert {r.mission.title: r.organisations for r in result.missions} == {
        "Missie Turkije": 2,
        "Match2Medica": 1,
        "Missie Liaoning": 2,
    }


def test_drill_down_of_missions_includes_missions_without_attendance(data, figures):
    MissionFactory(
        province=data.province,
        status=Mission.Status.COMPLETED,
        start_date=datetime.date(2016, 12, 1),
        end_date=datetime.date(2016, 12, 2),
    )
    figures = figures_for(province=data.province, year=2016)
    result = drilldown_for(figures, province=data.province, figure="missions")
    assert len(result.missions) == 5
    assert result.organisations is None


def test_drill_down_of_own_province_leaves_out_other_provinces(data, figures):
    result = drilldown_for(
        figures, province=data.province, figure="own_province", with_organisations=True
    )
    assert sum(o.participants for o in result.organisations) == 48
    assert "Gelderland" not in {o.province for o in result.organisations}


def test_drill_down_counts_only_attended_seats(data, figures):
    RegistrationFactory(mission=data.missions[0], status="accepted", seats=2)
    result = drilldown_for(figures, province=data.province, figure="country", key="TR")
    assert [(r.mission.title, r.participants) for r in result.missions] == [
        ("Missie Turkije", 12)
    ]


@pytest.mark.parametrize(
    "figure,key", [("unknown", ""), ("country", ""), ("action", "drie")]
)
def test_drill_down_refuses_a_figure_it_does_not_know(data, figures, figure, key):
    with pytest.raises(ValueError):
        drilldown_for(figures, province=data.province, figure=figure, key=key)
