"""Reads of the participants app: the exporters' showcase and membership."""

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)

from .models import (
    Block,
    ContactPerson,
    ContactRequest,
    Engagement,
    ExportStory,
    MembershipRequest,
    Organisation,
    PublicProfile,
)

VISIBLE = PublicProfile.Visibility.VISIBLE
COMPANY_KINDS = (Organisation.Kind.SME, Organisation.Kind.LARGE)
ADVISER_KINDS = (Organisation.Kind.PARTNER, Organisation.Kind.ADVISER)


def organisation_known(kvk_number: str) -> bool:
    """Whether the portal has an organisation with this KvK number."""
    return Organisation.objects.filter(kvk_number=kvk_number).exists()


def visible_stories() -> QuerySet[ExportStory]:
    return ExportStory.objects.filter(visibility=VISIBLE).order_by("-created_at")


def showcase_profiles() -> QuerySet[PublicProfile]:
    """Profiles anyone may see: published by the organisation and not hidden
    by a moderator. Nothing else of an organisation ever leaves this."""
    return (
        PublicProfile.objects.filter(is_published=True, visibility=VISIBLE)
        .select_related("organisation", "organisation__province")
        .prefetch_related("sectors")
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
    administrators see all. Mirrors accounts.permissions.province_filter,
    which participants may not import."""
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
