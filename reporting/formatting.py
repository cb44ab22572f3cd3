"""Numbers and money Dutch style, as the province writes them in both
languages: ``€ 234.000``, ``€ 1.234,50``, ``1.234``, ``92,3%``."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def to_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _group(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ".".join(groups)


def dutch_number(value, places: int | None = None) -> str:
    """1234.5 → '1.234,5'; whole numbers without decimals unless `places`."""
    number = to_decimal(value)
    if number is None:
        return ""
    if places is None:
        places = 0 if number == number.to_integral_value() else 2
    quantum = Decimal(1).scaleb(-places)
    number = number.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    text = _group(whole)
    if places:
        text = f"{text},{fraction}"
    return sign + text


def euro(value) -> str:
    """'€ 234.000' for whole euros, '€ 1.234,50' with cents."""
    number = to_decimal(value)
    if number is None:
        return ""
    places = 0 if number == number.to_integral_value() else 2
    return f"€ {dutch_number(number, places)}"


def percentage(value) -> str:
    number = to_decimal(value)
    if number is None:
        return ""
    return f"{dutch_number(number, 1)}%"
