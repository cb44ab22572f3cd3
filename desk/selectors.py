"""Reads of the information desk; each page a fixed number of queries."""

from accounts.permissions import province_filter

from .models import Question

# The desk's list: open questions first, oldest first among them.
_LIST_ORDER = ("-is_open", "created_at", "pk")


def desk_questions(*, user, status: str = ""):
    """The questions on the desks `user` works for, with their province
    and assignee, open ones first."""
    from django.db.models import BooleanField, Case, Value, When

    questions = province_filter(
        Question.objects.select_related("province", "assigned_to"), user
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
    """One question of the user's province (Question.DoesNotExist else)."""
    return province_filter(
        Question.objects.select_related("province", "assigned_to", "answered_by"),
        user,
    ).get(pk=pk)


def questions_of_user(*, user):
    """The questions `user` asked while logged in, newest first."""
    return Question.objects.filter(asked_by=user).select_related("province")
