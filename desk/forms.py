"""Forms of the information desk: asking, and the desk's three actions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.text_limits import SHORT, TextLimitsFormMixin
from provinces.models import Province

from .models import Question


class QuestionForm(TextLimitsFormMixin, forms.Form):
    """A question; visitors (not logged in) also leave a name and address."""

    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.order_by("name"),
        help_text=_("The desk of this province answers your question."),
        error_messages={"invalid_choice": _("Choose one of the provinces.")},
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=Question.Topic.choices)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(
        label=_("Your question"),
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Your e-mail address"))
    # A honeypot for visitors: hidden from people (and screen readers) by
    # the template, filled in by the robots that post spam to every field.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    HONEYPOT = "homepage"

    def __init__(self, *args, visitor: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not visitor:
            del self.fields["name"]
            del self.fields["email"]
            del self.fields[self.HONEYPOT]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(self.HONEYPOT):
            raise forms.ValidationError(
                _(
                    "Your question could not be sent. Remove what you typed in "
                    "the hidden field, or write to your province's team."
                ),
                code="honeypot",
            )
        return cleaned


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=None,
        error_messages={
            "invalid_choice": _("Choose someone who works on this question's desk.")
        },
    )

    def __init__(self, *args, assignees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignees


class AnswerForm(TextLimitsFormMixin, forms.Form):
    answer = forms.CharField(
        label=_("Answer"),
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The entrepreneur receives this by e-mail."),
    )


class ReferForm(TextLimitsFormMixin, forms.Form):
    referral_note = forms.CharField(
        label=_("Referral note"),
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Where you refer the entrepreneur to (an adviser, a mission, a "
            "programme); the entrepreneur receives this by e-mail."
        ),
    )


class FaqForm(TextLimitsFormMixin, forms.Form):
    """The question and answer as they will be public: rewritten without
    the asker's name, address, business or anything else personal."""

    question = forms.CharField(
        label=_("Question as published"),
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Remove names, addresses, company names and other personal data."),
    )
    answer = forms.CharField(
        label=_("Answer as published"),
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
