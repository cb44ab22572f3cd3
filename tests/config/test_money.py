"""The one money formatter (config.money): Dutch style on the portal in both
languages, English separators for a document written in English."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from config.money import format_euro, format_percentage
from reporting.formatting import euro as report_euro


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
def test_euro_in_the_language_asked_for(language, value, expected):
    assert format_euro(value, language=language) == expected


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pages_write_money_dutch_style_in_both_languages(language):
    template = Template("{% load money %}{{ a|euro }} | {{ b|number }}")
    with translation.override(language):
        html = template.render(Context({"a": Decimal("1234.50"), "b": 1250}))
        assert format_euro(Decimal("1250")) == "€ 1.250"
    assert html == "€ 1.234,50 | 1.250"


@pytest.mark.parametrize(
    ("language", "expected"), [("nl", "€ 1.234,50"), ("en", "€ 1,234.50")]
)
def test_a_report_writes_money_in_its_own_language(language, expected):
    with translation.override(language):
        assert report_euro("1234.5") == expected


def test_missing_values_and_the_space_that_does_not_break():
    assert format_euro(None) == ""
    assert format_euro("", missing="–") == "–"
    assert format_euro(Decimal("234000"), nbsp=True) == "€\u00a0234.000"


def test_percentage_in_both_languages():
    assert format_percentage("92.3") == "92,3%"
    assert format_percentage("92.3", language="en") == "92.3%"
    assert format_percentage(None) == ""
