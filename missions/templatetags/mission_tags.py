from decimal import Decimal
from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.formats import number_format
from django.utils.translation import get_language

register = template.Library()

# Stands in for the object's id while reversing; never a real id.
_PLACEHOLDER = 987654321


@lru_cache(maxsize=256)
def _url_pattern(name: str, args: tuple, language: str, prefix: str) -> str:
    url = reverse(name, args=[_PLACEHOLDER, *args])
    if url.count(str(_PLACEHOLDER)) != 1:
        raise ValueError(f"{name}: the id must appear once in its URL")
    return url


@register.simple_tag
def row_url(name, pk, *args):
    """{% url name pk *args %} for the rows of a long table: the URL is
    reversed once per name, language and further arguments, and each row's
    id put in its place (reverse() is most of a row's rendering time)."""
    pattern = _url_pattern(name, tuple(args), get_language(), get_script_prefix())
    return pattern.replace(str(_PLACEHOLDER), str(int(pk)))


@register.filter
def euro(value):
    """€ 234.000 or € 1.234,50 in Dutch; € 234,000 in English."""
    if value in (None, ""):
        return "–"
    amount = Decimal(value)
    places = 0 if amount == amount.to_integral_value() else 2
    return "€\u00a0" + number_format(amount, places, use_l10n=True, force_grouping=True)


@register.filter
def results_due(registration):
    """(moment, label, result or None) for each moment open for results."""
    from missions.models import MissionResult
    from missions.selectors import result_for as lookup
    from missions.services import result_moments_due

    return [
        (moment, MissionResult.Moment(moment).label, lookup(registration, moment))
        for moment in result_moments_due(registration)
    ]
