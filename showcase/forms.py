"""Input shapes of the showcase pages; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.text_limits import SHORT, TextLimitsFormMixin
from participants.models import Organisation

from .models import ExportStory, PublicProfile
from .services import ADVISER_KINDS, MESSAGE_MAX_LENGTH, PROFILE_FIELDS


class ProfileForm(TextLimitsFormMixin, forms.ModelForm):
    publish = forms.BooleanField(
        label=_("Show this profile in the exporters' showcase"),
        required=False,
        help_text=_(
            "Anyone can then read the description, themes, markets, "
            "experience, stories and the missions you took part in. Your "
            "contact details are never shown."
        ),
    )

    class Meta:
        model = PublicProfile
        fields = ["publish", "description", "themes", *PROFILE_FIELDS[1:]]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "experience": forms.Textarea(attrs={"rows": 4}),
            "helps_with": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple(),
            "export_markets": forms.SelectMultiple(attrs={"size": 8}),
            "target_markets": forms.SelectMultiple(attrs={"size": 8}),
        }
        labels = {"themes": _("Themes")}
        help_texts = {
            "export_markets": _("Hold Ctrl (or Cmd) to choose more than one."),
            "target_markets": _("Hold Ctrl (or Cmd) to choose more than one."),
        }

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish"].initial = self.instance.is_published
        if organisation.kind not in ADVISER_KINDS:
            del self.fields["helps_with"]

    def _post_clean(self):
        # The services validate the model; the form only shapes the input.
        pass


class StoryForm(TextLimitsFormMixin, forms.ModelForm):
    class Meta:
        model = ExportStory
        fields = ["title", "body", "photo", "photo_alt"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "body": _("A few paragraphs; leave an empty line between paragraphs.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"

    def _post_clean(self):
        pass


class ContactRequestForm(TextLimitsFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=None, empty_label=None
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Who you are and what you would like to talk about. Your contact "
            "details are shared only if the other side accepts."
        ),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = organisations[0].pk


class HideForm(TextLimitsFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=SHORT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The organisation receives this reason by e-mail."),
    )
