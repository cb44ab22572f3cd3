"""Reads for the missions app: each returns a queryset a page can render
with a fixed number of queries."""

import re
from datetime import timedelta
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from accounts.permissions import province_filter
from config.digits import is_ascii_number
from participants.models import ContactPerson, Engagement, Organisation
from participants.selectors import engaged_province_ids

from .models import Mission, MissionMessage, MissionResult, Registration
from .notifications import MESSAGE_STATUSES
from .services.results import MOMENT_MONTHS, add_months

PUBLIC_STATUSES = (
    Mission.Status.PUBLISHED,
    Mission.Status.CLOSED,
    Mission.Status.COMPLETED,
    Mission.Status.CANCELLED,
)
SEATS = Registration.SEAT_TAKING_STATUSES
STATUS_ORDER = (
    Registration.Status.SUBMITTED,
    Registration.Status.ACCEPTED,
    Registration.Status.ATTENDED,
    Registration.Status.NO_SHOW,
    Registration.Status.WAITLISTED,
    Registration.Status.REJECTED,
    Registration.Status.WITHDRAWN,
)


def _with_counts(qs: QuerySet[Mission]) -> QuerySet[Mission]:
    return _annotate_counts(qs).annotate(
        seats_left=Greatest(F("capacity") - F("seats_taken"), 0)
    )


def _per_mission(condition: Q, total) -> Subquery:
    """A figure of the outer mission's registrations, as a subquery.

    Subqueries rather than a join with GROUP BY: the database computes them
    only for the rows a page shows (after ORDER BY ... LIMIT), and counting
    the pages needs no join at all, so a long calendar costs what a short
    one does.
    """
    return Subquery(
        Registration.objects.filter(condition, mission=OuterRef("pk"))
        .order_by()
        .values("mission")
        .annotate(total=total)
        .values("total")
    )


def _annotate_counts(qs: QuerySet[Mission]) -> QuerySet[Mission]:
    return qs.annotate(
        seats_taken=Coalesce(_per_mission(Q(status__in=SEATS), Sum("seats")), 0),
        waiting_count=Coalesce(
            _per_mission(Q(status=Registration.Status.WAITLISTED), Count("pk")), 0
        ),
        submitted_count=Coalesce(
            _per_mission(Q(status=Registration.Status.SUBMITTED), Count("pk")), 0
        ),
    )


def mission_calendar(*, today=None) -> QuerySet[Mission]:
    """Upcoming published missions for the public calendar, soonest first."""
    today = today or timezone.localdate()
    return _with_counts(
        Mission.objects.filter(
            status__in=(Mission.Status.PUBLISHED, Mission.Status.CLOSED),
            end_date__gte=today,
        ).select_related("province")
    ).order_by("start_date", "title")


def mission_calendar_feed(*, today=None) -> QuerySet[Mission]:
    """The missions of the public calendar as plain rows, for the .ics feed
    (one query: the feed needs no seat counts)."""
    today = today or timezone.localdate()
    return Mission.objects.filter(
        status__in=(Mission.Status.PUBLISHED, Mission.Status.CLOSED),
        end_date__gte=today,
    ).order_by("start_date", "title")


def attach_calendar_details(missions: list[Mission]) -> None:
    """Give a page of missions `theme_list` and `country_name`: one query
    for the themes of the page (prefetch_related built a related manager
    per mission, the larger cost) and each country named once."""
    themes: dict[int, list] = {mission.pk: [] for mission in missions}
    links = (
        Mission.themes.through.objects.filter(mission_id__in=list(themes))
        .select_related("theme")
        .order_by("theme__name")
    )
    for link in links:
        themes[link.mission_id].append(link.theme)
    names: dict[str, str] = {}
    for mission in missions:
        mission.theme_list = themes[mission.pk]
        code = mission.country.code
        if code not in names:
            names[code] = mission.country.name
        mission.country_name = names[code]


def calendar_countries(*, today=None) -> set[str]:
    """Codes of the countries the calendar has missions to."""
    today = today or timezone.localdate()
    return set(
        Mission.objects.filter(
            status__in=(Mission.Status.PUBLISHED, Mission.Status.CLOSED),
            end_date__gte=today,
        )
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )


def mission_public_detail() -> QuerySet[Mission]:
    """Missions anyone may open: everything but drafts."""
    return _with_counts(
        Mission.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("province", "led_by")
        .prefetch_related("themes")
    )


def mission_for_signup() -> QuerySet[Mission]:
    """The public missions as plain rows, without figures."""
    return Mission.objects.filter(status__in=PUBLIC_STATUSES)


