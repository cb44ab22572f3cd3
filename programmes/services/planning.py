"""Writes for the planning side: decisions, programmes, prestaties and below.

Every function validates the whole object (`full_clean`) and the rules that
span objects (same province, years within the prestatie's duration) before it
writes, inside one transaction, so a refused change leaves nothing behind.
"""

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from programmes.models import (
    Action,
    BudgetLine,
    Decision,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    IntendedResult,
    Prestatie,
    Programme,
    ProgressNote,
    Province,
    Reserve,
)

from ._common import (
    apply_data,
    check_money,
    check_same_province,
    check_year,
    save_validated,
)

DECISION_FIELDS = ("body", "reference", "date", "kind", "amendment_number", "title")
DECISION_FIELDS += ("url",)
PROGRAMME_FIELDS = (
    "name",
    "kind",
    "parent",
    "executing_partner",
    "start_year",
    "end_year",
    "description",
    "granted_amount",
)
RESERVE_FIELDS = ("name", "description")
PRESTATIE_FIELDS = (
    "year",
    "code",
    "title",
    "purpose",
    "context",
    "kerntaak_code",
    "kerntaak_title",
    "doel_code",
    "doel_title",
    "role",
    "duration",
    "start_year",
    "end_year",
    "portfolio_holder",
    "relates_to_reserve",
    "reserve",
    "predecessor",
    "continuation",
)
ACTION_FIELDS = ("number", "text")
INDICATOR_FIELDS = ("name", "unit", "accumulation", "source", "metric")
NOTE_FIELDS = ("year", "text")
RESULT_FIELDS = ("year", "position", "text", "status")
BUDGET_FIELDS = ("year", "planned", "amended", "realised")


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


# Decisions ---------------------------------------------------------------


@transaction.atomic
def decision_create(
    *,
    province: Province,
    body: str,
    reference: str,
    kind: str,
    title: str,
    by,
    date: datetime.date | None = None,
    amendment_number: int | None = None,
    url: str = "",
) -> Decision:
    """Record a decision of PS or GS; its reference is kept as written."""
    decision = Decision(
        province=province,
        body=body,
        reference=reference.strip(),
        date=date,
        kind=kind,
        amendment_number=amendment_number,
        title=title,
        url=url,
    )
    return save_validated(decision, by=by)


@transaction.atomic
def decision_update(*, decision: Decision, data: Mapping[str, Any], by) -> Decision:
    changed = apply_data(decision, data, DECISION_FIELDS)
    return save_validated(decision, by=by, changed=changed)


# Programmes and reserves -------------------------------------------------


def _check_programme(programme: Programme, decisions: Iterable[Decision]) -> None:
    check_year(programme.start_year, "start_year")
    check_year(programme.end_year, "end_year")
    if programme.granted_amount is not None:
        programme.granted_amount = check_money(
            programme.granted_amount, "granted_amount"
        )
    check_same_province(decisions, programme.province_id, "decisions")
    parent = programme.parent
    while parent is not None:
        if parent.pk == programme.pk:
            raise ValidationError(
                {"parent": _("A programme cannot be part of itself.")}
            )
        parent = parent.parent


@transaction.atomic
def programme_create(
    *,
    province: Province,
    name: str,
    start_year: int,
    by,
    kind: str = Programme.Kind.PROGRAMME,
    parent: Programme | None = None,
    executing_partner: str = "",
    end_year: int | None = None,
    description: str = "",
    granted_amount: Decimal | None = None,
    decisions: Iterable[Decision] = (),
) -> Programme:
    """A programme (#in) or a workplan under it (GO4EXPORT)."""
    decisions = list(decisions)
    programme = Programme(
        province=province,
        name=name,
        kind=kind,
        parent=parent,
        executing_partner=executing_partner,
        start_year=start_year,
        end_year=end_year,
        description=description,
        granted_amount=granted_amount,
    )
    _check_programme(programme, decisions)
    save_validated(programme, by=by)
    if decisions:
        programme.decisions.set(decisions)
    return programme


@transaction.atomic
def programme_update(*, programme: Programme, data: Mapping[str, Any], by) -> Programme:
    data = dict(data)
    decisions = data.pop("decisions", None)
    changed = apply_data(programme, data, PROGRAMME_FIELDS)
    _check_programme(programme, decisions or [])
    save_validated(programme, by=by, changed=changed)
    if decisions is not None:
        programme._history_user = by
        programme.decisions.set(decisions)
    return programme


@transaction.atomic
def reserve_create(
    *, province: Province, name: str, by, description: str = ""
) -> Reserve:
    """A reserve starts empty; money enters through a decided addition."""
    reserve = Reserve(province=province, name=name, description=description)
    return save_validated(reserve, by=by)


