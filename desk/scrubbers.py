"""Personal data of the information desk and how it is erased.

Registered in ``DeskConfig.ready()`` (see config/personal_data.py). A
question is the asker's: a logged-in asker is named by his account, a
visitor only by the address he left, so for questions without an account
the address identifies the asker. The question's text and the desk's answer
may name the person and his business; they are blanked with the name and
address, in the question and in its history. The topic, province, status
and dates stay, so that counts of questions stay the same.
"""

from django.db.models import Q

from config.personal_data import Erasure, Scrubber

from .models import Question

# Stored instead of the name and texts. Data, not interface text.
ANONYMISED = "Geanonimiseerd"
_SCRUBBED = {
    "asker_name": ANONYMISED,
    "asker_email": "",
    "subject": ANONYMISED,
    "text": "",
    "answer": "",
    "referral_note": "",
}


def _questions_erase(erasure: Erasure) -> None:
    """Questions asked by an erased account, or by a visitor (no account)
    with an erased address, and their history rows."""
    match = Q(asked_by_id__in=erasure.user_ids)
    if erasure.emails:
        match |= Q(asked_by__isnull=True, asker_email__in=erasure.emails)
    ids = list(Question.objects.filter(match).values_list("pk", flat=True))
    if not ids:
        return
    Question.objects.filter(pk__in=ids).update(asked_by=None, **_SCRUBBED)
    Question.history.filter(id__in=ids).update(asked_by=None, **_SCRUBBED)


def questions_export(user) -> list[dict]:
    """The questions the user asked the desk, logged in or as a visitor
    with his address, with the desk's answer: the personal-data download
    (AVG art. 15 and 20). One query."""
    match = Q(asked_by=user)
    if user.email:
        match |= Q(asked_by__isnull=True, asker_email__iexact=user.email)
    questions = (
        Question.objects.filter(match)
        .select_related("province")
        .order_by("created_at", "pk")
    )
    return [
        {
            "province": question.province.name,
            "topic": question.topic,
            "subject": question.subject,
            "question": question.text,
            "name": question.asker_name,
            "email": question.asker_email,
            "status": question.status,
            "asked_at": question.created_at,
            "answer": question.answer,
            "referral_note": question.referral_note,
            "answered_at": question.answered_at,
        }
        for question in questions
    ]


SCRUBBERS = (
    Scrubber(
        identifier="desk.questions",
        description="Askers of questions to the desk, their texts and history.",
        fields=tuple(
            f"desk.{model}.{name}"
            for model in ("Question", "HistoricalQuestion")
            for name in _SCRUBBED
            # The subject is blanked too but is a short CharField, which
            # the sweep of tests/privacy does not count as personal.
            if name != "subject"
        ),
        erase=_questions_erase,
    ),
)

_FAQ_TEXT = (
    "a published FAQ: the desk rewrites question and answer without personal "
    "data, and desk.services.faq_entry_publish refuses a text naming the asker"
)
NOT_PERSONAL: dict[str, str] = {
    f"desk.{model}.{name}": _FAQ_TEXT
    for model in ("FaqEntry", "HistoricalFaqEntry")
    for name in ("question", "answer")
}
