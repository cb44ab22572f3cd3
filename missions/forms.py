"""Input shapes of the missions pages; the rules live in the services."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from config.digits import AsciiDigitsFormMixin
from config.text_limits import LONG, SHORT, TextLimitsFormMixin
from config.uploads import FileKind, UploadValidator
from participants.services import kvk_number_clean
from programmes.forms import DutchDecimalField
from programmes.models import Action, Programme

from .models import Mission, MissionResult, Registration
from .services.missions import MISSION_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class ActionChoiceField(forms.ModelChoiceField):
    """Actions named with their year: 5.4.2 action 1 exists in every year."""

    def label_from_instance(self, obj):
        return obj.label_with_year


class MissionForm(TextLimitsFormMixin, AsciiDigitsFormMixin, forms.ModelForm):
    class Meta:
        model = Mission
        fields = [*MISSION_FIELDS[:3], "themes", *MISSION_FIELDS[3:]]
        # Amounts typed Dutch style (250.000, 1.234,50), as everywhere.
        field_classes = {
            "action": ActionChoiceField,
            "participation_fee": DutchDecimalField,
            "province_contribution_per_seat": DutchDecimalField,
        }
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "signup_opens_at": DateTimeInput(),
            "signup_closes_at": DateTimeInput(),
            "themes": forms.CheckboxSelectMultiple(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "highlights": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, province, partner_staff: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.province = province
        if partner_staff:
            # Which partner runs a mission is the province's decision.
            del self.fields["run_by"]
        else:
            from participants.models import Organisation
            from participants.selectors import mission_partner_choices

            # The partner running it stays a choice after its engagement
            # ended, so that saving other fields does not fail on it.
            self.fields["run_by"].queryset = Organisation.objects.filter(
                Q(pk__in=mission_partner_choices(province_id=province.pk).values("pk"))
                | Q(pk=self.instance.run_by_id or 0)
            ).order_by("name")
        self.fields["programme"].queryset = Programme.objects.filter(province=province)
        self.fields["action"].queryset = (
            Action.objects.filter(prestatie__province=province)
            .select_related("prestatie")
            .order_by("-prestatie__year", "prestatie__code", "number")
        )
        from accounts.models import User

        self.fields["led_by"].queryset = User.objects.filter(
            province=province, groups__name=Role.PORTFOLIO_HOLDER
        )
        for name in ("signup_opens_at", "signup_closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class SignUpForm(TextLimitsFormMixin, AsciiDigitsFormMixin, forms.Form):
    """An SME signs its own organisation up."""

    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    seats = forms.TypedChoiceField(label=_("Number of seats"), coerce=int)
    motivation = forms.CharField(
        label=_("Why do you want to take part?"),
        required=False,
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    goals = forms.CharField(
        label=_("What do you want to achieve?"),
        required=False,
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    target_markets = forms.CharField(
        label=_("Target markets"), required=False, max_length=300
    )
    first_time_exporter = forms.BooleanField(
        label=_("We have not exported before (first-time exporter)"), required=False
    )
    de_minimis_declared = forms.BooleanField(
        label=_(
            "I declare the de-minimis aid our organisation received in the last "
            "three years"
        ),
        required=True,
    )
    de_minimis_aid_received = DutchDecimalField(
        label=_("De-minimis aid received in the last three years (€)"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        initial=0,
    )

    def __init__(self, *args, mission: Mission, organisations: list, **kwargs):
        """`organisations`: the user's organisations, loaded already, so that
        choosing one costs no query."""
        super().__init__(*args, **kwargs)
        self.organisations = {
            organisation.pk: organisation for organisation in organisations
        }
        field = self.fields["organisation"]
        field.choices = [(o.pk, str(o)) for o in organisations]
        if len(organisations) == 1:
            field.widget = forms.HiddenInput()
            field.initial = organisations[0].pk
        self.fields["seats"].choices = [
            (n, str(n)) for n in range(1, mission.max_seats_per_organisation + 1)
        ]

    def clean_organisation(self):
        return self.organisations[self.cleaned_data["organisation"]]


class KvkField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return kvk_number_clean(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.message_dict["kvk_number"]) from error


class BackOfficeRegistrationForm(AsciiDigitsFormMixin, forms.Form):
    """A civil servant registers a company, found by KvK number or created."""

    kvk_number = KvkField(
        label=_("KvK number"),
        max_length=20,
        help_text=_("8 digits. A known number uses that organisation."),
    )
    name = forms.CharField(
        label=_("Name of the organisation"),
        required=False,
        max_length=200,
        help_text=_("Only needed when the organisation is new to the portal."),
    )
    seats = forms.IntegerField(label=_("Number of seats"), min_value=1, initial=1)
    contact_name = forms.CharField(
        label=_("Contact person"), required=False, max_length=150
    )
    contact_email = forms.EmailField(
        label=_("E-mail address of the contact person"), required=False
    )
    first_time_exporter = forms.BooleanField(
        label=_("First-time exporter"), required=False
    )


class RejectForm(TextLimitsFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The company reads this in the e-mail."),
    )


class BulkDecisionForm(TextLimitsFormMixin, forms.Form):
    """Several sign-ups of one mission and what to do with them."""

    action = forms.ChoiceField(
        label=_("With the selected sign-ups"),
        choices=[
            ("", _("Choose…")),
            ("accept", _("Accept")),
            ("waitlist", _("Put on the waiting list")),
            ("reject", _("Reject")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason for rejection"),
        max_length=SHORT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only when rejecting; the companies read this in the e-mail."),
    )
    registrations = forms.ModelMultipleChoiceField(
        label=_("Sign-ups"),
        queryset=Registration.objects.none(),
        error_messages={
            "required": _("Select at least one sign-up."),
            "invalid_choice": _("A selected sign-up is not one of this mission."),
            "invalid_pk_value": _("A selected sign-up is not one of this mission."),
        },
    )

    def __init__(self, *args, mission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registrations"].queryset = mission.registrations.select_related(
            "organisation"
        )

    def clean(self):
        data = super().clean()
        if data.get("action") == "reject" and not (data.get("reason") or "").strip():
            self.add_error(
                "reason",
                _("Give the reason for the rejection: the companies read it."),
            )
        return data


class MissionMessageForm(TextLimitsFormMixin, forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Text"),
        max_length=LONG,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Each participant receives this as a plain-text e-mail, with the "
            "mission's name and address below it."
        ),
    )


class MissionResultForm(TextLimitsFormMixin, AsciiDigitsFormMixin, forms.ModelForm):
    class Meta:
        model = MissionResult
        fields = [
            "meetings",
            "leads",
            "deals",
            "expected_export_turnover",
            "realised_export_turnover",
            "satisfaction",
            "remarks",
        ]
        widgets = {"remarks": forms.Textarea(attrs={"rows": 3})}
        # Euros typed Dutch style: '250.000' is two hundred and fifty thousand.
        field_classes = {
            "expected_export_turnover": DutchDecimalField,
            "realised_export_turnover": DutchDecimalField,
        }


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        help_text=_(
            "One row per organisation. Columns: KvK number, Organisation, Seats, "
            "Contact person, E-mail, Phone, First-time exporter."
        ),
        # Size (DJANGO_UPLOAD_MAX_BYTES), name and content of the file.
        validators=[UploadValidator(kinds=[FileKind.XLSX])],
    )
