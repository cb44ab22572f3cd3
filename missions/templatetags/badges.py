"""The status badge of missions and registrations: one place for its colours.

{% load badges %}{% status_badge mission.status mission.get_status_display %}
"""

from django import template
from django.utils.html import format_html

from ..models import Mission, Registration

register = template.Library()

M, R = Mission.Status, Registration.Status

# Bootstrap's text-bg-* pairs, each with a text colour that passes WCAG AA
# (text-bg-warning writes dark text on yellow). Any other status: danger.
STYLES = {
    M.PUBLISHED: "success",
    M.COMPLETED: "success",
    R.ACCEPTED: "success",
    R.ATTENDED: "success",
    M.CLOSED: "warning",
    R.SUBMITTED: "warning",
    R.WAITLISTED: "warning",
    M.DRAFT: "secondary",
}


def badge_style(status: str) -> str:
    return STYLES.get(status, "danger")


@register.simple_tag
def status_badge(status, label):
    """The badge of a status, with its label (escaped) as the text."""
    return format_html(
        '<span class="badge text-bg-{}">{}</span>', badge_style(status), label
    )
