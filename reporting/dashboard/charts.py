"""Server-drawn horizontal bar charts: inline SVG, no script, prints well.

Each chart comes with a text alternative (title and description) and its
data as rows, which the template also shows as a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

WIDTH = 640
LABEL_WIDTH = 220
VALUE_WIDTH = 110
ROW_HEIGHT = 30
BAR_HEIGHT = 18
TOP = 6
MAX_LABEL = 28


@dataclass
class Row:
    label: str
    value: Decimal | int | None
    display: str
    target: Decimal | int | None = None
    target_display: str = ""
    url: str = ""
    link_text: str = ""
    extra: list[str] = field(default_factory=list)
    # Filled in by bar_chart():
    y: float = 0
    text_y: float = 0
    width: float = 0
    target_x: float | None = None
    target_y1: float = 0
    target_y2: float = 0
    short_label: str = ""


@dataclass
class Chart:
    id: str
    title: str
    description: str
    value_heading: str
    label_heading: str
    rows: list[Row] = field(default_factory=list)
    extra_headings: list[str] = field(default_factory=list)
    has_targets: bool = False
    height: int = 0
    width: int = WIDTH
    bar_x: int = LABEL_WIDTH
    label_x: int = LABEL_WIDTH - 8
    value_x: int = 0


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def bar_chart(
    *,
    id: str,
    title: str,
    description: str,
    label_heading: str,
    value_heading: str,
    rows: list[Row],
    extra_headings: list[str] | None = None,
) -> Chart:
    """Lay out `rows` as bars scaled to the largest value or target."""
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    largest = max(
        [float(r.value or 0) for r in rows] + [float(r.target or 0) for r in rows] + [0]
    )
    for index, row in enumerate(rows):
        row.y = TOP + index * ROW_HEIGHT
        row.text_y = row.y + BAR_HEIGHT - 4
        row.target_y1 = row.y - 3
        row.target_y2 = row.y + BAR_HEIGHT + 3
        row.short_label = _short(row.label)
        row.width = round(room * float(row.value or 0) / largest, 1) if largest else 0
        if row.target is not None and largest:
            row.target_x = round(LABEL_WIDTH + room * float(row.target) / largest, 1)
    return Chart(
        id=id,
        title=title,
        description=description,
        label_heading=label_heading,
        value_heading=value_heading,
        rows=rows,
        extra_headings=extra_headings or [],
        has_targets=any(r.target is not None for r in rows),
        height=TOP * 2 + len(rows) * ROW_HEIGHT,
        value_x=WIDTH - VALUE_WIDTH + 6,
    )
