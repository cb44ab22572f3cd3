"""The reserve ledger: proposing, deciding and correcting mutations.

The ledger is append-only. A proposed mutation may still be changed or
withdrawn; once decided it is never changed or deleted, and a mistake is
corrected by a counter-mutation of the opposite kind that points at it.

A reserve's decided balance never goes below zero. Deciding a withdrawal
locks the reserve row first (`select_for_update`), so two civil servants
deciding at the same moment are served one after the other and the second
sees the first one's withdrawal.
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, DecimalField, F, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from config.money import format_euro
from config.services import model_update
from programmes.models import Decision, Prestatie, Reserve, ReserveMutation

from ._common import check_money, check_year, save_validated

Kind = ReserveMutation.Kind
Status = ReserveMutation.Status
ZERO = Decimal("0.00")
MUTATION_FIELDS = (
    "prestatie",
    "kind",
    "amount",
    "budget_year",
    "budget_part",
    "decision",
    "decision_basis",
    "explanation",
)

SIGNED_AMOUNT = Case(
    When(kind=Kind.ADDITION, then=F("amount")),
    default=-F("amount"),
    output_field=DecimalField(max_digits=14, decimal_places=2),
)


def reserve_decided_balance(*, reserve_id: int) -> Decimal:
    """Additions minus withdrawals of the decided mutations, in SQL."""
    result = ReserveMutation.objects.filter(
        reserve_id=reserve_id, status=Status.DECIDED
    ).aggregate(
        balance=Coalesce(
            Sum(SIGNED_AMOUNT),
            Value(ZERO),
            output_field=DecimalField(max_digits=14, decimal_places=2),
        )
    )
    return result["balance"]


def _overdraw_error(reserve: Reserve, available: Decimal, requested: Decimal):
    return ValidationError(
        _(
            "Insufficient balance in %(reserve)s: available %(available)s, "
            "requested %(requested)s"
        )
        % {
            "reserve": reserve.name,
            "available": format_euro(available),
            "requested": format_euro(requested),
        },
        code="overdraw",
    )


def _check_mutation(mutation: ReserveMutation) -> None:
    mutation.amount = check_money(mutation.amount, "amount")
    # The basis opens the report's sentence ("Op basis van … hebben wij
    # besloten"): a trailing comma, colon or full stop would print before
    # the verb.
    mutation.decision_basis = (mutation.decision_basis or "").strip().rstrip(",;:. ")
    check_year(mutation.budget_year, "budget_year")
    reserve = mutation.reserve
    if mutation.prestatie_id:
        prestatie = mutation.prestatie
        if prestatie.province_id != reserve.province_id:
            raise ValidationError(
                {"prestatie": _("Choose a prestatie of the reserve's province.")}
            )
    if mutation.decision_id and mutation.decision.province_id != reserve.province_id:
        raise ValidationError(
            {"decision": _("Choose a decision of the reserve's province.")}
        )


def _check_not_overdrawn(reserve: Reserve, mutation: ReserveMutation) -> None:
    if mutation.kind != Kind.WITHDRAWAL:
        return
    available = reserve_decided_balance(reserve_id=reserve.pk)
    if mutation.amount > available:
        raise _overdraw_error(reserve, available, mutation.amount)


@transaction.atomic
def reserve_mutation_propose(
    *,
    reserve: Reserve,
    kind: str,
    amount: Decimal,
    budget_year: int,
    by,
    prestatie: Prestatie | None = None,
    decision: Decision | None = None,
    explanation: str = "",
    budget_part: str = ReserveMutation.BudgetPart.EXPLOITATIE,
    decision_basis: str = "",
) -> ReserveMutation:
    """Propose a withdrawal or addition; it counts once it is decided.

    A withdrawal larger than the decided balance is refused already here,
    so the person learns it before the proposal goes to GS or PS; deciding
    checks again under the lock.
    """
    mutation = ReserveMutation(
        reserve=reserve,
        prestatie=prestatie,
        kind=kind,
        amount=amount,
        budget_year=budget_year,
        budget_part=budget_part,
        decision=decision,
        decision_basis=decision_basis,
        explanation=explanation,
        status=Status.PROPOSED,
        created_by=by,
    )
    _check_mutation(mutation)
    _check_not_overdrawn(reserve, mutation)
    return save_validated(mutation, by=by)


def _refuse_if_decided(mutation: ReserveMutation) -> None:
    if mutation.status == Status.DECIDED:
        raise ValidationError(
            _(
                "This mutation has been decided and cannot be changed. "
                "Correct it with a counter-mutation."
            ),
            code="decided",
        )


@transaction.atomic
def reserve_mutation_update(
    *, mutation: ReserveMutation, data: Mapping[str, Any], by
) -> ReserveMutation:
    """Change a proposal; a decided mutation is refused."""
    mutation = ReserveMutation.objects.select_for_update().get(pk=mutation.pk)
    _refuse_if_decided(mutation)
    mutation, changed = model_update(
        instance=mutation, fields=MUTATION_FIELDS, data=data
    )
    _check_mutation(mutation)
    _check_not_overdrawn(mutation.reserve, mutation)
    return save_validated(mutation, by=by, changed=changed)


@transaction.atomic
def reserve_mutation_delete(*, mutation: ReserveMutation, by) -> None:
    """Withdraw a proposal that will not be decided; decided ones stay."""
    mutation = ReserveMutation.objects.select_for_update().get(pk=mutation.pk)
    _refuse_if_decided(mutation)
    mutation._history_user = by
    mutation.delete()


@transaction.atomic
def reserve_mutation_decide(
    *,
    mutation: ReserveMutation,
    decision: Decision | None = None,
    by,
    decision_basis: str | None = None,
) -> ReserveMutation:
    """Record that GS or PS decided the mutation; from now on it counts.

    `decision_basis` ("Op basis van de spelregels …") replaces the one
    proposed; None keeps it. Locks the reserve, then the mutation, so the
    balance read below cannot change before this transaction commits.
    """
    reserve = Reserve.objects.select_for_update().get(pk=mutation.reserve_id)
    mutation = ReserveMutation.objects.select_for_update().get(pk=mutation.pk)
    _refuse_if_decided(mutation)
    if decision is not None:
        mutation.decision = decision
    if decision_basis is not None:
        mutation.decision_basis = decision_basis
    if mutation.decision_id is None:
        raise ValidationError(
            {
                "decision": _(
                    "Choose the decision of GS or PS that decided this mutation."
                )
            }
        )
    mutation.reserve = reserve
    _check_mutation(mutation)
    _check_not_overdrawn(reserve, mutation)
    mutation.status = Status.DECIDED
    mutation.decided_by = by
    mutation.decided_at = timezone.now()
    return save_validated(mutation, by=by)


@transaction.atomic
def reserve_mutation_record_decided(
    *,
    reserve: Reserve,
    kind: str,
    amount: Decimal,
    budget_year: int,
    decision: Decision,
    by,
    prestatie: Prestatie | None = None,
    explanation: str = "",
    budget_part: str = ReserveMutation.BudgetPart.EXPLOITATIE,
    decision_basis: str = "",
) -> ReserveMutation:
    """Enter a mutation that GS or PS already decided: propose and decide."""
    mutation = reserve_mutation_propose(
        reserve=reserve,
        kind=kind,
        amount=amount,
        budget_year=budget_year,
        budget_part=budget_part,
        prestatie=prestatie,
        decision=decision,
        decision_basis=decision_basis,
        explanation=explanation,
        by=by,
    )
    return reserve_mutation_decide(mutation=mutation, by=by)


@transaction.atomic
def reserve_mutation_counter(
    *,
    mutation: ReserveMutation,
    explanation: str,
    by,
    decision: Decision | None = None,
) -> ReserveMutation:
    """Correct a decided mutation with one of the opposite kind.

    Same reserve, prestatie, amount and budget year. With a decision it is
    decided at once (and a counter-withdrawal may not overdraw); without,
    it is proposed and decided later like any other mutation.
    """
    Reserve.objects.select_for_update().get(pk=mutation.reserve_id)
    original = ReserveMutation.objects.select_for_update().get(pk=mutation.pk)
    if original.status != Status.DECIDED:
        raise ValidationError(
            _(
                "Only a decided mutation is corrected by a counter-mutation; "
                "change or withdraw this proposal instead."
            ),
            code="not_decided",
        )
    if ReserveMutation.objects.filter(corrects=original).exists():
        raise ValidationError(
            _("This mutation already has a counter-mutation."),
            code="already_corrected",
        )
    if not explanation.strip():
        raise ValidationError({"explanation": _("Say why the mutation is corrected.")})
    counter = ReserveMutation(
        reserve=original.reserve,
        prestatie=original.prestatie,
        kind=Kind.ADDITION if original.kind == Kind.WITHDRAWAL else Kind.WITHDRAWAL,
        amount=original.amount,
        budget_year=original.budget_year,
        budget_part=original.budget_part,
        decision=decision,
        explanation=explanation,
        corrects=original,
        status=Status.PROPOSED,
        created_by=by,
    )
    _check_mutation(counter)
    save_validated(counter, by=by)
    if decision is not None:
        counter = reserve_mutation_decide(mutation=counter, by=by)
    return counter
