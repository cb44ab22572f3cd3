"""The user's roles come with the user (accounts.backends), and follow a
change of groups on the next request."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.backends import ModelBackend
from accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_role_taken_away_counts_from_the_next_request(client, overijssel):
    user = UserFactory(civil_servant=True, province=overijssel)
    client.force_login(user)
    assert client.get(reverse("missions_backoffice:list")).status_code == 200
    user.groups.remove(Group.objects.get(name=Role.CIVIL_SERVANT))
    assert client.get(reverse("missions_backoffice:list")).status_code == 403


def test_one_query_loads_the_user_with_province_and_roles(
    overijssel, django_assert_num_queries
):
    user = UserFactory(portfolio_holder=True, province=overijssel)
    with django_assert_num_queries(1):
        loaded = ModelBackend().get_user(user.pk)
        assert loaded.roles == frozenset({Role.PORTFOLIO_HOLDER})
        assert loaded.province == overijssel


def test_a_user_without_roles_has_none(db, django_assert_num_queries):
    user = UserFactory()
    with django_assert_num_queries(1):
        assert ModelBackend().get_user(user.pk).roles == frozenset()
