"""Filters of the back office's list of organisations."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Organisation


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
