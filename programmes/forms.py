"""Forms of the back office. Shape of input only: the rules live in services.

`DutchDecimalField` reads amounts the way Dutch people type them
(`234.000`, `1.234,50`, `€ 12.000`) and is meant for every app's forms.
"""

import re
from decimal import Decimal, InvalidOperation

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db.models import F
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from config.digits import AsciiDigitsFormMixin, refuse_other_digits
from config.money import format_number
from config.text_limits import LONG, SHORT, TextLimitsFormMixin, limit_text
from provinces.models import Province

from . import selectors
from .models import (
    Action,
    BudgetLine,
    Decision,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    IntendedResult,
    Prestatie,
    Programme,
    ProgressNote,
    Reserve,
    ReserveMutation,
)


def _grouped(whole: str, separator: str) -> bool:
    """'234.000' grouped by '.': first group 1-3 digits, the rest exactly 3."""
    groups = whole.split(separator)
    return (
        1 <= len(groups[0]) <= 3
        and all(len(g) == 3 for g in groups[1:])
        and all(re.fullmatch("[0-9]+", g) for g in groups)
    )


def parse_dutch_decimal(text: str) -> Decimal:
    """Read a number as typed in the Netherlands; raise ValueError if unclear.

    A comma is the decimal sign and dots group thousands (`1.234,50`). A
    lone dot followed by exactly three digits is read as grouping too
    (`234.000` is two hundred and thirty-four thousand), any other lone dot
    as a decimal point (`12.5`), so amounts pasted from English sources work.
    Digits are 0-9 only (`\\d` and str.isdigit() take other scripts' too).
    """
    cleaned = re.sub(r"[\s\u00a0€]", "", str(text))
    sign = ""
    if cleaned and cleaned[0] in "+-":
        sign, cleaned = cleaned[0].replace("+", ""), cleaned[1:]
    if not cleaned or not re.fullmatch(r"[0-9.,]+", cleaned):
        raise ValueError(text)
    if "," in cleaned and "." in cleaned:
        decimal_sign = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        group_sign = "." if decimal_sign == "," else ","
    elif "," in cleaned:
        decimal_sign, group_sign = (",", ".") if cleaned.count(",") == 1 else ("", ",")
    elif "." in cleaned:
        parts = cleaned.split(".")
        if len(parts) > 2 or len(parts[1]) == 3:
            decimal_sign, group_sign = "", "."
        else:
            decimal_sign, group_sign = ".", ","
    else:
        decimal_sign, group_sign = "", ""
    if decimal_sign:
        if cleaned.count(decimal_sign) != 1:
            raise ValueError(text)
        whole, fraction = cleaned.split(decimal_sign)
    else:
        whole, fraction = cleaned, ""
    if group_sign and group_sign in whole and not _grouped(whole, group_sign):
        raise ValueError(text)
    whole = whole.replace(group_sign, "") if group_sign else whole
    if not re.fullmatch("[0-9]+", whole) or (
        fraction and not re.fullmatch("[0-9]+", fraction)
    ):
        raise ValueError(text)
    try:
        return Decimal(f"{sign}{whole}.{fraction or '0'}")
    except InvalidOperation:
        raise ValueError(text) from None


class DutchDecimalInput(forms.TextInput):
    """A text box (not type=number, which refuses '1.234,50' in browsers)."""

    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "decimal", "autocomplete": "off", **(attrs or {})}
        )

    def format_value(self, value):
        if isinstance(value, (Decimal, int, float)):
            # Dutch in every language: parse_dutch_decimal reads it back, and
            # would read an English "1,250" as one and a quarter.
            return format_number(value, language="nl")
        return super().format_value(value)


class DutchDecimalField(forms.DecimalField):
    """A decimal typed Dutch style: `234.000`, `1.234,50`, `€ 12.000`."""

    widget = DutchDecimalInput
    default_error_messages = {
        "invalid": _("Enter an amount like 234.000 or 1.234,50."),
        "max_decimal_places": _("Use at most %(max)s decimals."),
    }

    def __init__(self, *, max_digits=14, decimal_places=2, **kwargs):
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        refuse_other_digits(value)
        try:
            return parse_dutch_decimal(value)
        except ValueError:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None

    def widget_attrs(self, widget):
        # DecimalField would add step/min attributes meant for type=number.
        return forms.Field.widget_attrs(self, widget)


