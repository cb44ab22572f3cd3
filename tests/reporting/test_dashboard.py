"""The progress dashboard: what a portfolio holder sees and can drill into."""

import datetime
import re
import sys
import types
from decimal import Decimal

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from missions.models import Mission
from programmes.models import IntendedResult, ReserveMutation
from reporting.dashboard.selectors import (
    dashboard_data,
    headlines,
    latest_report,
    prestatie_url,
)
from tests.factories import MissionFactory, ReportRunFactory, UserFactory
from tests.reporting.data import build_overijssel_2016

pytestmark = pytest.mark.django_db

URL = "/dashboard/"
DRILL = "/dashboard/drilldown/"


def text_of(html: str) -> str:
    """The visible text, with whitespace collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def section(html: str, element_id: str) -> str:
    start = html.index(f'id="{element_id}"')
    return html[start : html.index("</li>", start)]


@pytest.fixture
def data(overijssel):
    built = build_overijssel_2016(overijssel)
    # The demo's opening balance of the reserve, decided before 2016.
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
        name="Eddy van Hijum",
    )


def test_gedeputeerde_sees_2016_against_target_and_drills_down_to_four_missions(
    client, data, gedeputeerde
):
    """The done-when of the issue, built with the seed figures."""
    client.force_login(gedeputeerde)
    html = client.get(URL, {"year": 2016}).content.decode()

    missions = text_of(section(html, "headline-missions"))
    assert "Gerealiseerde missies 4 Streefwaarde: 3" in missions
    assert "Streefwaarde gehaald" in missions
    participants = text_of(section(html, "headline-participants"))
    assert "Deelnemers 52 Streefwaarde: 30" in participants
    assert "€\xa0234.000" in html
    assert "PS/2016/871" in html

    drill = client.get(DRILL, {"figure": "missions", "year": 2016})
    assert drill.status_code == 200
    rows = re.findall(
        r'<th scope="row">([^<]+)',
        drill.content.decode().split("drilldown-missions")[1],
    )
    assert [r.strip() for r in rows] == [
        "Missie Turkije",
        "Match2Medica",
        "Hannover Messe 2016",
        "Missie Liaoning",
    ]


def test_the_last_year_with_data_and_all_programmes_are_the_default(
    client, data, gedeputeerde
):
    """Issue 17: not the current year, where every card is 0."""
    client.force_login(gedeputeerde)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["year"] == 2016
    assert response.context["programme"] is None
    assert "Alle programma's" in response.content.decode()


def test_without_data_the_dashboard_opens_on_the_last_complete_year(
    client, gedeputeerde
):
    client.force_login(gedeputeerde)
    response = client.get(URL)
    assert response.context["year"] == timezone.localdate().year - 1


def test_a_mission_completed_this_year_opens_this_year(
    client, data, gedeputeerde, overijssel
):
    today = timezone.localdate()
    MissionFactory(
        province=overijssel, status="completed", start_date=today, end_date=today
    )
    # Another province's later data does not move the default.
    MissionFactory(status="completed", start_date=today, end_date=today)
    client.force_login(gedeputeerde)
    assert client.get(URL).context["year"] == today.year


def test_another_provinces_data_does_not_choose_the_year(client, gedeputeerde):
    today = timezone.localdate()
    MissionFactory(status="completed", start_date=today, end_date=today)
    client.force_login(gedeputeerde)
    assert client.get(URL).context["year"] == today.year - 1


def test_money_cards_come_first(client, data, gedeputeerde):
    client.force_login(gedeputeerde)
    items = headlines(dashboard_data(province=gedeputeerde.province, year=2016))
    kinds = [item.kind for item in items]
    assert kinds[: kinds.count("money")] == ["money"] * kinds.count("money")
    html = client.get(URL, {"year": 2016}).content.decode()
    assert html.index('id="headline-withdrawals"') < html.index(
        'id="headline-missions"'
    )


def test_administrator_is_asked_to_choose_a_province_without_an_error(
    client, data, administrator
):
    client.force_login(administrator)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="choose-province"' in html
    assert "form-error-summary" not in html
    assert "is-invalid" not in html
    assert "verplicht" not in html


def test_administrator_naming_an_unknown_province_sees_the_error(
    client, data, administrator
):
    client.force_login(administrator)
    response = client.get(URL, {"province": "999999"})
    assert response.status_code == 400
    assert "form-error-summary" in response.content.decode()


def test_administrator_with_a_province_opens_on_its_last_year_with_data(
    client, data, administrator, overijssel
):
    client.force_login(administrator)
    response = client.get(URL, {"province": overijssel.pk})
    assert response.context["year"] == 2016


def test_a_programme_narrows_the_figures(client, data, gedeputeerde):
    other = Mission.objects.get(title="Missie Turkije")
    other.programme = None
    other.action = None
    other.save()
    client.force_login(gedeputeerde)
    html = client.get(URL, {"year": 2016, "programme": data.programme.pk}).content
    assert "Gerealiseerde missies 3 " in text_of(
        section(html.decode(), "headline-missions")
    )
    everything = client.get(URL, {"year": 2016}).content.decode()
    assert "Gerealiseerde missies 4 " in text_of(
        section(everything, "headline-missions")
    )


def test_every_headline_has_a_status_in_words_and_a_drill_down(data):
    with translation.override("nl"):
        items = headlines(
            dashboard_data(
                province=data.province, year=2016, as_of=datetime.date(2017, 1, 15)
            )
        )
    got = {item.key: (item.value, item.target, item.status) for item in items}
    assert got == {
        "missions": (4, Decimal("3"), "achieved"),
        "participants": (52, Decimal("30"), "achieved"),
        "organisations": (20, None, "no_target"),
        "first_time_exporters": (3, None, "no_target"),
        "leads": (8, Decimal("10"), "behind"),
        "deals": (2, None, "no_target"),
        "export_turnover": (Decimal("150000.50"), None, "no_target"),
        "satisfaction": (Decimal("7.5"), None, "no_target"),
        # 234.000 for 2017 proposed in the 2016 report, 50.000 for 2016.
        "withdrawals": (Decimal("284000.00"), None, "information"),
        # 500.000 added, 50.000 withdrawn with budget years up to 2016.
        "reserve_balance": (Decimal("450000.00"), None, "information"),
        "budget": (Decimal("316000.00"), Decimal("550000.00"), "within_budget"),
        # No mission of the seeds names a province contribution.
        "cost_per_participant": (Decimal("0.00"), None, "information"),
    }
    for item in items:
        assert item.badge["label"]
        assert item.drill


def test_cost_per_participant_is_the_province_contribution_per_seat(
    client, data, gedeputeerde
):
    Mission.objects.filter(pk__in=[m.pk for m in data.missions]).update(
        province_contribution_per_seat=Decimal("750")
    )
    client.force_login(gedeputeerde)
    html = client.get(URL, {"year": 2016}).content.decode()
    assert "€ 750 " in text_of(section(html, "headline-cost_per_participant"))


def test_status_is_told_in_words_not_colour_alone(client, data, gedeputeerde):
    client.force_login(gedeputeerde)
    html = client.get(URL, {"year": 2016}).content.decode()
    leads = text_of(section(html, "headline-leads"))
    assert "Achter op streefwaarde" in leads
    for badge in re.findall(r'<span class="badge[^"]*">(.*?)</span>\s*</', html):
        assert text_of(badge).strip(" !✓–?i→")


def test_actions_show_targets_realised_status_and_intended_results(
    client, data, gedeputeerde
):
    IntendedResult.objects.create(
        prestatie=data.prestatie,
        year=2016,
        text="Vier missies met het mkb",
        status=IntendedResult.Status.ACHIEVED,
    )
    client.force_login(gedeputeerde)
    html = client.get(URL, {"year": 2016}).content.decode()
    text = text_of(html)
    assert "Handelsmissies 3 4 ✓ Streefwaarde gehaald" in text
    assert "Adviesgesprekken 20 – ? Nog geen waarde" in text
    assert "Vier missies met het mkb ✓ Behaald" in text
    assert f"figure=action&amp;year=2016&amp;key={data.action.pk}" in html


def test_prestatie_links_to_its_page_in_the_back_office(client, data, gedeputeerde):
    # No skip on NoReverseMatch: a missing prestatie page must fail here.
    url = reverse("programmes:prestatie_detail", args=[data.prestatie.pk])
    client.force_login(gedeputeerde)
    html = client.get(URL, {"year": 2016}).content.decode()
    assert f'href="{url}"' in html
    # Portfolio holders read prestatie pages there too.
    assert client.get(url).status_code == 200


def test_prestatie_url_raises_when_the_prestatie_page_is_missing(settings, monkeypatch):
    """The link helper does not hide a missing route by dropping the link."""
    urlconf = types.ModuleType("tests.reporting.urls_without_programmes")
    urlconf.urlpatterns = []
    monkeypatch.setitem(sys.modules, urlconf.__name__, urlconf)
    settings.ROOT_URLCONF = urlconf.__name__
    with pytest.raises(NoReverseMatch):
        prestatie_url(1)


def test_latest_report_links_to_the_report_page(data):
    run = ReportRunFactory(
        province=data.province,
        year=2016,
        status="succeeded",
        figures={},
        pdf_file="reports/2016.pdf",
        finished_at=timezone.now(),
    )
    assert latest_report(province=data.province, year=2016) == (
        run,
        reverse("reporting:detail", args=[run.pk]),
    )


def test_trend_charts_have_text_alternatives_and_data_tables(
    client, data, gedeputeerde
):
    client.force_login(gedeputeerde)
    html = client.get(URL, {"year": 2016}).content.decode()
    chart = html[html.index('id="chart-trend-missions"') :]
    chart = chart[: chart.index("</figure>")]
    assert 'role="img"' in chart
    assert 'aria-labelledby="chart-trend-missions-title chart-trend-missions-desc"' in (
        chart
    )
    assert "2015: 1 (streefwaarde –); 2016: 4 (streefwaarde 3)" in chart
    assert "<details" in chart and "<table" in chart
    assert '<th scope="row">2016</th>' in chart
    reserve = html[html.index('id="chart-reserve"') :]
    assert "2016: €\xa0450.000; 2017: €\xa0450.000" in reserve


def test_spread_shows_countries_themes_sectors_classes_and_own_share(
    client, data, gedeputeerde
):
    client.force_login(gedeputeerde)
    html = client.get(URL, {"year": 2016}).content.decode()
    for chart in ("country", "theme", "sector", "sme-class", "organisation-kind"):
        assert f'id="chart-spread-{chart}"' in html
    assert "Duitsland: 28 deelnemers" in html
    assert "Aandeel eigen provincie: 92,3% (48 van 52 deelnemers)." in text_of(html)


def test_the_page_has_a_print_stylesheet_and_no_inline_script(
    client, data, gedeputeerde
):
    client.force_login(gedeputeerde)
    html = client.get(URL, {"year": 2016}).content.decode()
    assert "css/dashboard.css" in html
    assert not re.search(r"<script>(?!</script>)", html)
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_link_to_the_latest_ready_yearly_report(
    client, data, gedeputeerde, django_capture_on_commit_callbacks
):
    client.force_login(gedeputeerde)
    assert "Er is nog geen jaarverslag 2016." in text_of(
        client.get(URL, {"year": 2016}).content.decode()
    )
    # As after a real commit: the cached page is refreshed then.
    with django_capture_on_commit_callbacks(execute=True):
        ReportRunFactory(province=data.province, year=2016, status="failed")
        ReportRunFactory(
            province=data.province,
            year=2016,
            status="succeeded",
            figures={},
            pdf_file="reports/2016.pdf",
            finished_at=timezone.now(),
        )
    html = text_of(client.get(URL, {"year": 2016}).content.decode())
    assert "Er is nog geen jaarverslag 2016." not in html
    assert "jaarverslag 2016" in html.lower()


def test_english_page(client, data, gedeputeerde):
    client.force_login(gedeputeerde)
    html = client.get("/en" + URL, {"year": 2016}).content.decode()
    assert "Progress dashboard" in html
    assert "Missions realised 4 Target: 3" in text_of(
        section(html, "headline-missions")
    )
    assert "Germany" in html


def test_drill_down_by_country_lists_its_missions_and_organisations(
    client, data, civil_servant
):
    client.force_login(civil_servant)
    response = client.get(DRILL, {"figure": "country", "key": "DE", "year": 2016})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Land: Duitsland" in html
    missions = html.split("drilldown-missions")[1].split("</table>")[0]
    assert "Match2Medica" in missions and "Hannover Messe 2016" in missions
    assert "Missie Turkije" not in missions
    organisations = html.split("drilldown-organisations")[1].split("</table>")[0]
    assert organisations.count('<th scope="row">') == 14
    assert "Bedrijf 06" in organisations


def test_portfolio_holder_sees_missions_but_no_organisations(
    client, data, gedeputeerde
):
    client.force_login(gedeputeerde)
    html = client.get(DRILL, {"figure": "participants", "year": 2016}).content
    assert b"drilldown-missions" in html
    assert b"drilldown-organisations" not in html
    assert b"Bedrijf 06" not in html


def test_drill_down_to_leads_lists_only_registrations_with_leads(
    client, data, civil_servant
):
    client.force_login(civil_servant)
    html = client.get(DRILL, {"figure": "leads", "year": 2016}).content.decode()
    organisations = html.split("drilldown-organisations")[1].split("</table>")[0]
    names = re.findall(r'<th scope="row">([^<]+)', organisations)
    assert names == ["Bedrijf 00", "Bedrijf 06", "Bedrijf 13"]


def test_drill_down_of_money_lists_the_ledger_and_budget(client, data, gedeputeerde):
    client.force_login(gedeputeerde)
    html = client.get(DRILL, {"figure": "finance", "year": 2016}).content.decode()
    assert "€\xa0234.000" in html
    assert "PS/2016/871" in html
    assert "€\xa0550.000" in html


def test_trend_year_drills_down_to_that_years_missions(client, data, gedeputeerde):
    client.force_login(gedeputeerde)
    html = client.get(DRILL, {"figure": "missions", "year": 2015}).content.decode()
    assert html.split("drilldown-missions")[1].count('<th scope="row">') == 1


@pytest.mark.parametrize(
    "params",
    [
        {"figure": "nonsense", "year": 2016},
        {"figure": "country", "year": 2016},
        {"figure": "action", "key": "abc", "year": 2016},
        {"year": 2016},
        {"figure": "missions", "year": "twintig"},
        {"figure": "missions", "year": 1850},
    ],
)
def test_wrong_drill_down_input_gives_a_message_and_400(
    client, data, gedeputeerde, params
):
    client.force_login(gedeputeerde)
    response = client.get(DRILL, params)
    assert response.status_code == 400
    assert "Verbeter het volgende:" in response.content.decode()


def test_an_absurd_action_number_gives_an_empty_list(client, data, gedeputeerde):
    client.force_login(gedeputeerde)
    response = client.get(DRILL, {"figure": "action", "key": "9" * 30, "year": 2016})
    assert response.status_code == 200
    assert "Geen missies achter dit cijfer." in response.content.decode()


def test_wrong_year_on_the_dashboard_gives_a_message_and_400(
    client, data, gedeputeerde
):
    client.force_login(gedeputeerde)
    response = client.get(URL, {"year": "2016abc"})
    assert response.status_code == 400
    assert "Kies een jaar uit de lijst." in response.content.decode()