def missions_in_scope(queryset, user, through: str = ""):
    """Limit missions, or rows under a mission `through` a relation such as
    "mission", to what the user handles: administrators everything, civil
    servants their province's, partner staff the missions their
    organisation runs for provinces that engage it for missions today."""
    prefix = f"{through}__" if through else ""
    if user.is_administrator:
        return queryset
    if user.is_partner:
        return queryset.filter(
            **{
                f"{prefix}run_by": user.partner_id,
                f"{prefix}province__in": engaged_province_ids(
                    partner_id=user.partner_id, task=Engagement.Task.MISSIONS
                ),
            }
        )
    return province_filter(queryset, user, f"{prefix}province")


def mission_backoffice_list(*, user) -> QuerySet[Mission]:
    """The missions the user handles (missions_in_scope), newest first."""
    return _with_counts(
        missions_in_scope(
            Mission.objects.select_related(
                "province", "programme", "action__prestatie", "run_by"
            ),
            user,
        ).prefetch_related("themes")
    ).order_by("-start_date", "title")


class RowContact(NamedTuple):
    name: str
    email: str
    phone: str


class RowResult(NamedTuple):
    moment: str
    leads: int | None
    deals: int | None


def mission_registrations_page(*, mission: Mission, page, per_page: int) -> Page:
    """One page of a mission's registrations, in attention order, each with
    its organisation, `contact_list` (by name) and `result_list`; sets the
    mission's seats_taken, seats_left, waiting_count and submitted_count.

    The page is chosen from the registrations alone, then only its rows are
    read: joining every registration first let PostgreSQL hash the whole
    organisation table, a cost that grows with the portal, not the page.
    Contacts and results are read with one query each and attached by hand:
    prefetch_related builds a related manager per row, which cost more than
    the queries themselves.
    """
    everyone = _in_attention_order(
        mission.registrations.order_by().values_list(
            "pk", "status", "seats", "waitlist_position", "created_at"
        )
    )
    # The page's figures from the same rows: no counting subqueries.
    mission.seats_taken = sum(row[2] for row in everyone if row[1] in SEATS)
    mission.seats_left = max(mission.capacity - mission.seats_taken, 0)
    mission.waiting_count = sum(
        1 for row in everyone if row[1] == Registration.Status.WAITLISTED
    )
    mission.submitted_count = sum(
        1 for row in everyone if row[1] == Registration.Status.SUBMITTED
    )
    ordered_ids = [row[0] for row in everyone]
    page_obj = Paginator(ordered_ids, per_page).get_page(page)
    ids = list(page_obj.object_list)
    page_rows = (
        mission.registrations.select_related("organisation")
        .filter(pk__in=ids)
        # No ORDER BY: the rows go into a dict; the default order joined the
        # mission again to sort by its start date.
        .order_by()
    )
    rows = {registration.pk: registration for registration in page_rows}
    # Plain values: the rows show contacts' names and addresses and results'
    # leads and deals, nothing that needs a model instance.
    contacts = _contacts_by_registration(ids)
    results: dict[int, list] = {pk: [] for pk in rows}
    for registration_id, moment, leads, deals in (
        MissionResult.objects.filter(registration_id__in=ids)
        .order_by("moment")
        .values_list("registration_id", "moment", "leads", "deals")
    ):
        results[registration_id].append(RowResult(moment, leads, deals))
    for pk, registration in rows.items():
        registration.mission = mission
        registration.contact_list = contacts.get(pk, [])
        registration.result_list = results[pk]
    page_obj.object_list = [rows[pk] for pk in ids if pk in rows]
    return page_obj


def mission_participant_rows(*, mission: Mission) -> list[dict]:
    """The exported participant list: one dict per registration, in the
    order of the mission page, with its first contact person by name.

    Plain values, no model instances; every table is read by primary key
    or by its index on the registration, so that PostgreSQL never scans the
    organisations of the whole portal for one mission.
    """
    fields = ("pk", "status", "seats", "waitlist_position", "created_at")
    rows = [
        dict(
            zip(
                (*fields, "organisation_id", "first_time_exporter"), values, strict=True
            )
        )
        for values in _in_attention_order(
            mission.registrations.order_by().values_list(
                *fields, "organisation_id", "first_time_exporter"
            )
        )
    ]
    organisations = {
        pk: (kvk_number, name)
        for pk, kvk_number, name in Organisation.objects.filter(
            pk__in={row["organisation_id"] for row in rows}
        )
        .order_by()
        .values_list("pk", "kvk_number", "name")
    }
    contacts = _contacts_by_registration([row["pk"] for row in rows])
    for row in rows:
        row["organisation__kvk_number"], row["organisation__name"] = organisations[
            row["organisation_id"]
        ]
        row["contact"] = next(iter(contacts.get(row["pk"], [])), RowContact("", "", ""))
    return rows


