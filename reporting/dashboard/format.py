"""Numbers and money Dutch style (€ 234.000, € 1.234,50) in any language,
as planning & control documents write them."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def format_number(value, *, decimals: int | None = None) -> str:
    """`1234.5` → `1.234,50`; whole numbers without decimals: `234.000`."""
    if value is None or value == "":
        return "–"
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if decimals is None:
        amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
        decimals = 0 if amount == amount.to_integral_value() else 2
    amount = amount.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return f"{sign}{text},{fraction}" if decimals else f"{sign}{text}"


def format_euro(value) -> str:
    if value is None or value == "":
        return "–"
    return f"€\u00a0{format_number(value)}"


def format_value(value, kind: str) -> str:
    """A headline value by kind: count, money, mark or percent."""
    if value is None:
        return "–"
    if kind == "money":
        return format_euro(value)
    if kind == "mark":
        return format_number(value, decimals=1)
    if kind == "percent":
        return f"{format_number(value, decimals=1)}%"
    return format_number(value)
