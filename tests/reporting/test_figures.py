import datetime
import json
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

from reporting.figures import Status, figures_for, indicator_status
from tests.reporting.data import build_scaled

pytestmark = pytest.mark.django_db

AFTER_THE_YEAR = datetime.date(2017, 1, 15)


@pytest.fixture
def figures(data):
    with translation.override("nl"):
        return figures_for(province=data.province, year=2016, as_of=AFTER_THE_YEAR)


def test_totals_count_only_attended_seats_of_realised_missions(figures):
    t = figures.totals
    assert t.missions_realised == 4
    assert t.missions_outgoing == 4
    assert t.participants == 52
    assert t.unique_organisations == 20
    assert t.first_time_exporters == 3
    assert t.own_province_participants == 48
    assert t.own_province_share == Decimal("92.3")


def test_results_use_each_registrations_latest_measurement(figures):
    t = figures.totals
    assert (t.leads, t.deals, t.meetings) == (8, 2, 16)
    assert t.export_turnover == Decimal("150000.50")
    assert t.expected_export_turnover == Decimal("300001.00")
    assert t.satisfaction == Decimal("7.5")
    assert t.satisfaction_responses == 2
    by_moment = {r.moment: r for r in figures.results_by_moment}
    assert by_moment["after"].leads == 6
    assert by_moment["after"].satisfaction == Decimal("7.7")
    assert by_moment["6_months"].leads == 5
    assert list(by_moment) == ["after", "6_months"]


def test_missions_are_listed_in_date_order_with_country_and_themes(figures):
    rows = [
        (m.country, m.country_name, [t["name"] for t in m.themes], m.participants)
        for m in figures.missions
    ]
    assert rows == [
        ("TR", "Turkije", ["energie"], 12),
        ("DE", "Duitsland", ["health"], 14),
        ("DE", "Duitsland", ["HTSM"], 14),
        ("CN", "China", ["EMT", "HTSM"], 12),
    ]
    assert figures.missions[2].event == "Hannover Messe"


def test_spread_by_country_theme_sector_sme_class_and_kind(figures):
    def table(name):
        return {
            r.key: (r.missions, r.participants, r.organisations)
            for r in figures.spread[name]
        }

    assert table("country") == {"DE": (2, 28, 14), "TR": (1, 12, 6), "CN": (1, 12, 6)}
    assert table("theme") == {
        "seed-htsm": (2, 26, 13),
        "seed-health": (1, 14, 7),
        "seed-energy": (1, 12, 6),
        "seed-emt": (1, 12, 6),
    }
    assert table("organisation_kind") == {"sme": (4, 44, 16), "education": (1, 8, 4)}
    assert table("sector") == {
        "Maakindustrie": (3, 32, 10),
        "Zorg": (2, 12, 6),
        "Onderwijs": (1, 8, 4),
    }
    assert table("sme_class") == {
        "micro": (2, 20, 5),
        "small": (4, 24, 11),
        "large": (1, 8, 4),
    }


def test_indicators_get_realised_value_and_status(figures):
    (prestatie,) = figures.prestaties
    first, second = prestatie.actions
    got = {
        i.name: (i.target, i.realised, i.status)
        for a in (first, second)
        for i in a.indicators
    }
    assert got == {
        "Handelsmissies": (Decimal("3"), Decimal("4"), Status.ACHIEVED),
        "Deelnemers": (Decimal("30"), Decimal("52"), Status.ACHIEVED),
        "Leads": (Decimal("10"), Decimal("8"), Status.BEHIND),
        # Cumulative: 2 participants of the 2015 mission as well.
        "Deelnemers sinds 2015": (Decimal("60"), Decimal("54"), Status.BEHIND),
        "Bedrijven begeleid": (Decimal("10"), Decimal("12"), Status.ACHIEVED),
        "Adviesgesprekken": (Decimal("20"), None, Status.NO_VALUE),
    }
    assert first.progress_notes == ["De missies zijn goed bezocht."]
    assert first.mission_ids == [m.id for m in figures.missions]
    assert first.participants == 52


def test_during_the_year_an_indicator_is_on_track_when_ahead_of_the_calendar():
    july = datetime.date(2016, 7, 1)
    args = {"target": Decimal("10"), "year": 2016, "as_of": july}
    assert indicator_status(realised=Decimal("5"), **args) == Status.ON_TRACK
    assert indicator_status(realised=Decimal("4"), **args) == Status.BEHIND
    assert indicator_status(realised=Decimal("10"), **args) == Status.ACHIEVED
    assert (
        indicator_status(target=None, realised=Decimal("1"), year=2016, as_of=july)
        == Status.NO_TARGET
    )


def test_mutations_of_the_year_and_the_next_with_budget(figures):
    amounts = [(m.amount, m.budget_year, m.status) for m in figures.mutations]
    assert amounts == [
        (Decimal("234000.00"), 2017, "proposed"),
        (Decimal("50000.00"), 2016, "decided"),
    ]
    assert figures.mutations[0].reserve == (
        "Reserve uitvoering Kwaliteit van Overijssel"
    )
    (budget,) = figures.budget_lines
    assert budget.current == Decimal("550000.00")
    assert budget.remaining == Decimal("234000.00")


def test_basic_information_of_the_prestatie(figures):
    (p,) = figures.prestaties
    assert p.portfolio_holder == "Eddy van Hijum"
    assert p.role == "faciliteerder"
    assert p.duration == "structural"
    assert p.relates_to_reserve
    assert p.reserve == "Reserve uitvoering Kwaliteit van Overijssel"
    assert [d["reference"] for d in p.investment_decisions] == ["PS/2016/871"]


def test_prestatie_scope_and_programme_scope_give_the_same_missions(data):
    for kwargs in ({"prestatie": data.prestatie}, {"programme": data.programme}):
        figures = figures_for(province=data.province, year=2016, **kwargs)
        assert figures.totals.participants == 52
        assert [p.code for p in figures.prestaties] == ["5.4.2"]


def test_other_province_sees_only_its_own_missions(data, limburg):
    figures = figures_for(province=limburg, year=2016)
    assert figures.totals.missions_realised == 1
    assert figures.totals.participants == 2
    assert figures.prestaties == []


def test_a_scope_of_another_province_is_refused(data, limburg):
    with pytest.raises(ValueError):
        figures_for(province=limburg, year=2016, prestatie=data.prestatie)


def test_figures_can_be_frozen_as_json(figures):
    frozen = json.loads(json.dumps(figures.to_dict(), cls=DjangoJSONEncoder))
    assert frozen["totals"]["participants"] == 52
    assert frozen["totals"]["export_turnover"] == "150000.50"


@pytest.mark.parametrize("size", [1, 10])
def test_figures_take_a_fixed_number_of_queries(
    overijssel, size, django_assert_num_queries
):
    build_scaled(overijssel, size=size)
    # 25, plus the reserves of the year (1), the programmes running (1) and
    # the desk's and the advisory tracks' figures (4, reporting/figures/support.py).
    with django_assert_num_queries(31):
        figures = figures_for(province=overijssel, year=2016)
    assert figures.totals.missions_realised == size * size
    assert figures.totals.participants == size**3
