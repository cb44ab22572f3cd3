import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from showcase.models import ContactRequest, ExportStory, PublicProfile
from tests.factories import (
    PASSWORD,
    ContactPersonFactory,
    ContactRequestFactory,
    ExportStoryFactory,
    MissionFactory,
    OrganisationFactory,
    ProfileThemeFactory,
    PublicProfileFactory,
    RegistrationFactory,
    UserFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "geheim.adres@bedrijf.example"
SECRET_PHONE = "06-12345678"


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


def company(province, name, **profile):
    """An organisation with a contact person whose details must never show."""
    organisation = OrganisationFactory(province=province, name=name)
    ContactPersonFactory(
        organisation=organisation, email=SECRET_EMAIL, phone=SECRET_PHONE
    )
    if profile is not None:
        PublicProfileFactory(organisation=organisation, **profile)
    return organisation


@pytest.fixture
def viewers(overijssel, limburg, civil_servant, civil_servant_limburg, administrator):
    """Everyone who could look: anonymous plus each role."""
    other = OrganisationFactory(province=overijssel)
    return [
        None,
        sme_user_of(other),
        civil_servant,
        civil_servant_limburg,
        UserFactory(portfolio_holder=True, province=overijssel),
        administrator,
    ]


# --- what the showcase never shows --------------------------------------------


def test_unpublished_and_hidden_profiles_never_appear_to_anyone(
    client, overijssel, viewers
):
    shown = company(overijssel, "Zichtbaar BV", published=True)
    unpublished = company(overijssel, "Nog Niet BV")
    hidden = company(overijssel, "Verborgen BV", hidden=True)
    for viewer in viewers:
        client.logout()
        if viewer:
            login(client, viewer)
        listing = client.get(reverse("showcase:list"))
        assert listing.status_code == 200
        assert list(listing.context["profiles"]) == [shown.public_profile]
        assert "Nog Niet BV" not in listing.text
        assert "Verborgen BV" not in listing.text
        for organisation in (unpublished, hidden):
            response = client.get(reverse("showcase:detail", args=[organisation.pk]))
            assert response.status_code == 404
        assert (
            client.get(reverse("showcase:detail", args=[shown.pk])).status_code == 200
        )


def test_contact_persons_email_and_phone_never_appear_in_the_showcase(
    client, overijssel, viewers
):
    shown = company(overijssel, "Open BV", published=True, open_to_questions=True)
    ExportStoryFactory(organisation=shown)
    RegistrationFactory(
        organisation=shown, mission=MissionFactory(completed=True), attended=True
    )
    sender = OrganisationFactory(province=overijssel)
    ContactRequestFactory(sender=sender, receiver=shown)
    pages = [
        reverse("showcase:list"),
        reverse("showcase:list") + "?q=Open",
        reverse("showcase:detail", args=[shown.pk]),
        "/en" + reverse("showcase:detail", args=[shown.pk]),
    ]
    for viewer in viewers:
        client.logout()
        if viewer:
            login(client, viewer)
        for page in pages:
            text = client.get(page).text
            assert SECRET_EMAIL not in text, (viewer, page)
            assert SECRET_PHONE not in text, (viewer, page)


def test_hidden_story_is_not_shown_but_the_visible_one_is(client, overijssel):
    shown = company(overijssel, "Verhalen BV", published=True)
    ExportStoryFactory(organisation=shown, title="Zichtbaar verhaal")
    ExportStoryFactory(organisation=shown, title="Verborgen verhaal", hidden=True)
    text = client.get(reverse("showcase:detail", args=[shown.pk])).text
    assert "Zichtbaar verhaal" in text
    assert "Verborgen verhaal" not in text


def test_moderation_hides_a_profile_at_once(client, overijssel, civil_servant):
    shown = company(overijssel, "Snel Weg BV", published=True)
    detail = reverse("showcase:detail", args=[shown.pk])
    assert client.get(detail).status_code == 200
    login(client, civil_servant)
    response = client.post(
        reverse(
            "showcase_moderation:detail", args=["profiel", shown.public_profile.pk]
        ),
        {"reason": "Misleidende tekst"},
    )
    assert response.status_code == 302
    client.logout()
    assert client.get(detail).status_code == 404
    assert "Snel Weg BV" not in client.get(reverse("showcase:list")).text


# --- search and filters -----------------------------------------------------


def test_showcase_filters_by_market_theme_region_and_kind(client, overijssel, limburg):
    energy = ProfileThemeFactory(slug="energy")
    china = company(overijssel, "China BV", published=True, export_markets=["CN"])
    china.public_profile.themes.add(energy)
    wants_germany = company(
        limburg, "Duitsland BV", published=True, target_markets=["DE"]
    )
    adviser = OrganisationFactory(province=limburg, kind="adviser", name="Advies")
    PublicProfileFactory(organisation=adviser, published=True, export_markets=["CN"])
    url = reverse("showcase:list")

    def names(**params):
        return {
            p.organisation.name for p in client.get(url, params).context["profiles"]
        }

    assert names(market="CN") == {"China BV", "Advies"}
    assert names(market="DE") == {wants_germany.name}
    assert names(theme="energy") == {"China BV"}
    assert names(region="LI") == {"Duitsland BV", "Advies"}
    assert names(kind="adviser") == {"Advies"}
    assert names(kind="company") == {"China BV", "Duitsland BV"}
    assert names(market="CN", kind="company") == {"China BV"}
    assert names(q="duitsland") == {"Duitsland BV"}


def test_market_filter_lists_only_markets_of_public_profiles(client, overijssel):
    company(overijssel, "A", published=True, export_markets=["CN"])
    company(overijssel, "B", target_markets=["BR"])
    form = client.get(reverse("showcase:list")).context["filter"].form
    codes = [code for code, _name in form.fields["market"].choices if code]
    assert codes == ["CN"]


def test_showcase_list_runs_the_same_number_of_queries_for_more_profiles(
    client, overijssel
):
    def make(count):
        for index in range(count):
            organisation = company(
                overijssel, f"Bedrijf {index}", published=True, export_markets=["CN"]
            )
            organisation.public_profile.themes.add(ProfileThemeFactory())

    make(2)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("showcase:list"))
    make(8)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("showcase:list"))
    assert len(large) == len(small)


