"""Filters of the public mission calendar."""

import django_filters
from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import Mission, Theme


def _month_choices():
    from datetime import date

    from django.utils import timezone

    today = timezone.localdate()
    choices = []
    for offset in range(18):
        index = today.month - 1 + offset
        month = date(today.year + index // 12, index % 12 + 1, 1)
        choices.append(
            (month.strftime("%Y-%m"), formats.date_format(month, "YEAR_MONTH_FORMAT"))
        )
    return choices


class MissionCalendarFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=lambda: list(countries), empty_label=_("All")
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All"),
    )
    month = django_filters.ChoiceFilter(
        label=_("Month"),
        choices=_month_choices,
        method="filter_month",
        empty_label=_("All"),
    )

    class Meta:
        model = Mission
        fields = ["country", "theme", "month"]
        form = forms.Form

    def filter_month(self, queryset, name, value):
        year, month = (int(part) for part in value.split("-"))
        # A mission belongs to every month it runs in.
        return queryset.filter(
            start_date__lt=_first_of_next(year, month),
            end_date__gte=f"{year:04d}-{month:02d}-01",
        )


def _first_of_next(year: int, month: int) -> str:
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return f"{year:04d}-{month:02d}-01"
