from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .authentication import passed_second_factor


class RequireStaffTwoFactorMiddleware:
    """No staff page on a password alone (when settings.REQUIRE_STAFF_2FA).

    Civil servants and administrators pass only when this session proved a
    second factor (allauth records it at log-in). A session of someone who
    has TOTP but did not give a code here is ended and sent to log in, so
    no way of logging in that skips allauth's two-factor step (Django's
    admin form, a future back end) gets further. People without TOTP yet
    may only set it up, log out and see static files.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._refusal(request) or self.get_response(request)

    def _refusal(self, request):
        if not getattr(settings, "REQUIRE_STAFF_2FA", False):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.needs_two_factor:
            return None
        if passed_second_factor(request, user):
            return None
        from allauth.mfa.models import Authenticator

        if Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists():
            logout(request)
            messages.info(
                request,
                _("Log in again with your password and the code from your app."),
            )
            return redirect_to_login(
                request.get_full_path(), login_url=reverse("account_login")
            )
        path = request.path_info
        allowed = (
            # Everything under /accounts/: setting up TOTP asks to
            # reauthenticate first.
            reverse("mfa_index").rsplit("/", 2)[0],
            reverse("account_logout"),
            settings.STATIC_URL,
            "/healthz",
        )
        if any(path.startswith(prefix) for prefix in allowed):
            return None
        return redirect("mfa_activate_totp")
