from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

SESSION_KEY = "accounts:two_factor_ok"


class RequireStaffTwoFactorMiddleware:
    """Send civil servants and administrators without TOTP to its set-up page.

    Active when settings.REQUIRE_STAFF_2FA is on. The pages needed to set it
    up, to log out and static files stay reachable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up(self, request) -> bool:
        if not getattr(settings, "REQUIRE_STAFF_2FA", False):
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.needs_two_factor:
            return False
        if request.session.get(SESSION_KEY):
            return False
        path = request.path_info
        allowed = (
            reverse("mfa_index").rsplit("/", 2)[0],
            reverse("account_logout"),
            settings.STATIC_URL,
            "/healthz",
        )
        if any(path.startswith(prefix) for prefix in allowed):
            return False
        from allauth.mfa.models import Authenticator

        has_totp = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
        if has_totp:
            request.session[SESSION_KEY] = True
        return not has_totp
