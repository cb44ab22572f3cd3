"""The choice of province (administrators only), year and programme."""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.digits import is_ascii_number
from programmes.models import Programme
from provinces.models import Province

from ..figures.drilldown import DRILL_FIGURES, KEYED_FIGURES
from .selectors import default_year

FIRST_YEAR = 2000
FINANCE = "finance"


def year_choices():
    return [
        (y, str(y)) for y in range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1)
    ]


class FilterBoundField(BoundField):
    """A select of the filter: Bootstrap's classes, and its error message
    tied to it when it has one."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if (widget or self.field.widget).is_hidden:
            return attrs
        attrs["class"] = "form-select"
        if self.errors:
            attrs["class"] += " is-invalid"
            attrs["aria-describedby"] = f"{self.id_for_label}-error"
        return attrs


class DashboardFilterForm(forms.Form):
    bound_field_class = FilterBoundField
    # As before: the server answers an empty choice with its message.
    use_required_attribute = False

    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.order_by("name"),
        empty_label=_("Choose a province"),
        error_messages={"invalid_choice": _("Choose a province from the list.")},
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        error_messages={
            "invalid_choice": _("Choose a year from the list."),
            "required": _("Choose a year."),
        },
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        required=False,
        empty_label=_("All programmes"),
        error_messages={"invalid_choice": _("Choose a programme of the province.")},
    )

    def __init__(self, data, *, user, **kwargs):
        self.user = user
        data = data.copy()
        super().__init__(data, **kwargs)
        self.fields["year"].choices = year_choices()
        if user.is_administrator:
            province_id = data.get("province", "")
            province = Province.objects.filter(
                pk=int(province_id) if is_ascii_number(province_id) else None
            ).first()
        else:
            del self.fields["province"]
            province = user.province
        self.province = province
        if not data.get("year"):
            # Not the current year, where every card is 0 until missions
            # are completed: the last year with data.
            data["year"] = str(
                default_year(province=province)
                if province is not None
                else timezone.localdate().year - 1
            )
        self.fields["programme"].queryset = (
            Programme.objects.filter(province=province).order_by("name")
            if province is not None
            else Programme.objects.none()
        )

    def use_programme_options(self, options: list[tuple[int, str]]) -> None:
        """(id, name) of the province's programmes, when the view has them
        from its cache: the select shows these instead of reading them."""
        field = self.fields["programme"]
        field.widget.choices = [("", field.empty_label), *options]

    def hide_errors(self) -> None:
        """An administrator's first visit names no province yet: that is a
        question to answer, not a mistake to show in red."""
        self._errors = ErrorDict()
        self.cleaned_data = {}

    def programme_is_foreign(self) -> bool:
        """A programme asked for that exists, but not in the province."""
        return "programme" in self.errors and is_ascii_number(
            self.data.get("programme", "")
        )


class DrillDownForm(DashboardFilterForm):
    figure = forms.ChoiceField(
        label=_("Figure"),
        choices=[(f, f) for f in (*DRILL_FIGURES, FINANCE)],
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _("This figure has no list behind it."),
            "required": _("Say which figure to show the list of."),
        },
    )
    key = forms.CharField(required=False, max_length=150, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        figure, key = data.get("figure"), data.get("key", "")
        if figure in KEYED_FIGURES and not key:
            self.add_error("key", _("Say which row of the figure to show."))
        if figure == "action" and key and not is_ascii_number(key):
            self.add_error("key", _("Choose an action from the dashboard."))
        return data
