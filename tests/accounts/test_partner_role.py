"""The implementing partner role: a group, a partner organisation, two-factor
like civil servants, and the demo's partner accounts (issue 18, item 1)."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from accounts.services import user_create
from participants.models import Engagement
from tests.factories import PASSWORD, OrganisationFactory, PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_partner_group_works_on_missions_and_the_desk_only():
    group = Group.objects.get(name=Role.PARTNER)
    apps = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert apps == {"missions", "desk"}
    assert not group.permissions.filter(codename__startswith="delete_").exists()


def test_user_create_requires_a_partner_organisation_of_kind_partner():
    with pytest.raises(ValidationError, match="hoort bij een partnerorganisatie"):
        user_create(email="p@example.org", role=Role.PARTNER)
    with pytest.raises(ValidationError, match="soort partnerorganisatie"):
        user_create(
            email="p@example.org",
            role=Role.PARTNER,
            partner=OrganisationFactory(),
        )
    partner = PartnerFactory()
    user = user_create(email="p@example.org", role=Role.PARTNER, partner=partner)
    assert user.is_partner and user.partner == partner and user.province is None
    assert not user.works_for_province and not user.is_civil_servant


def test_partner_staff_need_two_factor_like_civil_servants(client, settings):
    settings.REQUIRE_STAFF_2FA = True
    user = UserFactory(partner_staff=True, mfa_exempt=False)
    assert user.needs_two_factor
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    response = client.get(reverse("desk:list"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_create_user_command_links_partner_staff_to_their_organisation():
    partner = PartnerFactory(kvk_number="90090009")
    call_command(
        "create_user",
        "staf@partner.example",
        role=Role.PARTNER,
        partner="90090009",
        no_invite=True,
        verbosity=0,
    )
    assert User.objects.get(email="staf@partner.example").partner == partner


def test_demo_partner_accounts_work_for_the_engaged_partners():
    call_command("load_demo", verbosity=0)
    limburg = User.objects.get(email="medewerker@ondernemendlimburg.example")
    oost = User.objects.get(email="medewerker@oostnl.example")
    assert limburg.is_partner and oost.is_partner
    assert limburg.partner.name.startswith("Ondernemend Limburg")
    assert set(
        Engagement.objects.filter(partner=limburg.partner).values_list(
            "province__code", "task"
        )
    ) == {("LI", "missions"), ("LI", "desk"), ("LI", "advice")}
    assert set(
        Engagement.objects.filter(partner=oost.partner).values_list(
            "province__code", "task"
        )
    ) == {("OV", "missions")}
    # Oost NL runs Overijssel missions; Limburg's desk has a dozen questions
    # in every status, and five of 2018, all routed to Ondernemend Limburg.
    assert oost.partner.missions_run.filter(province__code="OV").exists()
    questions = limburg.partner.desk_questions.filter(province__code="LI")
    assert questions.count() == 12 + 5
    assert questions.filter(created_at__year=2018).count() == 5
    assert set(questions.values_list("status", flat=True)) == {
        "new",
        "in_progress",
        "answered",
        "referred",
    }
