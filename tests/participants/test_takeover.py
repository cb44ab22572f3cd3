"""Issue 14: a stranger who types Bouman Industries' public KvK number must
not take the company over. He asks to join; Bouman's admin is mailed and
decides; until then the stranger sees nothing but the public name."""

import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from missions.models import MissionResult, Registration
from participants.models import MembershipRequest, Organisation
from showcase.models import ContactRequest
from tests.factories import (
    ContactRequestFactory,
    MissionFactory,
    MissionResultFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BOUMAN_KVK = "06012345"
SECRET_MOTIVATION = "Vertrouwelijk: wij onderhandelen met Siemens over 2 scheiders."


@pytest.fixture
def bouman(db):
    call_command("load_demo", verbosity=0)
    return Organisation.objects.get(kvk_number=BOUMAN_KVK)


@pytest.fixture
def bouman_admin(bouman):
    return bouman.contacts.get(user__email="ondernemer@bouman.example").user


@pytest.fixture
def open_registration(bouman):
    """An accepted registration that Bouman's members may still withdraw."""
    return RegistrationFactory(
        organisation=bouman,
        mission=MissionFactory(open=True, province=bouman.province),
        motivation=SECRET_MOTIVATION,
    )


@pytest.fixture
def result(bouman):
    return MissionResultFactory(
        registration=RegistrationFactory(
            organisation=bouman,
            attended=True,
            mission=MissionFactory(completed=True, province=bouman.province),
        ),
        expected_export_turnover=1234567,
    )


@pytest.fixture
def contact_request(bouman):
    return ContactRequestFactory(receiver=bouman)


@pytest.fixture
def stranger(db):
    return UserFactory(sme=True, name="Mallory", email="mallory@elders.example")


def _type_bouman_s_kvk(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("mine:organisation"),
            {
                "kvk_number": BOUMAN_KVK,
                "name": "Bouman Industries",
                "kind": "sme",
                "export_experience": "none",
            },
            follow=True,
        )


def test_a_stranger_typing_bouman_s_kvk_number_takes_nothing_over(
    client,
    bouman,
    bouman_admin,
    stranger,
    open_registration,
    result,
    contact_request,
    django_capture_on_commit_callbacks,
):
    client.force_login(stranger)
    mail.outbox.clear()
    page = _type_bouman_s_kvk(client, django_capture_on_commit_callbacks)

    # Told that the request waits; not "U werkt nu namens ...".
    assert page.status_code == 200
    text = page.content.decode()
    assert "U werkt nu namens" not in text
    assert "Uw verzoek om namens de organisatie op te treden" in text
    assert "Bouman Industries" in text  # the public name, nothing more
    assert MembershipRequest.objects.get(user=stranger).status == "pending"
    assert not bouman.contacts.filter(user=stranger).exists()

    # Bouman's admin is mailed the request; the stranger nothing of Bouman.
    to_admin = [m for m in mail.outbox if bouman_admin.email in m.to]
    assert [m.subject for m in to_admin] == [
        "Mallory <mallory@elders.example> vraagt namens Bouman Industries te "
        "mogen optreden"
    ]
    assert reverse("mine:members", args=[bouman.pk]) in to_admin[0].body

    # /mijn/ shows no registration, mission, motivation or result of Bouman.
    index = client.get(reverse("mine:index")).content.decode()
    assert open_registration.mission.title not in index
    assert result.registration.mission.title not in index
    assert reverse("mine:withdraw", args=[open_registration.pk]) not in index

    # Every page of Bouman's is absent (404), GET or POST.
    for url in (
        reverse("mine:organisation_edit", args=[bouman.pk]),
        reverse("mine:contact", args=[bouman.pk]),
        reverse("mine:withdraw", args=[open_registration.pk]),
        reverse("mine:results", args=[result.registration.pk, "t0"]),
        reverse("mine_showcase:profile", args=[bouman.pk]),
        reverse("mine_showcase:story_create", args=[bouman.pk]),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"name": "Overgenomen BV"}).status_code == 404, url
    assert client.get(reverse("mine:members", args=[bouman.pk])).status_code == 404
    for action in ("accept", "decline", "block"):
        url = reverse("mine_showcase:request_action", args=[contact_request.pk, action])
        assert client.post(url).status_code == 404
    contact_request.refresh_from_db()
    assert contact_request.status == ContactRequest.Status.PENDING
    requests_page = client.get(reverse("mine_showcase:requests")).content.decode()
    assert contact_request.sender.name not in requests_page

    # Nothing changed: registration, results and profile as they were.
    open_registration.refresh_from_db()
    assert open_registration.status == Registration.Status.ACCEPTED
    assert MissionResult.objects.get(pk=result.pk).expected_export_turnover == 1234567
    assert Organisation.objects.get(pk=bouman.pk).name == "Bouman Industries"
    assert not [m for m in mail.outbox if "afgemeld" in m.subject.lower()]

    # The personal-data download holds the request, not Bouman's data.
    data = json.loads(client.get(reverse("mine:data")).content)
    assert data["organisations"] == [] and data["contact_persons"] == []
    assert [r["status"] for r in data["membership_requests"]] == ["pending"]
    assert SECRET_MOTIVATION not in json.dumps(data)

    # Signing Bouman up for a mission on its behalf is impossible as well.
    mission = MissionFactory(open=True, province=bouman.province)
    client.post(
        reverse("missions:signup", args=[mission.pk]),
        {"organisation": bouman.pk, "seats": 1, "de_minimis_declared": "on"},
    )
    assert not Registration.objects.filter(mission=mission).exists()

    # After Bouman's admin approves, the new member sees what members see.
    admin_client = client.__class__()
    admin_client.force_login(bouman_admin)
    request = MembershipRequest.objects.get(user=stranger)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("mine:request_decide", args=[bouman.pk, request.pk, "goedkeuren"])
        )
    assert response.status_code == 302
    assert [m.subject for m in mail.outbox if stranger.email in m.to] == [
        "U bent nu lid van Bouman Industries"
    ]
    index = client.get(reverse("mine:index")).content.decode()
    assert open_registration.mission.title in index
    assert client.get(reverse("mine:members", args=[bouman.pk])).status_code == 200
    data = json.loads(client.get(reverse("mine:data")).content)
    assert [o["kvk_number"] for o in data["organisations"]] == [BOUMAN_KVK]
    assert SECRET_MOTIVATION in json.dumps(data)


def test_the_members_page_shows_members_and_how_they_were_verified(
    client, bouman, bouman_admin, stranger
):
    from participants.services import membership_grant_verified

    membership_grant_verified(user=stranger, kvk_number=BOUMAN_KVK)
    client.force_login(stranger)
    page = client.get(reverse("mine:members", args=[bouman.pk]))
    text = page.content.decode()
    assert "geverifieerd via eHerkenning" in text
    assert bouman_admin.email in text
    # An ordinary member sees no approve buttons and cannot act as admin.
    assert "Goedkeuren" not in text
    own = bouman.contacts.get(user=bouman_admin)
    url = reverse("mine:member_action", args=[bouman.pk, own.pk, "verwijderen"])
    assert client.post(url).status_code == 403
    assert bouman.contacts.get(pk=own.pk).user == bouman_admin
