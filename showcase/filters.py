"""Filters of the exporters' showcase."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from participants.models import Organisation

from .models import PublicProfile, Theme
from .selectors import ADVISER_KINDS, COMPANY_KINDS, showcase_profiles

# The province model through the foreign key: the showcase imports no
# programmes (see STYLE.md).
Province = Organisation._meta.get_field("province").related_model


def _market_choices():
    """Only countries some public profile names, by name."""
    codes = set()
    for export, target in showcase_profiles().values_list(
        "export_markets", "target_markets"
    ):
        for value in (export, target):
            codes.update(code for code in (value or "").split(",") if code)
    return sorted(
        ((code, name) for code, name in countries if code in codes),
        key=lambda choice: str(choice[1]),
    )


class ShowcaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    market = django_filters.ChoiceFilter(
        label=_("Market"),
        choices=_market_choices,
        method="filter_market",
        empty_label=_("All"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All"),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Province"),
        field_name="organisation__province",
        queryset=Province.objects.order_by("name"),
        to_field_name="code",
        empty_label=_("All"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=[("company", _("Company")), ("adviser", _("Adviser or partner"))],
        method="filter_kind",
        empty_label=_("All"),
    )

    class Meta:
        model = PublicProfile
        fields = ["q", "market", "theme", "region", "kind"]
        form = forms.Form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.form.fields.items():
            field.widget.attrs["class"] = (
                "form-control" if name == "q" else ("form-select")
            )

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(organisation__name__icontains=value)
            | Q(description__icontains=value)
            | Q(helps_with__icontains=value)
            | Q(organisation__municipality__icontains=value)
        )

    def filter_market(self, queryset, name, value):
        # Multiple countries are stored as "CN,DE": a two-letter code can
        # only match a whole code in there.
        return queryset.filter(
            Q(export_markets__contains=value) | Q(target_markets__contains=value)
        )

    def filter_kind(self, queryset, name, value):
        kinds = ADVISER_KINDS if value == "adviser" else COMPANY_KINDS
        return queryset.filter(organisation__kind__in=kinds)
