"""Capacity under load: many companies sign up at the same moment.

Runs only on PostgreSQL (SQLite has no row locks and serialises writers).
"""

import threading

import pytest
from django.db import connection

from missions import services
from missions.models import Registration
from tests.factories import MissionFactory, OrganisationFactory, sme_user_of

THREADS = 24
CAPACITY = 10


def fire_in_parallel(mission, companies, seats_for):
    barrier = threading.Barrier(len(companies))
    outcomes, errors = [], []

    def sign_up(index, organisation, user):
        try:
            barrier.wait(timeout=30)
            registration = services.registration_create(
                mission=mission,
                organisation=organisation,
                by=user,
                seats=seats_for(index),
            )
            outcomes.append(registration.pk)
        except Exception as error:  # the test reports every kind
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=sign_up, args=(index, organisation, user))
        for index, (organisation, user) in enumerate(companies)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes, errors


def companies(mission, count):
    result = []
    for _ in range(count):
        organisation = OrganisationFactory(province=mission.province)
        result.append((organisation, sme_user_of(organisation)))
    return result


@pytest.mark.django_db(transaction=True)
def test_parallel_sign_ups_fill_capacity_exactly_and_queue_the_rest_in_order():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    mission = MissionFactory(open=True, capacity=CAPACITY, max_seats_per_organisation=1)
    outcomes, errors = fire_in_parallel(
        mission, companies(mission, THREADS), lambda index: 1
    )

    assert errors == []
    assert len(outcomes) == THREADS
    registrations = list(mission.registrations.order_by("pk"))
    assert len(registrations) == THREADS
    assert len({r.organisation_id for r in registrations}) == THREADS
    accepted = [r for r in registrations if r.status == Registration.Status.ACCEPTED]
    waiting = [r for r in registrations if r.status == Registration.Status.WAITLISTED]
    assert sum(r.seats for r in accepted) == CAPACITY
    assert len(waiting) == THREADS - CAPACITY
    # Rows are inserted while the mission is locked, so their ids give the
    # order of arrival: every accepted one came before every waiting one,
    # and the waiting list counts 1, 2, 3... in that same order.
    assert max(r.pk for r in accepted) < min(r.pk for r in waiting)
    assert [r.waitlist_position for r in waiting] == list(range(1, len(waiting) + 1))


@pytest.mark.django_db(transaction=True)
def test_parallel_sign_ups_with_mixed_seats_never_exceed_capacity():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    mission = MissionFactory(open=True, capacity=CAPACITY, max_seats_per_organisation=3)
    outcomes, errors = fire_in_parallel(
        mission, companies(mission, 16), lambda index: index % 3 + 1
    )

    assert errors == []
    assert len(outcomes) == 16
    assert services.seats_taken(mission) <= CAPACITY
    waiting = mission.registrations.filter(status=Registration.Status.WAITLISTED)
    positions = sorted(waiting.values_list("waitlist_position", flat=True))
    assert positions == list(range(1, len(positions) + 1))
    # Nobody waits who would still fit.
    free = CAPACITY - services.seats_taken(mission)
    assert all(r.seats > free for r in waiting)
