"""Filters of the exporters' showcase."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import Organisation, PublicProfile, Sector

COMPANY_KINDS = (Organisation.Kind.SME, Organisation.Kind.LARGE)
ADVISER_KINDS = (Organisation.Kind.PARTNER, Organisation.Kind.ADVISER)
# The province model through the foreign key: participants imports no other
# app of ours (see STYLE.md).
Province = Organisation._meta.get_field("province").related_model


def _market_choices():
    """Only countries some public profile names, by name."""
    from .selectors import showcase_profiles

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
    sector = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="sectors",
        queryset=Sector.objects.all(),
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
        fields = ["q", "market", "sector", "region", "kind"]
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


class OrganisationBackOfficeFilter(django_filters.FilterSet):
    """Search and filters of the back office's list of organisations; the
    list it filters is already limited to what the civil servant may see."""

    q = django_filters.CharFilter(
        label=_("Name, KvK number or municipality"), method="filter_text"
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Organisation.Kind.choices, empty_label=_("All")
    )
    experience = django_filters.ChoiceFilter(
        label=_("Export experience"),
        field_name="export_experience",
        choices=Organisation.ExportExperience.choices,
        empty_label=_("All"),
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "experience"]
        form = forms.Form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            else:
                widget.attrs["class"] = "form-control"

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        digits = value.replace(" ", "").replace(".", "")
        condition = Q(name__icontains=value) | Q(municipality__icontains=value)
        if digits.isascii() and digits.isdigit():
            condition |= Q(kvk_number__startswith=digits)
        return queryset.filter(condition)
