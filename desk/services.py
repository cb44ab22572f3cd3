"""Every write of the information desk: asking, assigning, answering."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.roles import Role
from outbox.services import email_enqueue
from participants.selectors import desk_partner_id

from .models import FaqEntry, Question

Status = Question.Status


def _check(question: Question) -> None:
    try:
        question.full_clean()
    except ValidationError as error:
        raise ValidationError(error.message_dict) from error


@transaction.atomic
def question_ask(
    *,
    province,
    topic: str,
    subject: str,
    text: str,
    language: str,
    user=None,
    name: str = "",
    email: str = "",
) -> Question:
    """Put a question on `province`'s desk, which its implementing partner
    runs when the province engages one for the desk today. A logged-in
    `user` asks under his account's name and address; a visitor gives
    `name` and `email`."""
    if user is not None and user.is_authenticated:
        name, email = user.get_full_name(), user.email
    else:
        user = None
    question = Question(
        province=province,
        partner_id=desk_partner_id(province_id=province.pk),
        topic=topic,
        # One line: it becomes the subject of the answer's e-mail, where a
        # line break would be refused as a header injection.
        subject=" ".join(subject.split()),
        text=text.strip(),
        language=language,
        asked_by=user,
        asker_name=" ".join(name.split()),
        asker_email=email.strip().lower(),
    )
    _check(question)
    question.save()
    return question


def assignable_users(question: Question):
    """Who may take the question: the civil servants of its province and,
    when a partner runs the desk for it, that partner's staff."""
    from django.db.models import Q

    from accounts.models import User

    people = Q(province=question.province_id, groups__name=Role.CIVIL_SERVANT)
    if question.partner_id:
        people |= Q(partner=question.partner_id, groups__name=Role.PARTNER)
    return (
        User.objects.filter(people, is_active=True).distinct().order_by("name", "email")
    )


def _locked(question: Question) -> Question:
    return Question.objects.select_for_update().get(pk=question.pk)


@transaction.atomic
def question_assign(*, question: Question, assignee, by) -> Question:
    """Give an open question to someone of its desk (assignable_users); it
    is then in progress."""
    question = _locked(question)
    if question.status not in Question.OPEN_STATUSES:
        raise ValidationError(_("This question has been dealt with already."))
    if not assignable_users(question).filter(pk=assignee.pk).exists():
        raise ValidationError(
            {"assignee": _("Choose someone who works on this question's desk.")}
        )
    question.assigned_to = assignee
    question.status = Status.IN_PROGRESS
    question.save()
    return question


def _close(question, *, status, answer, referral_note, by) -> Question:
    question = _locked(question)
    if question.status not in Question.OPEN_STATUSES:
        raise ValidationError(_("This question has been dealt with already."))
    question.status = status
    question.answer = answer.strip()
    question.referral_note = referral_note.strip()
    question.answered_by = by
    question.answered_at = timezone.now()
    if question.assigned_to_id is None:
        question.assigned_to = by
    _check(question)
    question.save()
    _answer_mail(question)
    return question


@transaction.atomic
def question_answer(*, question: Question, answer: str, by) -> Question:
    """Answer an open question; the answer is e-mailed to the asker once,
    in the language he asked in."""
    if not answer.strip():
        raise ValidationError({"answer": _("Write the answer.")})
    return _close(
        question, status=Status.ANSWERED, answer=answer, referral_note="", by=by
    )


@transaction.atomic
def question_refer(*, question: Question, referral_note: str, by) -> Question:
    """Refer the asker elsewhere (an adviser, a mission, a programme); the
    note saying where is e-mailed to the asker once."""
    if not referral_note.strip():
        raise ValidationError(
            {"referral_note": _("Say where you refer the entrepreneur to.")}
        )
    return _close(
        question,
        status=Status.REFERRED,
        answer="",
        referral_note=referral_note,
        by=by,
    )


def _answer_mail(question: Question) -> None:
    with translation.override(question.language):
        subject = _("Answer to your question: %(subject)s") % {
            "subject": question.subject
        }
        body = render_to_string(
            "desk/email/answer.txt",
            {
                "question": question,
                "mine_url": (
                    settings.PORTAL_URL.rstrip("/") + reverse("desk:mine")
                    if question.asked_by_id
                    else ""
                ),
            },
        )
    email_enqueue(
        event=f"desk:question:{question.pk}:closed",
        to=question.asker_email,
        subject=subject,
        body=body,
        language=question.language,
    )


def _names_the_asker(question: Question, *texts: str) -> bool:
    """Whether a text still holds the asker's e-mail address or name (a
    name of two letters or less would match too much to mean anything)."""
    found = " ".join(texts).casefold()
    marks = [question.asker_email.casefold()]
    marks += [part.casefold() for part in question.asker_name.split() if len(part) > 2]
    return any(mark and mark in found for mark in marks)


@transaction.atomic
def faq_entry_publish(
    *, question: Question, faq_question: str, faq_answer: str, by
) -> FaqEntry:
    """Publish an answered question, rewritten by the desk without personal
    data, on the province's page of frequently asked questions. Refused
    while the text still names the asker by name or address."""
    question = _locked(question)
    if question.status != Status.ANSWERED:
        raise ValidationError(_("Only an answered question can become an FAQ."))
    if FaqEntry.objects.filter(source=question).exists():
        raise ValidationError(_("This question has been published as an FAQ already."))
    faq_question, faq_answer = faq_question.strip(), faq_answer.strip()
    if _names_the_asker(question, faq_question, faq_answer):
        raise ValidationError(
            _(
                "The text still contains the asker's name or e-mail address: "
                "remove every personal detail before publishing."
            )
        )
    entry = FaqEntry(
        province=question.province,
        source=question,
        topic=question.topic,
        question=faq_question,
        answer=faq_answer,
        published_at=timezone.now(),
        published_by=by,
    )
    _check(entry)
    entry._history_user = by
    entry.save()
    return entry


@transaction.atomic
def faq_entry_withdraw(*, entry: FaqEntry, by) -> FaqEntry:
    """Take an FAQ off the public page (it stays in the history)."""
    entry = FaqEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.published_at is None:
        raise ValidationError(_("This FAQ is not published."))
    entry.published_at = None
    entry._history_user = by
    entry.save()
    return entry
