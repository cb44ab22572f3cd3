"""The shapes of the figures: plain data, frozen as JSON in report runs."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from .support import SupportFigure

ZERO = Decimal("0")


class Status:
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_TARGET = "no_target"
    NO_VALUE = "no_value"


class ScopeKind:
    PROVINCE = "province"
    PROGRAMME = "programme"
    PRESTATIE = "prestatie"


# --- the dataclasses ------------------------------------------------------


@dataclass
class Totals:
    """The computed figures over all realised missions in scope."""

    missions_realised: int = 0
    missions_outgoing: int = 0
    missions_incoming: int = 0
    participants: int = 0
    unique_organisations: int = 0
    first_time_exporters: int = 0
    own_province_participants: int = 0
    own_province_share: Decimal | None = None
    meetings: int = 0
    leads: int = 0
    deals: int = 0
    expected_export_turnover: Decimal = ZERO
    export_turnover: Decimal = ZERO
    satisfaction: Decimal | None = None
    satisfaction_responses: int = 0
    # Counted apart (issue 16, item 4): seats of companies ("ondernemers"),
    # and per other kind of organisation (education, ...) how many took part.
    entrepreneurs: int = 0
    other_organisations: dict[str, int] = field(default_factory=dict)
    # How complete the results are: attended registrations, those with at
    # least one measurement, and those measured 6 or 12 months after.
    participations: int = 0
    results_reported: int = 0
    results_later: int = 0


@dataclass
class MomentResults:
    moment: str
    responses: int
    meetings: int
    leads: int
    deals: int
    expected_export_turnover: Decimal
    export_turnover: Decimal
    satisfaction: Decimal | None


@dataclass
class MissionFigure:
    id: int
    title: str
    direction: str
    country: str
    country_name: str
    region: str
    event: str
    themes: list[dict]
    start_date: str
    end_date: str
    leader: str
    highlights: str
    action_id: int | None
    programme_id: int | None
    participants: int
    organisations: int
    organisation_kinds: list[str] = field(default_factory=list)


@dataclass
class SpreadRow:
    """Participation in one group: a country, theme, sector, ..."""

    key: str
    label: str
    missions: int
    participants: int
    organisations: int


@dataclass
class IndicatorFigure:
    id: int
    name: str
    unit: str
    source: str
    metric: str
    accumulation: str
    target: Decimal | None
    realised: Decimal | None
    status: str
    note: str = ""


@dataclass
class ActionFigure:
    id: int
    number: int
    text: str
    programme_ids: list[int]
    indicators: list[IndicatorFigure]
    progress_notes: list[str]
    mission_ids: list[int]
    participants: int
    organisations: int
    leads: int = 0
    deals: int = 0
    export_turnover: Decimal = ZERO
    # What the report prints (ProgressNote.Narrative); no note: generated.
    narrative: str = "generated"
    # As in Totals, for the action's missions of the year.
    entrepreneurs: int = 0
    other_organisations: dict[str, int] = field(default_factory=dict)
    expected_export_turnover: Decimal = ZERO
    participations: int = 0
    results_reported: int = 0
    results_later: int = 0


@dataclass
class MutationFigure:
    id: int
    kind: str
    status: str
    amount: Decimal
    budget_year: int
    reserve: str
    prestatie_id: int | None
    prestatie_code: str
    decision_body: str
    decision_reference: str
    decision_title: str
    decision_date: str
    explanation: str
    budget_part: str = "exploitatie"
    decision_kind: str = ""
    decision_url: str = ""
    reserve_id: int | None = None
    # "Op basis van de spelregels van …": opens the report's sentence.
    decision_basis: str = ""


@dataclass
class ReserveFigure:
    """One reserve over the report's budget years (the year and the next):
    the decided balance before them, the decided and proposed mutations in
    them (signed: additions plus, withdrawals minus) and the balances after."""

    id: int
    name: str
    begin: Decimal
    decided: Decimal
    proposed: Decimal
    end: Decimal
    end_with_proposed: Decimal


@dataclass
class ProgrammeFigure:
    """A programme or workplan running in the year, with its decisions and
    the amount granted: printed even when no prestatie refers to it."""

    id: int
    name: str
    kind: str
    parent: str
    executing_partner: str
    description: str
    start_year: int
    end_year: int | None
    granted_amount: Decimal | None
    decisions: list[dict]


@dataclass
class BudgetFigure:
    prestatie_id: int
    year: int
    planned: Decimal
    amended: Decimal | None
    current: Decimal
    realised: Decimal | None
    remaining: Decimal | None


@dataclass
class PrestatieFigure:
    id: int
    code: str
    title: str
    purpose: str
    context: str
    kerntaak: str
    doel: str
    role: str
    duration: str
    start_year: int | None
    end_year: int | None
    portfolio_holder: str
    relates_to_reserve: bool
    reserve: str
    investment_decisions: list[dict]
    intended_results: list[dict]
    actions: list[ActionFigure]
    mutation_ids: list[int]
    budget: BudgetFigure | None
    kerntaak_code: str = ""
    kerntaak_title: str = ""
    doel_code: str = ""
    doel_title: str = ""
    finance_text: str = ""
    reserve_ids: list[int] = field(default_factory=list)
    # Basisinformatie: the text under the investment proposal.
    investment_explanation: str = ""


@dataclass
class Figures:
    province: dict
    year: int
    scope: dict
    as_of: str
    totals: Totals
    results_by_moment: list[MomentResults]
    missions: list[MissionFigure]
    spread: dict[str, list[SpreadRow]]
    prestaties: list[PrestatieFigure]
    mutations: list[MutationFigure]
    budget_lines: list[BudgetFigure] = field(default_factory=list)
    reserves: list[ReserveFigure] = field(default_factory=list)
    programmes: list[ProgrammeFigure] = field(default_factory=list)
    # The information desk and the advisory tracks (issue 18, item 4).
    support: SupportFigure = field(default_factory=SupportFigure)

    def to_dict(self) -> dict:
        """Primitives and Decimals only: freeze with DjangoJSONEncoder."""
        return asdict(self)


# --- helpers --------------------------------------------------------------
