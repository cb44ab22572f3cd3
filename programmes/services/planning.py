"""Writes for decisions, programmes, reserves and prestaties.

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

from config.services import model_update
from programmes.models import Decision, IndicatorTarget, Prestatie, Programme, Reserve
from provinces.models import Province

from ._common import (
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
    "finance_text",
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
    "investment_explanation",
    "predecessor",
    "continuation",
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
    decision, changed = model_update(
        instance=decision, fields=DECISION_FIELDS, data=data
    )
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
    programme, changed = model_update(
        instance=programme, fields=PROGRAMME_FIELDS, data=data
    )
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
    reserve, changed = model_update(instance=reserve, fields=RESERVE_FIELDS, data=data)
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
    model_update(instance=prestatie, fields=PRESTATIE_FIELDS, data=fields)
    _check_prestatie(prestatie, decisions)
    save_validated(prestatie, by=by)
    if decisions:
        prestatie.investment_decisions.set(decisions)
    return prestatie


@transaction.atomic
def prestatie_update(*, prestatie: Prestatie, data: Mapping[str, Any], by) -> Prestatie:
    data = dict(data)
    decisions = data.pop("investment_decisions", None)
    prestatie, changed = model_update(
        instance=prestatie, fields=PRESTATIE_FIELDS, data=data
    )
    _check_prestatie(prestatie, decisions or [])
    save_validated(prestatie, by=by, changed=changed)
    if decisions is not None:
        prestatie._history_user = by
        prestatie.investment_decisions.set(decisions)
    return prestatie