def test_profile_page_runs_the_same_number_of_queries_for_more_stories_and_missions(
    client, overijssel
):
    shown = company(overijssel, "Veel BV", published=True)
    url = reverse("showcase:detail", args=[shown.pk])

    def make(count):
        for _ in range(count):
            ExportStoryFactory(organisation=shown)
            RegistrationFactory(
                organisation=shown,
                mission=MissionFactory(completed=True),
                attended=True,
            )

    make(1)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    make(6)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert len(large) == len(small)
    assert len(response.context["missions"]) == 7


def test_profile_page_lists_only_missions_attended_and_completed(client, overijssel):
    shown = company(overijssel, "Reiziger BV", published=True)
    went = MissionFactory(completed=True, title="Naar Shenyang")
    RegistrationFactory(organisation=shown, mission=went, attended=True)
    RegistrationFactory(
        organisation=shown, mission=MissionFactory(open=True, title="Nog niet geweest")
    )
    RegistrationFactory(
        organisation=shown,
        mission=MissionFactory(completed=True, title="Afgemeld"),
        withdrawn=True,
    )
    text = client.get(reverse("showcase:detail", args=[shown.pk])).text
    assert "Naar Shenyang" in text
    assert "Nog niet geweest" not in text
    assert "Afgemeld" not in text


# --- contact requests through the pages ------------------------------------------


def test_contact_form_needs_an_sme_login(client, overijssel, civil_servant):
    shown = company(overijssel, "Doel BV", published=True)
    url = reverse("showcase:contact", args=[shown.pk])
    assert client.get(url).status_code == 302
    login(client, civil_servant)
    assert client.get(url).status_code == 403


def test_contact_form_for_a_profile_not_in_the_showcase_is_not_found(
    client, overijssel, sme_user
):
    hidden = company(overijssel, "Weg BV", hidden=True)
    login(client, sme_user)
    url = reverse("showcase:contact", args=[hidden.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"message": "Hoi"}).status_code == 404
    assert not ContactRequest.objects.exists()


