import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from showcase import services
from showcase.mail import contact_request_notify, moderation_notify
from showcase.models import Block, ContactRequest, ExportStory, PublicProfile
from showcase.selectors import contact_request_counts
from tests.factories import (
    ContactPersonFactory,
    ContactRequestFactory,
    ExportStoryFactory,
    OrganisationFactory,
    ProfileThemeFactory,
    PublicProfileFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db
Status = ContactRequest.Status


def photo(image_format="PNG", size=(20, 20), name="foto.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def pair(overijssel):
    """A sender with its SME user, and a receiver in the showcase with its own."""
    sender = OrganisationFactory(province=overijssel, name="Zender BV")
    receiver = OrganisationFactory(province=overijssel, name="Ontvanger BV")
    PublicProfileFactory(organisation=receiver, published=True)
    return sender, sme_user_of(sender), receiver, sme_user_of(receiver)


# --- profiles ---------------------------------------------------------------


def test_profile_starts_unpublished_and_needs_a_description_to_publish(organisation):
    user = sme_user_of(organisation)
    profile = services.profile_save(organisation=organisation, by=user)
    assert not profile.is_published
    with pytest.raises(ValidationError) as error:
        services.profile_publish(organisation=organisation, by=user)
    assert "korte beschrijving" in str(error.value.message_dict["description"])
    services.profile_save(organisation=organisation, by=user, description="Wij doen X")
    profile = services.profile_publish(organisation=organisation, by=user)
    assert profile.is_published and profile.published_at and profile.needs_review


def test_saving_an_unchanged_profile_adds_no_history_row(organisation):
    user = sme_user_of(organisation)
    theme = ProfileThemeFactory()
    services.profile_save(
        organisation=organisation,
        by=user,
        description="Tekst",
        export_markets=["CN", "DE"],
        themes=[theme],
    )
    profile = PublicProfile.objects.get(organisation=organisation)
    rows = profile.history.count()
    services.profile_save(
        organisation=organisation,
        by=user,
        description="Tekst",
        export_markets=["DE", "CN"],
        themes=[theme],
    )
    assert profile.history.count() == rows


def test_changing_a_reviewed_profile_puts_it_back_for_moderation(
    organisation, civil_servant
):
    user = sme_user_of(organisation)
    profile = PublicProfileFactory(organisation=organisation, published=True)
    services.moderation_review(item=profile, by=civil_servant)
    profile.refresh_from_db()
    assert not profile.needs_review
    services.profile_save(organisation=organisation, by=user, mission_alerts=True)
    profile.refresh_from_db()
    assert not profile.needs_review, "an e-mail switch is not content"
    services.profile_save(organisation=organisation, by=user, description="Nieuw")
    profile.refresh_from_db()
    assert profile.needs_review


def test_profile_fields_outside_the_form_cannot_be_changed(organisation):
    with pytest.raises(ValidationError):
        services.profile_save(
            organisation=organisation, by=None, visibility="visible", is_published=True
        )


# --- stories ----------------------------------------------------------------


def test_story_needs_title_and_body(organisation):
    with pytest.raises(ValidationError) as error:
        services.story_create(organisation=organisation, by=None, title=" ", body="")
    assert set(error.value.message_dict) == {"title", "body"}
    assert not ExportStory.objects.exists()


def test_story_photo_needs_a_description(organisation):
    with pytest.raises(ValidationError) as error:
        services.story_create(
            organisation=organisation, by=None, title="T", body="B", photo=photo()
        )
    assert "photo_alt" in error.value.message_dict


def test_story_photo_is_checked_by_content_not_by_name(
    organisation, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not a picture")
    with pytest.raises(ValidationError) as error:
        services.story_create(
            organisation=organisation,
            by=None,
            title="T",
            body="B",
            photo=fake,
            photo_alt="Een machine",
        )
    assert "photo" in error.value.message_dict
    gif = photo("GIF", name="foto.gif")
    with pytest.raises(ValidationError) as error:
        services.story_create(
            organisation=organisation,
            by=None,
            title="T",
            body="B",
            photo=gif,
            photo_alt="Een machine",
        )
    assert "JPEG, PNG, WebP" in str(error.value.message_dict["photo"])
    # A GIF named as a PNG: config/uploads.py looks at the content.
    with pytest.raises(ValidationError) as error:
        services.story_create(
            organisation=organisation,
            by=None,
            title="T",
            body="B",
            photo=photo("GIF", name="foto.png"),
            photo_alt="Een machine",
        )
    assert "geen PNG-bestand" in str(error.value.message_dict["photo"])


def test_story_photo_above_the_size_limit_is_refused(organisation, settings):
    settings.SHOWCASE_PHOTO_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        services.story_create(
            organisation=organisation,
            by=None,
            title="T",
            body="B",
            photo=photo(size=(200, 200)),
            photo_alt="Rood vlak",
        )
    # SHOWCASE_PHOTO_MAX_BYTES, not the general DJANGO_UPLOAD_MAX_BYTES.
    assert "de grens is 100\xa0bytes" in error.value.message_dict["photo"][0]


def test_story_with_a_valid_photo_is_saved(organisation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    story = services.story_create(
        organisation=organisation,
        by=None,
        title="Twee scheiders naar China",
        body="Alinea een.\n\nAlinea twee.",
        photo=photo("JPEG", name="x.jpg"),
        photo_alt="Een vloeistofscheider op de kade",
    )
    assert story.photo.name.startswith("stories/")
    assert story.paragraphs == ["Alinea een.", "Alinea twee."]


def test_story_update_without_change_keeps_it_off_the_moderation_list(
    organisation, civil_servant
):
    story = ExportStoryFactory(organisation=organisation)
    services.moderation_review(item=story, by=civil_servant)
    story = services.story_update(story=story, by=None, title=story.title, photo=None)
    assert not story.needs_review
    story = services.story_update(story=story, by=None, title="Nieuwe titel")
    assert story.needs_review


# --- contact requests -------------------------------------------------------


def test_request_is_sent_and_the_receiver_is_mailed_without_contact_details(
    pair, mailoutbox, django_capture_on_commit_callbacks
):
    sender, sender_user, receiver, receiver_user = pair
    with django_capture_on_commit_callbacks(execute=True):
        request = services.contact_request_send(
            sender=sender, receiver=receiver, by=sender_user, message="Praten?"
        )
    assert request.status == Status.PENDING
    assert request.sender_contact.user == sender_user
    assert [m.to for m in mailoutbox] == [[receiver_user.email]]
    assert "Zender BV" in mailoutbox[0].subject
    assert "Praten?" in mailoutbox[0].body
    assert sender_user.email not in mailoutbox[0].body


def test_request_to_own_organisation_is_refused(pair):
    _sender, _user, receiver, receiver_user = pair
    with pytest.raises(ValidationError, match="eigen organisatie"):
        services.contact_request_send(
            sender=receiver, receiver=receiver, by=receiver_user, message="Hoi"
        )


def test_request_to_an_organisation_outside_the_showcase_is_refused(pair):
    sender, sender_user, receiver, _receiver_user = pair
    for profile_state in ({"is_published": False}, {"visibility": "hidden"}):
        PublicProfile.objects.filter(organisation=receiver).update(
            is_published=True, visibility="visible"
        )
        PublicProfile.objects.filter(organisation=receiver).update(**profile_state)
        with pytest.raises(ValidationError, match="niet in de etalage"):
            services.contact_request_send(
                sender=sender, receiver=receiver, by=sender_user, message="Hoi"
            )
    assert not ContactRequest.objects.exists()


def test_request_on_behalf_of_another_organisation_is_refused(pair):
    sender, _sender_user, receiver, receiver_user = pair
    third = OrganisationFactory()
    PublicProfileFactory(organisation=third, published=True)
    with pytest.raises(ValidationError, match="eigen organisatie"):
        services.contact_request_send(
            sender=sender, receiver=third, by=receiver_user, message="Hoi"
        )


def test_second_pending_request_to_the_same_receiver_is_refused(pair):
    sender, sender_user, receiver, _receiver_user = pair
    services.contact_request_send(
        sender=sender, receiver=receiver, by=sender_user, message="Een"
    )
    with pytest.raises(ValidationError, match="wacht op antwoord"):
        services.contact_request_send(
            sender=sender, receiver=receiver, by=sender_user, message="Twee"
        )
    assert ContactRequest.objects.count() == 1


def test_requests_are_limited_per_sender_per_day(pair, settings):
    settings.SHOWCASE_CONTACT_REQUESTS_PER_DAY = 2
    sender, sender_user, _receiver, _user = pair
    receivers = [OrganisationFactory() for _ in range(3)]
    for receiver in receivers:
        PublicProfileFactory(organisation=receiver, published=True)
    for receiver in receivers[:2]:
        services.contact_request_send(
            sender=sender, receiver=receiver, by=sender_user, message="Hoi"
        )
    with pytest.raises(ValidationError, match="morgen"):
        services.contact_request_send(
            sender=sender, receiver=receivers[2], by=sender_user, message="Hoi"
        )
    # Requests older than 24 hours no longer count.
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(hours=25))
    services.contact_request_send(
        sender=sender, receiver=receivers[2], by=sender_user, message="Hoi"
    )


def test_blocked_sender_cannot_send_and_its_pending_request_is_declined(pair):
    sender, sender_user, receiver, receiver_user = pair
    request = services.contact_request_send(
        sender=sender, receiver=receiver, by=sender_user, message="Koop nu!"
    )
    services.organisation_block(blocker=receiver, blocked=sender, by=receiver_user)
    request.refresh_from_db()
    assert request.status == Status.DECLINED
    with pytest.raises(ValidationError, match="geen verzoeken"):
        services.contact_request_send(
            sender=sender, receiver=receiver, by=sender_user, message="Nog eens"
        )
    # Blocking twice is harmless.
    services.organisation_block(blocker=receiver, blocked=sender, by=receiver_user)
    assert Block.objects.count() == 1


def test_only_the_receiver_can_accept_and_only_once(pair, mailoutbox):
    sender, sender_user, receiver, receiver_user = pair
    request = ContactRequestFactory(sender=sender, receiver=receiver)
    with pytest.raises(ValidationError, match="ontvangen"):
        services.contact_request_accept(contact_request=request, by=sender_user)
    accepted = services.contact_request_accept(
        contact_request=request, by=receiver_user
    )
    assert accepted.status == Status.ACCEPTED
    assert accepted.receiver_contact.user == receiver_user
    with pytest.raises(ValidationError, match="al beantwoord"):
        services.contact_request_decline(contact_request=request, by=receiver_user)


def test_acceptance_mail_goes_to_the_sender_once(
    pair, mailoutbox, django_capture_on_commit_callbacks
):
    sender, sender_user, receiver, receiver_user = pair
    request = ContactRequestFactory(sender=sender, receiver=receiver)
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_request_accept(contact_request=request, by=receiver_user)
    assert [m.to for m in mailoutbox] == [[sender_user.email]]
    assert not contact_request_notify(contact_request_id=request.pk, kind="accepted")
    assert len(mailoutbox) == 1


def test_decline_passes_no_details(pair):
    sender, _sender_user, receiver, receiver_user = pair
    request = ContactRequestFactory(sender=sender, receiver=receiver)
    declined = services.contact_request_decline(
        contact_request=request, by=receiver_user
    )
    assert declined.status == Status.DECLINED
    assert declined.receiver_contact is None


def test_a_late_received_mail_is_not_sent_after_an_answer(pair, mailoutbox):
    sender, _sender_user, receiver, _receiver_user = pair
    request = ContactRequestFactory(sender=sender, receiver=receiver, declined=True)
    assert not contact_request_notify(contact_request_id=request.pk, kind="received")
    assert mailoutbox == []


# --- moderation ---------------------------------------------------------------


def test_hiding_needs_a_reason(organisation, civil_servant):
    profile = PublicProfileFactory(organisation=organisation, published=True)
    with pytest.raises(ValidationError) as error:
        services.moderation_hide(item=profile, by=civil_servant, reason="  ")
    assert "reason" in error.value.message_dict
    profile.refresh_from_db()
    assert not profile.is_hidden


def test_hiding_tells_the_owner_once_with_the_reason_and_keeps_history(
    organisation, civil_servant, mailoutbox, django_capture_on_commit_callbacks
):
    owner = sme_user_of(organisation)
    ContactPersonFactory(organisation=organisation, email="zonder-account@x.example")
    story = ExportStoryFactory(organisation=organisation, title="Ons verhaal")
    with django_capture_on_commit_callbacks(execute=True):
        services.moderation_hide(
            item=story, by=civil_servant, reason="Bevat persoonsgegevens"
        )
    story.refresh_from_db()
    assert story.is_hidden and story.hidden_by == civil_servant
    assert [m.to for m in mailoutbox] == [[owner.email]]
    assert "Bevat persoonsgegevens" in mailoutbox[0].body
    assert "Ons verhaal" in mailoutbox[0].body
    assert not moderation_notify(model_name="exportstory", pk=story.pk)
    services.moderation_unhide(item=story, by=civil_servant)
    reasons = list(story.history.values_list("hidden_reason", flat=True))
    assert "Bevat persoonsgegevens" in reasons
    assert story.history.first().visibility == "visible"


def test_hiding_twice_is_refused(organisation, civil_servant):
    profile = PublicProfileFactory(organisation=organisation, hidden=True)
    with pytest.raises(ValidationError):
        services.moderation_hide(item=profile, by=civil_servant, reason="Nogmaals")


# --- figures ------------------------------------------------------------------


def test_contact_request_counts_per_province_and_year(overijssel, limburg):
    ov_sender = OrganisationFactory(province=overijssel)
    li_sender = OrganisationFactory(province=limburg)
    receiver = OrganisationFactory(province=limburg)
    ContactRequestFactory(sender=ov_sender, receiver=receiver, accepted=True)
    ContactRequestFactory(sender=ov_sender, receiver=receiver, declined=True)
    ContactRequestFactory(sender=li_sender, receiver=receiver, accepted=True)
    last_year = ContactRequestFactory(sender=ov_sender, receiver=receiver)
    year = timezone.localdate().year
    ContactRequest.objects.filter(pk=last_year.pk).update(
        created_at=timezone.now().replace(year=year - 1)
    )
    assert contact_request_counts(overijssel.pk, year) == {
        "sent": 2,
        "accepted": 1,
        "received": 0,
    }
    assert contact_request_counts(limburg.pk, year) == {
        "sent": 1,
        "accepted": 1,
        "received": 3,
    }
    assert contact_request_counts(overijssel.pk, year - 1)["sent"] == 1
