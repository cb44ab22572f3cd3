"""Numbers and money in the report's language, with the portal's one money
formatter (programmes.money): Dutch ``€ 234.000``, ``€ 1.234,50``,
``1.234``, ``92,3%``; English ``€ 234,000``, ``€ 1,234.50``, ``1,234``,
``92.3%``. The language is the active one (the renderers run inside
``translation.override(report language)``)."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import get_language

from programmes.money import format_euro, format_number


def _language() -> str:
    return (get_language() or "nl")[:2]


def to_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def dutch_number(value, places: int | None = None) -> str:
    """1234.5 → '1.234,50' ('1,234.50' in English); whole numbers without
    decimals unless `places`. (The name is older than the English format.)"""
    number = to_decimal(value)
    if number is None:
        return ""
    return format_number(number, decimals=places, language=_language())


def euro(value) -> str:
    """'€ 234.000' for whole euros, '€ 1.234,50' with cents."""
    number = to_decimal(value)
    return "" if number is None else format_euro(number, language=_language())


def percentage(value) -> str:
    number = to_decimal(value)
    if number is None:
        return ""
    return f"{format_number(number, decimals=1, language=_language())}%"
