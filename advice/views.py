"""Pages of the advisory tracks.

The entrepreneur applies and follows his tracks under /mijn/adviestrajecten/,
where the adviser (a member of the adviser organisation) finds the tracks
he is paired with; both add documents and notes there, the adviser also
plans the steps and records the result. The desk (civil servants of the
track's province, administrators) decides and pairs under
/beheer/adviestrajecten/. What a person sees comes from one place,
``selectors.tracks_for``: another province's or organisation's track is
absent (404). Portfolio holders see no tracks (403): they hold the
entrepreneur's plans; the figures are in the reports.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from accounts.permissions import (
    CivilServantOrPartnerRequiredMixin,
    RoleRequiredMixin,
    SmeRequiredMixin,
)
from accounts.roles import Role
from config.forms import add_service_errors
from participants.models import Organisation
from participants.services.organisations import organisations_of_user

from . import selectors, services
from .forms import (
    AcceptForm,
    ApplyForm,
    DeclineForm,
    DocumentForm,
    FinishForm,
    NoteForm,
    StepForm,
)
from .models import Track, TrackDocument

PAGE_SIZE = 50


def _applicable(user):
    return organisations_of_user(user).exclude(kind=Organisation.Kind.ADVISER)


class ApplyView(SmeRequiredMixin, FormView):
    template_name = "advice/apply.html"
    form_class = ApplyForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["organisations"] = _applicable(self.request.user).order_by("name")
        return kwargs

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            track = services.track_apply(
                organisation=data["organisation"],
                kind=data["kind"],
                ambition=data["ambition"],
                description=data["description"],
                language=get_language(),
                user=self.request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Thank you. The desk of your province decides on your application."),
        )
        return redirect("advice:track", pk=track.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class MineView(SmeRequiredMixin, ListView):
    template_name = "advice/mine.html"
    context_object_name = "tracks"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.own_tracks(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["may_apply"] = _applicable(self.request.user).exists()
        return context


class _TrackPage(TemplateView):
    """One track with the forms of the actions the user may take; each
    POST names its action and is handled by a service."""

    template_name = "advice/track.html"
    desk = False

    def _track(self):
        try:
            return selectors.track_detail(user=self.request.user, pk=self.kwargs["pk"])
        except Track.DoesNotExist as error:
            raise Http404 from error

    def _roles(self, track):
        user = self.request.user
        is_desk = self.desk and selectors.is_desk_of(user, track)
        is_adviser = not self.desk and selectors.is_adviser_of(user, track)
        is_entrepreneur = not self.desk and selectors.is_entrepreneur_of(user, track)
        running = track.status == Track.Status.ACTIVE
        started = track.status in (Track.Status.ACTIVE, Track.Status.FINISHED)
        applied = track.status == Track.Status.APPLIED
        return {
            "accept": is_desk and applied,
            "decline": is_desk and applied,
            "pair": is_desk and running,
            "step": (is_desk or is_adviser) and running,
            "finish": (is_desk or is_adviser) and running,
            "document": (is_adviser or is_entrepreneur) and started,
            "note": (is_adviser or is_entrepreneur) and started,
        }

    def _form(self, action, data=None, files=None):
        if action in ("accept", "pair"):
            return AcceptForm(data, prefix=action, advisers=selectors.advisers())
        forms = {
            "decline": DeclineForm,
            "finish": FinishForm,
            "document": DocumentForm,
            "note": NoteForm,
        }
        if action in forms:
            return forms[action](data, files, prefix=action)
        raise KeyError(action)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        track = self.track
        may = self._roles(track)
        bound = kwargs.get("bound", {})
        context.update(track=track, may=may, desk=self.desk)
        for action in ("accept", "decline", "pair", "finish", "document", "note"):
            if may[action]:
                context[f"{action}_form"] = bound.get(action) or self._form(action)
        steps = list(track.steps.all())
        context["steps"] = [
            (
                step,
                (
                    bound.get(f"step-{step.pk}")
                    or StepForm(
                        prefix=f"step-{step.pk}",
                        initial={
                            "planned_on": step.planned_on,
                            "done_on": step.done_on,
                        },
                    )
                )
                if may["step"]
                else None,
            )
            for step in steps
        ]
        profile = (
            getattr(track.adviser, "public_profile", None) if track.adviser else None
        )
        context["adviser_profile"] = profile if profile and profile.is_public else None
        return context

    def get(self, request, *args, **kwargs):
        self.track = self._track()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.track = self._track()
        may = self._roles(self.track)
        action = request.POST.get("action", "")
        step = None
        if action.startswith("step-"):
            step = next(
                (s for s in self.track.steps.all() if f"step-{s.pk}" == action), None
            )
            if step is None:
                return HttpResponseBadRequest(_("Unknown action."))
            form = StepForm(request.POST, prefix=action)
            allowed = may["step"]
        elif action in may:
            form = self._form(action, request.POST, request.FILES)
            allowed = may[action]
        else:
            return HttpResponseBadRequest(_("Unknown action."))
        if not allowed:
            raise PermissionDenied
        if form.is_valid():
            try:
                self._act(action, form.cleaned_data, step)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The advisory track has been updated."))
                return redirect(request.path)
        context = self.get_context_data(bound={action: form})
        return self.render_to_response(context, status=400)

    def _act(self, action, data, step):
        user, track = self.request.user, self.track
        if step is not None:
            services.step_update(
                step=step,
                planned_on=data["planned_on"],
                done_on=data["done_on"],
                by=user,
            )
        elif action == "accept":
            services.track_accept(track=track, adviser=data["adviser"], by=user)
        elif action == "pair":
            services.track_pair(track=track, adviser=data["adviser"], by=user)
        elif action == "decline":
            services.track_decline(track=track, reason=data["reason"], by=user)
        elif action == "finish":
            services.track_finish(
                track=track,
                plan_finished=data["plan_finished"],
                financing_found=data["financing_found"],
                follow_up=data["follow_up"],
                by=user,
            )
        elif action == "document":
            services.document_add(
                track=track,
                title=data["title"],
                file=data["file"],
                is_business_plan=data["is_business_plan"],
                by=user,
            )
        else:
            services.note_add(track=track, text=data["text"], by=user)


class TrackView(SmeRequiredMixin, _TrackPage):
    """The entrepreneur's and the adviser's page of a track."""


class DeskListView(CivilServantOrPartnerRequiredMixin, ListView):
    template_name = "advice/desk_list.html"
    context_object_name = "tracks"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        status = self.request.GET.get("status", "")
        if status not in Track.Status.values:
            status = ""
        self.status = status
        return selectors.desk_tracks(user=self.request.user, status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = Track.Status.choices
        context["status"] = self.status
        return context


class DeskDetailView(CivilServantOrPartnerRequiredMixin, _TrackPage):
    """The desk's page of a track: decide, pair, steps and result."""

    desk = True


class DocumentView(RoleRequiredMixin, View):
    """A document of a track the user may see, as a download."""

    allowed_roles = (Role.SME, Role.CIVIL_SERVANT, Role.PARTNER)

    def get(self, request, *args, **kwargs):
        try:
            document = selectors.track_document(
                user=request.user, track_pk=kwargs["track_pk"], pk=kwargs["pk"]
            )
        except TrackDocument.DoesNotExist as error:
            raise Http404 from error
        if not document.file:
            raise Http404
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        name = document.file.name.rsplit("/", 1)[-1]
        return FileResponse(handle, as_attachment=True, filename=name)
