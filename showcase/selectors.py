"""Reads of the exporters' showcase: profiles, stories, contact requests,
moderation, and where they meet the missions (recommendations, alerts)."""

from django.db.models import Case, Count, F, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from missions.models import Mission, Registration
from missions.selectors import mission_calendar
from participants.models import ContactPerson, Organisation

from .models import Block, ContactRequest, ExportStory, PublicProfile

VISIBLE = PublicProfile.Visibility.VISIBLE
COMPANY_KINDS = (Organisation.Kind.SME, Organisation.Kind.LARGE)
ADVISER_KINDS = (Organisation.Kind.PARTNER, Organisation.Kind.ADVISER)


def visible_stories() -> QuerySet[ExportStory]:
    return ExportStory.objects.filter(visibility=VISIBLE).order_by("-created_at")


def showcase_profiles() -> QuerySet[PublicProfile]:
    """Profiles anyone may see: published by the organisation and not hidden
    by a moderator. Nothing else of an organisation ever leaves this."""
    return (
        PublicProfile.objects.filter(is_published=True, visibility=VISIBLE)
        .select_related("organisation", "organisation__province")
        .prefetch_related("themes")
        .order_by("organisation__name")
    )


def showcase_profile_detail() -> QuerySet[PublicProfile]:
    """Public profiles with their visible stories."""
    return showcase_profiles().prefetch_related(
        Prefetch(
            "organisation__export_stories",
            queryset=visible_stories(),
            to_attr="visible_stories",
        )
    )


def own_profiles(*, user) -> QuerySet[PublicProfile]:
    """The public profiles (published or not) of the user's organisations."""
    if not user.is_authenticated:
        return PublicProfile.objects.none()
    return PublicProfile.objects.filter(
        organisation__contacts__user=user
    ).select_related("organisation")


def own_stories(*, user) -> QuerySet[ExportStory]:
    """Every story of the user's organisations, hidden ones included."""
    if not user.is_authenticated:
        return ExportStory.objects.none()
    return (
        ExportStory.objects.filter(organisation__contacts__user=user)
        .select_related("organisation")
        .distinct()
    )


def _requests() -> QuerySet[ContactRequest]:
    return ContactRequest.objects.select_related(
        "sender", "receiver", "sender_contact", "receiver_contact"
    )


def contact_requests_received(*, user) -> QuerySet[ContactRequest]:
    """Requests to the user's organisations, those awaiting an answer first."""
    if not user.is_authenticated:
        return ContactRequest.objects.none()
    return (
        _requests()
        .filter(receiver__contacts__user=user)
        .annotate(
            waiting=Case(
                When(status=ContactRequest.Status.PENDING, then=Value(0)),
                default=Value(1),
            )
        )
        .order_by("waiting", "-created_at", "-pk")
    )


def contact_requests_sent(*, user) -> QuerySet[ContactRequest]:
    """Requests from the user's organisations, newest first."""
    if not user.is_authenticated:
        return ContactRequest.objects.none()
    return (
        _requests().filter(sender__contacts__user=user).order_by("-created_at", "-pk")
    )


def blocked_ids(*, organisations) -> set[tuple[int, int]]:
    """(blocker, blocked) pairs among the given blocker organisations."""
    return set(
        Block.objects.filter(blocker__in=organisations).values_list(
            "blocker_id", "blocked_id"
        )
    )


def _in_province_of(queryset, user):
    """What a civil servant moderates: their own province's organisations;
    administrators see all. Mirrors accounts.permissions.province_filter."""
    if user.is_administrator:
        return queryset
    if user.province_id is None:
        return queryset.none()
    return queryset.filter(organisation__province=user.province_id)


def moderation_profiles(*, user) -> QuerySet[PublicProfile]:
    """Published or hidden profiles of the civil servant's province, new and
    changed ones first."""
    qs = PublicProfile.objects.filter(
        Q(is_published=True) | Q(visibility=PublicProfile.Visibility.HIDDEN)
    ).select_related("organisation", "hidden_by", "reviewed_by")
    return _in_province_of(qs, user).order_by("-changed_at", "organisation__name")


def moderation_stories(*, user) -> QuerySet[ExportStory]:
    """Stories of published profiles (or hidden stories) in the province."""
    qs = ExportStory.objects.filter(
        Q(organisation__public_profile__is_published=True)
        | Q(visibility=ExportStory.Visibility.HIDDEN)
    ).select_related("organisation", "hidden_by", "reviewed_by")
    return _in_province_of(qs, user).order_by("-changed_at", "-pk")


def contact_request_counts(province_id: int, year: int) -> dict[str, int]:
    """Contact requests sent in `year` by organisations of the province, and
    how many of those were accepted (a network indicator for the dashboard).

    The year is that of sending; a request sent in December and accepted in
    January counts as accepted in the year it was sent. Also gives the
    requests organisations of the province received that year.
    """
    sent = ContactRequest.objects.filter(
        created_at__year=year, sender__province_id=province_id
    ).aggregate(
        sent=Count("pk"),
        accepted=Count("pk", filter=Q(status=ContactRequest.Status.ACCEPTED)),
    )
    received = ContactRequest.objects.filter(
        created_at__year=year, receiver__province_id=province_id
    ).count()
    return {"sent": sent["sent"], "accepted": sent["accepted"], "received": received}


