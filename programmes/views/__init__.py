"""Back office views: planning.py (prestaties, actions, intended results,
budget lines), indicators.py (indicators, targets, values, progress notes),
ledger.py (programmes, decisions, reserves, mutations); base.py holds access
and province scoping."""
