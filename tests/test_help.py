"""Help where people hesitate (issue 17, item 7): a help page in B1 Dutch
and English, short explanations on the sign-up and results forms, and the
contact address of the province's team on every page of an entrepreneur."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from programmes import demo
from provinces.models import Province
from tests.factories import (
    PASSWORD,
    MissionFactory,
    OrganisationFactory,
    ProvinceFactory,
    RegistrationFactory,
    UserFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


def footer(html: str) -> str:
    return re.search(r"<footer.*?</footer>", html, re.S).group(0)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", ["Wat is de-minimissteun?", "€ 300.000", "wachtlijst", "Leads"]),
        ("en", ["What is de-minimis aid?", "€300,000", "waiting list", "Leads"]),
    ],
)
def test_help_page_explains_the_three_questions(client, overijssel, language, words):
    overijssel.contact_email = "handelsmissies@overijssel.example"
    overijssel.save()
    with translation.override(language):
        url = reverse("help")
    html = client.get(url).text
    assert html.count("<h1") == 1
    for anchor in ("de-minimis", "na-aanmelden", "resultaten"):
        assert f'id="{anchor}"' in html
    for word in words:
        assert word in html
    assert 'href="mailto:handelsmissies@overijssel.example"' in html
    mine = "/mijn/" if language == "nl" else "/en/mijn/"
    assert f'href="{mine}"' in html


def test_entrepreneur_sees_the_team_of_own_province_on_every_page(
    client, overijssel, limburg
):
    overijssel.contact_email = "team@overijssel.example"
    overijssel.save()
    limburg.contact_email = "team@limburg.example"
    limburg.save()
    user = sme_user_of(OrganisationFactory(province=overijssel))
    login(client, user)
    mission = MissionFactory(province=limburg, open=True)
    for url in (
        reverse("home"),
        reverse("mine:index"),
        reverse("missions:calendar"),
        reverse("missions:detail", args=[mission.pk]),
    ):
        html = footer(client.get(url).text)
        assert 'href="mailto:team@overijssel.example"' in html, url
        assert "limburg.example" not in html, url
        assert reverse("help") in html


def test_entrepreneur_without_organisation_sees_every_team(client, overijssel, limburg):
    overijssel.contact_email = "team@overijssel.example"
    overijssel.save()
    limburg.contact_email = "team@limburg.example"
    limburg.save()
    ProvinceFactory()  # without an address: not listed
    login(client, UserFactory(sme=True))
    html = footer(client.get(reverse("home")).text)
    assert "team@overijssel.example" in html and "team@limburg.example" in html


def test_no_province_contact_for_others(client, civil_servant, overijssel):
    overijssel.contact_email = "team@overijssel.example"
    overijssel.save()
    assert "team@overijssel.example" not in footer(client.get(reverse("home")).text)
    login(client, civil_servant)
    assert "team@overijssel.example" not in footer(client.get(reverse("home")).text)


def test_contact_address_costs_one_query_and_only_for_entrepreneurs(
    client, overijssel, civil_servant, sme_user
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def contact_queries(user):
        client.logout()
        login(client, user)
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("home"))
        return [q for q in queries if "\"contact_email\" = ''" in q["sql"]]

    assert len(contact_queries(sme_user)) == 1
    assert contact_queries(civil_servant) == []


def test_sign_up_form_explains_de_minimis_aid(client, sme_user, organisation):
    mission = MissionFactory(province=organisation.province, open=True)
    login(client, sme_user)
    html = client.get(reverse("missions:signup", args=[mission.pk])).text
    assert "<summary>Wat is de-minimissteun?</summary>" in html
    assert f'href="{reverse("help")}#de-minimis"' in html


def test_results_form_explains_what_to_fill_in(client, sme_user, organisation):
    mission = MissionFactory(province=organisation.province, completed=True)
    registration = RegistrationFactory(
        mission=mission, organisation=organisation, attended=True
    )
    login(client, sme_user)
    html = client.get(reverse("mine:results", args=[registration.pk, "after"])).text
    assert "<summary>Wat vul ik hier in?</summary>" in html
    assert "Tevredenheid: een cijfer van 1 tot 10." in html


def test_demo_provinces_have_a_contact_address_also_when_loaded_before():
    Province.objects.create(code="OV", name="Overijssel")  # loaded before
    for data in demo.PROVINCES:
        province, _ = Province.objects.get_or_create(code=data["code"], defaults=data)
    demo.load()
    assert set(Province.objects.values_list("code", "contact_email")) >= {
        ("OV", "handelsmissies@overijssel.example"),
        ("LI", "handelsmissies@limburg.example"),
    }


@pytest.mark.parametrize(
    ("language", "de_minimis", "results"),
    [
        ("nl", "Wat is de-minimissteun?", "Wat vul ik hier in?"),
        ("en", "What is de-minimis aid?", "What do I fill in here?"),
    ],
)
def test_both_forms_explain_and_link_their_help_in_both_languages(
    client, sme_user, organisation, language, de_minimis, results
):
    """The sign-up form links de-minimis aid and what happens after signing
    up, the results form the results; each to the help page of its own
    language, whose sections carry those anchors."""
    mission = MissionFactory(province=organisation.province, open=True)
    done = MissionFactory(province=organisation.province, completed=True)
    registration = RegistrationFactory(
        mission=done, organisation=organisation, attended=True
    )
    login(client, sme_user)
    with translation.override(language):
        signup = reverse("missions:signup", args=[mission.pk])
        result = reverse("mine:results", args=[registration.pk, "after"])
        help_url = reverse("help")
    signup_html = client.get(signup).text
    assert f"<summary>{de_minimis}</summary>" in signup_html
    for anchor in ("de-minimis", "na-aanmelden"):
        assert f'href="{help_url}#{anchor}"' in signup_html
    result_html = client.get(result).text
    assert f"<summary>{results}</summary>" in result_html
    assert f'href="{help_url}#resultaten"' in result_html
    help_html = client.get(help_url).text
    for anchor in ("de-minimis", "na-aanmelden", "resultaten"):
        assert f'id="{anchor}"' in help_html
