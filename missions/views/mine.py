"""/mijn/: an SME's organisation, its registrations and its results."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.permissions import SmeRequiredMixin
from config.forms import add_service_errors
from participants.forms import ContactPersonForm, OrganisationForm
from participants.kvk import kvk_client, kvk_prefill
from participants.models import ContactPerson
from participants.selectors import membership_requests_of_user
from participants.services import (
    contact_person_update,
    organisation_join,
    organisation_update,
    organisations_of_user,
)

from .. import selectors, services
from ..forms import MissionResultForm
from ..models import MissionResult, Registration
from ..personal_data import personal_data_export
from ..services.registrations import OPEN_STATUSES


class MineIndexView(SmeRequiredMixin, TemplateView):
    template_name = "missions/mine_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = list(selectors.registrations_of_user(user=self.request.user))
        for registration in registrations:
            registration.can_withdraw = (
                registration.status in OPEN_STATUSES
                and registration.mission.status
                in (
                    registration.mission.Status.PUBLISHED,
                    registration.mission.Status.CLOSED,
                )
            )
            done = {result.moment for result in registration.results.all()}
            registration.moments_due = [
                (moment, MissionResult.Moment(moment).label, moment in done)
                for moment in services.result_moments_due(registration)
            ]
        # Withdrawn and rejected ones are history: folded away on the page.
        closed = (Registration.Status.WITHDRAWN, Registration.Status.REJECTED)
        context["registrations"] = [r for r in registrations if r.status not in closed]
        context["closed_registrations"] = [
            r for r in registrations if r.status in closed
        ]
        context["organisations"] = organisations_of_user(self.request.user)
        context["membership_requests"] = membership_requests_of_user(
            user=self.request.user
        )
        return context


class OrganisationProfileView(SmeRequiredMixin, FormView):
    """Fill in the organisation's profile; a known KvK number joins it."""

    template_name = "missions/organisation_form.html"
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


class OwnRegistrationMixin(SmeRequiredMixin):
    """A registration of the user's own organisation; any other is a 404."""

    def get_registration(self) -> Registration:
        return get_object_or_404(
            selectors.registrations_of_user(user=self.request.user),
            pk=self.kwargs["pk"],
        )


class RegistrationWithdrawView(OwnRegistrationMixin, TemplateView):
    template_name = "missions/registration_withdraw.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(registration=self.get_registration(), **kwargs)

    def post(self, request, *args, **kwargs):
        registration = self.get_registration()
        try:
            services.registration_withdraw(registration=registration, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(
            request,
            _("You have withdrawn from %(mission)s.")
            % {"mission": registration.mission},
        )
        return redirect("mine:index")


class ResultFormView(OwnRegistrationMixin, FormView):
    """The results form of one moment, open once it is due."""

    template_name = "missions/result_form.html"
    form_class = MissionResultForm

    def dispatch(self, request, *args, **kwargs):
        if kwargs["moment"] not in MissionResult.Moment.values:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def setup_objects(self):
        self.registration = self.get_registration()
        self.moment = self.kwargs["moment"]
        if self.moment not in services.result_moments_due(self.registration):
            raise Http404

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": selectors.result_for(self.registration, self.moment),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            registration=self.registration,
            moment_label=MissionResult.Moment(self.moment).label,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.mission_result_save(
                registration=self.registration,
                moment=self.moment,
                by=self.request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you: your results have been saved."))
        return self.get_success_redirect()

    def get_success_redirect(self):
        return redirect("mine:index")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ContactDetailsView(SmeRequiredMixin, FormView):
    """The user's own details as contact person of one organisation,
    including the separate consent to hear about future missions."""

    template_name = "missions/contact_form.html"
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


class PersonalDataView(SmeRequiredMixin, View):
    """AVG: download everything about yourself and your organisations."""

    def get(self, request, *args, **kwargs):
        data = personal_data_export(user=request.user)
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
        return response
