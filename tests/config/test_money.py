"""The one money formatter (config.money): Dutch and English, pages and text."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from config.money import format_euro, format_number, format_percentage


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("nl", Decimal("1250"), "€ 1.250"),
        ("nl", Decimal("1234.5"), "€ 1.234,50"),
        ("nl", Decimal("-12000"), "€ -12.000"),
        ("en", Decimal("1250"), "€ 1,250"),
        ("en", Decimal("1234.5"), "€ 1,234.50"),
        ("en", Decimal("1234567.891"), "€ 1,234,567.89"),
    ],
)
def test_euro_follows_the_active_language(language, value, expected):
    with translation.override(language):
        assert format_euro(value) == expected


def test_an_explicit_language_wins_over_the_active_one():
    with translation.override("nl"):
        assert format_euro(Decimal("1250"), language="en") == "€ 1,250"
    with translation.override("en"):
        assert format_number(Decimal("1234.5"), language="nl") == "1.234,50"


def test_missing_values_and_the_space_that_does_not_break():
    assert format_euro(None) == ""
    assert format_euro("", missing="–") == "–"
    with translation.override("nl"):
        assert format_euro(Decimal("234000"), nbsp=True) == "€\u00a0234.000"


def test_percentage_in_both_languages():
    with translation.override("nl"):
        assert format_percentage("92.3") == "92,3%"
    with translation.override("en"):
        assert format_percentage("92.3") == "92.3%"
    assert format_percentage(None) == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", "€ 1.234,50 | 1.250"), ("en", "€ 1,234.50 | 1,250")],
)
def test_template_filters_follow_the_page_language(language, expected):
    template = Template("{% load money %}{{ a|euro }} | {{ b|number }}")
    with translation.override(language):
        html = template.render(Context({"a": Decimal("1234.50"), "b": 1250}))
    assert html == expected
