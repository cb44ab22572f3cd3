"""Deciding on several sign-ups at once on the back-office mission page
(issue 17, item 6): each through its own service, so the seat rules and
the e-mails hold; a summary of what was done and what was refused."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from missions.models import Registration
from missions.services.bulk import registration_waitlist, registrations_decide
from tests.factories import (
    ContactPersonFactory,
    MissionFactory,
    RegistrationFactory,
)
from tests.missions.test_views import login

pytestmark = pytest.mark.django_db
Status = Registration.Status


def signed_up(mission, **kwargs):
    registration = RegistrationFactory(mission=mission, **kwargs)
    registration.contacts.add(
        ContactPersonFactory(organisation=registration.organisation)
    )
    return registration


def url(mission):
    return reverse("missions_backoffice:bulk_decide", args=[mission.pk])


def texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_bulk_accept_keeps_the_seat_rule_and_says_what_was_refused(
    client, civil_servant, outbox_sends_at_once, mailoutbox
):
    mission = MissionFactory(province=civil_servant.province, review=True, capacity=3)
    RegistrationFactory(mission=mission, seats=1)  # one seat taken already
    first = signed_up(mission, submitted=True, seats=2)
    second = signed_up(mission, submitted=True, seats=1)
    login(client, civil_servant)

    response = client.post(
        url(mission),
        {"action": "accept", "registrations": [second.pk, first.pk]},
    )

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    # First come, first served: the earlier sign-up takes the two seats left.
    assert (first.status, second.status) == (Status.ACCEPTED, Status.SUBMITTED)
    messages = texts(response)
    assert any(first.organisation.name in m and "(1)" in m for m in messages)
    assert any(
        second.organisation.name in m and "Niet genoeg plaatsen" in m for m in messages
    )
    assert [m.to for m in mailoutbox] == [[first.contacts.get().email]]


def test_bulk_reject_needs_one_reason_and_mails_each(
    client, civil_servant, outbox_sends_at_once, mailoutbox
):
    mission = MissionFactory(province=civil_servant.province, review=True)
    chosen = [signed_up(mission, submitted=True) for _ in range(2)]
    login(client, civil_servant)
    ids = [r.pk for r in chosen]

    without = client.post(url(mission), {"action": "reject", "registrations": ids})
    assert without.status_code == 400
    assert "Geef de reden" in without.text
    assert not mailoutbox

    response = client.post(
        url(mission),
        {"action": "reject", "reason": "Geen exportplan", "registrations": ids},
    )
    assert response.status_code == 302
    assert set(
        Registration.objects.filter(pk__in=ids).values_list(
            "status", "rejection_reason"
        )
    ) == {(Status.REJECTED, "Geen exportplan")}
    assert len(mailoutbox) == 2


def test_bulk_waitlist_puts_sign_ups_at_the_end_in_order(
    client, civil_servant, outbox_sends_at_once, mailoutbox
):
    mission = MissionFactory(province=civil_servant.province, review=True)
    waiting = RegistrationFactory(mission=mission, waitlisted=True, waitlist_position=1)
    first = signed_up(mission, submitted=True)
    second = signed_up(mission, submitted=True)
    accepted = signed_up(mission)
    login(client, civil_servant)

    response = client.post(
        url(mission),
        {
            "action": "waitlist",
            "registrations": [second.pk, first.pk, accepted.pk],
        },
    )

    assert response.status_code == 302
    positions = dict(
        Registration.objects.filter(status=Status.WAITLISTED).values_list(
            "pk", "waitlist_position"
        )
    )
    assert positions == {waiting.pk: 1, first.pk: 2, second.pk: 3}
    accepted.refresh_from_db()
    assert accepted.status == Status.ACCEPTED
    assert any(accepted.organisation.name in m for m in texts(response))
    assert len(mailoutbox) == 2


@pytest.mark.parametrize(
    "data",
    [
        {"action": "accept"},  # nothing selected
        {"action": "explode", "registrations": ["{own}"]},
        {"action": "accept", "registrations": ["{other}"]},
        {"action": "accept", "registrations": ["abc"]},
        {"action": "accept", "registrations": ["99999999999999999999"]},
    ],
)
def test_bulk_refuses_what_it_cannot_do_with_400(client, civil_servant, data):
    mission = MissionFactory(province=civil_servant.province, review=True)
    own = signed_up(mission, submitted=True)
    other = signed_up(MissionFactory(province=civil_servant.province), submitted=True)
    values = [
        v.format(own=own.pk, other=other.pk) for v in data.get("registrations", [])
    ]
    login(client, civil_servant)

    response = client.post(url(mission), {**data, "registrations": values})

    assert response.status_code == 400
    assert 'role="alert"' in response.text
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.status == other.status == Status.SUBMITTED


def test_bulk_on_another_provinces_mission_is_404_and_readers_403(
    client, civil_servant_limburg, portfolio_holder, civil_servant
):
    mission = MissionFactory(province=civil_servant.province, review=True)
    registration = signed_up(mission, submitted=True)
    data = {"action": "accept", "registrations": [registration.pk]}
    assert (
        login(client, civil_servant_limburg).post(url(mission), data).status_code == 404
    )
    client.logout()
    assert login(client, portfolio_holder).post(url(mission), data).status_code == 403
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED


def test_mission_page_has_a_labelled_checkbox_per_open_sign_up(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, review=True)
    open_one = signed_up(mission, submitted=True)
    open_one.organisation.name = 'Kaas & <b>"Co"</b>'
    open_one.organisation.save()
    withdrawn = signed_up(mission, withdrawn=True)
    login(client, civil_servant)

    html = client.get(reverse("missions_backoffice:detail", args=[mission.pk])).text

    assert (
        f'<input class="form-check-input" type="checkbox" name="registrations" '
        f'value="{open_one.pk}" id="select-{open_one.pk}" form="bulk-decide">'
    ) in html
    assert (
        f'<label class="visually-hidden" for="select-{open_one.pk}">Selecteer '
        "Kaas &amp; &lt;b&gt;&quot;Co&quot;&lt;/b&gt;</label>"
    ) in html
    assert f'id="select-{withdrawn.pk}"' not in html
    assert 'id="bulk-decide"' in html


def test_no_bulk_form_once_the_mission_is_over(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, completed=True)
    signed_up(mission, attended=True)
    login(client, civil_servant)
    html = client.get(reverse("missions_backoffice:detail", args=[mission.pk])).text
    assert 'id="bulk-decide"' not in html
    assert 'name="registrations"' not in html


def test_waitlist_service_refuses_a_decided_sign_up(civil_servant):
    registration = RegistrationFactory(mission__province=civil_servant.province)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        registration_waitlist(registration=registration, by=civil_servant)


def test_bulk_service_refuses_sign_ups_of_another_mission(civil_servant):
    from django.core.exceptions import ValidationError

    mission = MissionFactory(province=civil_servant.province)
    stranger = RegistrationFactory(submitted=True)
    with pytest.raises(ValidationError):
        registrations_decide(
            mission=mission, registrations=[stranger], action="accept", by=civil_servant
        )
