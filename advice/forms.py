"""Forms of the advisory tracks: applying, the desk's actions, steps,
documents, notes and the result."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from config.text_limits import SHORT, TextLimitsFormMixin

from .models import Track


class ApplyForm(TextLimitsFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        error_messages={"invalid_choice": _("Choose an organisation you act for.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind of ambition"),
        choices=Track.Kind.choices,
        widget=forms.RadioSelect,
    )
    ambition = forms.CharField(
        label=_("Your ambition"),
        max_length=200,
        help_text=_("In one sentence, e.g. 'A second production line for Germany'."),
    )
    description = forms.CharField(
        label=_("Short description"),
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Where your business stands and what you need help with."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first().pk


class _AdviserChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class AcceptForm(forms.Form):
    adviser = _AdviserChoice(
        label=_("Adviser"),
        queryset=None,
        help_text=_("Advisers with a published profile in the showcase."),
        error_messages={
            "invalid_choice": _("Choose an adviser with a published profile.")
        },
    )

    def __init__(self, *args, advisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = advisers


class DeclineForm(TextLimitsFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The entrepreneur receives this by e-mail."),
    )


class StepForm(forms.Form):
    planned_on = forms.DateField(
        label=_("Planned on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    done_on = forms.DateField(
        label=_("Done on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.docx,application/pdf,"
                "application/vnd.openxmlformats-officedocument."
                "wordprocessingml.document"
            }
        ),
    )
    is_business_plan = forms.BooleanField(
        label=_("This is the business plan"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("PDF or Word (.docx), at most %(size)s.") % {
            "size": filesizeformat(settings.UPLOAD_MAX_BYTES)
        }


class NoteForm(TextLimitsFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Note"),
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The entrepreneur, the adviser and the desk read this."),
    )


class FinishForm(TextLimitsFormMixin, forms.Form):
    plan_finished = forms.BooleanField(
        label=_("The business plan is finished"), required=False
    )
    financing_found = forms.BooleanField(
        label=_("Financing has been found"), required=False
    )
    follow_up = forms.CharField(
        label=_("Follow-up"),
        max_length=SHORT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What happens next: a mission, a loan, another programme."),
    )
