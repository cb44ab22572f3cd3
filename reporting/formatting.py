"""Numbers and money in the language of the report being rendered.

The renderers run inside ``translation.override(report language)``; these
pass that language to the portal's one formatter (config.money): Dutch
``€ 234.000``, ``€ 1.234,50``, ``1.234``, ``92,3%``; English ``€ 234,000``,
``€ 1,234.50``, ``1,234``, ``92.3%``. Pages keep Dutch style in both
languages (config.money without a language)."""

from django.utils.translation import get_language

from config.money import format_euro, format_number, format_percentage, to_decimal

__all__ = ["dutch_number", "euro", "percentage", "to_decimal"]


def _language() -> str:
    return (get_language() or "nl")[:2]


def dutch_number(value, places: int | None = None) -> str:
    """1234.5 → '1.234,50' ('1,234.50' in English); whole numbers without
    decimals unless `places`. (The name is older than the English format.)"""
    if to_decimal(value) is None:
        return ""
    return format_number(value, decimals=places, language=_language())


def euro(value) -> str:
    """'€ 234.000' for whole euros, '€ 1.234,50' with cents."""
    if to_decimal(value) is None:
        return ""
    return format_euro(value, language=_language())


def percentage(value) -> str:
    return format_percentage(value, language=_language())
