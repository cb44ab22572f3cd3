"""Template filters for money and numbers in Dutch style.

Usage: ``{% load money %}`` then ``{{ amount|euro }}`` → ``€ 234.000`` and
``{{ value|dutch_number }}`` → ``1.234,50``.
"""

from django import template

from programmes.money import format_euro, format_number

register = template.Library()


@register.filter
def euro(value):
    return format_euro(value)


@register.filter
def dutch_number(value):
    return format_number(value)
