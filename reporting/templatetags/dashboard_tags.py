"""Filters of the dashboard: ``{% load dashboard_tags %}``, then
``{{ amount|dashboard_euro }}`` → ``€ 234.000``."""

from django import template

from reporting.dashboard.format import format_euro, format_number, format_value

register = template.Library()


@register.filter
def dashboard_euro(value):
    return format_euro(value)


@register.filter
def dashboard_number(value):
    return format_number(value)


@register.filter
def dashboard_value(value, kind):
    return format_value(value, kind)
