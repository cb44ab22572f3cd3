import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role
from tests.factories import ProvinceFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_and_searches_provinces(client):
    ProvinceFactory()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = reverse("admin:provinces_province_changelist")
    assert client.get(page).status_code == 200
    assert client.get(page, {"q": "5.4"}).status_code == 200


@pytest.mark.parametrize(
    ("role", "codenames"),
    [
        (
            Role.ADMINISTRATOR,
            {"add_province", "change_province", "delete_province", "view_province"},
        ),
        (
            Role.CIVIL_SERVANT,
            {"add_province", "change_province", "delete_province", "view_province"},
        ),
        (Role.PORTFOLIO_HOLDER, {"view_province"}),
        (Role.SME, set()),
    ],
)
def test_role_groups_keep_their_permissions_on_provinces(role, codenames):
    """The permissions programmes gave on Province before it moved here."""
    group = Group.objects.get(name=role)
    held = set(
        group.permissions.filter(
            content_type__app_label="provinces", content_type__model="province"
        ).values_list("codename", flat=True)
    )
    assert held == codenames