class DutchCountField(DutchDecimalField):
    """A count (missions, companies): a whole number, `1.000` read Dutch."""

    default_error_messages = {
        "invalid": _("Enter a whole number, e.g. 3."),
        "not_whole": _("Enter a whole number, e.g. 3; a count has no decimals."),
        "negative": _("A number cannot be negative."),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs["inputmode"] = "numeric"

    def to_python(self, value):
        number = super().to_python(value)
        if number is None:
            return None
        if number != number.to_integral():
            raise forms.ValidationError(
                self.error_messages["not_whole"], code="not_whole"
            )
        if number < 0:
            raise forms.ValidationError(
                self.error_messages["negative"], code="negative"
            )
        return number.quantize(Decimal(1))


def figure_field(indicator, label, required=True, help_text=""):
    """An amount field for money indicators, a count field for the others."""
    field_class = (
        DutchDecimalField
        if indicator is None or indicator.is_money
        else DutchCountField
    )
    return field_class(label=capfirst(label), required=required, help_text=help_text)


class ServiceModelForm(TextLimitsFormMixin, AsciiDigitsFormMixin, forms.ModelForm):
    """A ModelForm that only shapes input: the service validates the object.

    Model validation is skipped here because the service runs `full_clean`
    together with the rules that span objects; running it twice would show
    some messages twice and others not at all. Number fields take the
    digits 0-9 only (config/digits.py).
    """

    submit_label = _("Save")

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = True
        self.helper.add_input(Submit("submit", self.submit_label))
        for field in self.fields.values():
            if isinstance(field, forms.DecimalField) and not isinstance(
                field, DutchDecimalField
            ):
                raise TypeError("Use DutchDecimalField for amounts.")

    def _post_clean(self):
        pass

    def service_data(self) -> dict:
        """cleaned_data for the service; many-to-many as lists."""
        data = dict(self.cleaned_data)
        for name, value in data.items():
            if hasattr(value, "model") and hasattr(value, "all"):
                data[name] = list(value)
        return data


class ProvinceChoiceMixin:
    """Administrators choose the province; everyone else works in their own."""

    def add_province_field(self):
        if (
            self.user is not None
            and self.user.is_administrator
            and not self.instance.pk
        ):
            self.fields["province"] = forms.ModelChoiceField(
                Province.objects.all(), label=capfirst(_("province"))
            )
            self.order_fields(["province"])


YEAR = forms.NumberInput(attrs={"min": 1990, "max": 2100})


def money_field(label, required=True, help_text=""):
    return DutchDecimalField(
        label=capfirst(label), required=required, help_text=help_text
    )


class DecisionForm(ProvinceChoiceMixin, ServiceModelForm):
    url = forms.URLField(
        label=capfirst(_("link")), required=False, assume_scheme="https"
    )

    class Meta:
        model = Decision
        fields = [
            "body",
            "reference",
            "date",
            "kind",
            "amendment_number",
            "title",
            "url",
        ]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_province_field()


class ProgrammeForm(ProvinceChoiceMixin, ServiceModelForm):
    granted_amount = money_field(
        _("amount granted"),
        required=False,
        help_text=_("What the decision made available, e.g. 600.000."),
    )

    class Meta:
        model = Programme
        fields = [
            "name",
            "kind",
            "parent",
            "executing_partner",
            "start_year",
            "end_year",
            "description",
            "granted_amount",
            "decisions",
        ]
        widgets = {"start_year": YEAR, "end_year": YEAR}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = selectors.programmes_for_choice(
            user=self.user
        ).exclude(pk=self.instance.pk)
        self.fields["decisions"].queryset = selectors.decisions_for_choice(
            user=self.user
        )
        self.add_province_field()


class ReserveForm(ProvinceChoiceMixin, ServiceModelForm):
    class Meta:
        model = Reserve
        fields = ["name", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_province_field()


class PrestatieForm(ProvinceChoiceMixin, ServiceModelForm):
    class Meta:
        model = Prestatie
        fields = [
            "year",
            "code",
            "title",
            "purpose",
            "context",
            "finance_text",
            "kerntaak_code",
            "kerntaak_title",
            "doel_code",
            "doel_title",
            "role",
            "duration",
            "start_year",
            "end_year",
            "portfolio_holder",
            "relates_to_reserve",
            "reserve",
            "investment_decisions",
            "investment_explanation",
            "predecessor",
            "continuation",
        ]
        widgets = {"year": YEAR, "start_year": YEAR, "end_year": YEAR}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reserve"].queryset = selectors.reserves_for_choice(user=self.user)
        self.fields["investment_decisions"].queryset = selectors.decisions_for_choice(
            user=self.user
        )
        self.fields["predecessor"].queryset = selectors.prestaties_for_choice(
            user=self.user
        ).exclude(pk=self.instance.pk)
        self.add_province_field()


class ActionForm(ServiceModelForm):
    class Meta:
        model = Action
        fields = ["number", "text", "programmes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programmes"].queryset = selectors.programmes_for_choice(
            user=self.user
        )


class IndicatorForm(ServiceModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "accumulation", "source", "metric"]


class _FigureForm(ServiceModelForm):
    """A target or realised value: euros for money indicators, a whole
    number for counts, each with its own message."""

    value_label = ""

    def __init__(self, *args, indicator=None, **kwargs):
        super().__init__(*args, **kwargs)
        if indicator is None and self.instance.pk:
            indicator = self.instance.indicator
        self.fields["value"] = figure_field(indicator, self.value_label)
        if indicator is not None and indicator.unit:
            self.fields["value"].help_text = _("In %(unit)s.") % {
                "unit": indicator.unit
            }
        self.order_fields(self._meta.fields)


class TargetForm(_FigureForm):
    value = money_field(_("target"))
    value_label = _("target")

    class Meta:
        model = IndicatorTarget
        fields = ["year", "value"]
        widgets = {"year": YEAR}


class IndicatorValueForm(_FigureForm):
    value = money_field(_("realised"))
    value_label = _("realised")

    class Meta:
        model = IndicatorValue
        fields = ["year", "value", "note"]
        widgets = {"year": YEAR}


class ProgressNoteForm(ServiceModelForm):
    class Meta:
        model = ProgressNote
        fields = ["year", "narrative", "text"]
        widgets = {"year": YEAR, "narrative": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left out (an older client): the model's default.
        self.fields["narrative"].required = False

    def clean_narrative(self):
        return self.cleaned_data["narrative"] or ProgressNote.Narrative.OWN_WITH_FIGURES


class IntendedResultForm(ServiceModelForm):
    class Meta:
        model = IntendedResult
        fields = ["year", "position", "text", "status"]
        widgets = {"year": YEAR}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False


class BudgetLineForm(ServiceModelForm):
    planned = money_field(_("planned"))
    amended = money_field(_("after amendments"), required=False)
    realised = money_field(_("realised"), required=False)

    class Meta:
        model = BudgetLine
        fields = ["year", "planned", "amended", "realised"]
        widgets = {"year": YEAR}


class MutationForm(ServiceModelForm):
    """Propose a mutation, or enter one that GS or PS already decided."""

    amount = money_field(_("amount"))
    already_decided = forms.BooleanField(
        label=_("GS or PS has already decided this mutation"),
        required=False,
        help_text=_("Then choose the decision; the mutation counts at once."),
    )
    submit_label = _("Save mutation")

    class Meta:
        model = ReserveMutation
        fields = [
            "kind",
            "amount",
            "budget_year",
            "budget_part",
            "prestatie",
            "decision",
            "decision_basis",
            "explanation",
        ]
        widgets = {"budget_year": YEAR}

    def __init__(self, *args, reserve=None, **kwargs):
        super().__init__(*args, **kwargs)
        province_user = self.user
        self.fields["prestatie"].queryset = selectors.prestaties_for_choice(
            user=province_user
        )
        self.fields["decision"].queryset = selectors.decisions_for_choice(
            user=province_user
        )
        if reserve is not None:
            self.fields["prestatie"].queryset = self.fields[
                "prestatie"
            ].queryset.filter(province=reserve.province_id)
            self.fields["decision"].queryset = self.fields["decision"].queryset.filter(
                province=reserve.province_id
            )
        if self.instance.pk:
            del self.fields["already_decided"]
        self.fields["budget_part"].required = False

    def clean_budget_part(self):
        return (
            self.cleaned_data["budget_part"] or ReserveMutation.BudgetPart.EXPLOITATIE
        )


class DecideForm(forms.Form):
    decision = forms.ModelChoiceField(
        queryset=Decision.objects.none(), label=capfirst(_("decision"))
    )
    # Recorded with the decision ("Op basis van de spelregels … hebben wij
    # besloten"): once decided, the mutation cannot be edited any more.
    decision_basis = ReserveMutation._meta.get_field("decision_basis").formfield(
        required=False
    )

    def __init__(self, *args, user=None, mutation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = Decision.objects.filter(
            province=mutation.reserve.province_id
        ).order_by(F("date").desc(nulls_last=True), "reference")
        self.fields["decision"].initial = mutation.decision_id
        self.fields["decision_basis"].initial = mutation.decision_basis
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Record decision")))


class CounterForm(TextLimitsFormMixin, forms.Form):
    explanation = forms.CharField(
        label=_("Why is the mutation corrected?"),
        max_length=SHORT,
        widget=forms.Textarea,
    )
    decision = forms.ModelChoiceField(
        queryset=Decision.objects.none(),
        label=capfirst(_("decision")),
        required=False,
        help_text=_(
            "With a decision the counter-mutation counts at once; without, "
            "it is proposed."
        ),
    )

    def __init__(self, *args, user=None, mutation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = Decision.objects.filter(
            province=mutation.reserve.province_id
        ).order_by(F("date").desc(nulls_last=True), "reference")
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Enter counter-mutation")))


class PrestatieContinueForm(TextLimitsFormMixin, AsciiDigitsFormMixin, forms.Form):
    """The copy of a prestatie into the next year, prefilled from the old one.

    The fields a civil servant usually changes, and the new year's target
    of every indicator; everything else is copied as it is.
    """

    code = forms.CharField(label=capfirst(_("number")), max_length=20)
    title = forms.CharField(label=capfirst(_("title")), max_length=300)
    purpose = forms.CharField(
        label=capfirst(_("purpose")),
        required=False,
        max_length=LONG,
        widget=forms.Textarea,
    )
    context = forms.CharField(
        label=capfirst(_("context")),
        required=False,
        max_length=LONG,
        widget=forms.Textarea,
    )
    finance_text = forms.CharField(
        label=capfirst(_("finance explanation")),
        required=False,
        max_length=LONG,
        widget=forms.Textarea,
    )
    investment_explanation = forms.CharField(
        label=capfirst(_("investment proposal explanation")),
        required=False,
        max_length=SHORT,
        widget=forms.Textarea,
    )
    portfolio_holder = forms.CharField(
        label=capfirst(_("responsible portfolio holder")),
        max_length=150,
        required=False,
    )
    duration = forms.ChoiceField(
        label=capfirst(_("duration")), choices=Prestatie.Duration.choices
    )
    start_year = forms.IntegerField(
        label=capfirst(_("start year")), required=False, widget=YEAR
    )
    end_year = forms.IntegerField(
        label=capfirst(_("end year")), required=False, widget=YEAR
    )

    def __init__(self, *args, user=None, prestatie=None, year=None, **kwargs):
        super().__init__(*args, **kwargs)
        # It explains the investment proposals, which are carried over too;
        # "verwerkt in de Begroting 2016" stays true in 2017.
        self.fields["investment_explanation"].help_text = format_lazy(
            "{} {}",
            _(
                "Copied from %(year)s with the investment proposals: check "
                "that it still holds in %(next)s."
            )
            % {"year": prestatie.year, "next": year},
            limit_text(SHORT),
        )
        self.target_fields: dict[str, int] = {}
        for action in prestatie.actions.all():
            for indicator in action.indicators.all():
                name = f"target_{indicator.pk}"
                self.fields[name] = figure_field(
                    indicator,
                    _("%(action)s · %(indicator)s: target for %(year)s")
                    % {"action": action, "indicator": indicator, "year": year},
                    required=False,
                    help_text=_("Leave empty for no target in %(year)s.")
                    % {"year": year},
                )
                self.target_fields[name] = indicator.pk
        self.helper = FormHelper()
        self.helper.add_input(
            Submit("submit", _("Continue in %(year)s") % {"year": year})
        )

    def service_data(self) -> dict:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.target_fields
        }

    def service_targets(self) -> dict:
        return {
            pk: self.cleaned_data.get(name) for name, pk in self.target_fields.items()
        }
