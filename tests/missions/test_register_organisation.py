"""One service registers an organisation for a mission: the back-office form
and the XLSX import follow the same rules (KvK number validated, a known
organisation reused as it is, only the mission's own province)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from missions import imports
from missions.models import Registration
from missions.services import organisation_register_for_mission
from participants.models import ContactPerson, Organisation
from tests.factories import MissionFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def form_register(client, mission, **data):
    return client.post(
        reverse("missions_backoffice:register", args=[mission.pk]),
        {"seats": 1, **data},
    )


def import_register(mission, by, *rows):
    table = {
        "headers": ["KvK-nummer", "Organisatie", "Contactpersoon", "E-mail"],
        "rows": [list(row) for row in rows],
    }
    return imports.participants_import(mission=mission, table=table, by=by)


@pytest.fixture
def mission(civil_servant):
    return MissionFactory(province=civil_servant.province, open=True)


def test_the_form_and_the_import_reuse_a_known_organisation_unchanged(
    client, civil_servant, mission, limburg
):
    known = OrganisationFactory(kvk_number="06012345", name="Bouman", province=limburg)
    client.force_login(civil_servant)
    response = form_register(client, mission, kvk_number="06012345", name="Anders")
    assert response.status_code == 302
    other = MissionFactory(province=civil_servant.province, open=True)
    report = import_register(other, civil_servant, ("0601 2345", "Nog anders", "", ""))
    assert report.ok, report.errors
    assert Organisation.objects.count() == 1
    known.refresh_from_db()
    assert (known.name, known.province) == ("Bouman", limburg)
    assert {r.organisation for r in Registration.objects.all()} == {known}


def test_both_paths_create_a_new_organisation_in_the_missions_province(
    client, civil_servant, mission
):
    client.force_login(civil_servant)
    assert (
        form_register(client, mission, kvk_number="11111111", name="A BV").status_code
        == 302
    )
    report = import_register(mission, civil_servant, ("22222222", "B BV", "", ""))
    assert report.ok, report.errors
    provinces = set(Organisation.objects.values_list("province", flat=True))
    assert provinces == {mission.province_id}
    sources = set(mission.registrations.values_list("source", flat=True))
    assert sources == {Registration.Source.BACK_OFFICE, Registration.Source.IMPORT}


@pytest.mark.parametrize("kvk", ["123", "12ab5678", "١٢٣٤٥٦٧٨"])
def test_both_paths_refuse_a_number_that_is_no_kvk_number(
    client, civil_servant, mission, kvk
):
    client.force_login(civil_servant)
    assert form_register(client, mission, kvk_number=kvk, name="X").status_code == 400
    report = import_register(mission, civil_servant, (kvk, "X", "", ""))
    assert not report.ok
    with pytest.raises(ValidationError) as error:
        organisation_register_for_mission(
            mission=mission, by=civil_servant, kvk_number=kvk, name="X"
        )
    assert "kvk_number" in error.value.message_dict
    assert not Organisation.objects.exists()


def test_a_civil_servant_of_another_province_registers_nobody(
    civil_servant_limburg, mission
):
    with pytest.raises(PermissionDenied):
        organisation_register_for_mission(
            mission=mission, by=civil_servant_limburg, kvk_number="11111111", name="X"
        )
    report = import_register(mission, civil_servant_limburg, ("11111111", "X", "", ""))
    assert not report.ok
    assert "Overijssel" in report.errors[0][1]
    assert not Organisation.objects.exists()
    assert not mission.registrations.exists()


def test_an_administrator_registers_for_any_province(administrator, mission):
    registration = organisation_register_for_mission(
        mission=mission, by=administrator, kvk_number="11111111", name="X"
    )
    assert registration.mission == mission


def test_a_contact_given_by_address_only_is_kept_on_both_paths(
    client, civil_servant, mission
):
    client.force_login(civil_servant)
    response = form_register(
        client,
        mission,
        kvk_number="11111111",
        name="A BV",
        contact_email="info@a.example",
    )
    assert response.status_code == 302
    report = import_register(
        mission, civil_servant, ("22222222", "B BV", "", "info@b.example")
    )
    assert report.ok, report.errors
    for registration in mission.registrations.all():
        contact = registration.contacts.get()
        assert contact.name == contact.email
    # A known address is reused, not copied.
    other = MissionFactory(province=civil_servant.province, open=True)
    organisation_register_for_mission(
        mission=other,
        by=civil_servant,
        kvk_number="11111111",
        contact_name="Iemand",
        contact_email="INFO@a.example",
    )
    assert ContactPerson.objects.count() == 2
