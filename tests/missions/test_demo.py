import pytest
from django.core.management import call_command
from django.db.models import Sum

from missions.models import Mission, MissionResult, Registration
from participants.models import Organisation

pytestmark = pytest.mark.django_db


def history_counts():
    return (
        Mission.history.count(),
        Registration.history.count(),
        MissionResult.history.count(),
        Organisation.history.count(),
    )


def attended_seats(year):
    return Registration.objects.filter(
        mission__start_date__year=year,
        mission__status=Mission.Status.COMPLETED,
        status=Registration.Status.ATTENDED,
    ).aggregate(total=Sum("seats"))["total"]


def test_demo_missions_follow_the_seeds_and_load_idempotently():
    call_command("load_demo")
    first = history_counts()
    call_command("load_demo")
    assert history_counts() == first

    assert (
        Mission.objects.filter(
            start_date__year=2016, status=Mission.Status.COMPLETED
        ).count()
        == 4
    )
    assert attended_seats(2016) == 52
    assert (
        Mission.objects.filter(
            start_date__year=2018, status=Mission.Status.COMPLETED
        ).count()
        == 3
    )
    assert attended_seats(2018) > 40
    china = Mission.objects.get(start_date__year=2016, country="CN")
    assert (
        china.highlights == "Bouman Industries heeft twee vloeistofscheiders verkocht."
    )
    assert china.led_by.email == "gedeputeerde@overijssel.example"
    bouman = MissionResult.objects.get(
        registration__organisation__kvk_number="06012345"
    )
    assert bouman.deals == 2
    upcoming = Mission.objects.filter(status=Mission.Status.PUBLISHED)
    assert upcoming.count() == 2
    assert all(mission.is_upcoming() for mission in upcoming)
