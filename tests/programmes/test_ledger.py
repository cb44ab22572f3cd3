"""The reserve ledger: append-only, never below zero, clear messages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from programmes import services
from programmes.models import ReserveMutation
from tests.factories import (
    DecisionFactory,
    PrestatieFactory,
    ReserveFactory,
    ReserveMutationFactory,
)

pytestmark = pytest.mark.django_db

Kind = ReserveMutation.Kind
Status = ReserveMutation.Status


@pytest.fixture
def reserve(overijssel):
    return ReserveFactory(
        province=overijssel, name="Reserve uitvoering Kwaliteit van Overijssel"
    )


@pytest.fixture
def decision(overijssel):
    return DecisionFactory(province=overijssel)


def fund(reserve, amount):
    return ReserveMutationFactory(
        reserve=reserve, addition=True, decided=True, amount=Decimal(amount)
    )


def propose(reserve, by, amount, kind=Kind.WITHDRAWAL, **kwargs):
    return services.reserve_mutation_propose(
        reserve=reserve,
        kind=kind,
        amount=Decimal(amount),
        budget_year=2017,
        by=by,
        **kwargs,
    )


def balance(reserve):
    return services.reserve_decided_balance(reserve_id=reserve.pk)


def test_empty_reserve_has_zero_balance(reserve):
    assert balance(reserve) == Decimal("0")


def test_only_decided_mutations_count_in_the_balance(reserve, civil_servant):
    fund(reserve, "50000")
    ReserveMutationFactory(reserve=reserve, amount=Decimal("10000"), decided=True)
    ReserveMutationFactory(reserve=reserve, amount=Decimal("5000"))
    assert balance(reserve) == Decimal("40000.00")


def test_balance_of_one_reserve_ignores_other_reserves(reserve, overijssel):
    fund(reserve, "1000")
    fund(ReserveFactory(province=overijssel), "9999")
    assert balance(reserve) == Decimal("1000.00")


def test_proposed_withdrawal_does_not_change_the_balance(reserve, civil_servant):
    fund(reserve, "300000")
    mutation = propose(reserve, civil_servant, "234000")
    assert mutation.status == Status.PROPOSED
    assert mutation.created_by == civil_servant
    assert balance(reserve) == Decimal("300000.00")


def test_deciding_a_withdrawal_lowers_the_balance(reserve, civil_servant, decision):
    fund(reserve, "300000")
    mutation = propose(reserve, civil_servant, "234000")
    decided = services.reserve_mutation_decide(
        mutation=mutation, decision=decision, by=civil_servant
    )
    assert decided.status == Status.DECIDED
    assert decided.decided_by == civil_servant
    assert decided.decided_at is not None
    assert decided.decision == decision
    assert balance(reserve) == Decimal("66000.00")


def test_deciding_an_addition_raises_the_balance(reserve, civil_servant, decision):
    mutation = propose(reserve, civil_servant, "1234.50", kind=Kind.ADDITION)
    services.reserve_mutation_decide(
        mutation=mutation, decision=decision, by=civil_servant
    )
    assert balance(reserve) == Decimal("1234.50")


def test_overdrawing_gives_the_dutch_message_and_changes_nothing(
    reserve, civil_servant, decision
):
    fund(reserve, "32000")
    ReserveMutationFactory(reserve=reserve, amount=Decimal("20000"), decided=True)
    mutation = ReserveMutationFactory(reserve=reserve, amount=Decimal("20000"))
    with pytest.raises(ValidationError) as excinfo:
        services.reserve_mutation_decide(
            mutation=mutation, decision=decision, by=civil_servant
        )
    assert excinfo.value.messages == [
        "Onvoldoende saldo in Reserve uitvoering Kwaliteit van Overijssel: "
        "beschikbaar € 12.000, gevraagd € 20.000"
    ]
    mutation.refresh_from_db()
    assert mutation.status == Status.PROPOSED
    assert mutation.decision is None
    assert balance(reserve) == Decimal("12000.00")


def test_overdraw_message_in_english(reserve, civil_servant):
    fund(reserve, "12000")
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        propose(reserve, civil_servant, "20000.50")
    assert excinfo.value.messages == [
        "Insufficient balance in Reserve uitvoering Kwaliteit van Overijssel: "
        "available € 12.000, requested € 20.000,50"
    ]


def test_proposing_more_than_the_balance_is_refused_and_saves_nothing(
    reserve, civil_servant
):
    fund(reserve, "100")
    with pytest.raises(ValidationError, match="Onvoldoende saldo"):
        propose(reserve, civil_servant, "100.01")
    assert reserve.mutations.count() == 1


def test_withdrawing_exactly_the_balance_leaves_zero(reserve, civil_servant, decision):
    fund(reserve, "109000")
    services.reserve_mutation_record_decided(
        reserve=reserve,
        kind=Kind.WITHDRAWAL,
        amount=Decimal("109000"),
        budget_year=2019,
        decision=decision,
        by=civil_servant,
    )
    assert balance(reserve) == Decimal("0.00")


def test_balance_checked_again_when_deciding(reserve, civil_servant, decision):
    """Two proposals that each fit, but not together: the second is refused."""
    fund(reserve, "30000")
    first = propose(reserve, civil_servant, "20000")
    second = propose(reserve, civil_servant, "20000")
    services.reserve_mutation_decide(
        mutation=first, decision=decision, by=civil_servant
    )
    with pytest.raises(ValidationError, match="beschikbaar € 10.000"):
        services.reserve_mutation_decide(
            mutation=second, decision=decision, by=civil_servant
        )
    assert balance(reserve) == Decimal("10000.00")


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", "meer dan € 0"),
        ("-5", "meer dan € 0"),
        ("12.345", "twee decimalen"),
        ("abc", "Vul een bedrag"),
        ("NaN", "Vul een bedrag"),
    ],
)
def test_wrong_amounts_are_refused_with_a_clear_message(
    reserve, civil_servant, amount, message
):
    fund(reserve, "1000")
    with pytest.raises(ValidationError) as excinfo:
        services.reserve_mutation_propose(
            reserve=reserve,
            kind=Kind.ADDITION,
            amount=amount,
            budget_year=2017,
            by=civil_servant,
        )
    assert message in " ".join(excinfo.value.messages)
    assert "amount" in excinfo.value.message_dict
    assert reserve.mutations.count() == 1


def test_budget_year_out_of_range_is_refused(reserve, civil_servant):
    with pytest.raises(ValidationError) as excinfo:
        services.reserve_mutation_propose(
            reserve=reserve,
            kind=Kind.ADDITION,
            amount=Decimal("1"),
            budget_year=17,
            by=civil_servant,
        )
    assert "budget_year" in excinfo.value.message_dict


def test_deciding_needs_a_decision(reserve, civil_servant):
    mutation = propose(reserve, civil_servant, "10", kind=Kind.ADDITION)
    with pytest.raises(ValidationError) as excinfo:
        services.reserve_mutation_decide(mutation=mutation, by=civil_servant)
    assert "decision" in excinfo.value.message_dict
    mutation.refresh_from_db()
    assert mutation.status == Status.PROPOSED


def test_decision_of_another_province_is_refused(reserve, civil_servant, limburg):
    mutation = propose(reserve, civil_servant, "10", kind=Kind.ADDITION)
    with pytest.raises(ValidationError) as excinfo:
        services.reserve_mutation_decide(
            mutation=mutation,
            decision=DecisionFactory(province=limburg),
            by=civil_servant,
        )
    assert "decision" in excinfo.value.message_dict


def test_prestatie_of_another_province_is_refused(reserve, civil_servant, limburg):
    with pytest.raises(ValidationError) as excinfo:
        propose(
            reserve,
            civil_servant,
            "10",
            kind=Kind.ADDITION,
            prestatie=PrestatieFactory(province=limburg),
        )
    assert "prestatie" in excinfo.value.message_dict


def test_a_decided_mutation_cannot_be_decided_twice(reserve, civil_servant, decision):
    fund(reserve, "100")
    mutation = propose(reserve, civil_servant, "60")
    services.reserve_mutation_decide(
        mutation=mutation, decision=decision, by=civil_servant
    )
    with pytest.raises(ValidationError, match="tegenmutatie"):
        services.reserve_mutation_decide(
            mutation=mutation, decision=decision, by=civil_servant
        )
    assert balance(reserve) == Decimal("40.00")


def test_a_proposal_can_be_changed(reserve, civil_servant):
    fund(reserve, "1000")
    mutation = propose(reserve, civil_servant, "100")
    services.reserve_mutation_update(
        mutation=mutation,
        data={"amount": Decimal("200"), "explanation": "Hoger bedrag"},
        by=civil_servant,
    )
    mutation.refresh_from_db()
    assert mutation.amount == Decimal("200.00")
    assert mutation.history.first().history_user == civil_servant


def test_a_decided_mutation_is_never_changed(reserve, civil_servant):
    mutation = fund(reserve, "1000")
    with pytest.raises(ValidationError, match="tegenmutatie"):
        services.reserve_mutation_update(
            mutation=mutation, data={"amount": Decimal("1")}, by=civil_servant
        )
    mutation.refresh_from_db()
    assert mutation.amount == Decimal("1000.00")


def test_a_decided_mutation_is_never_deleted(reserve, civil_servant):
    mutation = fund(reserve, "1000")
    with pytest.raises(ValidationError):
        services.reserve_mutation_delete(mutation=mutation, by=civil_servant)
    assert ReserveMutation.objects.filter(pk=mutation.pk).exists()


def test_a_proposal_can_be_withdrawn(reserve, civil_servant):
    mutation = propose(reserve, civil_servant, "10", kind=Kind.ADDITION)
    services.reserve_mutation_delete(mutation=mutation, by=civil_servant)
    assert not ReserveMutation.objects.filter(pk=mutation.pk).exists()


def test_counter_mutation_reverses_a_decided_withdrawal(
    reserve, civil_servant, decision
):
    fund(reserve, "300000")
    wrong = services.reserve_mutation_record_decided(
        reserve=reserve,
        kind=Kind.WITHDRAWAL,
        amount=Decimal("243000"),
        budget_year=2017,
        decision=decision,
        by=civil_servant,
    )
    counter = services.reserve_mutation_counter(
        mutation=wrong,
        explanation="Bedrag verkeerd overgenomen",
        decision=decision,
        by=civil_servant,
    )
    assert counter.kind == Kind.ADDITION
    assert counter.amount == wrong.amount
    assert counter.budget_year == wrong.budget_year
    assert counter.corrects == wrong
    assert counter.status == Status.DECIDED
    assert balance(reserve) == Decimal("300000.00")
    wrong.refresh_from_db()
    assert wrong.status == Status.DECIDED
    assert wrong.amount == Decimal("243000.00")


def test_counter_mutation_without_decision_is_only_proposed(reserve, civil_servant):
    original = fund(reserve, "500")
    counter = services.reserve_mutation_counter(
        mutation=original, explanation="Dubbel ingevoerd", by=civil_servant
    )
    assert counter.kind == Kind.WITHDRAWAL
    assert counter.status == Status.PROPOSED
    assert balance(reserve) == Decimal("500.00")


def test_counter_of_an_addition_may_not_overdraw(reserve, civil_servant, decision):
    addition = fund(reserve, "500")
    ReserveMutationFactory(reserve=reserve, amount=Decimal("400"), decided=True)
    with pytest.raises(ValidationError, match="beschikbaar € 100, gevraagd € 500"):
        services.reserve_mutation_counter(
            mutation=addition,
            explanation="Storting was dubbel",
            decision=decision,
            by=civil_servant,
        )
    assert not ReserveMutation.objects.filter(corrects=addition).exists()


def test_a_mutation_is_corrected_only_once(reserve, civil_servant):
    original = fund(reserve, "500")
    services.reserve_mutation_counter(
        mutation=original, explanation="Fout", by=civil_servant
    )
    with pytest.raises(ValidationError, match="al een tegenmutatie"):
        services.reserve_mutation_counter(
            mutation=original, explanation="Nog eens", by=civil_servant
        )


def test_a_proposal_is_not_countered(reserve, civil_servant):
    proposal = propose(reserve, civil_servant, "5", kind=Kind.ADDITION)
    with pytest.raises(ValidationError, match="voorstel"):
        services.reserve_mutation_counter(
            mutation=proposal, explanation="Fout", by=civil_servant
        )


def test_counter_mutation_needs_a_reason(reserve, civil_servant):
    original = fund(reserve, "500")
    with pytest.raises(ValidationError) as excinfo:
        services.reserve_mutation_counter(
            mutation=original, explanation="  ", by=civil_servant
        )
    assert "explanation" in excinfo.value.message_dict


def test_history_records_who_proposed_and_who_decided(
    reserve, civil_servant, administrator, decision
):
    fund(reserve, "100")
    mutation = propose(reserve, civil_servant, "50")
    services.reserve_mutation_decide(
        mutation=mutation, decision=decision, by=administrator
    )
    users = [h.history_user for h in mutation.history.order_by("history_id")]
    assert users == [civil_servant, administrator]


def test_raising_a_proposal_above_the_balance_is_refused(reserve, civil_servant):
    fund(reserve, "100")
    mutation = propose(reserve, civil_servant, "50")
    with pytest.raises(ValidationError, match="beschikbaar € 100, gevraagd € 150"):
        services.reserve_mutation_update(
            mutation=mutation, data={"amount": Decimal("150")}, by=civil_servant
        )
    mutation.refresh_from_db()
    assert mutation.amount == Decimal("50.00")
