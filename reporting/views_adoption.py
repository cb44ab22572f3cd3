"""Adopting a report run (POST on its page) and the status of an actie
(/rapportages/acties/<id>/status/). Civil servants of the province write;
portfolio holders read the result in the report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView

from accounts.permissions import CivilServantRequiredMixin, province_filter
from accounts.roles import Role
from config.forms import add_service_errors
from programmes.models import Action

from .adoption import action_misses, action_status_set, report_run_adopt
from .adoption_forms import ActionStatusForm, AdoptForm
from .models import ActionStatus
from .views import ReportRunDetailView


class ReportRunAdoptView(ReportRunDetailView):
    """POST only: the form lives on the run's page."""

    allowed_roles = (Role.CIVIL_SERVANT,)
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = AdoptForm(request.POST)
        if form.is_valid():
            try:
                report_run_adopt(
                    run=self.object,
                    adopted_on=form.cleaned_data["adopted_on"],
                    reference=form.cleaned_data["adopted_reference"],
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The report is marked as adopted; it has no draft mark now."),
                )
                return redirect(self.object)
        context = self.get_context_data(adopt_form=form)
        return self.render_to_response(context, status=400)


class ActionStatusView(CivilServantRequiredMixin, FormView):
    template_name = "reporting/action_status_form.html"
    form_class = ActionStatusForm

    @cached_property
    def action(self):
        # Looked up after the role check, so a portfolio holder gets 403
        # whatever the id.
        actions = province_filter(
            Action.objects.select_related("prestatie__province"),
            self.request.user,
            "prestatie__province",
        )
        return get_object_or_404(actions, pk=self.kwargs["pk"])

    def get_initial(self):
        current = ActionStatus.objects.filter(
            action=self.action, year=self.action.prestatie.year
        ).first()
        if current is None:
            return {}
        return {"status": current.status, "explanation": current.explanation}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action"] = self.action
        context["missed"] = action_misses(self.action, self.action.prestatie.year)
        return context

    def form_valid(self, form):
        try:
            action_status_set(
                action=self.action, by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The status of the action is saved."))
        return redirect("reporting:action_status", pk=self.action.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
