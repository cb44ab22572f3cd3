"""/mijn/organisatie/: the SME's organisation profile (a known KvK number
asks to join it) and the user's own details as its contact person."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView

from accounts.permissions import SmeRequiredMixin
from config.forms import add_service_errors

from ..forms import ContactPersonForm, OrganisationForm
from ..kvk import kvk_client, kvk_prefill
from ..models import ContactPerson
from ..services import (
    contact_person_update,
    organisation_join,
    organisation_update,
    organisations_of_user,
)


class OrganisationProfileView(SmeRequiredMixin, FormView):
    """Fill in the organisation's profile; a known KvK number joins it."""

    template_name = "participants/organisation_form.html"
    form_class = OrganisationForm

    def _load_organisation(self):
        # After the role check of dispatch, so a civil servant gets 403 for
        # this SME page rather than a 404 that hints at the lookup.
        own = organisations_of_user(self.request.user)
        if "pk" in self.kwargs:
            self.organisation = get_object_or_404(own, pk=self.kwargs["pk"])
        else:
            self.organisation = own.first()

    def get(self, request, *args, **kwargs):
        self._load_organisation()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self._load_organisation()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.organisation}

    def get_initial(self):
        """A new organisation's form, prefilled from the KvK register when a
        number is asked for (?kvk=) and a KVK_API_KEY is configured; when
        the register cannot help, a message and the empty form."""
        kvk = self.request.GET.get("kvk", "").strip()
        if self.organisation or not kvk or self.request.method != "GET":
            return super().get_initial()
        initial, message = kvk_prefill(kvk)
        if message:
            messages.warning(self.request, message)
        return {**super().get_initial(), "kvk_number": kvk, **initial}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organisation=self.organisation,
            kvk_lookup=not self.organisation and kvk_client() is not None,
            kvk_query=self.request.GET.get("kvk", ""),
            **kwargs,
        )

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            if self.organisation:
                organisation_update(organisation=self.organisation, **data)
                messages.success(self.request, _("The profile has been saved."))
            else:
                organisation, contact, _request = organisation_join(
                    user=self.request.user, language=get_language(), **data
                )
                if contact is not None and contact.is_admin:
                    messages.success(
                        self.request,
                        _(
                            "You now work on behalf of %(organisation)s. You are "
                            "its admin: you decide who else may act for it."
                        )
                        % {"organisation": organisation},
                    )
                elif contact is not None:
                    messages.success(
                        self.request,
                        _("You now work on behalf of %(organisation)s.")
                        % {"organisation": organisation},
                    )
                else:
                    messages.success(
                        self.request,
                        _(
                            "%(organisation)s is already registered. Your request "
                            "to act for it has been sent to its admin; until it "
                            "is approved you see nothing of the organisation."
                        )
                        % {"organisation": organisation},
                    )
                    return redirect("mine:index")
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        next_url = self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()}
        ):
            return redirect(next_url)
        return redirect("mine:index")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ContactDetailsView(SmeRequiredMixin, FormView):
    """The user's own details as contact person of one organisation,
    including the separate consent to hear about future missions."""

    template_name = "participants/contact_form.html"
    form_class = ContactPersonForm

    def get_contact(self):
        return get_object_or_404(
            ContactPerson.objects.select_related("organisation"),
            organisation_id=self.kwargs["pk"],
            user=self.request.user,
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_contact()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact=self.get_contact(), **kwargs)

    def form_valid(self, form):
        try:
            contact_person_update(
                contact=self.get_contact(), language=get_language(), **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your contact details have been saved."))
        return redirect("mine:index")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
