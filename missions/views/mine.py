"""/mijn/: an SME's registrations and its results. The organisation's own
pages under /mijn/ (profile, contact details, members, the download of
one's data) are participants' (participants/views/)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from accounts.permissions import SmeRequiredMixin
from config.forms import add_service_errors
from participants.selectors import membership_requests_of_user
from participants.services import organisations_of_user

from .. import selectors, services
from ..forms import MissionResultForm
from ..models import MissionResult, Registration
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
