"""Reads that combine the showcase (participants) with missions."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from participants.models import Organisation, PublicProfile
from participants.selectors import showcase_profiles

from ..models import Mission, Registration
from ..selectors import mission_calendar


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
    slugs = {sector.slug for sector in profile.sectors.all()}
    if not codes and not slugs:
        return None
    return Q(country__in=codes) | Q(themes__slug__in=slugs)


def mission_recommendations(
    *, profile: PublicProfile, today=None, limit: int = 10
) -> QuerySet[Mission]:
    """Upcoming published missions to one of the profile's markets or on one
    of its sectors, that the organisation has not signed up for yet."""
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
        | Q(sectors__slug__in=slugs),
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
        .prefetch_related("sectors")
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
