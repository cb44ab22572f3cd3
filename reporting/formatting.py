"""Numbers and money Dutch style, as the province writes them in both
languages: ``€ 234.000``, ``€ 1.234,50``, ``1.234``, ``92,3%``."""

from decimal import Decimal, InvalidOperation

from programmes.money import format_euro, format_number


def to_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def dutch_number(value, places: int | None = None) -> str:
    """1234.5 → '1.234,50'; whole numbers without decimals unless `places`."""
    number = to_decimal(value)
    return "" if number is None else format_number(number, decimals=places)


def euro(value) -> str:
    """'€ 234.000' for whole euros, '€ 1.234,50' with cents."""
    number = to_decimal(value)
    return "" if number is None else format_euro(number)


def percentage(value) -> str:
    number = to_decimal(value)
    return "" if number is None else f"{format_number(number, decimals=1)}%"