@transaction.atomic
def reserve_update(*, reserve: Reserve, data: Mapping[str, Any], by) -> Reserve:
    changed = apply_data(reserve, data, RESERVE_FIELDS)
    return save_validated(reserve, by=by, changed=changed)


# Prestaties ----------------------------------------------------------------


def _check_prestatie(prestatie: Prestatie, decisions: Iterable[Decision]) -> None:
    check_year(prestatie.year, "year")
    check_year(prestatie.start_year, "start_year")
    check_year(prestatie.end_year, "end_year")
    if prestatie.duration == Prestatie.Duration.STRUCTURAL:
        # A structural prestatie has no end; a left-over end year from an
        # earlier 'period' would silently limit its targets.
        prestatie.end_year = None
    if not prestatie.relates_to_reserve:
        prestatie.reserve = None
    check_same_province(decisions, prestatie.province_id, "investment_decisions")
    if prestatie.pk:
        outside = sorted(
            {
                year
                for year in IndicatorTarget.objects.filter(
                    indicator__action__prestatie=prestatie
                ).values_list("year", flat=True)
                if not prestatie.covers_year(year)
            }
        )
        if outside:
            raise ValidationError(
                {
                    "duration": _(
                        "Targets for %(years)s would fall outside the new "
                        "duration. Change those targets first."
                    )
                    % {"years": ", ".join(str(y) for y in outside)}
                }
            )


@transaction.atomic
def prestatie_create(
    *,
    province: Province,
    year: int,
    code: str,
    title: str,
    by,
    investment_decisions: Iterable[Decision] = (),
    **fields: Any,
) -> Prestatie:
    """A prestatie of one budget year; other fields as in PRESTATIE_FIELDS."""
    decisions = list(investment_decisions)
    prestatie = Prestatie(province=province, year=year, code=code.strip(), title=title)
    apply_data(prestatie, fields, PRESTATIE_FIELDS)
    _check_prestatie(prestatie, decisions)
    save_validated(prestatie, by=by)
    if decisions:
        prestatie.investment_decisions.set(decisions)
    return prestatie


@transaction.atomic
def prestatie_update(*, prestatie: Prestatie, data: Mapping[str, Any], by) -> Prestatie:
    data = dict(data)
    decisions = data.pop("investment_decisions", None)
    changed = apply_data(prestatie, data, PRESTATIE_FIELDS)
    _check_prestatie(prestatie, decisions or [])
    save_validated(prestatie, by=by, changed=changed)
    if decisions is not None:
        prestatie._history_user = by
        prestatie.investment_decisions.set(decisions)
    return prestatie


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
    changed = apply_data(action, data, ACTION_FIELDS)
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
    changed = apply_data(indicator, data, INDICATOR_FIELDS)
    _check_indicator(indicator)
    return save_validated(indicator, by=by, changed=changed)


def _check_figure(value: Any, field: str = "value") -> Decimal:
    """Targets and realised values: zero or more, at most two decimals."""
    return check_money(value, field, positive=False)


@transaction.atomic
def indicator_target_set(
    *, indicator: Indicator, year: int, value: Decimal, by
) -> IndicatorTarget:
    """Set the target of one year, creating or changing it."""
    prestatie = indicator.action.prestatie
    check_year_in_duration(prestatie, year)
    value = _check_figure(value)
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
    changed = apply_data(target, data, ("year", "value"))
    check_year_in_duration(target.indicator.action.prestatie, target.year)
    target.value = _check_figure(target.value)
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
    value = _check_figure(value)
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
    changed = apply_data(entry, data, ("year", "value", "note"))
    check_year_in_duration(entry.indicator.action.prestatie, entry.year)
    entry.value = _check_figure(entry.value)
    return save_validated(entry, by=by, changed=changed)


# Notes, intended results, budget lines -------------------------------------


@transaction.atomic
def progress_note_create(*, action: Action, year: int, text: str, by) -> ProgressNote:
    """'Toelichting op voortgang' of an action; the writer is its author."""
    check_year_in_duration(action.prestatie, year)
    note = ProgressNote(action=action, year=year, text=text, author=by)
    return save_validated(note, by=by)


@transaction.atomic
def progress_note_update(
    *, note: ProgressNote, data: Mapping[str, Any], by
) -> ProgressNote:
    changed = apply_data(note, data, NOTE_FIELDS)
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
    changed = apply_data(result, data, RESULT_FIELDS)
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
    changed = apply_data(line, data, BUDGET_FIELDS)
    _check_budget_line(line)
    return save_validated(line, by=by, changed=changed)
