"""Audit: every change, through the site or the admin, shows on the object's
page with who, when, and the old and new value."""

import re

import pytest
from django.urls import reverse

from missions.models import Registration
from tests.factories import (
    MissionFactory,
    OrganisationFactory,
    RegistrationFactory,
    UserFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db


def _form_values(form) -> dict:
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is True:
            data[form.add_prefix(name)] = "on"
        elif value is None or value is False:
            continue
        elif isinstance(value, list | tuple):
            data[form.add_prefix(name)] = [str(v) for v in value]
        else:
            data[form.add_prefix(name)] = str(value)
    return data


def _admin_change(client, url, **changes):
    """Post the admin change form as it is shown, with `changes` applied."""
    page = client.get(url)
    assert page.status_code == 200
    data = _form_values(page.context["adminform"].form)
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_values(formset.management_form))
        for form in formset.forms:
            data.update(_form_values(form))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, getattr(
        response.context.get("adminform"), "errors", response
    )


def _history_rows(html: str) -> list[str]:
    section = html.split('id="history-heading"', 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in rows]


@pytest.fixture
def admin_client(client):
    admin = UserFactory(
        is_superuser=True, is_staff=True, name="Beheerder Bakker", mfa_exempt=True
    )
    client.force_login(admin)
    return client


def test_an_organisation_changed_in_the_admin_shows_who_and_old_and_new_name(
    admin_client, client, overijssel, civil_servant
):
    organisation = OrganisationFactory(province=overijssel, name="Oude Naam BV")
    sme_user_of(organisation)
    url = reverse("admin:participants_organisation_change", args=[organisation.pk])
    _admin_change(admin_client, url, name="Nieuwe Naam BV")

    client.force_login(civil_servant)
    page = client.get(
        reverse("missions_backoffice:organisation", args=[organisation.pk])
    )

    assert page.status_code == 200
    newest = _history_rows(page.content.decode())[1]
    assert "Beheerder Bakker" in newest
    assert "Oude Naam BV → Nieuwe Naam BV" in newest


def test_an_organisation_changed_by_its_sme_user_shows_on_the_page(
    client, overijssel, civil_servant
):
    organisation = OrganisationFactory(province=overijssel, sector="Zorg")
    sme = sme_user_of(organisation, name="Ondernemer Smit")
    client.force_login(sme)
    form = client.get(reverse("mine:organisation_edit", args=[organisation.pk]))
    data = _form_values(form.context["form"])
    data["sector"] = "Maakindustrie"
    response = client.post(
        reverse("mine:organisation_edit", args=[organisation.pk]), data
    )
    assert response.status_code == 302

    client.force_login(civil_servant)
    page = client.get(
        reverse("missions_backoffice:organisation", args=[organisation.pk])
    )
    newest = _history_rows(page.content.decode())[1]
    assert "Ondernemer Smit" in newest
    assert "Zorg → Maakindustrie" in newest


def test_a_registration_accepted_on_the_site_shows_who_and_the_status_change(
    client, overijssel, civil_servant
):
    civil_servant.name = "Ambtenaar de Vries"
    civil_servant.save()
    mission = MissionFactory(open=True, province=overijssel, approval_mode="review")
    registration = RegistrationFactory(mission=mission, submitted=True)
    client.force_login(civil_servant)
    response = client.post(
        reverse(
            "missions_backoffice:registration_action",
            args=[registration.pk, "accept"],
        )
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ACCEPTED

    page = client.get(
        reverse("missions_backoffice:registration", args=[registration.pk])
    )
    newest = _history_rows(page.content.decode())[1]
    assert "Ambtenaar de Vries" in newest
    assert "Aangemeld, wacht op beoordeling → Geaccepteerd" in newest
    # Moments in words, not as a database timestamp.
    assert "+00:00" not in newest


def test_a_mission_changed_in_the_admin_shows_on_its_back_office_page(
    admin_client, client, overijssel, civil_servant
):
    mission = MissionFactory(province=overijssel, title="Missie naar Turkije")
    url = reverse("admin:missions_mission_change", args=[mission.pk])
    _admin_change(admin_client, url, region="Istanbul")

    client.force_login(civil_servant)
    page = client.get(reverse("missions_backoffice:detail", args=[mission.pk]))
    newest = _history_rows(page.content.decode())[1]
    assert "Beheerder Bakker" in newest
    assert "Hannover → Istanbul" in newest


def test_an_organisation_of_another_province_is_seen_after_it_signed_up(
    client, limburg, overijssel, civil_servant
):
    organisation = OrganisationFactory(province=limburg)
    url = reverse("missions_backoffice:organisation", args=[organisation.pk])
    client.force_login(civil_servant)
    assert client.get(url).status_code == 404
    RegistrationFactory(
        mission=MissionFactory(open=True, province=overijssel),
        organisation=organisation,
    )
    assert client.get(url).status_code == 200


def test_anonymising_also_takes_the_name_out_of_the_organisations_admin_log(
    admin_client, overijssel
):
    from django.contrib.admin.models import LogEntry

    from participants.services import contact_person_anonymise
    from tests.factories import ContactPersonFactory

    organisation = OrganisationFactory(province=overijssel)
    contact = ContactPersonFactory(organisation=organisation, name="Piet Puk")
    url = reverse("admin:participants_organisation_change", args=[organisation.pk])
    _admin_change(admin_client, url, **{"contacts-0-phone": "06 12345678"})
    assert LogEntry.objects.filter(change_message__contains="Piet Puk").exists()

    contact_person_anonymise(contact_id=contact.pk)

    assert not LogEntry.objects.filter(change_message__contains="Piet Puk").exists()
