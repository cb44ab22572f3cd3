"""Writes below a prestatie: actions, indicators with targets and entered
values, progress notes, intended results and budget lines.

Years of targets, values, notes, results and budget lines must fall within
the prestatie's duration; the message says which duration that is.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from config.services import model_update
from programmes.models import (
    Action,
    BudgetLine,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    IntendedResult,
    Prestatie,
    Programme,
    ProgressNote,
)

from ._common import (
    check_count,
    check_money,
    check_same_province,
    check_year_in_duration,
    save_validated,
)

ACTION_FIELDS = ("number", "text")
INDICATOR_FIELDS = ("name", "unit", "accumulation", "source", "metric")
NOTE_FIELDS = ("year", "text", "narrative")
RESULT_FIELDS = ("year", "position", "text", "status")
BUDGET_FIELDS = ("year", "planned", "amended", "realised")


# Actions and indicators ----------------------------------------------------


def _check_action_programmes(action: Action, programmes: Iterable[Programme]):
    check_same_province(programmes, action.prestatie.province_id, "programmes")


@transaction.atomic
def action_create(
    *,
    prestatie: Prestatie,
    number: int,
    text: str,
    by,
    programmes: Iterable[Programme] = (),
) -> Action:
    """A numbered action of a prestatie, optionally carried out by programmes."""
    programmes = list(programmes)
    action = Action(prestatie=prestatie, number=number, text=text)
    _check_action_programmes(action, programmes)
    save_validated(action, by=by)
    if programmes:
        action.programmes.set(programmes)
    return action


@transaction.atomic
def action_update(*, action: Action, data: Mapping[str, Any], by) -> Action:
    data = dict(data)
    programmes = data.pop("programmes", None)
    action, changed = model_update(instance=action, fields=ACTION_FIELDS, data=data)
    _check_action_programmes(action, programmes or [])
    save_validated(action, by=by, changed=changed)
    if programmes is not None:
        action._history_user = by
        action.programmes.set(programmes)
    return action


def _check_indicator(indicator: Indicator) -> None:
    if indicator.source == Indicator.Source.ENTERED:
        indicator.metric = ""
    if (
        indicator.pk
        and indicator.source == Indicator.Source.COMPUTED
        and indicator.values.exists()
    ):
        raise ValidationError(
            {
                "source": _(
                    "This indicator has entered values. Keep it entered, or "
                    "make a new computed indicator."
                )
            }
        )


@transaction.atomic
def indicator_create(
    *,
    action: Action,
    name: str,
    by,
    unit: str = "",
    accumulation: str = Indicator.Accumulation.ANNUAL,
    source: str = Indicator.Source.ENTERED,
    metric: str = "",
) -> Indicator:
    """An indicator; computed ones name the portal figure, entered ones none."""
    indicator = Indicator(
        action=action,
        name=name,
        unit=unit,
        accumulation=accumulation,
        source=source,
        metric=metric,
    )
    _check_indicator(indicator)
    return save_validated(indicator, by=by)


@transaction.atomic
def indicator_update(*, indicator: Indicator, data: Mapping[str, Any], by) -> Indicator:
    indicator, changed = model_update(
        instance=indicator, fields=INDICATOR_FIELDS, data=data
    )
    _check_indicator(indicator)
    return save_validated(indicator, by=by, changed=changed)


def _check_figure(indicator: Indicator, value: Any, field: str = "value") -> Decimal:
    """Targets and realised values: zero or more; a whole number for counts,
    euros and cents for amounts."""
    if indicator.is_money:
        return check_money(value, field, positive=False)
    return check_count(value, field, unit=indicator.unit)


@transaction.atomic
def indicator_target_set(
    *, indicator: Indicator, year: int, value: Decimal, by
) -> IndicatorTarget:
    """Set the target of one year, creating or changing it."""
    prestatie = indicator.action.prestatie
    check_year_in_duration(prestatie, year)
    value = _check_figure(indicator, value)
    target = IndicatorTarget.objects.filter(indicator=indicator, year=year).first()
    if target is None:
        target = IndicatorTarget(indicator=indicator, year=year, value=value)
    elif target.value == value:
        return target
    target.value = value
    return save_validated(target, by=by)


@transaction.atomic
def indicator_target_update(
    *, target: IndicatorTarget, data: Mapping[str, Any], by
) -> IndicatorTarget:
    target, changed = model_update(instance=target, fields=("year", "value"), data=data)
    check_year_in_duration(target.indicator.action.prestatie, target.year)
    target.value = _check_figure(target.indicator, target.value)
    return save_validated(target, by=by, changed=changed)


@transaction.atomic
def indicator_value_set(
    *, indicator: Indicator, year: int, value: Decimal, by, note: str = ""
) -> IndicatorValue:
    """Enter the realised value of an entered indicator for one year."""
    if indicator.source != Indicator.Source.ENTERED:
        raise ValidationError(
            _(
                "The portal computes the realised value of “%(name)s”; it "
                "cannot be entered."
            )
            % {"name": indicator.name}
        )
    check_year_in_duration(indicator.action.prestatie, year)
    value = _check_figure(indicator, value)
    entry = IndicatorValue.objects.filter(indicator=indicator, year=year).first()
    if entry is None:
        entry = IndicatorValue(indicator=indicator, year=year)
    elif entry.value == value and entry.note == note:
        return entry
    entry.value = value
    entry.note = note
    return save_validated(entry, by=by)


@transaction.atomic
def indicator_value_update(
    *, entry: IndicatorValue, data: Mapping[str, Any], by
) -> IndicatorValue:
    entry, changed = model_update(
        instance=entry, fields=("year", "value", "note"), data=data
    )
    check_year_in_duration(entry.indicator.action.prestatie, entry.year)
    entry.value = _check_figure(entry.indicator, entry.value)
    return save_validated(entry, by=by, changed=changed)


# Notes, intended results, budget lines -------------------------------------


@transaction.atomic
def progress_note_create(
    *,
    action: Action,
    year: int,
    text: str,
    by,
    narrative: str = ProgressNote.Narrative.OWN_WITH_FIGURES,
) -> ProgressNote:
    """'Toelichting op voortgang' of an action; the writer is its author.
    `narrative` says what the report prints (see ProgressNote)."""
    check_year_in_duration(action.prestatie, year)
    note = ProgressNote(
        action=action, year=year, text=text, narrative=narrative, author=by
    )
    return save_validated(note, by=by)


@transaction.atomic
def progress_note_update(
    *, note: ProgressNote, data: Mapping[str, Any], by
) -> ProgressNote:
    note, changed = model_update(instance=note, fields=NOTE_FIELDS, data=data)
    check_year_in_duration(note.action.prestatie, note.year)
    return save_validated(note, by=by, changed=changed)


@transaction.atomic
def intended_result_create(
    *,
    prestatie: Prestatie,
    year: int,
    text: str,
    by,
    status: str = IntendedResult.Status.PLANNED,
    position: int | None = None,
) -> IntendedResult:
    """'Beoogd resultaat' of a prestatie; appended at the end by default."""
    check_year_in_duration(prestatie, year)
    if position is None:
        position = IntendedResult.objects.filter(prestatie=prestatie, year=year).count()
        position += 1
    result = IntendedResult(
        prestatie=prestatie, year=year, text=text, status=status, position=position
    )
    return save_validated(result, by=by)


@transaction.atomic
def intended_result_update(
    *, result: IntendedResult, data: Mapping[str, Any], by
) -> IntendedResult:
    result, changed = model_update(instance=result, fields=RESULT_FIELDS, data=data)
    check_year_in_duration(result.prestatie, result.year)
    return save_validated(result, by=by, changed=changed)


def _check_budget_line(line: BudgetLine) -> None:
    check_year_in_duration(line.prestatie, line.year)
    line.planned = check_money(line.planned, "planned", positive=False)
    for field in ("amended", "realised"):
        if getattr(line, field) is not None:
            setattr(
                line, field, check_money(getattr(line, field), field, positive=False)
            )


@transaction.atomic
def budget_line_create(
    *,
    prestatie: Prestatie,
    year: int,
    planned: Decimal,
    by,
    amended: Decimal | None = None,
    realised: Decimal | None = None,
) -> BudgetLine:
    """A prestatie's budget for a year: begroot, after amendments, realised."""
    line = BudgetLine(
        prestatie=prestatie,
        year=year,
        planned=planned,
        amended=amended,
        realised=realised,
    )
    _check_budget_line(line)
    return save_validated(line, by=by)


@transaction.atomic
def budget_line_update(*, line: BudgetLine, data: Mapping[str, Any], by) -> BudgetLine:
    line, changed = model_update(instance=line, fields=BUDGET_FIELDS, data=data)
    _check_budget_line(line)
    return save_validated(line, by=by, changed=changed)