def _needs_review() -> Q:
    """Moderated.needs_review in SQL: changed since the last review."""
    return Q(changed_at__isnull=False) & (
        Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=F("changed_at"))
    )


def moderation_waiting_count(*, user) -> int:
    """Profiles and stories of the province waiting for a moderator's look
    (two count queries)."""
    return (
        moderation_profiles(user=user).filter(_needs_review()).order_by().count()
        + moderation_stories(user=user).filter(_needs_review()).order_by().count()
    )


def contact_requests_waiting_count(*, user) -> int:
    """Contact requests to the user's organisations awaiting an answer."""
    if not user.is_authenticated:
        return 0
    return (
        ContactRequest.objects.filter(
            status=ContactRequest.Status.PENDING,
            receiver__in=ContactPerson.objects.filter(user=user).values(
                "organisation_id"
            ),
        )
        .order_by()
        .count()
    )


def missions_taken_part(*, organisation: Organisation) -> QuerySet[Mission]:
    """Completed missions the organisation attended, newest first."""
    return (
        Mission.objects.filter(
            status=Mission.Status.COMPLETED,
            registrations__organisation=organisation,
            registrations__status=Registration.Status.ATTENDED,
        )
        .distinct()
        .order_by("-start_date", "title")
    )


def _profile_match(profile: PublicProfile) -> Q | None:
    codes = {country.code for country in profile.markets}
    slugs = {theme.slug for theme in profile.themes.all()}
    if not codes and not slugs:
        return None
    return Q(country__in=codes) | Q(themes__slug__in=slugs)


def mission_recommendations(
    *, profile: PublicProfile, today=None, limit: int = 10
) -> QuerySet[Mission]:
    """Upcoming published missions to one of the profile's markets or on one
    of its themes, that the organisation has not signed up for yet."""
    match = _profile_match(profile)
    if match is None:
        return Mission.objects.none()
    matching = (
        Mission.objects.filter(match)
        .exclude(
            registrations__organisation=profile.organisation_id,
            registrations__status__in=Registration.ACTIVE_STATUSES,
        )
        .values("pk")
    )
    return mission_calendar(today=today).filter(pk__in=matching)[:limit]


def experienced_companies(
    *, countries, exclude: Organisation, limit: int = 10
) -> QuerySet[PublicProfile]:
    """Public profiles, open to questions, of organisations that went on a
    completed mission to one of `countries`."""
    went = Registration.objects.filter(
        status=Registration.Status.ATTENDED,
        mission__status=Mission.Status.COMPLETED,
        mission__country__in=list(countries),
    ).values("organisation_id")
    return (
        showcase_profiles()
        .filter(open_to_questions=True, organisation_id__in=went)
        .exclude(organisation=exclude)[:limit]
    )


def profiles_for_mission_alert(*, mission: Mission) -> QuerySet[PublicProfile]:
    """Profiles that asked for an e-mail and match the mission's country or
    one of its themes (published or not: the alert is private)."""
    code = mission.country.code
    slugs = list(mission.themes.values_list("slug", flat=True))
    ids = PublicProfile.objects.filter(
        Q(target_markets__contains=code)
        | Q(export_markets__contains=code)
        | Q(themes__slug__in=slugs),
        mission_alerts=True,
    ).values("pk")
    return (
        PublicProfile.objects.filter(pk__in=ids)
        .exclude(
            organisation__registrations__mission=mission,
        )
        .select_related("organisation")
        .prefetch_related("organisation__contacts")
    )


def recommended_mission_count(*, user, today=None) -> int:
    """Upcoming published missions recommended to any of the user's
    organisations (mission_recommendations, merged over their profiles) that
    none of them has signed up for; three queries whatever the number of
    organisations."""
    if not user.is_authenticated:
        return 0
    profiles = list(
        PublicProfile.objects.filter(organisation__contacts__user=user)
        .prefetch_related("themes")
        .distinct()
    )
    matches = [match for match in map(_profile_match, profiles) if match is not None]
    if not matches:
        return 0
    match = matches[0]
    for other in matches[1:]:
        match |= other
    matching = (
        Mission.objects.filter(match)
        .exclude(
            registrations__organisation__in=[p.organisation_id for p in profiles],
            registrations__status__in=Registration.ACTIVE_STATUSES,
        )
        .values("pk")
    )
    today = today or timezone.localdate()
    return (
        Mission.objects.filter(
            status__in=(Mission.Status.PUBLISHED, Mission.Status.CLOSED),
            end_date__gte=today,
            pk__in=matching,
        )
        .order_by()
        .count()
    )
