"""Helpers shared by the write services of the programmes app."""

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from config.money import format_euro
from programmes.models import Prestatie

MIN_YEAR = 1990
MAX_YEAR = 2100


def check_year(year: int | None, field: str) -> None:
    if year is None:
        return
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        raise ValidationError(
            {
                field: _("Enter a year between %(min)s and %(max)s.")
                % {"min": MIN_YEAR, "max": MAX_YEAR}
            }
        )


def check_money(
    amount: Any, field: str = "amount", *, positive: bool = True
) -> Decimal:
    """The amount as a Decimal of at most two places, or a clear error.

    `positive` asks for more than zero (ledger amounts); otherwise zero is
    allowed but a negative amount is not (budget lines).
    """
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError(
            {field: _("Enter an amount in euros, e.g. 234.000 or 1.234,50.")}
        ) from None
    if not value.is_finite():
        raise ValidationError(
            {field: _("Enter an amount in euros, e.g. 234.000 or 1.234,50.")}
        )
    if positive and value <= 0:
        raise ValidationError(
            {
                field: _("The amount must be more than %(zero)s; you entered %(v)s.")
                % {"zero": format_euro(0), "v": format_euro(value)}
            }
        )
    if not positive and value < 0:
        raise ValidationError({field: _("The amount cannot be negative.")})
    if value != value.quantize(Decimal("0.01")):
        raise ValidationError(
            {field: _("An amount has at most two decimals (whole cents).")}
        )
    return value.quantize(Decimal("0.01"))


def check_count(value: Any, field: str = "value", *, unit: str = "") -> Decimal:
    """A count (missions, companies): a whole number of zero or more."""
    example = _("e.g. 3 %(unit)s") % {"unit": unit} if unit else _("e.g. 3")
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        number = None
    if number is None or not number.is_finite() or number != number.to_integral():
        raise ValidationError(
            {
                field: _("Enter a whole number (%(example)s).")
                % {"example": example.strip()}
            }
        )
    if number < 0:
        raise ValidationError({field: _("A number cannot be negative.")})
    return number.quantize(Decimal("0.01"))


def check_same_province(
    objects: Iterable[models.Model | None], province_id: int, field: str
) -> None:
    for obj in objects:
        if obj is not None and obj.province_id != province_id:
            raise ValidationError({field: _("Choose something of the same province.")})


def save_validated(
    instance: models.Model, *, by, changed: list[str] | None = None
) -> models.Model:
    """full_clean, then save with `by` as the history's user.

    With `changed` empty nothing is saved, so an unchanged form adds no
    history row that would read as a change.
    """
    instance.full_clean()
    if by is not None:
        # django-simple-history reads this outside a request (demo, shell,
        # tasks), where its middleware cannot tell who made the change.
        instance._history_user = by
    if changed is not None and not changed and instance.pk:
        return instance
    instance.save()
    return instance


def _duration_text(prestatie: Prestatie) -> str:
    start = prestatie.start_year or prestatie.year
    if prestatie.duration == Prestatie.Duration.STRUCTURAL:
        return _("structural, from %(start)s") % {"start": start}
    return f"{start}–{prestatie.end_year or prestatie.year}"


def check_year_in_duration(prestatie: Prestatie, year: int, field: str = "year"):
    """Refuse a year outside the prestatie's duration, saying what it is."""
    check_year(year, field)
    if not prestatie.covers_year(int(year)):
        raise ValidationError(
            {
                field: _(
                    "%(year)s falls outside the duration of prestatie %(code)s "
                    "(%(duration)s). Choose a year within it or change the "
                    "duration first."
                )
                % {
                    "year": year,
                    "code": prestatie.code,
                    "duration": _duration_text(prestatie),
                }
            }
        )
