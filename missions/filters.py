"""Filters of the public mission calendar."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import Mission, Registration, Theme
from .selectors import (
    open_signup_q,
    results_overdue_q,
    starting_soon_q,
    to_decide_q,
)


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


def _country_choices():
    """Only the countries the calendar has missions to, by name."""
    from .selectors import calendar_countries

    codes = calendar_countries()
    return sorted(
        ((code, name) for code, name in countries if code in codes),
        key=lambda choice: str(choice[1]),
    )


class MissionCalendarFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=_country_choices, empty_label=_("All")
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
    signup_open = django_filters.BooleanFilter(
        label=_("Only open for sign-up now"),
        method="filter_signup_open",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Mission
        fields = ["country", "theme", "month", "signup_open"]
        form = forms.Form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self.form)

    def filter_signup_open(self, queryset, name, value):
        if not value:
            return queryset
        # The entrepreneur's home page counts the same missions.
        return queryset.filter(open_signup_q(now=timezone.now()))

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


class MissionBackOfficeFilter(django_filters.FilterSet):
    """Search and filters of the back office's mission list."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Mission.Status.choices, empty_label=_("All")
    )
    year = django_filters.NumberFilter(
        label=_("Year"),
        field_name="start_date__year",
        min_value=1990,
        max_value=2100,
    )
    attention = django_filters.BooleanFilter(
        label=_("Only with sign-ups to review"),
        method="filter_attention",
        widget=forms.CheckboxInput,
    )
    # The home page's work list links here with these two (and attention).
    starting_within = django_filters.NumberFilter(
        label=_("Starting within (days)"),
        method="filter_starting_within",
        min_value=0,
        max_value=366,
    )
    results_overdue = django_filters.BooleanFilter(
        label=_("Only with results overdue"),
        method="filter_results_overdue",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Mission
        fields = [
            "q",
            "status",
            "year",
            "attention",
            "starting_within",
            "results_overdue",
        ]
        form = forms.Form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self.form)

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        codes = [
            code for code, label in countries if value.lower() in str(label).lower()
        ]
        return queryset.filter(
            Q(title__icontains=value)
            | Q(region__icontains=value)
            | Q(country__in=codes)
        )

    def filter_attention(self, queryset, name, value):
        if not value:
            return queryset
        # Exists, not a join: the list's counts stay one row per mission.
        # The same sign-ups as the home page's count (selectors.to_decide_q).
        return queryset.filter(
            Exists(Registration.objects.filter(to_decide_q(), mission=OuterRef("pk")))
        )

    def filter_starting_within(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(
            starting_soon_q(today=timezone.localdate(), days=int(value))
        )

    def filter_results_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Exists(
                Registration.objects.filter(
                    results_overdue_q(today=timezone.localdate()),
                    mission=OuterRef("pk"),
                )
            )
        )


def _style(form) -> None:
    """Bootstrap classes on a filter form's widgets."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs["class"] = "form-check-input"
        elif isinstance(widget, forms.Select):
            widget.attrs["class"] = "form-select"
        else:
            widget.attrs["class"] = "form-control"
