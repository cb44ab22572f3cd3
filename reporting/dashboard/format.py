"""Numbers and money Dutch style (€ 234.000, € 1.234,50) in any language,
as planning & control documents write them."""

from programmes import money


def format_number(value, *, decimals: int | None = None) -> str:
    """`1234.5` → `1.234,50`; whole numbers without decimals: `234.000`;
    a missing value is a dash."""
    if value is None or value == "":
        return "–"
    return money.format_number(value, decimals=decimals)


def format_euro(value) -> str:
    """`€ 234.000`, with a space that does not break."""
    if value is None or value == "":
        return "–"
    return f"€\u00a0{money.format_number(value)}"


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
