"""/beheer/etalage/: civil servants moderate the profiles and stories of
organisations in their own province; others' are absent (404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from accounts.permissions import CivilServantRequiredMixin
from config.forms import add_service_errors

from ..forms import HideForm
from ..selectors import moderation_profiles, moderation_stories
from ..services import moderation_hide, moderation_review, moderation_unhide

# URL segment → the selector of what a civil servant may moderate.
KINDS = {"profiel": moderation_profiles, "verhaal": moderation_stories}


class ModerationListView(CivilServantRequiredMixin, TemplateView):
    template_name = "showcase/moderation_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        profiles = list(moderation_profiles(user=user))
        stories = list(moderation_stories(user=user))
        return super().get_context_data(
            new_profiles=[p for p in profiles if p.needs_review],
            other_profiles=[p for p in profiles if not p.needs_review],
            new_stories=[s for s in stories if s.needs_review],
            other_stories=[s for s in stories if not s.needs_review],
            **kwargs,
        )


class ModeratedItemMixin(CivilServantRequiredMixin):
    def get_item(self):
        selector = KINDS.get(self.kwargs["kind"])
        if selector is None:
            raise Http404
        return get_object_or_404(selector(user=self.request.user), pk=self.kwargs["pk"])


class ModerationDetailView(ModeratedItemMixin, FormView):
    """The full text of a profile or story, with the moderation actions."""

    template_name = "showcase/moderation_detail.html"
    form_class = HideForm

    def get_context_data(self, **kwargs):
        item = self.get_item()
        return super().get_context_data(
            item=item,
            kind=self.kwargs["kind"],
            is_story=self.kwargs["kind"] == "verhaal",
            history=item.history.select_related("history_user").order_by(
                "-history_date"
            )[:20],
            **kwargs,
        )

    def form_valid(self, form):
        item = self.get_item()
        try:
            moderation_hide(
                item=item, by=self.request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(item)s” is hidden. The organisation has been told why.")
            % {"item": item},
        )
        return redirect("showcase_moderation:list")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ModerationActionView(ModeratedItemMixin, TemplateView):
    """Show again, or mark as seen: POST only."""

    http_method_names = ["post"]
    action = ""

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        try:
            if self.action == "unhide":
                moderation_unhide(item=item, by=request.user)
                messages.success(
                    request, _("“%(item)s” is shown again.") % {"item": item}
                )
            else:
                moderation_review(item=item, by=request.user)
                messages.success(
                    request, _("“%(item)s” is marked as seen.") % {"item": item}
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("showcase_moderation:list")
