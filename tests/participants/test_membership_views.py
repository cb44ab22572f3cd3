"""The member list, decisions on requests to join, and the province's list
of requests (issue 14, item 1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from participants.models import MembershipRequest
from participants.services import organisations_of_user
from tests.factories import (
    ContactPersonFactory,
    MembershipRequestFactory,
    OrganisationFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(organisation):
    return sme_user_of(organisation, admin=True)


@pytest.fixture
def member(organisation, admin_user):
    return sme_user_of(organisation)


def _action(organisation, user, action):
    contact = organisation.contacts.get(user=user)
    return reverse("mine:member_action", args=[organisation.pk, contact.pk, action])


def test_admin_sees_requests_and_approves_one_as_admin(
    client, organisation, admin_user
):
    request = MembershipRequestFactory(organisation=organisation)
    client.force_login(admin_user)
    page = client.get(reverse("mine:members", args=[organisation.pk]))
    assert request.user.email in page.content.decode()
    response = client.post(
        reverse(
            "mine:request_decide",
            args=[organisation.pk, request.pk, "goedkeuren-als-beheerder"],
        )
    )
    assert response.status_code == 302
    assert organisation.contacts.get(user=request.user).is_admin


def test_an_ordinary_member_sees_members_but_no_requests_and_cannot_decide(
    client, organisation, member
):
    request = MembershipRequestFactory(organisation=organisation)
    client.force_login(member)
    page = client.get(reverse("mine:members", args=[organisation.pk]))
    assert page.status_code == 200
    assert request.user.email not in page.content.decode()
    url = reverse("mine:request_decide", args=[organisation.pk, request.pk, "afwijzen"])
    assert client.post(url).status_code == 403
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.PENDING


def test_admin_rejects_removes_and_hands_over(client, organisation, admin_user, member):
    request = MembershipRequestFactory(organisation=organisation)
    client.force_login(admin_user)
    client.post(
        reverse("mine:request_decide", args=[organisation.pk, request.pk, "afwijzen"])
    )
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.REJECTED

    assert (
        client.post(_action(organisation, member, "beheer-overdragen")).status_code
        == 302
    )
    assert organisation.contacts.get(user=member).is_admin
    assert not organisation.contacts.get(user=admin_user).is_admin

    # Now the former admin is an ordinary member: removing is refused.
    assert client.post(_action(organisation, member, "verwijderen")).status_code == 403


def test_the_last_admin_is_told_to_hand_over_first(
    client, organisation, admin_user, member
):
    client.force_login(admin_user)
    response = client.post(_action(organisation, admin_user, "verwijderen"))
    assert response.status_code == 400
    assert "Draag de beheerdersrol eerst over" in response.content.decode()
    assert list(organisations_of_user(admin_user)) == [organisation]


def test_a_member_leaves(client, organisation, member):
    client.force_login(member)
    response = client.post(_action(organisation, member, "verwijderen"))
    assert response.status_code == 302
    assert not organisations_of_user(member).exists()


def test_an_unknown_action_is_not_found(client, organisation, admin_user, member):
    client.force_login(admin_user)
    assert client.post(_action(organisation, member, "opblazen")).status_code == 404


def test_the_requester_sees_the_pending_request_and_withdraws_it(client, organisation):
    request = MembershipRequestFactory(organisation=organisation)
    client.force_login(request.user)
    page = client.get(reverse("mine:index")).content.decode()
    assert escape(organisation.name) in page
    assert reverse("mine:request_withdraw", args=[request.pk]) in page
    client.post(reverse("mine:request_withdraw", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.WITHDRAWN


def test_the_province_decides_only_for_organisations_without_admin(
    client, organisation, admin_user, civil_servant
):
    without_admin = OrganisationFactory(province=organisation.province)
    ContactPersonFactory(organisation=without_admin)
    open_request = MembershipRequestFactory(organisation=without_admin)
    admins_request = MembershipRequestFactory(organisation=organisation)
    client.force_login(civil_servant)
    page = client.get(reverse("missions_backoffice:membership_requests"))
    text = page.content.decode()
    assert open_request.user.email in text and admins_request.user.email in text
    assert "Wacht op de beheerder van de organisatie" in text

    refused = client.post(
        reverse(
            "missions_backoffice:membership_request_decide",
            args=[admins_request.pk, "goedkeuren"],
        )
    )
    assert refused.status_code == 400
    assert not organisations_of_user(admins_request.user).exists()

    approved = client.post(
        reverse(
            "missions_backoffice:membership_request_decide",
            args=[open_request.pk, "goedkeuren-als-beheerder"],
        )
    )
    assert approved.status_code == 302
    assert without_admin.contacts.get(user=open_request.user).is_admin


def test_a_civil_servant_of_another_province_neither_sees_nor_decides(
    client, organisation, civil_servant_limburg
):
    request = MembershipRequestFactory(organisation=organisation)
    client.force_login(civil_servant_limburg)
    page = client.get(reverse("missions_backoffice:membership_requests"))
    assert request.user.email not in page.content.decode()
    url = reverse(
        "missions_backoffice:membership_request_decide", args=[request.pk, "goedkeuren"]
    )
    assert client.post(url).status_code == 404
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.PENDING


def test_the_province_list_takes_the_same_queries_for_more_requests(
    client, organisation, civil_servant
):
    MembershipRequestFactory(organisation=organisation)
    client.force_login(civil_servant)
    url = reverse("missions_backoffice:membership_requests")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        MembershipRequestFactory(
            organisation=OrganisationFactory(province=organisation.province)
        )
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more) == len(few)


def test_the_member_list_takes_the_same_queries_for_more_members(
    client, organisation, admin_user
):
    client.force_login(admin_user)
    url = reverse("mine:members", args=[organisation.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(4):
        sme_user_of(organisation)
        MembershipRequestFactory(organisation=organisation)
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more) == len(few)
