"""Missions people can plan around: the sign-up window on the public page
and the iCalendar files (issue 17, item 5)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from missions.models import Mission
from tests.factories import PASSWORD, MissionFactory, sme_user_of

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


# --- the sign-up window on the public page ---------------------------------


def test_page_before_the_window_shows_when_it_opens_and_no_button(client):
    opens = timezone.now() + timedelta(days=5)
    closes = opens + timedelta(days=20)
    mission = MissionFactory(open=True, signup_opens_at=opens, signup_closes_at=closes)
    response = client.get(mission.get_absolute_url())
    assert response.status_code == 200
    assert response.context["signup_state"] == Mission.SIGNUP_NOT_YET
    signup = reverse("missions:signup", args=[mission.pk])
    assert signup not in response.text
    assert "Gepubliceerd, aanmelden open" not in response.text
    assert "Aanmelden opent binnenkort" in response.text
    local_open = timezone.localtime(opens)
    assert f"Aanmelden opent op {local_open:%-d}" in response.text
    assert f"{local_open:%H:%M}" in response.text
    assert f"{timezone.localtime(closes):%H:%M}" in response.text


def test_page_in_the_window_shows_the_button_and_the_closing_time(client):
    closes = timezone.now() + timedelta(days=3)
    mission = MissionFactory(
        open=True,
        signup_opens_at=timezone.now() - timedelta(days=1),
        signup_closes_at=closes,
    )
    response = client.get(mission.get_absolute_url())
    assert response.context["signup_state"] == Mission.SIGNUP_OPEN
    assert reverse("missions:signup", args=[mission.pk]) in response.text
    assert "Aanmelden kan tot" in response.text


def test_page_after_the_window_says_closed_without_button(client):
    mission = MissionFactory(
        open=True,
        signup_opens_at=timezone.now() - timedelta(days=10),
        signup_closes_at=timezone.now() - timedelta(hours=1),
    )
    response = client.get(mission.get_absolute_url())
    assert response.context["signup_state"] == Mission.SIGNUP_OVER
    assert reverse("missions:signup", args=[mission.pk]) not in response.text
    assert "Aanmelden voor deze missie is gesloten." in response.text


def test_page_in_english_names_the_window(client):
    mission = MissionFactory(
        open=True, signup_opens_at=timezone.now() + timedelta(days=2)
    )
    response = client.get("/en" + mission.get_absolute_url())
    assert "Sign-up opens on" in response.text
    assert "Sign-up opens soon" in response.text


def test_signup_form_before_the_window_is_not_shown(client, organisation):
    mission = MissionFactory(
        open=True,
        province=organisation.province,
        signup_opens_at=timezone.now() + timedelta(days=2),
    )
    login(client, sme_user_of(organisation))
    response = client.get(reverse("missions:signup", args=[mission.pk]))
    assert response.status_code == 302
    assert response.url == mission.get_absolute_url()
    page = client.get(response.url)
    assert "Aanmelden voor deze missie opent op" in page.text


def test_signup_form_after_the_window_is_not_shown(client, organisation):
    mission = MissionFactory(
        open=True,
        province=organisation.province,
        signup_closes_at=timezone.now() - timedelta(minutes=1),
    )
    login(client, sme_user_of(organisation))
    response = client.get(reverse("missions:signup", args=[mission.pk]))
    assert response.status_code == 302
    assert response.url == mission.get_absolute_url()


def test_signup_form_inside_the_window_is_shown(client, organisation):
    mission = MissionFactory(
        open=True,
        province=organisation.province,
        signup_opens_at=timezone.now() - timedelta(minutes=1),
    )
    login(client, sme_user_of(organisation))
    response = client.get(reverse("missions:signup", args=[mission.pk]))
    assert response.status_code == 200


# --- iCalendar ---------------------------------------------------------------


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_mission_ics_is_an_all_day_event_with_its_facts(client, settings):
    settings.PORTAL_URL = "https://export.example.nl"
    mission = MissionFactory(
        open=True,
        title="Handelsmissie Hannover Messe",
        event="Hannover Messe",
        region="Hannover",
        start_date=date(2027, 4, 12),
        end_date=date(2027, 4, 16),
        description="Bezoek aan de beurs; gezamenlijke stand.",
    )
    calendar = _parse(client.get(reverse("missions:ics", args=[mission.pk])))
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == date(2027, 4, 12)
    # RFC 5545: the end of an all-day event is the day after the last day.
    assert event.decoded("dtend") == date(2027, 4, 17)
    assert str(event["summary"]) == "Handelsmissie Hannover Messe"
    assert str(event["location"]) == "Hannover Messe, Hannover, Duitsland"
    assert str(event["url"]) == f"https://export.example.nl/missies/{mission.pk}/"
    assert "gezamenlijke stand" in str(event["description"])
    assert str(event["uid"]) == f"mission-{mission.pk}@export.example.nl"
    assert str(event["status"]) == "CONFIRMED"


def test_mission_uid_is_stable_across_changes(client):
    mission = MissionFactory(open=True)
    url = reverse("missions:ics", args=[mission.pk])
    (before,) = _parse(client.get(url)).walk("VEVENT")
    mission.start_date += timedelta(days=1)
    mission.end_date += timedelta(days=1)
    mission.title = "Nieuwe titel"
    mission.save()
    (after,) = _parse(client.get(url)).walk("VEVENT")
    assert str(after["uid"]) == str(before["uid"])
    assert after.decoded("dtstart") == before.decoded("dtstart") + timedelta(days=1)
    assert str(after["summary"]) == "Nieuwe titel"


def test_cancelled_mission_ics_says_cancelled(client):
    mission = MissionFactory(cancelled=True)
    (event,) = _parse(client.get(reverse("missions:ics", args=[mission.pk]))).walk(
        "VEVENT"
    )
    assert str(event["status"]) == "CANCELLED"


def test_draft_mission_has_no_ics(client):
    mission = MissionFactory()
    assert client.get(reverse("missions:ics", args=[mission.pk])).status_code == 404


def test_ics_refuses_post(client):
    mission = MissionFactory(open=True)
    assert client.post(reverse("missions:ics", args=[mission.pk])).status_code == 405


def test_feed_holds_the_public_calendar_only(client, django_assert_max_num_queries):
    shown = [MissionFactory(open=True), MissionFactory(closed=True)]
    MissionFactory()  # draft
    MissionFactory(completed=True)
    MissionFactory(cancelled=True)
    with django_assert_max_num_queries(3):
        calendar = _parse(client.get(reverse("missions:feed_ics")))
    uids = {str(event["uid"]).split("@")[0] for event in calendar.walk("VEVENT")}
    assert uids == {f"mission-{mission.pk}" for mission in shown}
    assert str(calendar["x-wr-timezone"]) == "Europe/Amsterdam"


def test_feed_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    for _ in range(3):
        MissionFactory(open=True)
    with django_assert_num_queries(1) as few:
        client.get(reverse("missions:feed_ics"))
    for _ in range(5):
        MissionFactory(open=True)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("missions:feed_ics"))


def test_public_pages_link_the_agenda_files(client):
    mission = MissionFactory(open=True)
    assert (
        reverse("missions:ics", args=[mission.pk])
        in client.get(mission.get_absolute_url()).text
    )
    assert reverse("missions:feed_ics") in client.get(reverse("missions:calendar")).text
