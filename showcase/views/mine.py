"""/mijn/etalage/: an SME's public profile, stories, contact requests and
recommendations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.permissions import SmeRequiredMixin
from config.forms import add_service_errors
from participants.services import organisations_of_user

from ..forms import ProfileForm, StoryForm
from ..models import PublicProfile
from ..selectors import (
    contact_requests_received,
    contact_requests_sent,
    experienced_companies,
    mission_recommendations,
    own_stories,
)
from ..services import (
    contact_request_accept,
    contact_request_decline,
    organisation_block,
    profile_publish,
    profile_save,
    profile_unpublish,
    story_create,
    story_delete,
    story_update,
)


class ShowcaseHomeView(SmeRequiredMixin, TemplateView):
    """Each own organisation with its profile, stories and recommendations."""

    template_name = "showcase/mine_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisations = list(
            organisations_of_user(self.request.user)
            .select_related("public_profile")
            .prefetch_related("public_profile__themes", "export_stories")
        )
        for organisation in organisations:
            profile = getattr(organisation, "public_profile", None)
            organisation.profile = profile
            organisation.recommended_missions = []
            organisation.experienced = []
            if profile is not None:
                missions = list(mission_recommendations(profile=profile))
                organisation.recommended_missions = missions
                countries = {m.country.code for m in missions} | {
                    c.code for c in profile.target_markets
                }
                if countries:
                    organisation.experienced = list(
                        experienced_companies(countries=countries, exclude=organisation)
                    )
        context["organisations"] = organisations
        context["pending_count"] = (
            contact_requests_received(user=self.request.user)
            .filter(status="pending")
            .count()
        )
        return context


class OwnOrganisationMixin(SmeRequiredMixin):
    def get_organisation(self):
        return get_object_or_404(
            organisations_of_user(self.request.user), pk=self.kwargs["pk"]
        )


class ProfileEditView(OwnOrganisationMixin, FormView):
    template_name = "showcase/profile_form.html"
    form_class = ProfileForm

    @cached_property
    def organisation(self):
        return self.get_organisation()

    def get_form_kwargs(self):
        instance = PublicProfile.objects.filter(organisation=self.organisation).first()
        return {
            **super().get_form_kwargs(),
            "instance": instance or PublicProfile(organisation=self.organisation),
            "organisation": self.organisation,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        publish = data.pop("publish")
        themes = data.pop("themes")
        try:
            profile_save(
                organisation=self.organisation,
                by=self.request.user,
                themes=themes,
                **data,
            )
            if publish:
                profile_publish(organisation=self.organisation, by=self.request.user)
            else:
                profile_unpublish(organisation=self.organisation, by=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if publish:
            messages.success(
                self.request, _("Your profile is saved and shown in the showcase.")
            )
        else:
            messages.success(
                self.request,
                _("Your profile is saved. It is not shown in the showcase."),
            )
        return redirect("mine_showcase:index")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class StoryCreateView(OwnOrganisationMixin, FormView):
    template_name = "showcase/story_form.html"
    form_class = StoryForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.get_organisation(), **kwargs)

    def form_valid(self, form):
        try:
            story_create(
                organisation=self.get_organisation(),
                by=self.request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your story has been saved."))
        return redirect("mine_showcase:index")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class OwnStoryMixin(SmeRequiredMixin):
    def get_story(self):
        return get_object_or_404(
            own_stories(user=self.request.user), pk=self.kwargs["pk"]
        )


class StoryEditView(OwnStoryMixin, FormView):
    template_name = "showcase/story_form.html"
    form_class = StoryForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_story()}

    def get_context_data(self, **kwargs):
        story = self.get_story()
        return super().get_context_data(
            story=story, organisation=story.organisation, **kwargs
        )

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        # The clear box of the file input gives False; no new file gives
        # the old one back, which the service leaves alone.
        if data.get("photo") is not False and "photo" not in form.changed_data:
            data["photo"] = None
        try:
            story_update(story=self.get_story(), by=self.request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your story has been saved."))
        return redirect("mine_showcase:index")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class StoryDeleteView(OwnStoryMixin, TemplateView):
    template_name = "showcase/story_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(story=self.get_story(), **kwargs)

    def post(self, request, *args, **kwargs):
        story = self.get_story()
        story_delete(story=story, by=request.user)
        messages.success(
            request, _("The story “%(title)s” has been removed.") % {"title": story}
        )
        return redirect("mine_showcase:index")


class ContactRequestListView(SmeRequiredMixin, TemplateView):
    """Incoming and outgoing requests; details only of accepted ones."""

    template_name = "showcase/contact_requests.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            received=contact_requests_received(user=user),
            sent=contact_requests_sent(user=user),
            **kwargs,
        )


class ContactRequestActionView(SmeRequiredMixin, View):
    """Accept, decline or block: POST only, on requests to own organisations."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        contact_request = get_object_or_404(
            contact_requests_received(user=request.user), pk=pk
        )
        try:
            if action == "accept":
                contact_request_accept(contact_request=contact_request, by=request.user)
                messages.success(
                    request,
                    _(
                        "You accepted the request of %(organisation)s. You now "
                        "see each other's contact details."
                    )
                    % {"organisation": contact_request.sender},
                )
            elif action == "decline":
                contact_request_decline(
                    contact_request=contact_request, by=request.user
                )
                messages.success(
                    request,
                    _("You declined the request of %(organisation)s.")
                    % {"organisation": contact_request.sender},
                )
            elif action == "block":
                organisation_block(
                    blocker=contact_request.receiver,
                    blocked=contact_request.sender,
                    by=request.user,
                )
                messages.success(
                    request,
                    _(
                        "%(organisation)s can no longer send you requests. Its "
                        "open requests have been declined."
                    )
                    % {"organisation": contact_request.sender},
                )
            else:
                raise Http404
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("mine_showcase:requests")
