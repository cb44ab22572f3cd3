"""Personal data of the programmes app: none to erase.

Programmes, prestaties and reserves are the province's policy, written by
civil servants about the policy; the fields below only look personal.
Registered in ``ProgrammesConfig.ready()`` (see config/personal_data.py).
"""

_POLICY_TEXT = "policy text written by civil servants about the programme"
_OFFICE_HOLDER = (
    "the name of a gedeputeerde in a public office, published in the "
    "yearly report; not a contact person or user"
)

NOT_PERSONAL = {
    "programmes.Programme.name": _POLICY_TEXT,
    "programmes.Programme.description": _POLICY_TEXT,
    "programmes.HistoricalProgramme.name": _POLICY_TEXT,
    "programmes.HistoricalProgramme.description": _POLICY_TEXT,
    "programmes.Reserve.name": _POLICY_TEXT,
    "programmes.Reserve.description": _POLICY_TEXT,
    "programmes.HistoricalReserve.name": _POLICY_TEXT,
    "programmes.HistoricalReserve.description": _POLICY_TEXT,
    "programmes.Prestatie.purpose": _POLICY_TEXT,
    "programmes.Prestatie.finance_text": _POLICY_TEXT,
    "programmes.Prestatie.investment_explanation": _POLICY_TEXT,
    "programmes.Prestatie.context": _POLICY_TEXT,
    "programmes.Prestatie.role": "the province's role, one of a fixed list",
    "programmes.Prestatie.portfolio_holder": _OFFICE_HOLDER,
    "programmes.HistoricalPrestatie.purpose": _POLICY_TEXT,
    "programmes.HistoricalPrestatie.finance_text": _POLICY_TEXT,
    "programmes.HistoricalPrestatie.investment_explanation": _POLICY_TEXT,
    "programmes.HistoricalPrestatie.context": _POLICY_TEXT,
    "programmes.HistoricalPrestatie.role": "see Prestatie.role",
    "programmes.HistoricalPrestatie.portfolio_holder": _OFFICE_HOLDER,
    "programmes.Action.text": _POLICY_TEXT,
    "programmes.HistoricalAction.text": _POLICY_TEXT,
    "programmes.Indicator.name": _POLICY_TEXT,
    "programmes.HistoricalIndicator.name": _POLICY_TEXT,
    "programmes.ProgressNote.text": _POLICY_TEXT,
    "programmes.HistoricalProgressNote.text": _POLICY_TEXT,
    "programmes.IntendedResult.text": _POLICY_TEXT,
    "programmes.HistoricalIntendedResult.text": _POLICY_TEXT,
    "programmes.ReserveMutation.explanation": _POLICY_TEXT,
    "programmes.HistoricalReserveMutation.explanation": _POLICY_TEXT,
}
