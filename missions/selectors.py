"""Reads for the missions app: each returns a queryset a page can render
with a fixed number of queries."""

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.permissions import province_filter
from participants.models import ContactPerson, Organisation

from .models import Mission, MissionResult, Registration

PUBLIC_STATUSES = (
    Mission.Status.PUBLISHED,
    Mission.Status.CLOSED,
    Mission.Status.COMPLETED,
    Mission.Status.CANCELLED,
)
SEATS = Registration.SEAT_TAKING_STATUSES


def _with_counts(qs: QuerySet[Mission]) -> QuerySet[Mission]:
    return qs.annotate(
        seats_taken=Coalesce(
            Sum("registrations__seats", filter=Q(registrations__status__in=SEATS)),
            0,
        ),
        waiting_count=Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.WAITLISTED),
        ),
        submitted_count=Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.SUBMITTED),
        ),
    )


def mission_calendar(*, today=None) -> QuerySet[Mission]:
    """Upcoming published missions for the public calendar, soonest first."""
    today = today or timezone.localdate()
    return _with_counts(
        Mission.objects.filter(
            status__in=(Mission.Status.PUBLISHED, Mission.Status.CLOSED),
            end_date__gte=today,
        )
        .select_related("province")
        .prefetch_related("themes")
    ).order_by("start_date", "title")


def mission_public_detail() -> QuerySet[Mission]:
    """Missions anyone may open: everything but drafts."""
    return _with_counts(
        Mission.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("province", "led_by")
        .prefetch_related("themes")
    )


def mission_backoffice_list(*, user) -> QuerySet[Mission]:
    """The missions of the civil servant's province, newest first."""
    return _with_counts(
        province_filter(
            Mission.objects.select_related("province", "programme", "action"), user
        ).prefetch_related("themes")
    ).order_by("-start_date", "title")


def mission_registrations(*, mission: Mission) -> QuerySet[Registration]:
    """A mission's registrations with organisation, contacts and results."""
    return (
        mission.registrations.select_related(
            "organisation", "registered_by", "decided_by"
        )
        .prefetch_related(
            Prefetch("contacts", queryset=ContactPerson.objects.order_by("name")),
            "results",
        )
        .order_by(
            # Accepted first, then the waiting list in its order.
            "status",
            "waitlist_position",
            "created_at",
            "pk",
        )
    )


def registrations_of_user(*, user) -> QuerySet[Registration]:
    """The registrations of every organisation the user is a contact of."""
    if not user.is_authenticated:
        return Registration.objects.none()
    return (
        Registration.objects.filter(
            organisation__in=Organisation.objects.filter(contacts__user=user)
        )
        .select_related("mission", "mission__province", "organisation")
        .prefetch_related("results")
        .order_by("-mission__start_date", "-created_at")
    )


def organisation_search(*, query: str, limit: int = 20) -> QuerySet[Organisation]:
    """Organisations by (part of) KvK number or name."""
    query = (query or "").strip()
    if not query:
        return Organisation.objects.none()
    digits = query.replace(" ", "")
    condition = Q(name__icontains=query)
    if digits.isdigit():
        condition |= Q(kvk_number__startswith=digits)
    return Organisation.objects.filter(condition).order_by("name")[:limit]


def result_for(registration: Registration, moment: str) -> MissionResult | None:
    """The prefetched result of one moment, without a query."""
    for result in registration.results.all():
        if result.moment == moment:
            return result
    return None
