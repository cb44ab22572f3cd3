"""Filters of the dashboard: ``{% load dashboard_tags %}``, then
``{{ amount|dashboard_euro }}`` → ``€ 234.000``."""

import datetime

from django import template

from reporting.dashboard import format

register = template.Library()


@register.filter
def dashboard_euro(value):
    return format.dashboard_euro(value)


@register.filter
def dashboard_number(value):
    return format.dashboard_number(value)


@register.filter
def dashboard_value(value, kind):
    return format.format_value(value, kind)


@register.filter
def dashboard_date(value):
    """An ISO date of the figures ('2016-04-25') as a date for |date."""
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
