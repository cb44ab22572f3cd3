import pytest
from django.core.management import call_command
from django.urls import reverse

from participants.models import Organisation
from showcase.demo import BOUMAN_STORY_TITLE
from showcase.models import ExportStory, PublicProfile

pytestmark = pytest.mark.django_db


def history_counts():
    return (
        PublicProfile.history.count(),
        PublicProfile.themes.through.objects.count(),
        ExportStory.history.count(),
        Organisation.history.count(),
    )


def test_demo_showcase_loads_idempotently_and_shows_bouman_and_the_advisers(client):
    call_command("load_demo")
    first = history_counts()
    call_command("load_demo")
    assert history_counts() == first

    bouman = Organisation.objects.get(kvk_number="06012345")
    assert bouman.public_profile.is_public
    assert ExportStory.objects.filter(organisation=bouman, title=BOUMAN_STORY_TITLE)
    page = client.get(reverse("showcase:detail", args=[bouman.pk]))
    assert BOUMAN_STORY_TITLE in page.text
    assert "Handelsmissie China" in page.text

    advisers = client.get(reverse("showcase:list"), {"kind": "adviser"})
    names = {p.organisation.name for p in advisers.context["profiles"]}
    assert {"Oost NL", "WTC Twente", "Ondernemend Limburg"} <= names
    assert any("RVO" in name for name in names)
    assert "Kamer van Koophandel" in names
    companies = client.get(reverse("showcase:list"), {"kind": "company"})
    assert len(companies.context["profiles"]) >= 5
    assert client.get(reverse("showcase:list"), {"region": "LI"}).context["profiles"]
