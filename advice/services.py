"""Every write of the advisory tracks: applying, the desk's decision and
pairing, steps, documents, notes and the result.

Who may do what is checked here too (views check first, for the page):

- an entrepreneur (a member of an organisation) applies for his
  organisation; the track goes to the desk of the organisation's province;
- the desk (civil servants of that province, administrators) accepts and
  pairs with an adviser, declines, pairs with another adviser;
- the entrepreneur and the adviser add documents and notes;
- the adviser and the desk plan and tick off steps and record the result.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from config.uploads import FileKind, UploadValidator
from outbox.services import email_enqueue
from participants.models import Organisation
from participants.services.organisations import organisations_of_user

from . import selectors
from .models import Track, TrackDocument, TrackNote, TrackStep

Status = Track.Status


def _check(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        raise ValidationError(error.message_dict) from error


def _locked(track: Track) -> Track:
    return Track.objects.select_for_update().get(pk=track.pk)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not do this for this advisory track."))


@transaction.atomic
def track_apply(
    *,
    organisation: Organisation,
    kind: str,
    ambition: str,
    description: str,
    language: str,
    user,
) -> Track:
    """Apply for an advisory track for `organisation`, of which `user` is a
    member; it lands on the desk of the organisation's province."""
    if not organisations_of_user(user).filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": _("Choose an organisation you act for.")}
        )
    if organisation.kind == Organisation.Kind.ADVISER:
        raise ValidationError(
            {"organisation": _("An adviser's organisation cannot apply.")}
        )
    if organisation.province_id is None:
        raise ValidationError(
            {
                "organisation": _(
                    "Your organisation has no province yet; complete its address first."
                )
            }
        )
    track = Track(
        province_id=organisation.province_id,
        organisation=organisation,
        applicant=user,
        applicant_name=" ".join(user.get_full_name().split())[:150] or user.email,
        applicant_email=user.email.strip().lower(),
        language=language,
        kind=kind,
        ambition=" ".join(ambition.split()),
        description=description.strip(),
    )
    _check(track)
    track.save()
    return track


def _require_adviser(adviser: Organisation) -> None:
    if not selectors.advisers().filter(pk=adviser.pk).exists():
        raise ValidationError(
            {"adviser": _("Choose an adviser with a published profile.")}
        )


@transaction.atomic
def track_accept(*, track: Track, adviser: Organisation, by) -> Track:
    """Accept an application and pair it with `adviser`: the track starts
    with its four steps; the entrepreneur and the adviser are mailed."""
    track = _locked(track)
    _require(selectors.is_desk_of(by, track))
    if track.status != Status.APPLIED:
        raise ValidationError(_("This application has been decided already."))
    _require_adviser(adviser)
    now = timezone.now()
    track.status = Status.ACTIVE
    track.adviser = adviser
    track.decided_by = by
    track.decided_at = now
    track.started_at = now
    track.save()
    for position, kind in enumerate(TrackStep.ORDER, start=1):
        TrackStep.objects.create(track=track, kind=kind, position=position)
    _mail_entrepreneur(track, "accepted")
    _mail_adviser(track)
    return track


