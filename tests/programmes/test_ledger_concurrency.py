"""Two civil servants decide withdrawals at the same moment (PostgreSQL).

Each thread has its own database connection and transaction. The balance
read is slowed down so that, without the lock on the reserve row, both
threads would read the same balance and both withdrawals would pass.
"""

import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from programmes import services
from programmes.models import ReserveMutation
from programmes.services import ledger
from tests.factories import (
    DecisionFactory,
    ProvinceFactory,
    ReserveFactory,
    ReserveMutationFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL; SQLite locks the whole file",
    ),
]


def test_concurrent_withdrawals_never_overdraw(monkeypatch):
    province = ProvinceFactory(code="OV", name="Overijssel")
    reserve = ReserveFactory(province=province)
    decision = DecisionFactory(province=province)
    ReserveMutationFactory(
        reserve=reserve, addition=True, decided=True, amount=Decimal("30000")
    )
    withdrawals = [
        ReserveMutationFactory(reserve=reserve, amount=Decimal("20000"))
        for _ in range(2)
    ]
    users = [UserFactory(civil_servant=True, province=province) for _ in range(2)]

    real_balance = ledger.reserve_decided_balance

    def slow_balance(*, reserve_id):
        balance = real_balance(reserve_id=reserve_id)
        time.sleep(0.3)
        return balance

    monkeypatch.setattr(ledger, "reserve_decided_balance", slow_balance)

    barrier = threading.Barrier(2)
    outcomes = []

    def decide(mutation, user):
        try:
            barrier.wait()
            services.reserve_mutation_decide(
                mutation=mutation, decision=decision, by=user
            )
            outcomes.append("decided")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(mutation, user))
        for mutation, user in zip(withdrawals, users, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == [
        f"Onvoldoende saldo in {reserve.name}: beschikbaar € 10.000, gevraagd € 20.000",
        "decided",
    ]
    assert real_balance(reserve_id=reserve.pk) == Decimal("10000.00")
    assert (
        ReserveMutation.objects.filter(
            reserve=reserve, status=ReserveMutation.Status.DECIDED
        ).count()
        == 2
    )
