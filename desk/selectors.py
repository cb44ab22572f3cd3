"""Reads of the information desk; each page a fixed number of queries."""

from accounts.permissions import province_filter
from participants.models import Engagement
from participants.selectors import engaged_province_ids

from .models import FaqEntry, Question


def questions_in_scope(queryset, user):
    """The questions the user handles: administrators all, civil servants
    their province's (also those its partner handles), partner staff the
    questions routed to their organisation by provinces that engage it for
    the desk today."""
    if user.is_administrator:
        return queryset
    if user.is_partner:
        return queryset.filter(
            partner_id=user.partner_id,
            province__in=engaged_province_ids(
                partner_id=user.partner_id, task=Engagement.Task.DESK
            ),
        )
    return province_filter(queryset, user)


# The desk's list: open questions first, oldest first among them.
_LIST_ORDER = ("-is_open", "created_at", "pk")


def desk_questions(*, user, status: str = ""):
    """The questions on the desks `user` works for, with their province
    and assignee, open ones first."""
    from django.db.models import BooleanField, Case, Value, When

    questions = questions_in_scope(
        Question.objects.select_related("province", "assigned_to", "partner"), user
    ).annotate(
        is_open=Case(
            When(status__in=Question.OPEN_STATUSES, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
    if status:
        questions = questions.filter(status=status)
    return questions.order_by(*_LIST_ORDER)


def desk_question(*, user, pk: int) -> Question:
    """One question the user handles (Question.DoesNotExist else)."""
    return questions_in_scope(
        Question.objects.select_related(
            "province", "assigned_to", "answered_by", "partner"
        ),
        user,
    ).get(pk=pk)


def questions_of_user(*, user):
    """The questions `user` asked while logged in, newest first."""
    return Question.objects.filter(asked_by=user).select_related("province")


def open_question_count(*, user) -> int:
    """Questions the user handles that still wait for an answer."""
    return (
        questions_in_scope(Question.objects.order_by(), user)
        .filter(status__in=Question.OPEN_STATUSES)
        .count()
    )


def published_faq(*, province):
    """The province's published FAQ entries, by topic, newest first."""
    return FaqEntry.objects.filter(
        province=province, published_at__isnull=False
    ).order_by("topic", "-published_at", "pk")


def provinces_with_faq():
    """The provinces with at least one published FAQ entry, by name."""
    from provinces.models import Province

    return Province.objects.filter(
        pk__in=FaqEntry.objects.filter(published_at__isnull=False).values("province_id")
    ).order_by("name")
