"""The parts of a P&C page that are not counted from missions: the
programmes running in the year with their decisions and amounts, and the
reserves the year's mutations touch. Three queries whatever the data."""

from __future__ import annotations

import datetime

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from programmes.models import Action, Programme, ReserveMutation

from .common import ZERO, _round
from .scope import _Scope
from .types import ProgrammeFigure, ReserveFigure


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""


def _decision(d) -> dict:
    return {
        "body": d.body,
        "kind": d.kind,
        "reference": d.reference,
        "title": d.title,
        "date": _iso(d.date),
        "url": d.url,
    }


def programmes_in_scope(scope: _Scope) -> list[ProgrammeFigure]:
    """Programmes and workplans running in the year: of the province, of the
    programme in scope (with its parts) or linked to the prestatie's actions.
    Two queries (the programmes with their decisions and prestaties)."""
    year = scope.year
    qs = Programme.objects.filter(province=scope.province, start_year__lte=year)
    qs = qs.filter(Q(end_year__isnull=True) | Q(end_year__gte=year))
    if scope.prestatie is not None:
        qs = qs.filter(
            pk__in=Action.objects.filter(prestatie=scope.prestatie).values("programmes")
        )
    elif scope.programme is not None:
        qs = qs.filter(Q(pk=scope.programme.pk) | Q(parent_id=scope.programme.pk))
    rows = (
        qs.select_related("parent")
        .prefetch_related("decisions")
        .order_by("parent_id", "name")
    )
    return [
        ProgrammeFigure(
            id=p.pk,
            name=p.name,
            kind=p.kind,
            parent=p.parent.name if p.parent_id else "",
            executing_partner=p.executing_partner,
            description=p.description,
            start_year=p.start_year,
            end_year=p.end_year,
            granted_amount=p.granted_amount,
            decisions=[
                _decision(d)
                for d in sorted(
                    p.decisions.all(),
                    key=lambda d: (d.date or datetime.date.max, d.reference),
                )
            ],
        )
        for p in rows
    ]


def reserves_for(scope: _Scope, reserve_ids: set[int]) -> list[ReserveFigure]:
    """Begin balance, decided and proposed mutations and end balance of each
    reserve in `reserve_ids`, over the report's budget years (the year and
    the next, as the mutations of figures_for()). The begin balance is the
    decided balance of everything before the year. One query."""
    if not reserve_ids:
        return []
    year = scope.year
    decided = Q(status=ReserveMutation.Status.DECIDED)
    proposed = Q(status=ReserveMutation.Status.PROPOSED)
    addition = Q(kind=ReserveMutation.Kind.ADDITION)
    withdrawal = Q(kind=ReserveMutation.Kind.WITHDRAWAL)
    before = Q(budget_year__lt=year)
    within = Q(budget_year__in=(year, year + 1))

    def total(condition: Q):
        return Coalesce(Sum("amount", filter=condition), ZERO)

    rows = (
        ReserveMutation.objects.filter(reserve_id__in=reserve_ids)
        .values("reserve_id", "reserve__name")
        .annotate(
            begin_in=total(decided & before & addition),
            begin_out=total(decided & before & withdrawal),
            decided_in=total(decided & within & addition),
            decided_out=total(decided & within & withdrawal),
            proposed_in=total(proposed & within & addition),
            proposed_out=total(proposed & within & withdrawal),
        )
        .order_by("reserve__name", "reserve_id")
    )
    figures = []
    for row in rows:
        begin = _round(row["begin_in"] - row["begin_out"])
        decided_sum = _round(row["decided_in"] - row["decided_out"])
        proposed_sum = _round(row["proposed_in"] - row["proposed_out"])
        figures.append(
            ReserveFigure(
                id=row["reserve_id"],
                name=row["reserve__name"],
                begin=begin,
                decided=decided_sum,
                proposed=proposed_sum,
                end=begin + decided_sum,
                end_with_proposed=begin + decided_sum + proposed_sum,
            )
        )
    return figures
