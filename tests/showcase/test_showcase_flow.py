"""The issue's done-when, through the pages with the test client: an SME
publishes its profile and a story; another finds it by market, sends a
request; the first accepts and both see each other's contact details."""

import html

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from showcase.models import ContactRequest
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    ProfileThemeFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db

TEXTS = {
    "nl": {
        "showcase": "Exporteurs",
        "sent": "Uw verzoek is verstuurd",
        "accepted": "U ziet nu elkaars contactgegevens",
        "hidden_until_accepted": "Zichtbaar na acceptatie",
    },
    "en": {
        "showcase": "Exporters",
        "sent": "Your request has been sent",
        "accepted": "You now see each other's contact details",
        "hidden_until_accepted": "Shown once accepted",
    },
}


def url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def logged_in(user):
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.mark.parametrize("language", ["nl", "en"])
def test_publish_find_by_market_request_accept_and_exchange_details(
    language, overijssel, limburg
):
    text = TEXTS[language]
    ProfileThemeFactory(slug="machinery", name="Machinebouw", name_en="Machinery")
    bouman = OrganisationFactory(province=overijssel, name="Bouman Industries")
    bart = sme_user_of(bouman, email="bart@bouman.example")
    bouman.contacts.filter(user=bart).update(phone="0546-123456")
    asker = OrganisationFactory(province=limburg, name="Maas Pompen BV")
    anna = sme_user_of(asker, email="anna@maaspompen.example")
    asker.contacts.filter(user=anna).update(phone="043-7654321")
    first, second = logged_in(bart), logged_in(anna)

    # Bouman publishes its profile and a story.
    response = first.post(
        url(language, "mine_showcase:profile", bouman.pk),
        {
            "publish": "on",
            "description": "Wij bouwen vloeistofscheiders.",
            "export_markets": ["CN", "DE"],
            "open_to_questions": "on",
        },
    )
    assert response.status_code == 302
    response = first.post(
        url(language, "mine_showcase:story_create", bouman.pk),
        {
            "title": "Hoe wij twee vloeistofscheiders in China verkochten",
            "body": "Het begon in Shenyang.\n\nDaarna ging het snel.",
        },
    )
    assert response.status_code == 302

    # Maas Pompen finds Bouman by market and reads the profile.
    listing = second.get(url(language, "showcase:list"), {"market": "CN"})
    assert text["showcase"] in listing.text
    assert [p.organisation for p in listing.context["profiles"]] == [bouman]
    detail = second.get(url(language, "showcase:detail", bouman.pk))
    assert "Hoe wij twee vloeistofscheiders in China verkochten" in detail.text
    assert "bart@bouman.example" not in detail.text
    assert "0546-123456" not in detail.text

    # ... and asks for a conversation.
    response = second.post(
        url(language, "showcase:contact", bouman.pk),
        {"organisation": asker.pk, "message": "Wij willen ook naar China."},
        follow=True,
    )
    assert text["sent"] in response.text
    request = ContactRequest.objects.get()

    # Before an answer, neither sees the other's details.
    inbox = first.get(url(language, "mine_showcase:requests"))
    assert "Wij willen ook naar China." in inbox.text
    assert "anna@maaspompen.example" not in inbox.text
    outbox = second.get(url(language, "mine_showcase:requests"))
    assert text["hidden_until_accepted"] in outbox.text
    assert "bart@bouman.example" not in outbox.text

    # Bouman accepts; both now see each other's contact details.
    response = first.post(
        url(language, "mine_showcase:request_action", request.pk, "accept"),
        follow=True,
    )
    assert text["accepted"] in html.unescape(response.text)
    assert "anna@maaspompen.example" in response.text
    assert "043-7654321" in response.text
    outbox = second.get(url(language, "mine_showcase:requests"))
    assert "bart@bouman.example" in outbox.text
    assert "0546-123456" in outbox.text

    # A third party still sees nothing of either.
    stranger = logged_in(sme_user_of(OrganisationFactory(province=overijssel)))
    for page in (
        url(language, "mine_showcase:requests"),
        url(language, "showcase:detail", bouman.pk),
    ):
        body = stranger.get(page).text
        assert "anna@maaspompen.example" not in body
        assert "bart@bouman.example" not in body
