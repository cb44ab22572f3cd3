from decimal import Decimal

import pytest
from django.template import Context, Template

from config.money import format_euro, format_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("234000"), "€ 234.000"),
        (Decimal("234000.00"), "€ 234.000"),
        (Decimal("1234.5"), "€ 1.234,50"),
        (Decimal("0.05"), "€ 0,05"),
        (Decimal("12"), "€ 12"),
        (Decimal("1234567.891"), "€ 1.234.567,89"),
        (Decimal("-12000"), "€ -12.000"),
        (600000, "€ 600.000"),
        (Decimal("0"), "€ 0"),
    ],
)
def test_euro_is_written_dutch_style(value, expected):
    assert format_euro(value) == expected


def test_fixed_decimals_when_asked():
    assert format_number(Decimal("3"), decimals=2) == "3,00"
    assert format_number(Decimal("2.5"), decimals=0) == "3"


def test_empty_values_stay_empty():
    assert format_euro(None) == ""
    assert format_number("") == ""


def test_template_filters_format_money_and_numbers():
    html = Template("{% load money %}{{ a|euro }} | {{ b|number }}").render(
        Context({"a": Decimal("1234.50"), "b": Decimal("30")})
    )
    assert html == "€ 1.234,50 | 30"
