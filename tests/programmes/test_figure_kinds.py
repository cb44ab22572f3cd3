"""Counts and amounts are different kinds of figure, each with its message."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programmes import services
from programmes.models import Indicator
from tests.factories import ActionFactory, IndicatorFactory, PrestatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(overijssel):
    return ActionFactory(prestatie=PrestatieFactory(province=overijssel, year=2027))


@pytest.mark.parametrize(
    ("unit", "source", "metric", "money"),
    [
        ("missies", "entered", "", False),
        ("", "entered", "", False),
        ("euro", "entered", "", True),
        (" € ", "entered", "", True),
        ("", "computed", Indicator.Metric.MISSIONS_REALISED, False),
        ("", "computed", Indicator.Metric.EXPORT_TURNOVER, True),
    ],
)
def test_indicator_is_money_by_unit_or_metric(action, unit, source, metric, money):
    indicator = IndicatorFactory(action=action, unit=unit, source=source, metric=metric)
    assert indicator.is_money is money


def test_count_target_of_three_missions_is_accepted(client, civil_servant, action):
    indicator = IndicatorFactory(action=action, unit="missies")
    client.force_login(civil_servant)

    response = client.post(
        reverse("programmes:target_create", args=[indicator.pk]),
        {"year": "2027", "value": "3"},
    )

    assert response.status_code == 302
    assert indicator.targets.get().value == Decimal("3")


def test_count_target_with_decimals_gets_the_count_message(
    client, civil_servant, action
):
    indicator = IndicatorFactory(action=action, unit="missies")
    client.force_login(civil_servant)

    response = client.post(
        reverse("programmes:target_create", args=[indicator.pk]),
        {"year": "2027", "value": "2,5"},
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert "Vul een heel getal in" in body
    assert "bedrag" not in body
    assert not indicator.targets.exists()


def test_money_target_takes_dutch_amounts(client, civil_servant, action):
    indicator = IndicatorFactory(action=action, unit="euro")
    client.force_login(civil_servant)

    response = client.post(
        reverse("programmes:target_create", args=[indicator.pk]),
        {"year": "2027", "value": "1.234,50"},
    )

    assert response.status_code == 302
    assert indicator.targets.get().value == Decimal("1234.50")


def test_money_target_form_speaks_of_an_amount(client, civil_servant, action):
    indicator = IndicatorFactory(action=action, unit="euro")
    client.force_login(civil_servant)

    response = client.post(
        reverse("programmes:target_create", args=[indicator.pk]),
        {"year": "2027", "value": "drie"},
    )

    assert response.status_code == 400
    assert "Vul een bedrag in" in response.content.decode()


def test_count_value_form_on_edit_uses_the_indicator_kind(
    client, civil_servant, action
):
    indicator = IndicatorFactory(action=action, unit="bedrijven")
    entry = services.indicator_value_set(
        indicator=indicator, year=2027, value=Decimal("4"), by=civil_servant
    )
    client.force_login(civil_servant)

    form = client.get(reverse("programmes:value_update", args=[entry.pk])).context[
        "form"
    ]

    assert form.fields["value"].widget.attrs["inputmode"] == "numeric"
    assert 'value="4"' in str(form["value"])


def test_service_refuses_a_fraction_of_a_count(action, civil_servant):
    indicator = IndicatorFactory(action=action, unit="missies")

    with pytest.raises(ValidationError) as error:
        services.indicator_target_set(
            indicator=indicator, year=2027, value=Decimal("2.5"), by=civil_servant
        )

    assert "heel getal" in str(error.value)


def test_service_keeps_cents_of_a_money_target(action, civil_servant):
    indicator = IndicatorFactory(action=action, unit="euro")

    target = services.indicator_target_set(
        indicator=indicator, year=2027, value=Decimal("10.25"), by=civil_servant
    )

    assert target.value == Decimal("10.25")
