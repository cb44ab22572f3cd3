"""/mijn/account-verwijderen/: an entrepreneur deletes his own account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from accounts.permissions import SmeRequiredMixin

from ..services import organisations_of_user, user_erase


class AccountDeleteView(SmeRequiredMixin, TemplateView):
    """AVG: delete your own account, after a confirmation page."""

    template_name = "participants/account_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organisations=organisations_of_user(self.request.user), **kwargs
        )

    def post(self, request, *args, **kwargs):
        try:
            user_erase(user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(), status=400)
        logout(request)
        messages.success(
            request,
            _(
                "Your account has been deleted and your name and contact "
                "details have been removed."
            ),
        )
        return redirect("home")
