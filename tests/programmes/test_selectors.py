"""Reads: province scope, running balance, history, fixed query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes import selectors, services
from programmes.models import ReserveMutation
from tests.factories import (
    ActionFactory,
    BudgetLineFactory,
    DecisionFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    IndicatorValueFactory,
    IntendedResultFactory,
    PrestatieFactory,
    ProgrammeFactory,
    ProgressNoteFactory,
    ReserveFactory,
    ReserveMutationFactory,
)

pytestmark = pytest.mark.django_db


def build_prestatie(province, actions=1, reserve=None):
    prestatie = PrestatieFactory(province=province, reserve=reserve)
    prestatie.investment_decisions.add(DecisionFactory(province=province))
    programme = ProgrammeFactory(province=province)
    for _ in range(actions):
        action = ActionFactory(prestatie=prestatie)
        action.programmes.add(programme)
        indicator = IndicatorFactory(action=action)
        IndicatorTargetFactory(indicator=indicator)
        IndicatorValueFactory(indicator=indicator)
        ProgressNoteFactory(action=action)
    IntendedResultFactory(prestatie=prestatie)
    BudgetLineFactory(prestatie=prestatie)
    reserve = reserve or ReserveFactory(province=province)
    ReserveMutationFactory(
        reserve=reserve, prestatie=prestatie, decided=True, addition=True
    )
    return prestatie


def count_queries(func):
    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


def test_prestatie_page_runs_the_same_queries_for_more_data(overijssel, civil_servant):
    small = build_prestatie(overijssel, actions=1)
    large = build_prestatie(overijssel, actions=6)

    def read(pk):
        def run():
            prestatie = selectors.prestatie_page_queryset(user=civil_servant).get(pk=pk)
            for action in prestatie.actions.all():
                list(action.programmes.all())
                for indicator in action.indicators.all():
                    list(indicator.targets.all())
                    list(indicator.values.all())
                for note in action.progress_notes.all():
                    str(note.author)
            list(prestatie.intended_results.all())
            list(prestatie.budget_lines.all())
            for mutation in prestatie.reserve_mutations.all():
                str(mutation.reserve)
                str(mutation.decision)
            list(prestatie.investment_decisions.all())
            list(prestatie.successors.all())

        return run

    civil_servant.roles  # noqa: B018 - read once, as a request does
    assert count_queries(read(small.pk)) == count_queries(read(large.pk))


def test_prestatie_page_hides_another_province(overijssel, limburg, civil_servant):
    other = build_prestatie(limburg)
    assert not selectors.prestatie_page_queryset(user=civil_servant).filter(pk=other.pk)


def test_administrator_sees_every_province(overijssel, limburg, administrator):
    PrestatieFactory(province=overijssel)
    PrestatieFactory(province=limburg)
    assert selectors.prestatie_list(user=administrator).count() == 2


def test_prestatie_list_filters_on_year_and_programme(overijssel, civil_servant):
    programme = ProgrammeFactory(province=overijssel)
    linked = PrestatieFactory(province=overijssel, year=2018)
    ActionFactory(prestatie=linked).programmes.add(programme)
    PrestatieFactory(province=overijssel, year=2016)
    assert list(selectors.prestatie_list(user=civil_servant, year=2018)) == [linked]
    assert list(
        selectors.prestatie_list(user=civil_servant, programme=programme.pk)
    ) == [linked]


def test_reserve_ledger_has_a_running_balance_in_order_of_deciding(
    overijssel, civil_servant
):
    reserve = ReserveFactory(province=overijssel)
    decision = DecisionFactory(province=overijssel)
    for kind, amount in [
        ("addition", "500000"),
        ("withdrawal", "234000"),
        ("withdrawal", "109000"),
    ]:
        services.reserve_mutation_record_decided(
            reserve=reserve,
            kind=kind,
            amount=Decimal(amount),
            budget_year=2017,
            decision=decision,
            by=civil_servant,
        )
    services.reserve_mutation_propose(
        reserve=reserve,
        kind="withdrawal",
        amount=Decimal("1000"),
        budget_year=2020,
        by=civil_servant,
    )
    ledger = selectors.reserve_ledger(reserve=reserve)
    assert [m.balance_after for m in ledger.decided] == [
        Decimal("500000.00"),
        Decimal("266000.00"),
        Decimal("157000.00"),
    ]
    assert ledger.balance == Decimal("157000.00")
    assert [m.amount for m in ledger.proposed] == [Decimal("1000.00")]
    assert ledger.balance_after_proposals == Decimal("156000.00")


def test_reserve_list_sums_in_sql(overijssel, limburg, civil_servant):
    reserve = ReserveFactory(province=overijssel)
    ReserveMutationFactory(
        reserve=reserve, decided=True, addition=True, amount=Decimal("100")
    )
    ReserveMutationFactory(reserve=reserve, decided=True, amount=Decimal("30"))
    ReserveMutationFactory(reserve=reserve, amount=Decimal("20"))
    ReserveFactory(province=limburg)
    [row] = selectors.reserve_list(user=civil_servant)
    assert row.decided_additions - row.decided_withdrawals == Decimal("70.00")
    assert row.proposed_withdrawals == Decimal("20.00")


@pytest.mark.parametrize(
    "selector",
    [
        selectors.prestatie_list,
        selectors.action_list,
        selectors.indicator_list,
        selectors.value_list,
        selectors.note_list,
        selectors.result_list,
        selectors.budget_line_list,
        selectors.mutation_list,
    ],
)
def test_lists_cost_the_same_queries_for_more_rows(overijssel, civil_servant, selector):
    def read():
        for row in selector(user=civil_servant):
            str(row)

    build_prestatie(overijssel)
    civil_servant.roles  # noqa: B018 - read once, as a request does
    small = count_queries(read)
    for _ in range(3):
        build_prestatie(overijssel, actions=2)
    assert count_queries(read) == small


def test_history_shows_who_and_old_and_new_values(overijssel, civil_servant):
    reserve = ReserveFactory(province=overijssel)
    prestatie = services.prestatie_create(
        province=overijssel,
        year=2016,
        code="5.4.2",
        title="Bevorderen van export",
        by=civil_servant,
    )
    services.prestatie_update(
        prestatie=prestatie,
        data={
            "title": "Internationaliseren",
            "relates_to_reserve": True,
            "reserve": reserve,
            "role": "regisseur",
        },
        by=civil_servant,
    )
    latest, created = selectors.object_history(prestatie)
    assert created.kind == "Aangemaakt"
    assert latest.who == civil_servant
    changes = {c.label: (c.old, c.new) for c in latest.changes}
    assert changes["titel"] == ("Bevorderen van export", "Internationaliseren")
    assert changes["reserve"] == ("–", reserve.name)
    assert changes["rol provincie"] == ("faciliteerder", "regisseur")
    assert changes["relatie met een reserve"] == ("Nee", "Ja")


def test_history_costs_the_same_queries_however_long(overijssel, civil_servant):
    mutation = ReserveMutationFactory(reserve__province=overijssel, addition=True)
    before = count_queries(lambda: selectors.object_history(mutation))
    for amount in ["2", "3", "4"]:
        services.reserve_mutation_update(
            mutation=mutation, data={"amount": Decimal(amount)}, by=civil_servant
        )
    assert count_queries(lambda: selectors.object_history(mutation)) == before
    assert ReserveMutation.history.count() == 4


def test_history_reports_changed_links(overijssel, civil_servant):
    action = ActionFactory(prestatie__province=overijssel)
    programme = ProgrammeFactory(province=overijssel)
    services.action_update(
        action=action, data={"programmes": [programme]}, by=civil_servant
    )
    latest = selectors.object_history(action)[0]
    assert latest.who == civil_servant
    assert [(c.old, c.new) for c in latest.changes] == [("–", str(programme))]


def test_saving_the_same_links_again_is_no_change(overijssel, civil_servant):
    action = ActionFactory(prestatie__province=overijssel)
    programme = ProgrammeFactory(province=overijssel)
    for _ in range(2):
        services.action_update(
            action=action, data={"programmes": [programme]}, by=civil_servant
        )
    assert len(selectors.object_history(action)) == 2
