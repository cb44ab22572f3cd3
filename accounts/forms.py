"""Forms of the accounts app.

SignupForm is the base of allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS),
so it must not import allauth.account.forms.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User
from .roles import PARTNER_ROLES, PROVINCE_ROLES, Role

# First and last name together fit User.name (150).
NAME_MAX_LENGTH = 70


class SignupForm(forms.Form):
    """First and last name before allauth's e-mail address and passwords."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("With prefixes such as “van der”."),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def signup(self, request, user):
        """Called by allauth after the user is saved; the adapter already
        stored the name (AccountAdapter.save_user)."""


def full_name(first_name: str, last_name: str) -> str:
    """The full name ("Anna van der Berg") from its parts, single-spaced."""
    return " ".join(" ".join((first_name or "", last_name or "")).split())


class RoleChoiceField(forms.ModelMultipleChoiceField):
    """The role groups under their translated names, not `civil_servant`."""

    def label_from_instance(self, obj):
        return role_label(obj.name)


def role_label(name: str) -> str:
    """The translated name of a role, or the group's own name for a group
    that is not one of the portal's roles."""
    try:
        return str(Role(name).label)
    except ValueError:
        return name


class UserInviteForm(forms.ModelForm):
    """An administrator adds a person: no password, an invitation instead."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = User
        fields = ["email", "name", "language", "province", "partner"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("A user with this e-mail address already exists.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        role, province = cleaned.get("role"), cleaned.get("province")
        if role in PROVINCE_ROLES and province is None:
            self.add_error(
                "province",
                _("A civil servant or portfolio holder needs a province."),
            )
        if role in PARTNER_ROLES and cleaned.get("partner") is None:
            self.add_error(
                "partner",
                _("Implementing partner staff need a partner organisation."),
            )
        return cleaned


class DigestPreferenceForm(forms.Form):
    daily_digest = forms.BooleanField(
        label=_("E-mail me this list every morning when something waits"),
        required=False,
    )
