"""The figures of a province's year, in one place, for reports and dashboards.

Usage::

    from reporting.figures import Status, figures_for

    figures = figures_for(province=province, year=2016)            # whole province
    figures = figures_for(province=province, year=2016, programme=programme)
    figures = figures_for(province=province, year=2016, prestatie=prestatie)
    figures.totals.participants                # 52
    figures.spread["country"][0].label         # "Duitsland" (active language)
    for p in figures.prestaties:
        for action in p.actions:
            for i in action.indicators:
                i.target, i.realised, i.status  # Decimal, Decimal, Status.*
    figures.to_dict()                          # freeze with DjangoJSONEncoder

What a Figures holds (see types.py): ``totals`` (Totals), ``results_by_moment``
(MomentResults per measurement moment), ``missions`` (MissionFigure per
realised mission, in date order), ``spread`` (SpreadRow lists under
"country", "theme", "sector", "sme_class", "organisation_kind", largest
first), ``prestaties`` (PrestatieFigure with ActionFigure and
IndicatorFigure, budget and basic information), ``mutations``
(MutationFigure), ``budget_lines`` (BudgetFigure), ``reserves``
(ReserveFigure: begin balance, decided and proposed mutations, end balance
over the report's budget years) and ``programmes`` (ProgrammeFigure: the
programmes running in the year with their decisions and amount granted,
printed even when no prestatie exists) and ``support`` (SupportFigure: the
information desk's questions received, answered and answered in time, the
advisory tracks started and finished and the plans delivered, over the
whole province; see support.py). Labels (country,
theme, SME class, kind) come in the active language; wrap the call in
``translation.override()`` for another. ``as_of`` (a date) fixes the day the
status is judged on; it defaults to today.

``figures_for(province=..., year=...)`` (optionally with ``programme=`` or
``prestatie=``) returns a :class:`Figures`: plain dataclasses holding only
str, int, bool, None, Decimal, lists and dicts, so ``figures.to_dict()`` can be
frozen as JSON (``DjangoJSONEncoder``) in a report run. All counting happens
in SQL; the number of queries is fixed whatever the size of the data
(``tests/reporting/test_figures.py`` proves it).

How the figures are counted (see also the docstring of missions/models.py):

- Only *realised* missions count: status ``completed``. A mission belongs to
  the year its ``start_date`` falls in.
- *Participants* are the seats of ``attended`` registrations; *unique
  organisations* and *first-time exporters* are distinct organisations of
  those registrations.
- *Own-province share*: the percentage of participants (seats) whose
  organisation lies in the province that ran the mission.
- *Leads, deals, meetings, export turnover* use, per registration, its latest
  measurement (12 months, else 6 months, else right after): later
  measurements include the earlier ones, so summing moments would count a
  deal twice. ``results_by_moment`` gives each moment on its own.
- *Satisfaction* is the average mark (1–10) over the same latest
  measurements that have a mark, rounded to one decimal.
- Money and percentages are Decimals with two and one decimal places.

Scope:

- whole province: missions of the province; prestaties of the province for
  the year;
- programme: missions of the programme or a programme that is part of it, or
  linked to an action of the programme; prestaties with an action of the
  programme;
- prestatie: missions linked to one of its actions; that prestatie.

A computed indicator counts the missions linked to *its own action*; one
of the desk's or the tracks' metrics counts the whole province. An
annual indicator counts the year; a cumulative one every year up to and
including the year. An entered indicator takes the value a civil servant
entered for the year.

Status of an indicator (``Status``), judged on ``as_of`` (default today):

- ``achieved``: realised is at least the target;
- ``on_track``: the year is not over yet and realised is at least the share
  of the target that matches the part of the year that has passed
  (target × days passed / days in the year);
- ``behind``: otherwise;
- ``no_target``: no target for the year; ``no_value``: an entered indicator
  without a realised value for the year.

Reserve mutations of the year are those of a prestatie in scope (or of the
same prestatie in the next year, which it continues) with a budget year of
the report year or the next one: a report over 2016 proposes what moves into
the exploitatie of 2017.
"""

from .queries import figures_for, indicator_status
from .types import (
    ActionFigure,
    BudgetFigure,
    Figures,
    IndicatorFigure,
    MissionFigure,
    MomentResults,
    MutationFigure,
    PrestatieFigure,
    ProgrammeFigure,
    ReserveFigure,
    ScopeKind,
    SpreadRow,
    Status,
    Totals,
)

__all__ = [
    "ActionFigure",
    "BudgetFigure",
    "Figures",
    "IndicatorFigure",
    "MissionFigure",
    "MomentResults",
    "MutationFigure",
    "PrestatieFigure",
    "ProgrammeFigure",
    "ReserveFigure",
    "ScopeKind",
    "SpreadRow",
    "Status",
    "Totals",
    "figures_for",
    "indicator_status",
]
