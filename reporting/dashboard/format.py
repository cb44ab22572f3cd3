"""How the dashboard shows a value: config.money in the page's language,
with a space that does not break after the euro sign (narrow tiles and
columns) and a dash for a value that is missing."""

from config.money import format_euro, format_number

DASH = "–"


def dashboard_number(value, *, decimals: int | None = None) -> str:
    """`1234.5` → `1.234,50`; whole numbers without decimals; missing: a dash."""
    return format_number(value, decimals=decimals, missing=DASH)


def dashboard_euro(value) -> str:
    """`€ 234.000`, the sign joined to the number; missing: a dash."""
    return format_euro(value, missing=DASH, nbsp=True)


def format_value(value, kind: str) -> str:
    """A headline value by kind: count, money, mark or percent."""
    if value is None:
        return DASH
    if kind == "money":
        return dashboard_euro(value)
    if kind == "mark":
        return dashboard_number(value, decimals=1)
    if kind == "percent":
        return f"{dashboard_number(value, decimals=1)}%"
    return dashboard_number(value)
