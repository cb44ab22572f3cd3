"""The portal's one formatter of money and numbers.

The portal writes money Dutch style on every page, message and e-mail, in
both languages (`€ 234.000`, `€ 1.234,50`): planning & control documents
write amounts this way and a reader compares the two side by side. A
document written *in English* for publication (the English yearly report)
passes `language="en"` and gets English separators with the same sign and
space (`€ 234,000`, `€ 1,234.50`, `1,234,567`, `92.3%`); the report
renderers pass the language they render in (`get_language()` inside
`translation.override`).

Whole amounts are written without cents, others with two decimals.

Templates: `{% load money %}`, then `{{ amount|euro }}`, `{{ count|number }}`
(the library is registered in settings.TEMPLATES as `money`).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
NBSP = "\u00a0"

# language -> (thousands separator, decimal point)
SEPARATORS = {"nl": (".", ","), "en": (",", ".")}


def _separators(language: str | None) -> tuple[str, str]:
    code = (language or "nl")[:2]
    return SEPARATORS.get(code, SEPARATORS["nl"])


def to_decimal(value) -> Decimal | None:
    """The value as a Decimal; None for a missing or unreadable one."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def format_number(
    value,
    *,
    decimals: int | None = None,
    language: str | None = None,
    missing: str = "",
) -> str:
    """`1234.5` → `1.234,50` (`1,234.50` in English); whole numbers without
    decimals: `234.000`. With `decimals`, always that many places
    (`format_number(3, decimals=0)` → `3`). A missing value gives `missing`.
    """
    if value is None or value == "":
        return missing
    amount = to_decimal(value)
    if amount is None:
        return str(value)
    if decimals is None:
        amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
        decimals = 0 if amount == amount.to_integral_value() else 2
    quantum = Decimal(1).scaleb(-decimals)
    amount = amount.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _point, fraction = f"{abs(amount):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, point = _separators(language)
    text = thousands.join(groups)
    if decimals:
        text = f"{text}{point}{fraction}"
    return f"{sign}{text}"


def format_euro(
    value,
    *,
    decimals: int | None = None,
    language: str | None = None,
    missing: str = "",
    nbsp: bool = False,
) -> str:
    """`Decimal("234000")` → `€ 234.000`; `-12.5` → `€ -12,50`.

    `nbsp` joins the sign to the number with a space that does not break
    (figures in narrow columns); a missing value gives `missing`.
    """
    if value is None or value == "":
        return missing
    number = format_number(value, decimals=decimals, language=language)
    return f"€{NBSP if nbsp else ' '}{number}"


def format_percentage(value, *, language: str | None = None, missing: str = "") -> str:
    """`92.3` → `92,3%` (`92.3%` in English), one decimal."""
    number = to_decimal(value)
    if number is None:
        return missing
    return f"{format_number(number, decimals=1, language=language)}%"
