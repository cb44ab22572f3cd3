from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euro(value):
    """€ 234.000 or € 1.234,50 in Dutch; € 234,000 in English."""
    if value in (None, ""):
        return "–"
    amount = Decimal(value)
    places = 0 if amount == amount.to_integral_value() else 2
    return "€\u00a0" + number_format(amount, places, use_l10n=True, force_grouping=True)
