"""A civil servant finds and sees the organisations of the own province and
those taking part in its missions; of an organisation from elsewhere only
its base data and what concerns the province's missions (issue 14, item 6)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from missions.models import Registration
from participants.services import organisation_update
from tests.factories import (
    PASSWORD,
    ContactPersonFactory,
    MissionFactory,
    MissionResultFactory,
    OrganisationFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def provinces(overijssel, limburg, civil_servant, civil_servant_limburg):
    """Overijssel's Alfa BV with contact Otto on an Overijssel mission (with
    results) and a changed name; Limburg's Beta BV; an open Limburg mission."""
    alfa = OrganisationFactory(
        kvk_number="06012345",
        name="Alfa Oud BV",
        province=overijssel,
        municipality="Hengelo",
    )
    organisation_update(organisation=alfa, name="Alfa Export BV", employees=42)
    gamma = OrganisationFactory(name="Gamma Overijssel BV", province=overijssel)
    beta = OrganisationFactory(name="Beta Handel BV", province=limburg)
    otto = ContactPersonFactory(
        organisation=alfa, name="Otto Overijssel", email="otto@alfa.example"
    )
    hannover = MissionFactory(
        province=overijssel, completed=True, title="Overijssel naar Hannover"
    )
    ov_registration = RegistrationFactory(
        mission=hannover, organisation=alfa, attended=True
    )
    ov_registration.contacts.add(otto)
    MissionResultFactory(registration=ov_registration, leads=77, remarks="Geheim")
    maastricht = MissionFactory(province=limburg, open=True, title="Limburg naar Luik")
    return {
        "alfa": alfa,
        "gamma": gamma,
        "beta": beta,
        "ov_registration": ov_registration,
        "li_mission": maastricht,
        "cs_ov": civil_servant,
        "cs_li": civil_servant_limburg,
    }


def search(client, mission, query):
    response = client.get(
        reverse("missions_backoffice:register", args=[mission.pk]), {"q": query}
    )
    assert response.status_code == 200
    return response


def register_alfa_on_limburg_mission(client, world):
    response = client.post(
        reverse("missions_backoffice:register", args=[world["li_mission"].pk]),
        {
            "kvk_number": "06012345",
            "seats": 1,
            "contact_name": "Lotte Limburg",
            "contact_email": "lotte@alfa.example",
        },
    )
    assert response.status_code == 302
    return Registration.objects.get(mission=world["li_mission"])


def test_limburg_search_for_bv_lists_no_overijssel_only_organisations(
    client, provinces
):
    login(client, provinces["cs_li"])
    response = search(client, provinces["li_mission"], "BV")
    found = list(response.context["found"])
    assert found == [provinces["beta"]]
    assert "Alfa" not in response.text
    assert "Gamma" not in response.text
    # Part of a KvK number finds nothing of another province either.
    assert list(search(client, provinces["li_mission"], "0601").context["found"]) == []


def test_a_whole_kvk_number_finds_an_organisation_of_another_province(
    client, provinces
):
    """To add a company from elsewhere its public number and name suffice."""
    login(client, provinces["cs_li"])
    found = search(client, provinces["li_mission"], "0601 2345").context["found"]
    assert list(found) == [provinces["alfa"]]


def test_after_registering_on_a_limburg_mission_the_organisation_is_found(
    client, provinces
):
    login(client, provinces["cs_li"])
    register_alfa_on_limburg_mission(client, provinces)
    found = list(search(client, provinces["li_mission"], "BV").context["found"])
    assert found == [provinces["alfa"], provinces["beta"]]
    assert provinces["gamma"] not in found


def test_limburg_sees_the_base_data_but_nothing_of_overijssel(client, provinces):
    login(client, provinces["cs_li"])
    url = reverse("missions_backoffice:organisation", args=[provinces["alfa"].pk])
    assert client.get(url).status_code == 404
    register_alfa_on_limburg_mission(client, provinces)

    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Alfa Export BV" in html and "06012345" in html and "Hengelo" in html
    assert "Lotte Limburg" in html
    assert [c.name for c in page.context["contacts"]] == ["Lotte Limburg"]
    # Not Overijssel's contact, mission, results or the history of changes.
    assert "Otto" not in html and "otto@alfa.example" not in html
    assert "Overijssel naar Hannover" not in html
    assert "Alfa Oud BV" not in html
    assert page.context["history"] is None
    assert 'id="history-heading"' not in html
    assert [r.mission for r in page.context["registrations"]] == [
        provinces["li_mission"]
    ]


def test_limburg_cannot_open_the_overijssel_registration_or_its_results(
    client, provinces
):
    login(client, provinces["cs_li"])
    register_alfa_on_limburg_mission(client, provinces)
    registration = provinces["ov_registration"]
    for name, kwargs in (
        ("missions_backoffice:registration", {"pk": registration.pk}),
        ("missions_backoffice:results", {"pk": registration.pk, "moment": "t0"}),
        ("missions_backoffice:detail", {"pk": registration.mission_id}),
        (
            "missions_backoffice:export",
            {"pk": registration.mission_id, "file_format": "csv"},
        ),
    ):
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 404, name


def test_limburg_mission_pages_and_exports_show_only_the_limburg_contact(
    client, provinces
):
    login(client, provinces["cs_li"])
    registration = register_alfa_on_limburg_mission(client, provinces)
    mission = provinces["li_mission"]
    pages = [
        client.get(reverse("missions_backoffice:detail", args=[mission.pk])),
        client.get(reverse("missions_backoffice:registration", args=[registration.pk])),
    ]
    for page in pages:
        assert page.status_code == 200
        assert "Lotte Limburg" in page.text
        assert "Otto" not in page.text and "Overijssel naar Hannover" not in page.text
    csv_response = client.get(
        reverse("missions_backoffice:export", args=[mission.pk, "csv"])
    )
    text = csv_response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [row[3] for row in rows[1:]] == ["Lotte Limburg"]
    assert "Otto" not in csv_response.content.decode("utf-8-sig")
    xlsx_response = client.get(
        reverse("missions_backoffice:export", args=[mission.pk, "xlsx"])
    )
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row}
    assert "Lotte Limburg" in cells
    assert not any("Otto" in cell for cell in cells)


def test_overijssel_still_sees_all_of_its_own_organisation(client, provinces):
    login(client, provinces["cs_li"])
    register_alfa_on_limburg_mission(client, provinces)
    client.logout()
    login(client, provinces["cs_ov"])
    page = client.get(
        reverse("missions_backoffice:organisation", args=[provinces["alfa"].pk])
    )
    html = page.content.decode()
    assert "Otto Overijssel" in html and "Lotte Limburg" in html
    assert "Alfa Oud BV" in html  # the history of its base data
    # Its registrations for Overijssel's missions only, not Limburg's.
    assert [r.mission for r in page.context["registrations"]] == [
        provinces["ov_registration"].mission
    ]
    assert "Limburg naar Luik" not in html


def test_administrator_sees_every_contact_and_the_history(
    client, provinces, administrator
):
    client.force_login(administrator)
    page = client.get(
        reverse("missions_backoffice:organisation", args=[provinces["alfa"].pk])
    )
    assert page.status_code == 200
    assert "Otto Overijssel" in page.text
    assert page.context["history"]
