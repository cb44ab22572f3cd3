"""Who gets what on every showcase URL: the expected status per role.

"SME A" works for the organisation the URL is about (it owns the profile
and the story, and received the request); "SME B" works for another one.
The organisation is in Overijssel.
"""

import pytest
from django.urls import reverse

from showcase.models import PublicProfile
from tests.factories import (
    PASSWORD,
    ContactRequestFactory,
    ExportStoryFactory,
    OrganisationFactory,
    PublicProfileFactory,
    UserFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "sme_a", "sme_b", "cs_ov", "cs_li", "ph_ov", "admin")

# url name: (method, {role: status})
MATRIX = {
    "showcase:list": ("get", dict.fromkeys(ROLES, 200)),
    "showcase:detail": ("get", dict.fromkeys(ROLES, 200)),
    "showcase:contact": (
        "get",
        {
            "anonymous": 302,
            # Its own organisation is the only one: off to fill in another.
            "sme_a": 302,
            "sme_b": 200,
            "cs_ov": 403,
            "cs_li": 403,
            "ph_ov": 403,
            "admin": 302,
        },
    ),
    "mine_showcase:index": (
        "get",
        {
            "anonymous": 302,
            "sme_a": 200,
            "sme_b": 200,
            "cs_ov": 403,
            "cs_li": 403,
            "ph_ov": 403,
            "admin": 200,
        },
    ),
    "mine_showcase:requests": (
        "get",
        {
            "anonymous": 302,
            "sme_a": 200,
            "sme_b": 200,
            "cs_ov": 403,
            "cs_li": 403,
            "ph_ov": 403,
            "admin": 200,
        },
    ),
    "mine_showcase:request_action": (
        "post",
        {
            "anonymous": 302,
            "sme_a": 302,
            "sme_b": 404,
            "cs_ov": 403,
            "cs_li": 403,
            "ph_ov": 403,
            "admin": 404,
        },
    ),
    "showcase_moderation:list": (
        "get",
        {
            "anonymous": 302,
            "sme_a": 403,
            "sme_b": 403,
            "cs_ov": 200,
            "cs_li": 200,
            "ph_ov": 403,
            "admin": 200,
        },
    ),
    "showcase_moderation:detail": (
        "get",
        {
            "anonymous": 302,
            "sme_a": 403,
            "sme_b": 403,
            "cs_ov": 200,
            "cs_li": 404,
            "ph_ov": 403,
            "admin": 200,
        },
    ),
}
OWN_ORGANISATION = {
    "anonymous": 302,
    "sme_a": 200,
    "sme_b": 404,
    "cs_ov": 403,
    "cs_li": 403,
    "ph_ov": 403,
    "admin": 404,
}
for name in (
    "mine_showcase:profile",
    "mine_showcase:story_create",
    "mine_showcase:story_edit",
    "mine_showcase:story_delete",
):
    MATRIX[name] = ("get", OWN_ORGANISATION)
MODERATION_POST = {
    "anonymous": 302,
    "sme_a": 403,
    "sme_b": 403,
    "cs_ov": 302,
    "cs_li": 404,
    "ph_ov": 403,
    "admin": 302,
}
MATRIX["showcase_moderation:unhide"] = ("post", MODERATION_POST)
MATRIX["showcase_moderation:review"] = ("post", MODERATION_POST)


@pytest.fixture
def world(overijssel, limburg):
    organisation_a = OrganisationFactory(province=overijssel)
    profile = PublicProfileFactory(organisation=organisation_a, published=True)
    story = ExportStoryFactory(organisation=organisation_a)
    users = {
        "anonymous": None,
        "sme_a": sme_user_of(organisation_a),
        "sme_b": sme_user_of(OrganisationFactory(province=overijssel)),
        "cs_ov": UserFactory(civil_servant=True, province=overijssel),
        "cs_li": UserFactory(civil_servant=True, province=limburg),
        "ph_ov": UserFactory(portfolio_holder=True, province=overijssel),
        "admin": UserFactory(administrator=True),
    }
    return organisation_a, profile, story, users


def url_for(name, organisation, profile, story):
    if name in ("showcase:list", "mine_showcase:index", "mine_showcase:requests"):
        return reverse(name)
    if name == "showcase_moderation:list":
        return reverse(name)
    if name in ("mine_showcase:story_edit", "mine_showcase:story_delete"):
        return reverse(name, args=[story.pk])
    if name == "mine_showcase:request_action":
        request = ContactRequestFactory(receiver=organisation)
        return reverse(name, args=[request.pk, "decline"])
    if name.startswith("showcase_moderation:"):
        return reverse(name, args=["profiel", profile.pk])
    return reverse(name, args=[organisation.pk])


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_every_showcase_url_answers_each_role_as_expected(client, world, name):
    organisation, profile, story, users = world
    method, expected = MATRIX[name]
    answers = {}
    for role in ROLES:
        client.logout()
        if users[role]:
            assert client.login(email=users[role].email, password=PASSWORD)
        url = url_for(name, organisation, profile, story)
        answers[role] = getattr(client, method)(url).status_code
    assert answers == expected


def test_post_only_urls_refuse_get(client, world):
    organisation, profile, story, users = world
    client.login(email=users["cs_ov"].email, password=PASSWORD)
    for name in ("showcase_moderation:unhide", "showcase_moderation:review"):
        assert (
            client.get(url_for(name, organisation, profile, story)).status_code == 405
        )
    client.login(email=users["sme_a"].email, password=PASSWORD)
    url = url_for("mine_showcase:request_action", organisation, profile, story)
    assert client.get(url).status_code == 405


def test_contact_form_checks_the_role_before_the_profile(client, world):
    organisation, profile, story, users = world
    PublicProfile.objects.filter(pk=profile.pk).update(is_published=False)
    url = reverse("showcase:contact", args=[organisation.pk])
    assert client.get(url).status_code == 302
    client.login(email=users["cs_ov"].email, password=PASSWORD)
    assert client.get(url).status_code == 403
    client.login(email=users["sme_b"].email, password=PASSWORD)
    assert client.get(url).status_code == 404
    assert client.post(url, {"message": "Hoi"}).status_code == 404
