"""Money shown Dutch style (€ 234.000, € 1.234,50).

Planning & control documents write amounts this way, so the portal does
too, also on English pages: a reader compares the two side by side. A
document written *in English* for publication (the English yearly report)
passes ``language="en"`` and gets English separators (€ 234,000, € 1,234.50).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


SEPARATORS = {"nl": (".", ","), "en": (",", ".")}


def format_number(
    value, *, decimals: int | None = None, language: str | None = None
) -> str:
    """`1234.5` → `1.234,50`; whole numbers without decimals: `234.000`.

    With `decimals` given, always that many places (`format_number(3,
    decimals=0)` → `3`). With `language="en"`: `1,234.50`.
    """
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if decimals is None:
        amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
        decimals = 0 if amount == amount.to_integral_value() else 2
    quantum = Decimal(1).scaleb(-decimals)
    amount = amount.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, point = SEPARATORS.get((language or "nl")[:2], SEPARATORS["nl"])
    text = thousands.join(groups)
    if decimals:
        text = f"{text}{point}{fraction}"
    return f"{sign}{text}"


def format_euro(
    value, *, decimals: int | None = None, language: str | None = None
) -> str:
    """`Decimal("234000")` → `€ 234.000`; `-12.5` → `€ -12,50`."""
    if value is None or value == "":
        return ""
    return f"€ {format_number(value, decimals=decimals, language=language)}"
