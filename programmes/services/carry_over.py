"""Carry a prestatie over to the next budget year in one step."""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from config.services import model_update
from programmes.models import Action, Indicator, IndicatorTarget, Prestatie

from ._common import (
    check_count,
    check_money,
    check_year_in_duration,
    save_validated,
)
from .planning import PRESTATIE_FIELDS, _check_prestatie

# What a civil servant may change while carrying over; the rest is copied.
CONTINUE_FIELDS = (
    "code",
    "title",
    "purpose",
    "context",
    "finance_text",
    "investment_explanation",
    "portfolio_holder",
    "duration",
    "start_year",
    "end_year",
)


def continuation_existing(*, prestatie: Prestatie, year: int) -> Prestatie | None:
    """The prestatie already carrying `prestatie` into `year`, if any.

    Either one that names it as predecessor in that year, or one with the
    same number in that year (the unique constraint would refuse a copy).
    """
    return (
        Prestatie.objects.filter(province_id=prestatie.province_id, year=year)
        .filter(Q(predecessor=prestatie) | Q(code=prestatie.code))
        .order_by("pk")
        .first()
    )


def continuation_target_values(
    *, prestatie: Prestatie, year: int
) -> dict[int, Decimal | None]:
    """Per indicator id, the target proposed for `year`.

    The indicator's own target for that year when one was already set (a
    structural prestatie often plans ahead), otherwise the latest target
    up to the prestatie's own year; None when it has none.
    """
    proposals: dict[int, Decimal | None] = {}
    targets = IndicatorTarget.objects.filter(
        indicator__action__prestatie=prestatie
    ).order_by("indicator_id", "year")
    indicator_ids = Indicator.objects.filter(action__prestatie=prestatie).values_list(
        "pk", flat=True
    )
    by_indicator: dict[int, list[IndicatorTarget]] = {pk: [] for pk in indicator_ids}
    for target in targets:
        by_indicator[target.indicator_id].append(target)
    for pk, rows in by_indicator.items():
        same_year = [t.value for t in rows if t.year == year]
        earlier = [t.value for t in rows if t.year <= prestatie.year]
        proposals[pk] = (
            same_year[0] if same_year else (earlier[-1] if earlier else None)
        )
    return proposals


@transaction.atomic
def prestatie_continue(
    *,
    prestatie: Prestatie,
    by,
    data: Mapping[str, Any] | None = None,
    targets: Mapping[int, Decimal | None] | None = None,
) -> Prestatie:
    """Copy a prestatie into the next year with its actions, indicators and
    targets, linked to it as predecessor.

    `data` changes fields of the copy (CONTINUE_FIELDS), `targets` sets the
    new year's target per indicator id (None: no target that year); without
    them the proposals of `continuation_target_values` are used. Targets of
    later years are copied as they are. A second copy into the same year
    is refused, as is a number already used in that year.
    """
    # Lock the original: two clicks at once must not both pass the check.
    prestatie = Prestatie.objects.select_for_update().get(pk=prestatie.pk)
    year = prestatie.year + 1
    existing = continuation_existing(prestatie=prestatie, year=year)
    if existing is not None:
        raise ValidationError(
            _(
                "Prestatie %(code)s already exists in %(year)s (%(title)s). "
                "Open that one instead of copying again."
            )
            % {"code": existing.code, "year": year, "title": existing.title},
            code="already_continued",
        )
    copy = Prestatie(
        province_id=prestatie.province_id,
        year=year,
        predecessor=prestatie,
        continuation=Prestatie.Continuation.CONTINUED,
    )
    for name in PRESTATIE_FIELDS:
        if name not in ("year", "predecessor", "continuation"):
            setattr(copy, name, getattr(prestatie, name))
    if (
        copy.duration == Prestatie.Duration.PERIOD
        and copy.end_year is not None
        and copy.end_year < year
    ):
        # Carrying a period over extends it to the new year.
        copy.end_year = year
    data = dict(data or {})
    if "code" in data:
        data["code"] = (data["code"] or "").strip()
    model_update(instance=copy, fields=CONTINUE_FIELDS, data=data)
    if copy.code != prestatie.code:
        taken = Prestatie.objects.filter(
            province_id=prestatie.province_id, year=year, code=copy.code
        ).exists()
        if taken:
            raise ValidationError(
                {
                    "code": _("Number %(code)s is already used in %(year)s.")
                    % {"code": copy.code, "year": year}
                }
            )
    decisions = list(prestatie.investment_decisions.all())
    _check_prestatie(copy, decisions)
    save_validated(copy, by=by)
    if decisions:
        copy._history_user = by
        copy.investment_decisions.set(decisions)

    proposals = continuation_target_values(prestatie=prestatie, year=year)
    if targets is not None:
        unknown = set(targets) - set(proposals)
        if unknown:
            raise ValidationError(_("A target belongs to another prestatie."))
        proposals.update(targets)
    actions = prestatie.actions.prefetch_related(
        "programmes", "indicators__targets"
    ).order_by("number")
    for action in actions:
        new_action = Action(prestatie=copy, number=action.number, text=action.text)
        save_validated(new_action, by=by)
        programmes = list(action.programmes.all())
        if programmes:
            new_action._history_user = by
            new_action.programmes.set(programmes)
        for indicator in action.indicators.all():
            new_indicator = Indicator(
                action=new_action,
                name=indicator.name,
                unit=indicator.unit,
                accumulation=indicator.accumulation,
                source=indicator.source,
                metric=indicator.metric,
            )
            save_validated(new_indicator, by=by)
            values = {t.year: t.value for t in indicator.targets.all() if t.year > year}
            if proposals.get(indicator.pk) is not None:
                values[year] = proposals[indicator.pk]
            for target_year, value in sorted(values.items()):
                field = f"target_{indicator.pk}" if target_year == year else "year"
                check_year_in_duration(copy, target_year, field)
                if indicator.is_money:
                    value = check_money(value, field, positive=False)
                else:
                    value = check_count(value, field, unit=indicator.unit)
                save_validated(
                    IndicatorTarget(
                        indicator=new_indicator, year=target_year, value=value
                    ),
                    by=by,
                )
    return copy
