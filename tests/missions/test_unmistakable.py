"""Mission choices that cannot be mixed up, and a sign-up window that fits."""

import datetime
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from missions import services
from missions.forms import MissionForm
from missions.models import Mission
from tests.factories import ActionFactory, MissionFactory, PrestatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_years(overijssel):
    """5.4.2 action 1 in 2016, 2018 and 2027: the same words each year."""
    return [
        ActionFactory(
            prestatie=PrestatieFactory(province=overijssel, year=year, code="5.4.2"),
            number=1,
        )
        for year in (2016, 2018, 2027)
    ]


def test_mission_form_action_choices_name_their_year(overijssel, three_years):
    form = MissionForm(province=overijssel)

    labels = [label for value, label in form.fields["action"].choices if value]

    assert labels == [
        "5.4.2 actie 1 (2027)",
        "5.4.2 actie 1 (2018)",
        "5.4.2 actie 1 (2016)",
    ]


def test_counts_for_column_and_mission_page_name_the_year(
    client, civil_servant, three_years
):
    mission = MissionFactory(province=civil_servant.province, action=three_years[1])
    client.force_login(civil_servant)

    listing = client.get(reverse("missions_backoffice:list")).content.decode()
    page = client.get(
        reverse("missions_backoffice:detail", args=[mission.pk])
    ).content.decode()

    assert "5.4.2 actie 1 (2018)" in listing
    assert "5.4.2 actie 1 (2018)" in page


def _form_data(start: date, closes: str) -> dict:
    return {
        "title": "Handelsmissie Polen",
        "direction": "outgoing",
        "country": "PL",
        "start_date": start.isoformat(),
        "end_date": (start + timedelta(days=3)).isoformat(),
        "format": "physical",
        "capacity": 15,
        "max_seats_per_organisation": 2,
        "participation_fee": "0",
        "province_contribution_per_seat": "0",
        "approval_mode": "first_come",
        "signup_closes_at": closes,
    }


def test_mission_form_refuses_sign_up_closing_after_the_start(client, civil_servant):
    client.force_login(civil_servant)
    start = date(2030, 5, 10)

    response = client.post(
        reverse("missions_backoffice:create"),
        _form_data(start, "2030-05-11T09:00"),
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert "kan niet sluiten nadat de missie begint (10 mei 2030)" in body
    assert not Mission.objects.exists()


def test_sign_up_may_close_on_the_start_day(client, civil_servant):
    client.force_login(civil_servant)

    response = client.post(
        reverse("missions_backoffice:create"),
        _form_data(date(2030, 5, 10), "2030-05-10T09:00"),
    )

    assert response.status_code == 302


def test_service_refuses_moving_the_start_before_the_closing(civil_servant):
    closes = timezone.make_aware(datetime.datetime(2030, 5, 1, 12, 0))
    mission = MissionFactory(
        province=civil_servant.province,
        start_date=date(2030, 5, 10),
        end_date=date(2030, 5, 12),
        signup_closes_at=closes,
    )

    with pytest.raises(ValidationError) as error:
        services.mission_update(
            mission=mission,
            by=civil_servant,
            start_date=date(2030, 4, 28),
            end_date=date(2030, 4, 30),
        )

    assert "signup_closes_at" in error.value.message_dict


def test_closing_late_in_the_evening_counts_in_amsterdam_time(civil_servant):
    """23:30 on 9 May in Amsterdam is 21:30 UTC: still the day before."""
    mission = MissionFactory.build(
        province=civil_servant.province,
        start_date=date(2030, 5, 10),
        end_date=date(2030, 5, 12),
        signup_closes_at=datetime.datetime(2030, 5, 10, 22, 30, tzinfo=datetime.UTC),
    )

    with pytest.raises(ValidationError):
        mission.clean()
    mission.signup_closes_at = datetime.datetime(
        2030, 5, 9, 21, 30, tzinfo=datetime.UTC
    )
    mission.clean()


def test_results_form_reads_euros_the_dutch_way():
    from decimal import Decimal

    from missions.forms import MissionResultForm

    form = MissionResultForm(
        data={
            "meetings": "1",
            "leads": "1",
            "deals": "0",
            "expected_export_turnover": "250.000",
            "realised_export_turnover": "1.234,50",
            "satisfaction": "4",
        }
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["expected_export_turnover"] == Decimal("250000")
    assert form.cleaned_data["realised_export_turnover"] == Decimal("1234.50")


def test_mission_form_fee_reads_euros_the_dutch_way(overijssel):
    from decimal import Decimal

    data = _form_data(date(2030, 5, 10), "")
    data.update(participation_fee="1.250,50", province_contribution_per_seat="2.000")

    form = MissionForm(data=data, province=overijssel)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["participation_fee"] == Decimal("1250.50")
    assert form.cleaned_data["province_contribution_per_seat"] == Decimal("2000")
