from decimal import Decimal

import pytest

from programmes.forms import DutchDecimalField, parse_dutch_decimal


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("234.000", "234000"),
        ("1.234,50", "1234.50"),
        ("1234,5", "1234.5"),
        ("€ 12.000", "12000"),
        ("€\u00a012.000,00", "12000.00"),
        ("1.234.567", "1234567"),
        ("12.5", "12.5"),
        ("1,234.50", "1234.50"),
        ("600000", "600000"),
        (" 30 ", "30"),
        ("-5", "-5"),
        ("0,05", "0.05"),
    ],
)
def test_dutch_number_input_is_read_as_meant(typed, expected):
    assert parse_dutch_decimal(typed) == Decimal(expected)


@pytest.mark.parametrize(
    "typed", ["", "abc", "1.23.4", "12,34,5", "1,2,3.4", "1.2,3,4", "€", "1e5", "--1"]
)
def test_unclear_numbers_are_refused(typed):
    with pytest.raises(ValueError):
        parse_dutch_decimal(typed)


def test_field_gives_dutch_messages():
    field = DutchDecimalField()
    assert field.clean("1.234,50") == Decimal("1234.50")
    with pytest.raises(Exception) as excinfo:
        field.clean("twaalf")
    assert "234.000" in str(excinfo.value)
    with pytest.raises(Exception) as excinfo:
        field.clean("1,234")
    # '1,234' is 1 euro and 234 thousandths: too many decimals.
    assert "2" in str(excinfo.value)


def test_field_shows_amounts_dutch_style():
    field = DutchDecimalField()
    assert field.widget.format_value(Decimal("234000.00")) == "234.000"
    assert field.widget.format_value(Decimal("1234.5")) == "1.234,50"
    assert 'inputmode="decimal"' in field.widget.render("a", Decimal("1"))