def _contacts_by_registration(ids: list[int]) -> dict[int, list[RowContact]]:
    """The contact persons of these registrations, by name, as plain values
    (one query, through the link table's index on the registration)."""
    contacts: dict[int, list[RowContact]] = {}
    links = (
        Registration.contacts.through.objects.filter(registration_id__in=ids)
        .order_by("contactperson__name", "contactperson_id")
        .values_list(
            "registration_id",
            "contactperson__name",
            "contactperson__email",
            "contactperson__phone",
        )
    )
    for registration_id, name, email, phone in links:
        contacts.setdefault(registration_id, []).append(RowContact(name, email, phone))
    return contacts


_RANK = {status: rank for rank, status in enumerate(STATUS_ORDER)}


def _in_attention_order(rows) -> list[tuple]:
    """(pk, status, seats, waitlist_position, created_at, ...) rows in the
    order of the mission page: what needs a decision first, then who goes,
    then who waits (in waiting-list order), then who dropped out; arrival
    decides within each."""

    def key(row):
        pk, status, _seats, position, created_at = row[:5]
        return (
            _RANK.get(status, len(STATUS_ORDER)),
            position is None,
            position or 0,
            created_at,
            pk,
        )

    return sorted(rows, key=key)


def organisations_for_backoffice(*, user) -> QuerySet[Organisation]:
    """Organisations a civil servant may look at: those in the province and
    those that signed up for one of its missions."""
    qs = Organisation.objects.select_related("province")
    if user.is_administrator:
        return qs
    if user.is_partner:
        # Partner staff: the organisations signed up for missions they run.
        return qs.filter(
            pk__in=missions_in_scope(
                Registration.objects.all(), user, "mission"
            ).values("organisation_id")
        )
    if user.province_id is None:
        return qs.none()
    ids = Organisation.objects.filter(
        Q(province=user.province_id)
        | Q(registrations__mission__province=user.province_id)
    ).values("pk")
    return qs.filter(pk__in=ids)


def organisation_registrations_for_backoffice(
    *, organisation: Organisation, user
) -> QuerySet[Registration]:
    """The organisation's registrations for missions the user handles."""
    return missions_in_scope(
        organisation.registrations.select_related("mission"), user, "mission"
    ).order_by("-mission__start_date", "pk")


def organisation_is_home(*, organisation: Organisation, user) -> bool:
    """Whether the organisation is based in the civil servant's province
    (administrators: every organisation). Only then does the back office
    show all of it; an organisation from elsewhere shows its base data and
    what concerns the province's own missions."""
    return user.is_administrator or (
        user.province_id is not None and organisation.province_id == user.province_id
    )


