"""Money and numbers in templates, Dutch style on every page (config.money).

``{% load money %}``, then ``{{ amount|euro }}`` → ``€ 234.000`` and
``{{ value|number }}`` → ``1.234,50``.
A missing value renders empty; add ``|default:"–"`` where a dash is wanted.
"""

from django import template

from config.money import format_euro, format_number

register = template.Library()


@register.filter
def euro(value):
    return format_euro(value)


@register.filter
def number(value):
    return format_number(value)
