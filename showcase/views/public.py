"""/exporteurs/: the showcase anyone may read, and the contact request form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView
from django_filters.views import FilterView

from accounts.permissions import SmeRequiredMixin
from config.forms import add_service_errors
from participants.services import organisations_of_user

from ..filters import ShowcaseFilter
from ..forms import ContactRequestForm
from ..selectors import (
    missions_taken_part,
    showcase_profile_detail,
    showcase_profiles,
)
from ..services import contact_request_send


class ShowcaseListView(FilterView):
    """Published, visible profiles; nothing of anyone who did not opt in."""

    template_name = "showcase/profile_list.html"
    filterset_class = ShowcaseFilter
    context_object_name = "profiles"
    paginate_by = 20

    def get_queryset(self):
        return showcase_profiles()


class ShowcaseDetailView(DetailView):
    template_name = "showcase/profile_detail.html"
    context_object_name = "profile"

    def get_object(self, queryset=None):
        return get_object_or_404(
            showcase_profile_detail(), organisation_id=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object.organisation
        context["organisation"] = organisation
        context["missions"] = missions_taken_part(organisation=organisation)
        user = self.request.user
        own = (
            set(organisations_of_user(user).values_list("pk", flat=True))
            if user.is_authenticated
            else set()
        )
        context["is_own"] = organisation.pk in own
        context["can_contact"] = bool(own - {organisation.pk}) and user.is_sme
        return context


class ContactRequestView(SmeRequiredMixin, FormView):
    """A logged-in SME asks a showcased organisation for a conversation."""

    template_name = "showcase/contact_request_form.html"
    form_class = ContactRequestForm

    @cached_property
    def profile(self):
        # Looked up after the role check: a wrong role gets 403 whatever the id.
        return get_object_or_404(showcase_profiles(), organisation_id=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        if self.profile:  # 404 before the form is read
            return super().post(request, *args, **kwargs)

    def organisations(self):
        return organisations_of_user(self.request.user).exclude(
            pk=self.profile.organisation_id
        )

    def get(self, request, *args, **kwargs):
        if self.profile and not self.organisations().exists():
            messages.info(
                request,
                _("First fill in your organisation's profile with its KvK number."),
            )
            return redirect(reverse("mine:organisation") + "?next=" + request.path)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisations": self.organisations()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            profile=self.profile, organisation=self.profile.organisation, **kwargs
        )

    def form_valid(self, form):
        try:
            contact_request_send(
                sender=form.cleaned_data["organisation"],
                receiver=self.profile.organisation,
                by=self.request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Your request has been sent to %(organisation)s. You will see "
                "the answer under your contact requests."
            )
            % {"organisation": self.profile.organisation},
        )
        return redirect("mine_showcase:requests")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