def test_contact_form_shows_the_rate_limit_message(
    client, overijssel, organisation, sme_user, settings
):
    settings.SHOWCASE_CONTACT_REQUESTS_PER_DAY = 1
    first = company(overijssel, "Een BV", published=True)
    second = company(overijssel, "Twee BV", published=True)
    login(client, sme_user)
    data = {"organisation": organisation.pk, "message": "Mogen wij langskomen?"}
    assert (
        client.post(reverse("showcase:contact", args=[first.pk]), data).status_code
        == 302
    )
    response = client.post(reverse("showcase:contact", args=[second.pk]), data)
    assert response.status_code == 400
    assert "Probeer het morgen opnieuw" in response.text


def test_only_the_receiver_can_answer_a_request(client, overijssel, sme_user):
    receiver = company(overijssel, "Ontvanger BV", published=True)
    request = ContactRequestFactory(receiver=receiver)
    login(client, sme_user)
    url = reverse("mine_showcase:request_action", args=[request.pk, "accept"])
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405
    request.refresh_from_db()
    assert request.status == "pending"


def test_block_from_the_requests_page_stops_the_sender(
    client, overijssel, organisation, sme_user
):
    receiver = company(overijssel, "Rust BV", published=True)
    receiver_user = sme_user_of(receiver)
    request = ContactRequestFactory(sender=organisation, receiver=receiver)
    login(client, receiver_user)
    client.post(reverse("mine_showcase:request_action", args=[request.pk, "block"]))
    request.refresh_from_db()
    assert request.status == "declined"
    login(client, sme_user)
    response = client.post(
        reverse("showcase:contact", args=[receiver.pk]),
        {"organisation": organisation.pk, "message": "Nog een keer"},
    )
    assert response.status_code == 400
    assert "neemt geen verzoeken van uw organisatie aan" in response.text


def test_unknown_request_action_is_not_found(client, overijssel):
    receiver = company(overijssel, "X BV", published=True)
    request = ContactRequestFactory(receiver=receiver)
    login(client, sme_user_of(receiver))
    url = reverse("mine_showcase:request_action", args=[request.pk, "delete"])
    assert client.post(url).status_code == 404


# --- /mijn/etalage/ -----------------------------------------------------------


def test_sme_edits_and_publishes_its_profile(client, organisation, sme_user):
    theme = ProfileThemeFactory(slug="htsm")
    login(client, sme_user)
    url = reverse("mine_showcase:profile", args=[organisation.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"publish": "on", "description": ""})
    assert response.status_code == 400
    assert "korte beschrijving" in response.text
    assert not PublicProfile.objects.get(organisation=organisation).is_published
    response = client.post(
        url,
        {
            "publish": "on",
            "description": "Wij bouwen scheiders.",
            "themes": [theme.pk],
            "export_markets": ["CN"],
            "target_markets": ["DE", "PL"],
            "open_to_questions": "on",
        },
    )
    assert response.status_code == 302
    profile = PublicProfile.objects.get(organisation=organisation)
    assert profile.is_public
    assert [c.code for c in profile.target_markets] == ["DE", "PL"]
    response = client.post(url, {"description": "Wij bouwen scheiders."})
    profile.refresh_from_db()
    assert not profile.is_published


