"""Back office views: index.py, planning.py (prestaties and below) and
ledger.py (programmes, decisions, reserves, mutations); base.py holds access
and province scoping."""