def organisation_contacts_for_backoffice(
    *, organisation: Organisation, user
) -> QuerySet[ContactPerson]:
    """The contact persons a civil servant sees: all of an organisation of the
    province; of one from elsewhere, only those of its registrations for the
    province's missions (never those another province works with)."""
    contacts = organisation.contacts.order_by("name", "pk")
    if organisation_is_home(organisation=organisation, user=user):
        return contacts
    if user.province_id is None and not user.is_partner:
        return contacts.none()
    return contacts.filter(
        pk__in=missions_in_scope(
            Registration.contacts.through.objects.filter(
                registration__organisation=organisation
            ),
            user,
            "registration__mission",
        ).values("contactperson_id")
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


def organisation_search(*, query: str, user, limit: int = 20) -> QuerySet[Organisation]:
    """Organisations by (part of) KvK number or name, among those the civil
    servant may look at (organisations_for_backoffice).

    A whole KvK number also finds an organisation of another province, so
    that it can be added to a mission: the number and the name are public in
    the KvK register; nothing else of it is shown before it takes part.
    """
    query = (query or "").strip()
    if not query:
        return Organisation.objects.none()
    digits = query.replace(" ", "").replace(".", "")
    condition = Q(name__icontains=query)
    if is_ascii_number(digits):
        condition |= Q(kvk_number__startswith=digits)
    in_scope = organisations_for_backoffice(user=user).filter(condition)
    if re.fullmatch("[0-9]{8}", digits):
        in_scope = Organisation.objects.filter(
            Q(pk__in=in_scope.values("pk")) | Q(kvk_number=digits)
        )
    return in_scope.order_by("name")[:limit]


def result_for(registration: Registration, moment: str) -> MissionResult | None:
    """The prefetched (or attached, `result_list`) result of one moment,
    without a query."""
    results = getattr(registration, "result_list", None)
    if results is None:
        results = registration.results.all()
    for result in results:
        if result.moment == moment:
            return result
    return None


def mission_messages(*, mission: Mission) -> list:
    """The messages sent to the mission's participants, newest first."""
    return list(
        MissionMessage.objects.filter(mission=mission).select_related("sent_by")[:20]
    )


def mission_message_recipient_count(*, mission: Mission) -> int:
    """How many registrations a message to all participants reaches."""
    return Registration.objects.filter(
        mission=mission, status__in=MESSAGE_STATUSES
    ).count()


# The home page's work lists ---------------------------------------------------

# Missions that start within this many days count as starting soon.
STARTING_SOON_DAYS = 14
# A result not filled in this many days after it became due is overdue.
RESULTS_GRACE_DAYS = 30


def _last_end_date_due(today, months: int):
    """The last end date whose result `months` later is due by `today`.

    services.results.result_due_date clamps to the month's end (31 August
    + 6 months is 28 February), so the cut-off is found by stepping from
    the same day `months` back; add_months is monotone, so a few steps do.
    """
    cutoff = add_months(today, -months)
    while add_months(cutoff + timedelta(days=1), months) <= today:
        cutoff += timedelta(days=1)
    return cutoff


def _results_missing(*, today) -> Q:
    """Registrations that attended a completed mission and lack a result of
    a moment that was due on `today` (services.results.result_moments_due)."""
    missing = Q()
    for moment, months in MOMENT_MONTHS.items():
        has_result = MissionResult.objects.filter(
            registration=OuterRef("pk"), moment=moment
        )
        missing |= Q(
            ~Exists(has_result),
            mission__end_date__lte=_last_end_date_due(today, months),
        )
    return Q(
        missing,
        status=Registration.Status.ATTENDED,
        mission__status=Mission.Status.COMPLETED,
    )


# Missions whose sign-ups are still decided: published or closed.
UPCOMING = (Mission.Status.PUBLISHED, Mission.Status.CLOSED)


def to_decide_q() -> Q:
    """Registrations to decide on: submitted, for a mission that has not
    happened yet."""
    return Q(status=Registration.Status.SUBMITTED, mission__status__in=UPCOMING)


def starting_soon_q(*, today, days: int = STARTING_SOON_DAYS) -> Q:
    """Published or closed missions starting from today within `days`."""
    return Q(
        status__in=UPCOMING,
        start_date__gte=today,
        start_date__lte=today + timedelta(days=days),
    )


def results_overdue_q(*, today) -> Q:
    """Registrations with a result RESULTS_GRACE_DAYS past its due date."""
    return _results_missing(today=today - timedelta(days=RESULTS_GRACE_DAYS))


def open_signup_q(*, now) -> Q:
    """Published missions whose sign-up window is open at `now`."""
    return Q(
        Q(signup_opens_at__isnull=True) | Q(signup_opens_at__lte=now),
        Q(signup_closes_at__isnull=True) | Q(signup_closes_at__gte=now),
        status=Mission.Status.PUBLISHED,
        end_date__gte=timezone.localdate(now),
    )


def province_work_counts(*, user, today=None) -> dict[str, int]:
    """What waits in the missions the user handles (missions_in_scope: a
    civil servant's province, a partner's own missions), in three count
    queries: sign-ups to decide, missions starting within
    STARTING_SOON_DAYS and registrations whose results are overdue
    (RESULTS_GRACE_DAYS after they fell due). The back-office mission list
    filters on the same conditions (filters.MissionBackOfficeFilter), so
    each count links to its rows."""
    today = today or timezone.localdate()
    registrations = missions_in_scope(Registration.objects.order_by(), user, "mission")
    return {
        "to_decide": registrations.filter(to_decide_q()).count(),
        "starting_soon": missions_in_scope(Mission.objects.order_by(), user)
        .filter(starting_soon_q(today=today))
        .count(),
        "results_overdue": registrations.filter(results_overdue_q(today=today)).count(),
    }


def open_signup_count(*, now=None) -> int:
    """Published missions whose sign-up window is open now."""
    now = now or timezone.now()
    return Mission.objects.filter(open_signup_q(now=now)).order_by().count()


def results_to_fill_in_count(*, user, today=None) -> int:
    """Registrations of the user's organisations with a result due now that
    has not been filled in."""
    if not user.is_authenticated:
        return 0
    today = today or timezone.localdate()
    return (
        Registration.objects.filter(
            _results_missing(today=today),
            organisation__in=Organisation.objects.filter(contacts__user=user).values(
                "pk"
            ),
        )
        .order_by()
        .count()
    )
