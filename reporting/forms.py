from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import Prestatie, Programme
from provinces.models import Province

from .models import ReportRun
from .services import FIRST_YEAR


class ReportRequestForm(forms.Form):
    """Year and scope of a report; the service checks the combination."""

    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.none(), required=False
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    scope = forms.ChoiceField(
        label=_("Scope"),
        choices=ReportRun.Scope.choices,
        initial=ReportRun.Scope.PROVINCE,
        widget=forms.RadioSelect,
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        required=False,
        help_text=_("Only when the scope is a programme."),
    )
    prestatie = forms.ModelChoiceField(
        label=_("Prestatie"),
        queryset=Prestatie.objects.none(),
        required=False,
        help_text=_("Only when the scope is a prestatie: choose one of the year."),
    )
    language = forms.ChoiceField(
        label=_("Language of the report"), choices=settings.LANGUAGES, initial="nl"
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [
            (year, str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
        ]
        self.fields["year"].initial = this_year - 1
        self.user = user
        if user.province_id:
            del self.fields["province"]
            province_id = user.province_id
            self.fields["programme"].queryset = Programme.objects.filter(
                province_id=province_id
            )
            self.fields["prestatie"].queryset = Prestatie.objects.filter(
                province_id=province_id
            ).order_by("-year", "code")
        else:
            # An administrator without a province chooses one.
            self.fields["province"].queryset = Province.objects.all()
            self.fields["province"].required = True
            self.fields["programme"].queryset = Programme.objects.select_related(
                "province"
            )
            self.fields["prestatie"].queryset = Prestatie.objects.order_by(
                "province", "-year", "code"
            )
        self.fields["prestatie"].widget.choices = self._prestatie_options()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("submit", _("Request report")))

    def _prestatie_options(self) -> list:
        """The prestaties grouped by year (and province for administrators),
        read as plain values: a province with many years of prestaties makes
        a long list, which model instances made slow to render."""
        groups: dict[str, list] = {}
        rows = self.fields["prestatie"].queryset.values_list(
            "pk", "code", "title", "year", "province__code"
        )
        for pk, code, title, year, province_code in rows:
            group = (
                str(year)
                if "province" not in self.fields
                else (f"{province_code} {year}")
            )
            groups.setdefault(group, []).append((pk, f"{code} {title}"))
        return [("", "---------"), *groups.items()]

    def clean(self):
        data = super().clean()
        scope = data.get("scope")
        if scope == ReportRun.Scope.PROGRAMME and not data.get("programme"):
            self.add_error("programme", _("Choose the programme of the report."))
        if scope == ReportRun.Scope.PRESTATIE and not data.get("prestatie"):
            self.add_error("prestatie", _("Choose the prestatie of the report."))
        return data

    @property
    def chosen_province(self):
        return self.user.province or self.cleaned_data.get("province")


class ReadyWithinForm(forms.Form):
    """`?ready_within=30`: only the reports ready in the last days (the home
    page's count of reports ready links here)."""

    ready_within = forms.IntegerField(
        label=_("Ready in the last (days)"),
        min_value=1,
        max_value=366,
        required=False,
    )
