"""Writes of the exporters' showcase: profiles, stories, contact requests,
blocks and moderation. E-mails are written to the outbox as a job in the
same transaction (outbox.services.job_enqueue) and go out after commit."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config.services import check_fields_allowed, model_update
from config.text_limits import SHORT, check_text_length
from outbox.services import job_enqueue
from participants.models import ContactPerson, Organisation

from .models import Block, ContactRequest, ExportStory, PublicProfile

# Fields the organisation itself fills in; the moderation fields are not.
PROFILE_FIELDS = (
    "description",
    "export_markets",
    "target_markets",
    "experience",
    "helps_with",
    "open_to_questions",
    "mission_alerts",
)
# Changing these puts the profile back on the moderators' list; the two
# switches about e-mail and questions do not.
PROFILE_CONTENT_FIELDS = (
    "description",
    "export_markets",
    "target_markets",
    "experience",
    "helps_with",
)
STORY_FIELDS = ("title", "body", "photo", "photo_alt")
MESSAGE_MAX_LENGTH = SHORT

ADVISER_KINDS = (Organisation.Kind.PARTNER, Organisation.Kind.ADVISER)


def _as_codes(value) -> list[str]:
    return sorted(str(getattr(country, "code", country)) for country in value or ())


def _profile_locked(organisation: Organisation) -> PublicProfile:
    profile, _created = PublicProfile.objects.get_or_create(organisation=organisation)
    return PublicProfile.objects.select_for_update().get(pk=profile.pk)


@transaction.atomic
def profile_save(
    *, organisation: Organisation, by, themes=None, **changes
) -> PublicProfile:
    """Save the organisation's public profile; it stays unpublished until
    `profile_publish`. A change to a published profile puts it on the
    moderators' list of changed profiles."""
    check_fields_allowed(changes, PROFILE_FIELDS)
    profile = _profile_locked(organisation)
    changed = set()
    for field, value in changes.items():
        old = getattr(profile, field)
        if field in ("export_markets", "target_markets"):
            if _as_codes(old) == _as_codes(value):
                continue
        elif old == value:
            continue
        setattr(profile, field, value)
        changed.add(field)
    themes_changed = themes is not None and {s.pk for s in themes} != set(
        profile.themes.values_list("pk", flat=True)
    )
    if changed & set(PROFILE_CONTENT_FIELDS) or themes_changed:
        profile.changed_at = timezone.now()
        changed.add("changed_at")
    if changed:
        profile.full_clean()
        profile.save()
    if themes_changed:
        profile.themes.set(themes)
    return profile


@transaction.atomic
def profile_publish(*, organisation: Organisation, by) -> PublicProfile:
    """Show the profile in the showcase; a moderator sees it as new."""
    profile = _profile_locked(organisation)
    if profile.is_published:
        return profile
    if not profile.description.strip():
        raise ValidationError(
            {
                "description": _(
                    "Write a short description before you publish the profile."
                )
            }
        )
    now = timezone.now()
    profile.is_published = True
    profile.published_at = now
    profile.changed_at = now
    profile.save()
    return profile


@transaction.atomic
def profile_unpublish(*, organisation: Organisation, by) -> PublicProfile:
    """Take the profile and its stories out of the showcase at once."""
    profile = _profile_locked(organisation)
    if profile.is_published:
        profile.is_published = False
        profile.save()
    return profile


