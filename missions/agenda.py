"""iCalendar (RFC 5545) files of missions: one per mission and a feed.

A mission lasts whole days, so each is an all-day event: DTSTART is the
first day and DTEND the day after the last (RFC 5545 ends are exclusive).
The UID depends only on the mission's id and the portal's address, so a
calendar that imported the file once updates the same event later
(LAST-MODIFIED tells it which version is newer).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import Mission

PRODID = "-//Exportprogramma's provincies//Handelsmissies//NL"
_ONE_DAY = timedelta(days=1)


def _absolute(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


def mission_uid(mission: Mission) -> str:
    host = settings.PORTAL_URL.split("://", 1)[-1].strip("/").split("/")[0]
    return f"mission-{mission.pk}@{host or 'portal'}"


def mission_location(mission: Mission) -> str:
    parts = [mission.event, mission.region, str(mission.country.name)]
    return ", ".join(part for part in parts if part)


def _event(mission: Mission) -> Event:
    event = Event()
    event.add("uid", mission_uid(mission))
    event.add("dtstamp", mission.updated_at)
    event.add("last-modified", mission.updated_at)
    event.add("summary", mission.title)
    event.add("dtstart", mission.start_date)
    event.add("dtend", mission.end_date + _ONE_DAY)
    location = mission_location(mission)
    if location:
        event.add("location", location)
    url = _absolute(mission.get_absolute_url())
    event.add("url", url)
    description = mission.description.strip()
    event.add("description", f"{description}\n\n{url}" if description else url)
    event.add("transp", "TRANSPARENT")
    event.add(
        "status",
        "CANCELLED" if mission.status == Mission.Status.CANCELLED else "CONFIRMED",
    )
    return event


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def mission_ics(mission: Mission, *, language: str = "nl") -> bytes:
    """The .ics file of one mission."""
    with translation.override(language):
        calendar = _calendar(mission.title)
        calendar.add_component(_event(mission))
    return calendar.to_ical()


def missions_feed_ics(missions, *, language: str = "nl") -> bytes:
    """The feed of the published missions, one event each."""
    with translation.override(language):
        calendar = _calendar(_("Trade missions"))
        for mission in missions:
            calendar.add_component(_event(mission))
    return calendar.to_ical()
