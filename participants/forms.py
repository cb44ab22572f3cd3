"""Input shapes for organisation profiles; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.digits import AsciiDigitsFormMixin

from .models import ContactPerson, Organisation
from .services import PROFILE_FIELDS


class OrganisationForm(AsciiDigitsFormMixin, forms.ModelForm):
    """The profile an SME user fills in; the KvK number only when new."""

    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["kvk_number", *PROFILE_FIELDS]
        help_texts = {
            "kvk_number": _(
                "8 digits. If your organisation is already known, you ask its admin to "
                "let you act for it."
            ),
            "postcode": _("Like 1234 AB."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["kvk_number"]
        else:
            # A known number is not an error here: the user joins it.
            self.fields["kvk_number"].validators = []
        for name in ("province", "kind"):
            self.fields[name].required = name == "kind"

    def validate_unique(self):
        """Uniqueness of the KvK number is handled by joining, not refusing."""

    def _post_clean(self):
        # The services clean and validate the model; the form only shapes.
        pass


class ContactPersonForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "email", "phone", "role", "consent_future_missions"]
