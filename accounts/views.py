"""The user's own settings."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from .forms import DigestPreferenceForm
from .permissions import CivilServantRequiredMixin
from .services import user_daily_digest_set


class DigestPreferenceView(CivilServantRequiredMixin, FormView):
    """Turn the daily digest on or off; the form is on the home page."""

    form_class = DigestPreferenceForm
    http_method_names = ["post"]

    def form_valid(self, form):
        enabled = form.cleaned_data["daily_digest"]
        user_daily_digest_set(user=self.request.user, enabled=enabled)
        messages.success(
            self.request,
            _("You will receive the daily digest.")
            if enabled
            else _("You will no longer receive the daily digest."),
        )
        return redirect("home")
