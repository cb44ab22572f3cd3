"""Missions run by an implementing partner (issue 18, item 1): partner staff
create and run missions for the provinces that engage them for missions,
see only the missions their organisation runs, decide their sign-ups; the
province decides who runs a mission; every write names who did it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from missions import selectors, services
from missions.models import Mission, Registration
from participants.models import Engagement
from tests.factories import (
    PASSWORD,
    EngagementFactory,
    MissionFactory,
    PartnerFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(limburg):
    organisation = PartnerFactory(name="Ondernemend Limburg", province=limburg)
    EngagementFactory(province=limburg, partner=organisation)
    return organisation


@pytest.fixture
def staff(client, partner):
    user = UserFactory(partner_staff=True, partner=partner)
    client.login(email=user.email, password=PASSWORD)
    return user


def _form(title="Handelsmissie Vlaanderen"):
    start = timezone.localdate() + timedelta(days=60)
    return {
        "title": title,
        "direction": "outgoing",
        "country": "BE",
        "start_date": start.isoformat(),
        "end_date": (start + timedelta(days=2)).isoformat(),
        "format": "physical",
        "capacity": 12,
        "max_seats_per_organisation": 2,
        "participation_fee": "250",
        "province_contribution_per_seat": "500",
        "approval_mode": "review",
    }


def test_partner_staff_create_a_mission_their_organisation_runs(
    client, limburg, partner, staff
):
    page = client.get(reverse("missions_backoffice:create"))
    assert page.status_code == 200
    # Which partner runs the mission is the province's choice, not theirs.
    assert "run_by" not in page.context["form"].fields
    response = client.post(reverse("missions_backoffice:create"), _form())
    assert response.status_code == 302, response.context["form"].errors
    mission = Mission.objects.get()
    assert (mission.province, mission.run_by, mission.created_by) == (
        limburg,
        partner,
        staff,
    )
    assert mission.history.get().history_user == staff
    response = client.post(
        reverse("missions_backoffice:transition", args=[mission.pk, "publish"])
    )
    assert response.status_code == 302
    mission.refresh_from_db()
    assert mission.status == Mission.Status.PUBLISHED
    assert mission.history.latest().history_user == staff


def test_partner_engaged_by_two_provinces_chooses_one(
    client, limburg, overijssel, partner, staff
):
    EngagementFactory(province=overijssel, partner=partner)
    assert client.get(reverse("missions_backoffice:create")).status_code == 403
    url = reverse("missions_backoffice:create") + f"?province={overijssel.pk}"
    assert client.post(url, _form()).status_code == 302
    assert Mission.objects.get().province == overijssel
    listed = client.get(reverse("missions_backoffice:list")).content.decode()
    assert (
        f"?province={limburg.pk}" in listed and f"?province={overijssel.pk}" in listed
    )


def test_a_partner_engaged_for_the_desk_only_creates_no_mission(client, limburg):
    desk_only = PartnerFactory()
    EngagementFactory(province=limburg, partner=desk_only, task=Engagement.Task.DESK)
    user = UserFactory(partner_staff=True, partner=desk_only)
    client.login(email=user.email, password=PASSWORD)
    assert client.get(reverse("missions_backoffice:create")).status_code == 403
    assert (
        client.post(reverse("missions_backoffice:create"), _form()).status_code == 403
    )
    assert not Mission.objects.exists()


def test_partner_staff_see_only_the_missions_they_run(
    client, limburg, overijssel, partner, staff
):
    ours = MissionFactory(province=limburg, run_by=partner, title="Ours")
    provinces = MissionFactory(province=limburg, title="Province's own")
    # Run by the partner in a province that does not engage it (any more).
    elsewhere = MissionFactory(province=overijssel, run_by=partner, title="Elsewhere")
    assert list(selectors.mission_backoffice_list(user=staff)) == [ours]
    for mission, status in ((ours, 200), (provinces, 404), (elsewhere, 404)):
        url = reverse("missions_backoffice:detail", args=[mission.pk])
        assert client.get(url).status_code == status
    Engagement.objects.update(until=timezone.localdate() - timedelta(days=1))
    assert (
        client.get(reverse("missions_backoffice:detail", args=[ours.pk])).status_code
        == 404
    )


def test_civil_servants_still_see_every_mission_of_their_province(
    limburg, partner, civil_servant_limburg
):
    ours = MissionFactory(province=limburg, run_by=partner)
    own = MissionFactory(province=limburg)
    assert set(selectors.mission_backoffice_list(user=civil_servant_limburg)) == {
        ours,
        own,
    }


def test_partner_staff_decide_the_sign_ups_of_their_missions_only(
    client, limburg, partner, staff
):
    ours = MissionFactory(province=limburg, run_by=partner, review=True)
    theirs = MissionFactory(province=limburg, review=True)
    mine = RegistrationFactory(mission=ours, submitted=True)
    other = RegistrationFactory(mission=theirs, submitted=True)
    response = client.post(
        reverse("missions_backoffice:registration_action", args=[mine.pk, "accept"])
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == Registration.Status.ACCEPTED
    assert mine.history.latest().history_user == staff
    response = client.post(
        reverse("missions_backoffice:registration_action", args=[other.pk, "accept"])
    )
    assert response.status_code == 404
    response = client.post(
        reverse("missions_backoffice:bulk_decide", args=[theirs.pk]),
        {"action": "accept", "registrations": [other.pk]},
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == Registration.Status.SUBMITTED


def test_the_province_chooses_an_engaged_partner_to_run_a_mission(
    limburg, overijssel, partner, civil_servant_limburg
):
    mission = MissionFactory(province=limburg)
    services.mission_update(mission=mission, by=civil_servant_limburg, run_by=partner)
    mission.refresh_from_db()
    assert mission.run_by == partner
    not_engaged = PartnerFactory()
    with pytest.raises(ValidationError) as error:
        services.mission_update(
            mission=mission, by=civil_servant_limburg, run_by=not_engaged
        )
    assert "run_by" in error.value.message_dict
    # Overijssel does not engage Limburg's partner.
    elsewhere = MissionFactory(province=overijssel)
    with pytest.raises(ValidationError):
        services.mission_update(
            mission=elsewhere, by=civil_servant_limburg, run_by=partner
        )


def test_partner_staff_cannot_hand_a_mission_to_someone_else(limburg, partner, staff):
    mission = MissionFactory(province=limburg, run_by=partner)
    with pytest.raises(ValidationError):
        services.mission_update(mission=mission, by=staff, run_by=None)
    mission.refresh_from_db()
    assert mission.run_by == partner


def test_the_mission_form_offers_the_engaged_partners_and_keeps_a_former_one(
    limburg, partner, civil_servant_limburg
):
    from missions.forms import MissionForm

    form = MissionForm(province=limburg)
    assert list(form.fields["run_by"].queryset) == [partner]
    mission = MissionFactory(province=limburg, run_by=partner)
    Engagement.objects.update(until=timezone.localdate() - timedelta(days=1))
    assert list(MissionForm(province=limburg).fields["run_by"].queryset) == []
    # Saving other fields of its mission does not fail on the former partner.
    assert list(
        MissionForm(province=limburg, instance=mission).fields["run_by"].queryset
    ) == [partner]
