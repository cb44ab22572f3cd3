from decimal import Decimal

import pytest

from programmes import demo, selectors
from programmes.models import (
    Indicator,
    IndicatorValue,
    IntendedResult,
    Prestatie,
    Programme,
    Reserve,
    ReserveMutation,
)

pytestmark = pytest.mark.django_db

MODELS = [Prestatie, Programme, Reserve, ReserveMutation, Indicator, IntendedResult]


def snapshot():
    return {m.__name__: (m.objects.count(), m.history.count()) for m in MODELS}


def test_demo_loads_twice_without_changing_anything():
    demo.load()
    first = snapshot()
    demo.load()
    assert snapshot() == first


def test_demo_has_the_overijssel_facts_of_the_seeds():
    demo.load()
    p2016 = Prestatie.objects.get(province__code="OV", year=2016, code="5.4.2")
    p2018 = Prestatie.objects.get(province__code="OV", year=2018, code="5.4.2")
    assert p2016.title == "Bevorderen van export"
    assert p2018.title == "Internationaliseren"
    assert p2018.predecessor == p2016
    assert p2016.portfolio_holder == "Eddy van Hijum"
    assert p2016.role == "faciliteerder" and p2016.duration == "structural"
    assert p2016.reserve.name == "Reserve uitvoering Kwaliteit van Overijssel"
    assert p2018.actions.count() == 5
    targets = {
        i.metric: i.targets.get(year=2016).value
        for i in Indicator.objects.filter(action__prestatie=p2016)
    }
    # "Deelnemende ondernemers" counts entrepreneurs, not the hogescholen.
    assert targets == {
        "missions_realised": Decimal("3"),
        "entrepreneurs": Decimal("30"),
    }
    china = IndicatorValue.objects.get(indicator__action__prestatie=p2018)
    assert (china.year, china.value) == (2018, Decimal("10.00"))
    go4export = Programme.objects.get(name="GO4EXPORT")
    assert go4export.parent.decisions.get().reference == "PS/2016/871"
    assert go4export.executing_partner == "Oost NL"
    assert [r.reference for r in p2016.investment_decisions.all()] == ["PS/2015/687"]

    ledger = selectors.reserve_ledger(reserve=p2016.reserve)
    withdrawals = [
        (m.amount, m.budget_year) for m in ledger.decided if m.kind == "withdrawal"
    ]
    assert withdrawals == [(Decimal("109000.00"), 2019)]
    # The seed proposes the € 234.000 ("Wij stellen u voor om …").
    proposed = ReserveMutation.objects.get(amount=Decimal("234000.00"))
    assert (proposed.status, proposed.budget_year) == ("proposed", 2017)
    assert proposed.decided_at is None
    jaarschijf = ReserveMutation.objects.get(amount=Decimal("109000.00"))
    assert jaarschijf.budget_part == "jaarschijf"
    assert jaarschijf.explanation.startswith("Het saldo van de jaarschijf 2018")
    assert p2016.finance_text.startswith("U heeft op 9 november 2016 ingestemd")
    # The seeds' texts under the investment proposal and before the decision.
    assert p2016.investment_explanation == demo.INVESTMENT_2016
    assert p2018.investment_explanation == ""
    assert jaarschijf.decision_basis == demo.BASIS_2018
    assert proposed.decision_basis == ""
    assert p2016.actions.get().progress_notes.get().narrative == "own"
    assert ledger.balance >= 0
    assert "Beginsaldo" in ledger.decided[0].explanation


def test_demo_has_limburg_and_utrecht():
    demo.load()
    mkb = Programme.objects.get(province__code="LI", name="MKB-aanpak Zuid-Limburg")
    assert mkb.granted_amount == Decimal("600000.00")
    assert mkb.executing_partner == "Ondernemend Limburg"
    utrecht = Prestatie.objects.get(province__code="UT", code="4.3.2")
    assert utrecht.intended_results.filter(year=2020).count() == 5


def test_reloading_the_demo_makes_the_entrepreneurs_indicator_count_entrepreneurs():
    """A database loaded when the indicator counted all participants gets
    the entrepreneurs metric back on the next load."""
    demo.load()
    Indicator.objects.filter(name="Deelnemende ondernemers").update(
        metric=Indicator.Metric.PARTICIPANTS
    )
    demo.load()
    metrics = set(
        Indicator.objects.filter(name="Deelnemende ondernemers").values_list(
            "metric", flat=True
        )
    )
    assert metrics == {Indicator.Metric.ENTREPRENEURS}


def test_reloading_the_demo_fills_the_texts_added_later_but_keeps_edits():
    """A database loaded before the investment explanation and the basis of
    the decision existed gets them on the next load; a text someone wrote
    since stays."""
    demo.load()
    Prestatie.objects.filter(year=2016, code="5.4.2").update(investment_explanation="")
    ReserveMutation.objects.filter(amount=Decimal("109000.00")).update(
        decision_basis="Eigen grondslag"
    )
    demo.load()
    p2016 = Prestatie.objects.get(province__code="OV", year=2016, code="5.4.2")
    assert p2016.investment_explanation == demo.INVESTMENT_2016
    mutation = ReserveMutation.objects.get(amount=Decimal("109000.00"))
    assert mutation.decision_basis == "Eigen grondslag"
