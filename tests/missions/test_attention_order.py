"""The mission page and its participant list show registrations in the
same order: to decide first, then who goes, then the waiting list in its
order, then who dropped out."""

import pytest

from missions import exports, selectors
from tests.factories import ContactPersonFactory, MissionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission():
    mission = MissionFactory(open=True, capacity=50)
    made = {
        "withdrawn": RegistrationFactory(mission=mission, withdrawn=True),
        "second in line": RegistrationFactory(
            mission=mission, status="waitlisted", waitlist_position=2
        ),
        "accepted": RegistrationFactory(mission=mission),
        "first in line": RegistrationFactory(
            mission=mission, status="waitlisted", waitlist_position=1
        ),
        "to decide": RegistrationFactory(mission=mission, submitted=True),
    }
    for label, registration in made.items():
        registration.organisation.name = label
        registration.organisation.save()
    return mission


EXPECTED = ["to decide", "accepted", "first in line", "second in line", "withdrawn"]


def test_the_mission_page_lists_what_needs_attention_first(mission):
    page = selectors.mission_registrations_page(mission=mission, page=1, per_page=50)
    assert [r.organisation.name for r in page.object_list] == EXPECTED
    assert (mission.seats_taken, mission.waiting_count, mission.submitted_count) == (
        1,
        2,
        1,
    )


def test_the_participant_list_has_the_same_order_and_the_first_contact_by_name(
    mission,
):
    first = mission.registrations.get(organisation__name="accepted")
    for name in ("Zeger", "Anna"):
        first.contacts.add(
            ContactPersonFactory(organisation=first.organisation, name=name)
        )
    rows = selectors.mission_participant_rows(mission=mission)
    assert [row["organisation__name"] for row in rows] == EXPECTED
    assert rows[1]["contact"].name == "Anna"
    assert rows[0]["contact"] == ("", "", "")
    assert len(exports.participants_csv(rows).decode("utf-8-sig").splitlines()) == 6