@transaction.atomic
def track_decline(*, track: Track, reason: str, by) -> Track:
    """Decline an application with a reason, mailed to the entrepreneur."""
    track = _locked(track)
    _require(selectors.is_desk_of(by, track))
    if track.status != Status.APPLIED:
        raise ValidationError(_("This application has been decided already."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the application is declined.")})
    track.status = Status.DECLINED
    track.decline_reason = reason.strip()
    track.decided_by = by
    track.decided_at = timezone.now()
    _check(track)
    track.save()
    _mail_entrepreneur(track, "declined")
    return track


@transaction.atomic
def track_pair(*, track: Track, adviser: Organisation, by) -> Track:
    """Pair a running track with another adviser; both sides are mailed."""
    track = _locked(track)
    _require(selectors.is_desk_of(by, track))
    if track.status != Status.ACTIVE:
        raise ValidationError(_("Only a running track can get another adviser."))
    _require_adviser(adviser)
    if adviser.pk == track.adviser_id:
        raise ValidationError({"adviser": _("This adviser is already paired.")})
    track.adviser = adviser
    track.save()
    _mail_entrepreneur(track, f"paired:{adviser.pk}")
    _mail_adviser(track)
    return track


def _may_run(user, track: Track) -> bool:
    return selectors.is_desk_of(user, track) or selectors.is_adviser_of(user, track)


@transaction.atomic
def step_update(*, step: TrackStep, planned_on, done_on, by) -> TrackStep:
    """Plan a step and tick it off; by the adviser or the desk, while the
    track runs. A step cannot be done in the future."""
    step = TrackStep.objects.select_for_update().select_related("track").get(pk=step.pk)
    _require(_may_run(by, step.track))
    if step.track.status != Status.ACTIVE:
        raise ValidationError(_("Only the steps of a running track can change."))
    if done_on and done_on > timezone.localdate():
        raise ValidationError({"done_on": _("A step cannot be done in the future.")})
    step.planned_on = planned_on
    step.done_on = done_on
    step.save()
    return step


def _may_contribute(user, track: Track) -> bool:
    return selectors.is_entrepreneur_of(user, track) or selectors.is_adviser_of(
        user, track
    )


@transaction.atomic
def document_add(*, track: Track, title: str, file, is_business_plan: bool, by):
    """Add a document (PDF or Word, checked by config/uploads.py) to a
    running or finished track; by the entrepreneur or the adviser."""
    _require(_may_contribute(by, track))
    if track.status not in (Status.ACTIVE, Status.FINISHED):
        raise ValidationError(_("Documents are added once the track has started."))
    UploadValidator(kinds=[FileKind.PDF, FileKind.DOCX])(file)
    document = TrackDocument(
        track=track,
        title=" ".join(title.split()),
        is_business_plan=is_business_plan,
        file=file,
        uploaded_by=by,
    )
    _check(document)
    document.save()
    return document


@transaction.atomic
def note_add(*, track: Track, text: str, by) -> TrackNote:
    """A note for the entrepreneur and the adviser (the desk reads it too)."""
    _require(_may_contribute(by, track))
    if track.status not in (Status.ACTIVE, Status.FINISHED):
        raise ValidationError(_("Notes are added once the track has started."))
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    note = TrackNote(
        track=track,
        text=text.strip(),
        author=by,
        author_name=(by.get_full_name() or by.email)[:150],
    )
    _check(note)
    note.save()
    return note


@transaction.atomic
def track_finish(
    *, track: Track, plan_finished: bool, financing_found: bool, follow_up: str, by
) -> Track:
    """Record the result and close the track; by the adviser or the desk."""
    track = _locked(track)
    _require(_may_run(by, track))
    if track.status != Status.ACTIVE:
        raise ValidationError(_("Only a running track can be finished."))
    track.status = Status.FINISHED
    track.finished_at = timezone.now()
    track.plan_finished = plan_finished
    track.financing_found = financing_found
    track.follow_up = follow_up.strip()
    _check(track)
    track.save()
    return track


# --- mail ------------------------------------------------------------------


def _url(name: str, pk: int) -> str:
    return settings.PORTAL_URL.rstrip("/") + reverse(name, args=[pk])


def _mail_entrepreneur(track: Track, event: str) -> None:
    with translation.override(track.language):
        subject = (
            _("Your advisory track: %(ambition)s")
            if track.status != Status.DECLINED
            else _("Your application for an advisory track: %(ambition)s")
        ) % {"ambition": track.ambition}
        body = render_to_string(
            "advice/email/entrepreneur.txt",
            {"track": track, "url": _url("advice:track", track.pk)},
        )
    email_enqueue(
        event=f"advice:track:{track.pk}:{event}",
        to=track.applicant_email,
        subject=subject,
        body=body,
        language=track.language,
    )


def _mail_adviser(track: Track) -> None:
    contacts = track.adviser.contacts.filter(user__isnull=False).exclude(email="")
    for contact in contacts:
        language = contact.language or settings.LANGUAGE_CODE
        with translation.override(language):
            subject = _("New advisory track: %(ambition)s") % {
                "ambition": track.ambition
            }
            body = render_to_string(
                "advice/email/adviser.txt",
                {
                    "track": track,
                    "contact": contact,
                    "url": _url("advice:track", track.pk),
                },
            )
        email_enqueue(
            event=f"advice:track:{track.pk}:adviser:{track.adviser_id}",
            to=contact.email,
            subject=subject,
            body=body,
            language=language,
        )
