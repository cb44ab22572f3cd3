"""The eHerkenning log-in (allauth's social account adapter).

Here, not in accounts: a log-in through eHerkenning makes the person a
verified member of the organisation the broker asserts, and organisations
and their members are participants' (accounts imports no participants).
The ordinary sign-up and log-in stay in accounts/adapter.py.
"""

from urllib.parse import urlsplit

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from accounts import eherkenning
from accounts.roles import Role

from .services import membership_grant_verified


def _refuse(request, message: str):
    """Stop the eHerkenning log-in: nobody is logged in or created."""
    response = render(
        request,
        "account/eherkenning_refused.html",
        {"message": message},
        status=403,
    )
    raise ImmediateHttpResponse(response)


def _grant(request, *, user, company: eherkenning.Company) -> None:
    """Make the user a verified member of the company the broker asserted."""
    contact = membership_grant_verified(
        user=user,
        kvk_number=company.kvk_number,
        vestigingsnummer=company.branch_number,
        name=company.name,
    )
    messages.success(
        request,
        _("Verified via eHerkenning: you act for %(organisation)s.")
        % {"organisation": contact.organisation.name},
    )


def _language(sociallogin) -> str:
    """The language of the page the log-in started on: the broker returns
    to one address without a language prefix."""
    path = urlsplit(sociallogin.state.get("next") or "").path
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """The only social log-in is eHerkenning (accounts/eherkenning.py).

    A log-in whose claims carry a KvK number makes the person a verified
    member of that organisation at once; without a valid KvK number it is
    refused before any account is made or logged in.
    """

    def list_apps(self, request, provider=None, client_id=None):
        # Only the broker from the environment; apps in the database (the
        # admin no longer offers them) are ignored.
        app = eherkenning.social_app()
        if app is None:
            return []
        if provider and provider not in (app.provider, app.provider_id):
            return []
        if client_id and client_id != app.client_id:
            return []
        return [app]

    def pre_social_login(self, request, sociallogin):
        super().pre_social_login(request, sociallogin)
        with translation.override(_language(sociallogin)):
            self._check_and_grant(request, sociallogin)

    def _check_and_grant(self, request, sociallogin):
        if not eherkenning.is_eherkenning(sociallogin):
            _refuse(request, _("This way of logging in is not offered."))
        claims = eherkenning.claims_of(sociallogin.account.extra_data)
        try:
            company = eherkenning.company_from_claims(claims)
        except ValidationError as error:
            _refuse(request, error.messages[0])
        # The broker vouches for the address it passes on.
        for address in sociallogin.email_addresses:
            address.verified = True
        user = None
        if sociallogin.is_existing:
            user = sociallogin.user
        elif (
            sociallogin.state.get("process") == "connect"
            and request.user.is_authenticated
        ):
            user = request.user
        if user is None:
            # A new account: the membership is granted in save_user.
            return
        if user.works_for_province or user.is_partner or user.is_administrator:
            _refuse(
                request,
                _(
                    "eHerkenning is the log-in for entrepreneurs. Staff log in "
                    "with their e-mail address, password and second factor."
                ),
            )
        self._grant_or_refuse(request, user=user, company=company)

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        claims = eherkenning.claims_of(sociallogin.account.extra_data)
        user.name = eherkenning.person_name_from_claims(claims)
        return user

    def save_user(self, request, sociallogin, form=None):
        company = eherkenning.company_from_claims(
            eherkenning.claims_of(sociallogin.account.extra_data)
        )
        with transaction.atomic(), translation.override(_language(sociallogin)):
            user = super().save_user(request, sociallogin, form=form)
            user.groups.add(Group.objects.get_or_create(name=Role.SME)[0])
            self._grant_or_refuse(request, user=user, company=company)
        return user

    def _grant_or_refuse(self, request, *, user, company) -> None:
        try:
            with transaction.atomic():
                _grant(request, user=user, company=company)
        except ValidationError as error:
            # In save_user the refusal also undoes the new account.
            _refuse(request, " ".join(error.messages))
