"""Reads for the programmes app: scoped to the user's province, fixed queries.

Every list and page here issues the same number of queries whatever the
amount of data: relations are joined (`select_related`) or fetched once per
relation (`prefetch_related`), and sums are computed by the database.

The reads live in one module per subject:

- `prestaties`: prestatie lists and the prestatie page;
- `planning`: programmes and decisions;
- `ledger`: reserves, their ledger and mutations;
- `actions`: actions, indicators, targets, values, notes, results, budget lines;
- `choices`: choices for forms and counts for work lists;
- `history`: the change history every app's object pages show.

This package's API is the list below: callers write `selectors.action_list`
(views, forms, reporting), so each name is imported here from its module.
A new read goes into its subject's module and, when other modules call it,
into this list.
"""

from .actions import (
    action_detail_queryset,
    action_list,
    budget_line_list,
    indicator_detail_queryset,
    indicator_list,
    note_list,
    result_list,
    target_queryset,
    value_list,
)
from .choices import (
    decisions_for_choice,
    prestaties_for_choice,
    programmes_for_choice,
    proposed_mutation_count,
    reserves_for_choice,
)
from .history import object_history
from .ledger import (
    Ledger,
    mutation_detail_queryset,
    mutation_list,
    reserve_ledger,
    reserve_list,
)
from .planning import (
    decision_detail_queryset,
    decision_list,
    programme_detail_queryset,
    programme_list,
)
from .prestaties import prestatie_list, prestatie_page_queryset

__all__ = [
    "Ledger",
    "action_detail_queryset",
    "action_list",
    "budget_line_list",
    "decision_detail_queryset",
    "decision_list",
    "decisions_for_choice",
    "indicator_detail_queryset",
    "indicator_list",
    "mutation_detail_queryset",
    "mutation_list",
    "note_list",
    "object_history",
    "prestatie_list",
    "prestatie_page_queryset",
    "prestaties_for_choice",
    "programme_detail_queryset",
    "programme_list",
    "programmes_for_choice",
    "proposed_mutation_count",
    "reserve_ledger",
    "reserve_list",
    "reserves_for_choice",
    "result_list",
    "target_queryset",
    "value_list",
]