def _check_story(story: ExportStory) -> None:
    errors = {}
    if not story.title.strip():
        errors["title"] = _("Give the story a title.")
    if not story.body.strip():
        errors["body"] = _("Write the story: a few paragraphs are enough.")
    if story.photo and not story.photo_alt.strip():
        errors["photo_alt"] = _(
            "Describe in a few words what the photo shows, for people who "
            "cannot see it."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def story_create(
    *,
    organisation: Organisation,
    by,
    title: str,
    body: str,
    photo=None,
    photo_alt: str = "",
) -> ExportStory:
    """A new export story; shown once the organisation's profile is public."""
    story = ExportStory(
        organisation=organisation,
        created_by=by,
        title=(title or "").strip(),
        body=(body or "").strip(),
        photo=photo or "",
        photo_alt=(photo_alt or "").strip(),
        changed_at=timezone.now(),
    )
    _check_story(story)
    story.full_clean()
    story.save()
    return story


@transaction.atomic
def story_update(*, story: ExportStory, by, **changes) -> ExportStory:
    """Change a story; a real change puts it back on the moderators' list.

    ``photo=False`` removes the photo; ``photo=None`` keeps it.
    """
    check_fields_allowed(changes, STORY_FIELDS)
    story = ExportStory.objects.select_for_update().get(pk=story.pk)
    data = {}
    for field, value in changes.items():
        if field == "photo":
            if value is None:
                continue
            value = value or ""
        elif isinstance(value, str):
            value = value.strip()
        data[field] = value
    story, changed = model_update(instance=story, fields=STORY_FIELDS, data=data)
    if not changed:
        return story
    if not story.photo:
        story.photo_alt = ""
    story.changed_at = timezone.now()
    _check_story(story)
    story.full_clean()
    story.save()
    return story


@transaction.atomic
def story_delete(*, story: ExportStory, by) -> None:
    """Remove a story for good (its history stays)."""
    ExportStory.objects.filter(pk=story.pk).delete()


# --- contact requests -----------------------------------------------------


def _contact_of(organisation: Organisation, user) -> ContactPerson | None:
    return organisation.contacts.filter(user=user, anonymised_at__isnull=True).first()


@transaction.atomic
def contact_request_send(
    *, sender: Organisation, receiver: Organisation, by, message: str
) -> ContactRequest:
    """Ask `receiver` for a conversation on behalf of `sender`.

    Refused to oneself, to an organisation not in the showcase, when the
    receiver blocked the sender, when a request still awaits an answer, and
    above SHOWCASE_CONTACT_REQUESTS_PER_DAY requests per 24 hours.
    """
    # The sender's row serialises its requests, so that two at once cannot
    # both slip under the daily limit.
    sender = Organisation.objects.select_for_update().get(pk=sender.pk)
    sender_contact = _contact_of(sender, by)
    if sender_contact is None:
        raise ValidationError(
            _("You can only send requests on behalf of your own organisation.")
        )
    if sender.pk == receiver.pk:
        raise ValidationError(_("You cannot send a request to your own organisation."))
    profile = PublicProfile.objects.filter(organisation=receiver).first()
    if profile is None or not profile.is_public:
        raise ValidationError(_("This organisation is not in the showcase."))
    message = (message or "").strip()
    if not message:
        raise ValidationError(
            {"message": _("Write a short message: who you are and what you ask.")}
        )
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ValidationError(
            {
                "message": _("Keep the message under %(max)s characters.")
                % {"max": MESSAGE_MAX_LENGTH}
            }
        )
    if Block.objects.filter(blocker=receiver, blocked=sender).exists():
        raise ValidationError(
            _("%(receiver)s does not accept requests from your organisation.")
            % {"receiver": receiver}
        )
    if ContactRequest.objects.filter(
        sender=sender, receiver=receiver, status=ContactRequest.Status.PENDING
    ).exists():
        raise ValidationError(
            _(
                "You already sent %(receiver)s a request that awaits an answer. "
                "Wait for the answer before you send another."
            )
            % {"receiver": receiver}
        )
    limit = settings.SHOWCASE_CONTACT_REQUESTS_PER_DAY
    since = timezone.now() - timedelta(days=1)
    if (
        ContactRequest.objects.filter(sender=sender, created_at__gte=since).count()
        >= limit
    ):
        raise ValidationError(
            _(
                "Your organisation has sent %(limit)s requests in the last 24 "
                "hours, the most allowed. Try again tomorrow."
            )
            % {"limit": limit}
        )
    try:
        with transaction.atomic():
            contact_request = ContactRequest.objects.create(
                sender=sender,
                sender_user=by,
                sender_contact=sender_contact,
                receiver=receiver,
                message=message,
            )
    except IntegrityError as error:
        raise ValidationError(
            _("You already sent %(receiver)s a request that awaits an answer.")
            % {"receiver": receiver}
        ) from error
    _contact_request_notify_later(contact_request, "received")
    return contact_request


def _pending_for_receiver(contact_request: ContactRequest, by) -> tuple:
    contact_request = ContactRequest.objects.select_for_update().get(
        pk=contact_request.pk
    )
    receiver_contact = _contact_of(contact_request.receiver, by)
    if receiver_contact is None:
        raise ValidationError(
            _("Only the organisation that received the request can answer it.")
        )
    if contact_request.status != ContactRequest.Status.PENDING:
        raise ValidationError(
            _("This request has already been answered (%(status)s).")
            % {"status": contact_request.get_status_display().lower()}
        )
    return contact_request, receiver_contact


@transaction.atomic
def contact_request_accept(*, contact_request: ContactRequest, by) -> ContactRequest:
    """Accept: both organisations now see each other's contact person."""
    contact_request, receiver_contact = _pending_for_receiver(contact_request, by)
    contact_request.status = ContactRequest.Status.ACCEPTED
    contact_request.receiver_contact = receiver_contact
    contact_request.decided_by = by
    contact_request.decided_at = timezone.now()
    contact_request.save()
    _contact_request_notify_later(contact_request, "accepted")
    return contact_request


@transaction.atomic
def contact_request_decline(*, contact_request: ContactRequest, by) -> ContactRequest:
    """Decline; the sender sees the answer in the portal, no details pass."""
    contact_request, _contact = _pending_for_receiver(contact_request, by)
    contact_request.status = ContactRequest.Status.DECLINED
    contact_request.decided_by = by
    contact_request.decided_at = timezone.now()
    contact_request.save()
    return contact_request


@transaction.atomic
def organisation_block(*, blocker: Organisation, blocked: Organisation, by) -> Block:
    """`blocker` receives no more requests from `blocked`; its pending
    requests are declined."""
    if _contact_of(blocker, by) is None:
        raise ValidationError(
            _("You can only block on behalf of your own organisation.")
        )
    if blocker.pk == blocked.pk:
        raise ValidationError(_("You cannot block your own organisation."))
    block, _created = Block.objects.get_or_create(
        blocker=blocker, blocked=blocked, defaults={"created_by": by}
    )
    now = timezone.now()
    for pending in ContactRequest.objects.select_for_update().filter(
        sender=blocked, receiver=blocker, status=ContactRequest.Status.PENDING
    ):
        pending.status = ContactRequest.Status.DECLINED
        pending.decided_by = by
        pending.decided_at = now
        pending.save()
    return block


def _contact_request_notify_later(contact_request: ContactRequest, kind: str):
    """The job that mails the request's news once this transaction commits."""
    job_enqueue(
        key=f"request:{contact_request.pk}:{kind}",
        task="showcase.tasks.contact_request_notify_task",
        kwargs={"contact_request_id": contact_request.pk, "kind": kind},
    )


# --- moderation -------------------------------------------------------------


def _moderated_locked(item):
    return type(item).objects.select_for_update().get(pk=item.pk)


@transaction.atomic
def moderation_hide(*, item: PublicProfile | ExportStory, by, reason: str):
    """Hide a profile or story from the showcase at once; the organisation
    gets an e-mail with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Give the reason: the organisation will read it.")}
        )
    check_text_length(type(item), "hidden_reason", reason, error_key="reason")
    item = _moderated_locked(item)
    if item.is_hidden:
        raise ValidationError(_("This is already hidden."))
    now = timezone.now()
    item.visibility = item.Visibility.HIDDEN
    item.hidden_reason = reason
    item.hidden_by = by
    item.hidden_at = now
    item.reviewed_at = now
    item.reviewed_by = by
    item.save()
    job_enqueue(
        key=f"hidden:{item._meta.model_name}:{item.pk}:{now:%Y%m%d%H%M%S%f}",
        task="showcase.tasks.moderation_notify_task",
        kwargs={"model_name": item._meta.model_name, "pk": item.pk},
    )
    return item


@transaction.atomic
def moderation_unhide(*, item: PublicProfile | ExportStory, by):
    """Show a hidden profile or story again; the reason stays in the history."""
    item = _moderated_locked(item)
    if not item.is_hidden:
        raise ValidationError(_("This is not hidden."))
    now = timezone.now()
    item.visibility = item.Visibility.VISIBLE
    item.hidden_reason = ""
    item.hidden_by = None
    item.hidden_at = None
    item.reviewed_at = now
    item.reviewed_by = by
    item.save()
    return item


@transaction.atomic
def moderation_review(*, item: PublicProfile | ExportStory, by):
    """Mark a new or changed profile or story as seen and fine."""
    item = _moderated_locked(item)
    if not item.needs_review:
        return item
    item.reviewed_at = timezone.now()
    item.reviewed_by = by
    item.save()
    return item