def test_sme_cannot_edit_another_organisations_profile_or_story(
    client, overijssel, sme_user
):
    other = company(overijssel, "Ander BV", published=True)
    story = ExportStoryFactory(organisation=other)
    login(client, sme_user)
    for url in (
        reverse("mine_showcase:profile", args=[other.pk]),
        reverse("mine_showcase:story_create", args=[other.pk]),
        reverse("mine_showcase:story_edit", args=[story.pk]),
        reverse("mine_showcase:story_delete", args=[story.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"title": "x", "body": "y"}).status_code == 404
    assert ExportStory.objects.get().title == story.title


def test_sme_writes_edits_and_removes_a_story_with_photo(
    client, organisation, sme_user, settings, tmp_path
):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="PNG")
    login(client, sme_user)
    response = client.post(
        reverse("mine_showcase:story_create", args=[organisation.pk]),
        {
            "title": "Twee scheiders",
            "body": "Een.\n\nTwee.",
            "photo": SimpleUploadedFile("foto.png", buffer.getvalue()),
            "photo_alt": "Scheider",
        },
    )
    assert response.status_code == 302
    story = ExportStory.objects.get()
    assert story.photo
    edit = reverse("mine_showcase:story_edit", args=[story.pk])
    response = client.post(
        edit, {"title": "Twee scheiders naar China", "body": "Een.", "photo_alt": "S"}
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title == "Twee scheiders naar China" and story.photo
    response = client.post(
        edit,
        {
            "title": "Fout",
            "body": "x",
            "photo": SimpleUploadedFile("foto.png", b"geen plaatje"),
        },
    )
    assert response.status_code == 400
    client.post(reverse("mine_showcase:story_delete", args=[story.pk]))
    assert not ExportStory.objects.exists()


def test_mine_showcase_pages_need_an_sme(client, civil_servant):
    url = reverse("mine_showcase:index")
    assert client.get(url).status_code == 302
    login(client, civil_servant)
    assert client.get(url).status_code == 403


# --- moderation pages ---------------------------------------------------------


def test_moderation_lists_new_and_changed_items_of_the_own_province_only(
    client, overijssel, limburg, civil_servant
):
    own = company(overijssel, "Eigen BV", published=True)
    ExportStoryFactory(organisation=own, title="Eigen verhaal")
    company(limburg, "Limburg BV", published=True)
    company(overijssel, "Concept BV")
    login(client, civil_servant)
    response = client.get(reverse("showcase_moderation:list"))
    assert response.status_code == 200
    assert [p.organisation for p in response.context["new_profiles"]] == [own]
    assert "Eigen verhaal" in response.text
    assert "Limburg BV" not in response.text
    assert "Concept BV" not in response.text


def test_moderation_of_another_province_is_not_found(
    client, overijssel, civil_servant_limburg
):
    own = company(overijssel, "Eigen BV", published=True)
    story = ExportStoryFactory(organisation=own)
    login(client, civil_servant_limburg)
    for kind, pk in (("profiel", own.public_profile.pk), ("verhaal", story.pk)):
        assert (
            client.get(
                reverse("showcase_moderation:detail", args=[kind, pk])
            ).status_code
            == 404
        )
        for name in ("unhide", "review"):
            url = reverse(f"showcase_moderation:{name}", args=[kind, pk])
            assert client.post(url).status_code == 404
    response = client.post(
        reverse("showcase_moderation:detail", args=["profiel", own.public_profile.pk]),
        {"reason": "x"},
    )
    assert response.status_code == 404
    assert not PublicProfile.objects.get(pk=own.public_profile.pk).is_hidden


def test_moderation_needs_a_civil_servant(
    client, overijssel, sme_user, portfolio_holder
):
    url = reverse("showcase_moderation:list")
    assert client.get(url).status_code == 302
    for user in (sme_user, portfolio_holder):
        login(client, user)
        assert client.get(url).status_code == 403


def test_moderator_unhides_and_marks_as_seen(client, overijssel, civil_servant):
    hidden = company(overijssel, "Terug BV", hidden=True)
    story = ExportStoryFactory(organisation=hidden)
    login(client, civil_servant)
    profile = hidden.public_profile
    client.post(reverse("showcase_moderation:unhide", args=["profiel", profile.pk]))
    profile.refresh_from_db()
    assert not profile.is_hidden
    client.post(reverse("showcase_moderation:review", args=["verhaal", story.pk]))
    story.refresh_from_db()
    assert not story.needs_review
    response = client.get(
        reverse("showcase_moderation:detail", args=["verhaal", story.pk])
    )
    assert response.status_code == 200


def test_moderation_hide_without_reason_is_refused(client, overijssel, civil_servant):
    shown = company(overijssel, "Blijft BV", published=True)
    login(client, civil_servant)
    response = client.post(
        reverse(
            "showcase_moderation:detail", args=["profiel", shown.public_profile.pk]
        ),
        {"reason": ""},
    )
    assert response.status_code == 400
    assert client.get(reverse("showcase:detail", args=[shown.pk])).status_code == 200


def test_unknown_moderation_kind_is_not_found(client, civil_servant):
    login(client, civil_servant)
    url = reverse("showcase_moderation:detail", args=["bedrijf", 1])
    assert client.get(url).status_code == 404


def test_nav_shows_exporters_to_everyone(client):
    assert reverse("showcase:list") in client.get(reverse("home")).text
