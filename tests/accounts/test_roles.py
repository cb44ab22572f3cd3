import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command

from accounts.models import User
from accounts.roles import Role
from accounts.services import user_create
from tests.factories import ProvinceFactory

pytestmark = pytest.mark.django_db


def test_every_role_is_a_group_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(Role.values)


def test_portfolio_holder_group_may_only_view_and_request_reports():
    codenames = set(
        Group.objects.get(name=Role.PORTFOLIO_HOLDER).permissions.values_list(
            "codename", flat=True
        )
    )
    assert codenames
    assert all(c.startswith("view_") or c == "add_reportrun" for c in codenames)


def test_civil_servant_group_manages_programmes_but_not_users():
    perms = Group.objects.get(name=Role.CIVIL_SERVANT).permissions
    assert perms.filter(codename="add_reservemutation").exists()
    assert not perms.filter(codename="change_user").exists()


def test_sme_group_has_no_model_permissions():
    assert not Group.objects.get(name=Role.SME).permissions.exists()


def test_user_create_requires_a_province_for_civil_servants():
    with pytest.raises(ValidationError, match="provincie"):
        user_create(email="a@example.org", role=Role.CIVIL_SERVANT)
    assert not User.objects.filter(email="a@example.org").exists()


def test_user_create_rejects_a_duplicate_email_case_insensitively():
    province = ProvinceFactory()
    user_create(email="a@example.org", role=Role.PORTFOLIO_HOLDER, province=province)
    with pytest.raises(ValidationError, match="Er is al een gebruiker"):
        user_create(email="A@example.org", role=Role.SME)


def test_create_user_command_gives_role_and_province():
    province = ProvinceFactory(code="UT", name="Utrecht")
    call_command(
        "create_user", "pm@utrecht.example", "--role=civil_servant", "--province=ut"
    )
    user = User.objects.get(email="pm@utrecht.example")
    assert user.province == province
    assert user.is_civil_servant and not user.is_sme
    assert not user.has_usable_password()


def test_load_demo_twice_changes_nothing():
    call_command("load_demo", verbosity=0)
    counts = {m: m.objects.count() for m in (User, Group)}
    history = User.objects.get(email="ondernemer@bouman.example").password
    call_command("load_demo", verbosity=0)
    assert {m: m.objects.count() for m in (User, Group)} == counts
    assert User.objects.get(email="ondernemer@bouman.example").password == history


def test_demo_sme_user_belongs_to_bouman_industries():
    call_command("load_demo", verbosity=0)
    user = User.objects.get(email="ondernemer@bouman.example")
    assert user.is_sme
    assert [c.organisation.name for c in user.contact_persons.all()] == [
        "Bouman Industries"
    ]
