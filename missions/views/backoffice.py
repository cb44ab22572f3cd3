"""/beheer/missies/: civil servants manage their province's missions.

Every queryset is limited to the user's province, so a mission of another
province answers 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView
from django_filters.views import FilterView

from accounts.permissions import (
    CivilServantOrPartnerRequiredMixin,
    CivilServantRequiredMixin,
)
from config.forms import add_service_errors
from participants.filters import OrganisationBackOfficeFilter
from participants.kvk import kvk_prefill
from participants.selectors import engaged_province_ids, organisation_known
from programmes.selectors.history import object_history

from .. import exports, imports, selectors, services
from ..filters import MissionBackOfficeFilter
from ..forms import (
    BackOfficeRegistrationForm,
    BulkDecisionForm,
    ImportUploadForm,
    MissionForm,
    MissionMessageForm,
    MissionResultForm,
    RejectForm,
)
from ..models import Mission, Registration
from ..services.bulk import registrations_decide
from .mine import ResultFormView
from .registration_rows import rows_context


class MissionScopedMixin(CivilServantOrPartnerRequiredMixin):
    """The mission of the URL, if the user handles it: a mission of the
    civil servant's province, or one the partner's organisation runs."""

    def missions(self):
        """Where the mission is looked up: plain rows, without figures."""
        return selectors.missions_in_scope(
            Mission.objects.select_related("province"), self.request.user
        )

    def get_mission(self) -> Mission:
        if not hasattr(self, "_mission"):
            self._mission = get_object_or_404(self.missions(), pk=self.kwargs["pk"])
        return self._mission

    def back_to_mission(self):
        return redirect("missions_backoffice:detail", pk=self.get_mission().pk)


class FilteredListView(FilterView):
    """A list with search and filters; a filter it cannot read answers 400
    with the message next to the field (and no rows)."""

    paginate_by = 50

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.filterset.is_bound and not self.filterset.is_valid():
            response.status_code = 400
        return response


class MissionListView(CivilServantOrPartnerRequiredMixin, FilteredListView):
    template_name = "missions/backoffice/mission_list.html"
    context_object_name = "missions"
    filterset_class = MissionBackOfficeFilter

    def get_queryset(self):
        return selectors.mission_backoffice_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.is_partner:
            context["partner_provinces"] = partner_mission_provinces(self.request.user)
        return context


def partner_mission_provinces(user):
    """The provinces that engage the partner staff's organisation for
    missions today: where he may create one."""
    from participants.models import Engagement
    from provinces.models import Province

    return Province.objects.filter(
        pk__in=engaged_province_ids(
            partner_id=user.partner_id, task=Engagement.Task.MISSIONS
        )
    ).order_by("name")


class OrganisationListView(CivilServantRequiredMixin, FilteredListView):
    """The organisations a civil servant may look at: those of the province
    and those that signed up for one of its missions."""

    template_name = "missions/backoffice/organisation_list.html"
    context_object_name = "organisations"
    filterset_class = OrganisationBackOfficeFilter

    def get_queryset(self):
        return selectors.organisations_for_backoffice(user=self.request.user).order_by(
            "name", "pk"
        )


class MissionDetailView(MissionScopedMixin, DetailView):
    template_name = "missions/backoffice/mission_detail.html"
    context_object_name = "mission"

    def missions(self):
        # The page's figures come with its registrations (detail_context).
        return (
            super()
            .missions()
            .select_related("programme", "action__prestatie", "run_by")
        )

    def get_object(self, queryset=None):
        return self.get_mission()

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **detail_context(
                self.request, self.object, page=self.request.GET.get("page")
            ),
        }


# A page of registrations, in the order that needs attention first: the
# page's work stays the same however many companies sign up.
REGISTRATIONS_PER_PAGE = 50


def detail_context(request, mission: Mission, page=None, bulk_form=None) -> dict:
    page_obj = selectors.mission_registrations_page(
        mission=mission, page=page, per_page=REGISTRATIONS_PER_PAGE
    )
    return {
        "mission": mission,
        "bulk_form": bulk_form or BulkDecisionForm(mission=mission),
        **rows_context(mission, page_obj.object_list),
        "registrations": page_obj.object_list,
        "page_obj": page_obj,
        "is_paginated": page_obj.has_other_pages(),
        "history": object_history(mission),
    }


def refused(request, mission_id: int, error: ValidationError):
    """The mission page again, with the reason, as a 400."""
    mission = get_object_or_404(
        selectors.mission_backoffice_list(user=request.user), pk=mission_id
    )
    messages.error(request, " ".join(error.messages))
    return TemplateResponse(
        request,
        MissionDetailView.template_name,
        detail_context(request, mission),
        status=400,
    )


class MissionFormMixin:
    template_name = "missions/backoffice/mission_form.html"
    form_class = MissionForm

    def province(self):
        return self.request.user.province

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["province"] = self.province()
        kwargs["partner_staff"] = self.request.user.is_partner
        return kwargs

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class MissionCreateView(CivilServantOrPartnerRequiredMixin, MissionFormMixin, FormView):
    """A civil servant creates a mission of his province; partner staff one
    their organisation runs, for a province that engages it (?province=
    when several do)."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user.is_partner:
            self.partner_province = self._partner_province(user)
        elif user.is_authenticated and user.province is None:
            raise PermissionDenied(_("You need a province to create missions."))
        return super().dispatch(request, *args, **kwargs)

    def _partner_province(self, user):
        provinces = list(partner_mission_provinces(user))
        if not provinces:
            raise PermissionDenied(
                _("No province engages your organisation for missions.")
            )
        wanted = self.request.GET.get("province", "")
        if not wanted and len(provinces) == 1:
            return provinces[0]
        for province in provinces:
            if str(province.pk) == wanted:
                return province
        raise PermissionDenied(
            _("Choose the province on the list of missions: several engage you.")
        )

    def province(self):
        if self.request.user.is_partner:
            return self.partner_province
        return super().province()

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            mission = services.mission_create(
                province=self.province(), by=self.request.user, **data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The mission has been saved as a draft."))
        return redirect("missions_backoffice:detail", pk=mission.pk)


class MissionUpdateView(MissionScopedMixin, MissionFormMixin, FormView):
    def province(self):
        return self.get_mission().province

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_mission()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(mission=self.get_mission(), **kwargs)

    def form_valid(self, form):
        # Only what changed: a completed mission accepts new highlights, and
        # unchanged fields must not count as attempts to edit the rest.
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        # The form already copied the input onto the instance; the service
        # starts again from the stored row.
        mission = Mission.objects.get(pk=self.get_mission().pk)
        try:
            services.mission_update(mission=mission, by=self.request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The mission has been saved."))
        return redirect("missions_backoffice:detail", pk=mission.pk)


TRANSITIONS = {
    "publish": (services.mission_publish, _("The mission has been published.")),
    "close": (services.mission_close, _("Sign-up has been closed.")),
    "complete": (services.mission_complete, _("The mission has been completed.")),
    "cancel": (services.mission_cancel, _("The mission has been cancelled.")),
}


class MissionTransitionView(MissionScopedMixin, View):
    """Publish, close, complete or cancel (POST only)."""

    def post(self, request, pk, action):
        if action not in TRANSITIONS:
            raise Http404
        service, done = TRANSITIONS[action]
        try:
            service(mission=self.get_mission(), by=request.user)
        except ValidationError as error:
            return refused(request, pk, error)
        messages.success(request, done)
        return self.back_to_mission()


class RegisterParticipantView(MissionScopedMixin, FormView):
    """Register a company on its behalf: found by KvK number, or created."""

    template_name = "missions/backoffice/register_form.html"
    form_class = BackOfficeRegistrationForm

    def get_initial(self):
        """The KvK number chosen (?kvk=); for a number new to the portal, the
        name from the KvK register when a KVK_API_KEY is configured."""
        kvk = self.request.GET.get("kvk", "").strip()
        initial = {"kvk_number": kvk}
        if kvk and self.request.method == "GET" and not organisation_known(kvk):
            prefill, message = kvk_prefill(kvk)
            if message:
                messages.warning(self.request, message)
            if prefill.get("name"):
                initial["name"] = prefill["name"]
        return initial

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "")
        return super().get_context_data(
            mission=self.get_mission(),
            query=query,
            found=selectors.organisation_search(query=query, user=self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            data = form.cleaned_data
            registration = services.organisation_register_for_mission(
                mission=self.get_mission(),
                by=self.request.user,
                kvk_number=data["kvk_number"],
                name=data["name"],
                seats=data["seats"],
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                first_time_exporter=data["first_time_exporter"],
                source=Registration.Source.BACK_OFFICE,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(organisation)s has been registered: %(status)s.")
            % {
                "organisation": registration.organisation,
                "status": registration.get_status_display().lower(),
            },
        )
        return self.back_to_mission()

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RegistrationScopedMixin(CivilServantOrPartnerRequiredMixin):
    """A registration of a mission the user handles (missions_in_scope)."""

    def get_registration(self) -> Registration:
        if not hasattr(self, "_registration"):
            self._registration = get_object_or_404(
                selectors.missions_in_scope(
                    Registration.objects.select_related("mission", "organisation"),
                    self.request.user,
                    "mission",
                ),
                pk=self.kwargs["pk"],
            )
        return self._registration

    def back_to_mission(self):
        return redirect(
            "missions_backoffice:detail", pk=self.get_registration().mission_id
        )


class RegistrationDetailView(RegistrationScopedMixin, TemplateView):
    """One registration with its contacts, results and change history."""

    template_name = "missions/backoffice/registration_detail.html"

    def get_context_data(self, **kwargs):
        registration = self.get_registration()
        return super().get_context_data(
            registration=registration,
            contacts=registration.contacts.order_by("name"),
            results=registration.results.select_related("submitted_by").order_by(
                "moment"
            ),
            history=object_history(registration),
            **kwargs,
        )


class OrganisationDetailView(CivilServantOrPartnerRequiredMixin, TemplateView):
    """An organisation as a civil servant sees it: profile, contact persons,
    registrations for missions of the own province, change history.

    Of an organisation based elsewhere (it signed up for one of the
    province's missions) only the base data, the contact persons of those
    registrations and those registrations: not its history, which holds
    what it and other provinces changed."""

    template_name = "missions/backoffice/organisation_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        organisation = get_object_or_404(
            selectors.organisations_for_backoffice(user=user), pk=self.kwargs["pk"]
        )
        home = selectors.organisation_is_home(organisation=organisation, user=user)
        return super().get_context_data(
            organisation=organisation,
            is_home=home,
            contacts=selectors.organisation_contacts_for_backoffice(
                organisation=organisation, user=user
            ),
            registrations=selectors.organisation_registrations_for_backoffice(
                organisation=organisation, user=user
            ),
            history=object_history(organisation) if home else None,
            **kwargs,
        )


class RegistrationActionView(RegistrationScopedMixin, View):
    """Accept / promote, mark attendance, withdraw (POST only)."""

    def post(self, request, pk, action):
        registration = self.get_registration()
        try:
            if action == "accept":
                services.registration_accept(registration=registration, by=request.user)
                done = _("%(organisation)s has been accepted.")
            elif action == "attended":
                services.registration_mark_attendance(
                    registration=registration, attended=True, by=request.user
                )
                done = _("%(organisation)s attended.")
            elif action == "no-show":
                services.registration_mark_attendance(
                    registration=registration, attended=False, by=request.user
                )
                done = _("%(organisation)s did not show up.")
            elif action == "withdraw":
                services.registration_withdraw(
                    registration=registration, by=request.user
                )
                done = _("%(organisation)s has been withdrawn.")
            else:
                raise Http404
        except ValidationError as error:
            return refused(request, registration.mission_id, error)
        messages.success(request, done % {"organisation": registration.organisation})
        return self.back_to_mission()


class BulkDecisionView(MissionScopedMixin, View):
    """Accept, reject or waitlist the sign-ups ticked on the mission page
    (POST only), each through its own service; a summary of what was done
    and of what was refused, and why."""

    def post(self, request, pk):
        mission = self.get_mission()
        form = BulkDecisionForm(request.POST, mission=mission)
        if not form.is_valid():
            return self.refuse(form)
        data = form.cleaned_data
        try:
            outcome = registrations_decide(
                mission=mission,
                registrations=list(data["registrations"]),
                action=data["action"],
                reason=data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.refuse(form)
        if outcome.done:
            messages.success(
                request,
                BULK_DONE[data["action"]]
                % {
                    "count": len(outcome.done),
                    "names": ", ".join(r.organisation.name for r in outcome.done),
                },
            )
        for registration, reason in outcome.refused:
            messages.warning(
                request,
                _("Not changed: %(organisation)s. %(reason)s")
                % {"organisation": registration.organisation.name, "reason": reason},
            )
        return self.back_to_mission()

    def refuse(self, form):
        """The mission page again with the form's errors, as a 400."""
        mission = get_object_or_404(
            selectors.mission_backoffice_list(user=self.request.user),
            pk=self.get_mission().pk,
        )
        return TemplateResponse(
            self.request,
            MissionDetailView.template_name,
            detail_context(self.request, mission, bulk_form=form),
            status=400,
        )


BULK_DONE = {
    "accept": _lazy("Accepted (%(count)s): %(names)s."),
    "waitlist": _lazy("Put on the waiting list (%(count)s): %(names)s."),
    "reject": _lazy("Rejected (%(count)s): %(names)s."),
}


class RegistrationRejectView(RegistrationScopedMixin, FormView):
    template_name = "missions/backoffice/reject_form.html"
    form_class = RejectForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(registration=self.get_registration(), **kwargs)

    def form_valid(self, form):
        registration = self.get_registration()
        try:
            services.registration_reject(
                registration=registration,
                by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(organisation)s has been rejected.")
            % {"organisation": registration.organisation},
        )
        return self.back_to_mission()

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class BackOfficeResultFormView(RegistrationScopedMixin, ResultFormView):
    """A civil servant records results on behalf of a participant."""

    template_name = "missions/result_form.html"
    form_class = MissionResultForm

    def get_registration(self):
        registration = super().get_registration()
        # The prefetch the shared form view reads from.
        return (
            Registration.objects.prefetch_related("results")
            .select_related("mission")
            .get(pk=registration.pk)
        )

    def get_success_redirect(self):
        return redirect("missions_backoffice:detail", pk=self.registration.mission_id)


class ParticipantExportView(MissionScopedMixin, View):
    """The participant list as XLSX or CSV."""

    def get(self, request, pk, file_format):
        mission = self.get_mission()
        participants = selectors.mission_participant_rows(mission=mission)
        if file_format == "xlsx":
            content = exports.participants_xlsx(participants)
            content_type = (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
        elif file_format == "csv":
            content = exports.participants_csv(participants)
            content_type = "text/csv; charset=utf-8"
        else:
            raise Http404
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="deelnemers-missie-{mission.pk}.{file_format}"'
        )
        return response


IMPORT_SESSION_KEY = "missions:import:{pk}"


class ParticipantImportView(MissionScopedMixin, FormView):
    """Upload → preview (nothing written) → confirm: all rows or none."""

    template_name = "missions/backoffice/import_form.html"
    form_class = ImportUploadForm

    def session_key(self):
        return IMPORT_SESSION_KEY.format(pk=self.get_mission().pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(mission=self.get_mission(), **kwargs)

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            table = imports.rows_from_xlsx(form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error)
            return self.form_invalid(form)
        report = imports.participants_import(
            mission=self.get_mission(), table=table, by=self.request.user, dry_run=True
        )
        if report.ok:
            self.request.session[self.session_key()] = table
        status = 200 if report.ok else 400
        return self.render_to_response(
            self.get_context_data(form=form, report=report), status=status
        )

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def confirm(self):
        table = self.request.session.pop(self.session_key(), None)
        if table is None:
            messages.error(self.request, _("Upload the file again, then confirm."))
            return redirect("missions_backoffice:import", pk=self.get_mission().pk)
        report = imports.participants_import(
            mission=self.get_mission(), table=table, by=self.request.user
        )
        if not report.ok:
            return self.render_to_response(
                self.get_context_data(form=self.get_form_class()(), report=report),
                status=400,
            )
        messages.success(
            self.request,
            _("%(count)s participants have been imported.")
            % {"count": len(report.outcomes)},
        )
        return self.back_to_mission()


class MissionMessageView(MissionScopedMixin, FormView):
    """E-mail all accepted and attended participants of the mission."""

    template_name = "missions/backoffice/message_form.html"
    form_class = MissionMessageForm

    def get_context_data(self, **kwargs):
        mission = self.get_mission()
        return super().get_context_data(
            mission=mission,
            recipients=selectors.mission_message_recipient_count(mission=mission),
            sent=selectors.mission_messages(mission=mission),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            message = services.mission_message_send(
                mission=self.get_mission(), by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your message “%(subject)s” is being sent to the participants.")
            % {"subject": message.subject},
        )
        return self.back_to_mission()

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
