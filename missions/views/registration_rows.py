"""The registration rows of the back-office mission page, as HTML.

Built in Python with format_html, as Django's admin builds its change-list
rows: a page of fifty rows, each with its contacts, status and up to five
buttons, spent most of its time in template lookups, conditions and URL
tags. Everything printed goes through format_html, so it is escaped.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ..models import Mission, MissionResult, Registration
from ..row_urls import row_urls
from ..selectors import result_for
from ..services import result_moments_due

S = Registration.Status
ACTION = "missions_backoffice:registration_action"
# As templates/missions/_status_badge.html colours a registration's status.
BADGE_STYLES = {
    S.ACCEPTED: "success",
    S.ATTENDED: "success",
    S.WAITLISTED: "warning",
    S.SUBMITTED: "warning",
}


def _texts() -> dict:
    """Every fixed text of a row, translated once per page."""
    return {
        "accept": _("Accept"),
        "promote": _("Move from waiting list"),
        "reject": _("Reject"),
        "withdraw": _("Withdraw"),
        "attended": _("Attended"),
        "no_show": _("No show"),
        "results": _("Results"),
        "kvk": _("KvK"),
        "first_time": _("first-time exporter"),
        "details": _("Details and history"),
        "select": _("Select"),
        "status": {value: str(label) for value, label in S.choices},
        "source": {value: str(label) for value, label in Registration.Source.choices},
        "moment": {m.value: str(m.label).lower() for m in MissionResult.Moment},
        # As the date filter writes "j M Y H:i".
        "months": {number: str(name).title() for number, name in MONTHS_3.items()},
    }


def _when(moment, months: dict) -> str:
    """`j M Y H:i` in the current time zone, e.g. 3 Mrt 2026 14:05."""
    local = timezone.localtime(moment)
    return f"{local.day} {months[local.month]} {local.year} {local:%H:%M}"


def _button(url, style, label, name, csrf_input) -> SafeString:
    return format_html(
        '<form method="post" action="{}">{}<button class="btn btn-sm {}" '
        'type="submit">{}<span class="visually-hidden"> {}</span></button></form>',
        url,
        csrf_input,
        style,
        label,
        name,
    )


def _link(url, style, label, name, note="") -> SafeString:
    html = format_html(
        '<a class="btn btn-sm {}" href="{}">{}<span class="visually-hidden"> {}'
        "</span></a>",
        style,
        url,
        label,
        name,
    )
    return format_html("{}<small>{}</small>", html, note) if note else html


def _actions(registration, page) -> list:
    """The buttons of one row, in the order the page has always shown them."""
    pk, status = registration.pk, registration.status
    name = registration.organisation.name
    t, csrf_input, row_url = page.texts, page.csrf_input, page.url
    seats_free, today = page.seats_free, page.today
    actions = []
    if page.open_for_changes:
        if status in (S.SUBMITTED, S.WAITLISTED) and registration.seats <= seats_free:
            label = t["promote" if status == S.WAITLISTED else "accept"]
            url = row_url(ACTION, pk, "accept")
            actions.append(_button(url, "btn-success", label, name, csrf_input))
        if status in (S.SUBMITTED, S.WAITLISTED, S.ACCEPTED):
            url = row_url("missions_backoffice:reject", pk)
            actions.append(_link(url, "btn-outline-danger", t["reject"], name))
            url = row_url(ACTION, pk, "withdraw")
            actions.append(
                _button(url, "btn-outline-secondary", t["withdraw"], name, csrf_input)
            )
    if page.attendance:
        if status in (S.ACCEPTED, S.NO_SHOW):
            url = row_url(ACTION, pk, "attended")
            actions.append(
                _button(url, "btn-outline-success", t["attended"], name, csrf_input)
            )
        if status in (S.ACCEPTED, S.ATTENDED):
            url = row_url(ACTION, pk, "no-show")
            actions.append(
                _button(url, "btn-outline-warning", t["no_show"], name, csrf_input)
            )
    for moment in result_moments_due(registration, today=today):
        result = result_for(registration, moment)
        note = (
            _("%(leads)s leads, %(deals)s deals")
            % {"leads": result.leads, "deals": result.deals}
            if result
            else ""
        )
        url = row_url("missions_backoffice:results", pk, moment)
        label = f"{t['results']}: {t['moment'][moment]}"
        actions.append(_link(url, "btn-outline-primary", label, name, note))
    return actions


def _select(registration, page) -> SafeString:
    """The row's checkbox for the decision on several sign-ups at once; it
    belongs to the form above the table (`form=`), as the row's buttons are
    forms of their own. Its label names the organisation."""
    if not page.open_for_changes:
        return SafeString("")
    if registration.status not in (S.SUBMITTED, S.WAITLISTED, S.ACCEPTED):
        return mark_safe("<td></td>")
    return format_html(
        '<td><input class="form-check-input" type="checkbox" name="registrations"'
        ' value="{}" id="select-{}" form="bulk-decide">'
        '<label class="visually-hidden" for="select-{}">{} {}</label></td>',
        registration.pk,
        registration.pk,
        registration.pk,
        page.texts["select"],
        registration.organisation.name,
    )


def _row(registration, page) -> SafeString:
    organisation = registration.organisation
    t, row_url = page.texts, page.url
    contacts = format_html_join(
        mark_safe("<br>"),
        "{}{}",
        (
            (c.name, format_html(" &lt;{}&gt;", c.email) if c.email else "")
            for c in registration.contact_list
        ),
    )
    status = registration.status
    notes = []
    if status == S.WAITLISTED:
        notes.append(
            _("position %(position)s") % {"position": registration.waitlist_position}
        )
    if registration.rejection_reason:
        notes.append(registration.rejection_reason)
    # Joined by format_html_join, never by `+`: "" + SafeString is a plain
    # str, which format_html below would escape a second time.
    extra = format_html_join("", "<br><small>{}</small>", ((n,) for n in notes))
    first_time = (
        format_html(" · {}", t["first_time"])
        if registration.first_time_exporter
        else ""
    )
    actions = _actions(registration, page)
    return format_html(
        "<tr>{}"
        '<th scope="row"><a href="{}">{}</a><br><small>{} {}{}</small></th>'
        "<td>{}</td><td>{}</td>"
        '<td><span class="badge text-bg-{}">{}</span>{}</td>'
        '<td>{}<br><small>{}</small><br><a href="{}">{}<span class="visually-hidden">'
        " {}</span></a></td>"
        '<td><div class="d-flex flex-wrap gap-1">{}</div></td>'
        "</tr>",
        _select(registration, page),
        row_url("missions_backoffice:organisation", organisation.pk),
        organisation.name,
        t["kvk"],
        organisation.kvk_number,
        first_time,
        contacts or "–",
        registration.seats,
        BADGE_STYLES.get(status, "danger"),
        t["status"].get(status, status),
        extra,
        _when(registration.created_at, t["months"]),
        t["source"].get(registration.source, registration.source),
        row_url("missions_backoffice:registration", registration.pk),
        t["details"],
        organisation.name,
        # Each built by format_html; a plain str among them would be escaped.
        format_html_join("", "{}", ((action,) for action in actions)),
    )


@dataclass(frozen=True)
class _Page:
    """What every row of the page shares, worked out once."""

    texts: dict
    csrf_input: SafeString
    url: Callable
    seats_free: int
    today: date
    open_for_changes: bool
    attendance: bool


def attach_rows(request, mission: Mission, registrations, *, seats_free: int) -> None:
    """Give each registration its table row as `row_html`."""
    page = _Page(
        texts=_texts(),
        csrf_input=format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">',
            get_token(request),
        ),
        url=row_urls(),
        seats_free=seats_free,
        today=timezone.localdate(),
        open_for_changes=mission.status
        not in (Mission.Status.COMPLETED, Mission.Status.CANCELLED),
        attendance=mission.status
        not in (Mission.Status.CANCELLED, Mission.Status.DRAFT)
        and mission.has_started,
    )
    for registration in registrations:
        registration.row_html = _row(registration, page)
