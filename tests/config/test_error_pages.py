"""Error pages speak the visitor's language in the portal's layout."""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def h1(html: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", text).strip()
        for text in re.findall(r"<h1>(.*?)</h1>", html, re.S)
    ]


def test_missing_page_is_dutch_with_the_portal_layout(client):
    response = client.get("/bestaat-niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="nl">' in html
    assert h1(html) == ["Pagina niet gevonden"]
    assert 'href="#main"' in html


def test_missing_english_page_is_english(client):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert h1(response.content.decode()) == ["Page not found"]


def test_forbidden_page_explains_and_leads_home(client, sme_user):
    client.force_login(sme_user)
    response = client.get(reverse("programmes:index"))
    html = response.content.decode()
    assert response.status_code == 403
    assert h1(html) == ["U heeft geen toegang tot deze pagina"]
    assert '<a href="/">Naar de startpagina</a>' in html


def test_expired_form_gets_a_page_that_says_what_to_do(sme_user):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "x", "password": "y"})
    assert response.status_code == 403
    assert h1(response.content.decode()) == ["Het formulier is verlopen"]


def test_rate_limited_visitors_get_a_page_in_their_language(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/m/ip"}
    data = {"email": "a@example.org", "password1": "x", "password2": "x"}
    client.post(reverse("account_signup"), data)
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 429
    assert h1(response.content.decode()) == ["Te veel pogingen"]


def test_server_error_page_renders_without_a_request():
    from django.template import loader
    from django.utils import translation

    with translation.override("nl"):
        html = loader.get_template("500.html").render()
    assert h1(html) == ["Er ging iets mis"]
    assert '<html lang="nl">' in html
