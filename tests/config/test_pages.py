import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


@pytest.mark.parametrize("url", ["/", "/toegankelijkheid/", "/privacy/"])
def test_public_pages_are_dutch_by_default_with_one_h1(client, url):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert h1_count(html) == 1


def test_english_under_en_prefix(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert "Export portal for SMEs" in html
    assert (
        client.get("/en/toegankelijkheid/")
        .content.decode()
        .count("Accessibility statement")
        >= 1
    )


def test_dutch_text_on_dutch_pages(client):
    html = client.get("/").content.decode()
    assert "Exportportaal voor het mkb" in html
    assert "Naar de inhoud" in html
    assert (
        "Toegankelijkheidsverklaring"
        in client.get("/toegankelijkheid/").content.decode()
    )


def test_language_switch_keeps_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/privacy/"})
    assert response.status_code == 302
    assert response.url == "/en/privacy/"


def test_language_switch_back_to_dutch_leaves_the_english_url(client):
    response = client.post("/i18n/setlang/", {"language": "nl", "next": "/en/privacy/"})
    assert response.status_code == 302
    assert response.url == "/privacy/"


def test_skip_link_and_landmarks(client):
    html = client.get("/").content.decode()
    assert 'href="#main"' in html
    assert '<main id="main"' in html
    assert "<nav" in html and "<footer" in html


@pytest.mark.parametrize(
    ("fixture", "present", "absent"),
    [
        ("civil_servant", ["/beheer/"], ["/admin/"]),
        ("portfolio_holder", [], ["/beheer/", "/admin/"]),
        ("sme_user", [], ["/beheer/", "/admin/"]),
        ("administrator", ["/beheer/", "/admin/"], []),
    ],
)
def test_menu_follows_the_role(client, request, fixture, present, absent):
    client.force_login(request.getfixturevalue(fixture))
    html = client.get("/").content.decode()
    menu = html.split('id="main-menu"', 1)[1].split("</nav>", 1)[0]
    for href in present:
        assert f'href="{href}"' in menu
    for href in absent:
        assert f'href="{href}"' not in menu


def test_back_office_is_forbidden_to_sme_and_asks_anonymous_to_log_in(client, sme_user):
    url = reverse("programmes:index")
    assert client.get(url).status_code == 302
    client.force_login(sme_user)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/accounts/login/", "Inloggen"),
        ("/accounts/signup/", "Account aanmaken"),
    ],
)
def test_account_pages_use_the_menus_words(client, url, words):
    """The menu's "Inloggen" opens a page called "Inloggen", not "Aanmelden"."""
    html = client.get(url).content.decode()
    heading = re.search(r"<h1>\s*(.*?)\s*</h1>", html, re.S).group(1)
    assert heading == words
    assert "Aanmelden" not in html.split("<main", 1)[1]


def test_favicon_is_served_at_the_root_and_linked_from_every_page(client, db):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}

    page = client.get("/")
    assert b'rel="icon"' in page.content
