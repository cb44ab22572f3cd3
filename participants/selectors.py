"""Reads of the participants app: organisations and their members."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import ContactPerson, Engagement, MembershipRequest, Organisation


def organisation_known(kvk_number: str) -> bool:
    """Whether the portal has an organisation with this KvK number."""
    return Organisation.objects.filter(kvk_number=kvk_number).exists()


def members_of(*, organisation: Organisation) -> QuerySet[ContactPerson]:
    """The organisation's members (contact persons with an account), admins
    first."""
    return (
        organisation.contacts.filter(user__isnull=False)
        .select_related("user")
        .order_by("-is_admin", "name", "pk")
    )


def membership_requests_pending(
    *, organisation: Organisation
) -> QuerySet[MembershipRequest]:
    return organisation.membership_requests.filter(
        status=MembershipRequest.Status.PENDING
    ).select_related("user")


def membership_requests_of_user(*, user) -> QuerySet[MembershipRequest]:
    """The user's own pending requests, with the organisation's public name."""
    if not user.is_authenticated:
        return MembershipRequest.objects.none()
    return (
        MembershipRequest.objects.filter(
            user=user, status=MembershipRequest.Status.PENDING
        )
        .select_related("organisation")
        .only("pk", "created_at", "organisation__name", "organisation__kvk_number")
    )


def membership_requests_for_backoffice(*, province_id) -> QuerySet[MembershipRequest]:
    """Pending requests for organisations of a province (all provinces for
    None), each marked with whether the organisation has an admin: the
    province decides only where it has none."""
    admins = ContactPerson.objects.filter(
        organisation=OuterRef("organisation"), user__isnull=False, is_admin=True
    )
    requests = MembershipRequest.objects.filter(status=MembershipRequest.Status.PENDING)
    if province_id is not None:
        requests = requests.filter(organisation__province_id=province_id)
    return (
        requests.select_related("organisation", "organisation__province", "user")
        .annotate(organisation_has_admin=Exists(admins))
        .order_by("created_at", "pk")
    )


def membership_requests_to_decide_count(*, province_id) -> int:
    """Pending requests the province decides: for its organisations without
    an admin."""
    return (
        membership_requests_for_backoffice(province_id=province_id)
        .filter(organisation_has_admin=False)
        .order_by()
        .count()
    )


def membership_requests_for_admin_count(*, user) -> int:
    """Pending requests to join the organisations the user is admin of."""
    if not user.is_authenticated:
        return 0
    return (
        MembershipRequest.objects.filter(
            status=MembershipRequest.Status.PENDING,
            organisation__in=ContactPerson.objects.filter(
                user=user, is_admin=True
            ).values("organisation_id"),
        )
        .order_by()
        .count()
    )


# --- implementing partners ------------------------------------------------


def engagements_active(*, on=None) -> QuerySet[Engagement]:
    """Engagements that run on the day `on` (today, Europe/Amsterdam)."""
    from django.utils import timezone

    day = on or timezone.localdate()
    return Engagement.objects.filter(since__lte=day).filter(
        Q(until__isnull=True) | Q(until__gte=day)
    )


def engaged_province_ids(*, partner_id, task: str, on=None) -> QuerySet:
    """The ids of the provinces that engage the partner organisation for
    `task` today: a subquery, for the querysets partner staff may see."""
    if partner_id is None:
        return Engagement.objects.none().values("province_id")
    return (
        engagements_active(on=on)
        .filter(partner_id=partner_id, task=task)
        .values("province_id")
    )


def desk_partner_id(*, province_id, on=None) -> int | None:
    """The partner organisation that runs the province's desk today, if any."""
    return (
        engagements_active(on=on)
        .filter(province_id=province_id, task=Engagement.Task.DESK)
        .order_by("since", "pk")
        .values_list("partner_id", flat=True)
        .first()
    )


def partner_engagements(*, partner_id, on=None) -> QuerySet[Engagement]:
    """The partner's running engagements with their provinces, for its
    staff's start page and forms."""
    return (
        engagements_active(on=on)
        .filter(partner_id=partner_id)
        .select_related("province")
        .order_by("province__name", "task")
    )


def mission_partner_choices(*, province_id, on=None) -> QuerySet[Organisation]:
    """The partner organisations the province engages for missions today."""
    return Organisation.objects.filter(
        kind=Organisation.Kind.PARTNER,
        pk__in=engagements_active(on=on)
        .filter(province_id=province_id, task=Engagement.Task.MISSIONS)
        .values("partner_id"),
    ).order_by("name")
