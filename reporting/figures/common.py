"""Rounding and the status rule, shared by the figure modules."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from .types import (
    Status,
)

ZERO = Decimal("0")
CENTS = Decimal("0.01")
TENTH = Decimal("0.1")


def _round(value, quantum=CENTS) -> Decimal:
    return Decimal(value or 0).quantize(quantum, rounding=ROUND_HALF_UP)


def _mark(value) -> Decimal | None:
    return None if value is None else _round(value, TENTH)


def indicator_status(
    *, target: Decimal | None, realised: Decimal | None, year: int, as_of
) -> str:
    """The status rule in the docstring of reporting.figures."""
    if target is None:
        return Status.NO_TARGET
    if realised is None:
        return Status.NO_VALUE
    if realised >= target:
        return Status.ACHIEVED
    start = datetime.date(year, 1, 1)
    end = datetime.date(year, 12, 31)
    if as_of > end:
        return Status.BEHIND
    if as_of < start:
        return Status.ON_TRACK
    passed = Decimal((as_of - start).days + 1) / Decimal((end - start).days + 1)
    return Status.ON_TRACK if realised >= target * passed else Status.BEHIND
