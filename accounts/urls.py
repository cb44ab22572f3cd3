"""allauth's URLs, with the eHerkenning ones answering 404 while it is off.

`allauth.urls` would add every social log-in URL as soon as
allauth.socialaccount is installed; the portal offers only eHerkenning, and
only when EHERKENNING_ENABLED is set.
"""

from functools import wraps

from allauth.socialaccount import views as social_views
from allauth.socialaccount.providers.openid_connect import views as oidc_views
from django.http import Http404
from django.urls import include, path

from . import eherkenning


def only_when_enabled(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not eherkenning.enabled():
            raise Http404
        return view(request, *args, **kwargs)

    return guarded


# Under /accounts/ in both languages (config/urls.py).
urlpatterns = [
    path("", include("allauth.account.urls")),
    path("2fa/", include("allauth.mfa.urls")),
    path(
        "3rdparty/login/cancelled/",
        only_when_enabled(social_views.login_cancelled),
        name="socialaccount_login_cancelled",
    ),
    path(
        "3rdparty/login/error/",
        only_when_enabled(social_views.login_error),
        name="socialaccount_login_error",
    ),
    path(
        "3rdparty/signup/",
        only_when_enabled(social_views.signup),
        name="socialaccount_signup",
    ),
    path(
        "3rdparty/",
        only_when_enabled(social_views.connections),
        name="socialaccount_connections",
    ),
]

# Under /accounts/oidc/ without a language prefix: the broker knows one
# fixed redirect URI, whatever language the person started in.
oidc_patterns = [
    path(
        "<str:provider_id>/login/",
        only_when_enabled(oidc_views.login),
        name="openid_connect_login",
    ),
    path(
        "<str:provider_id>/login/callback/",
        only_when_enabled(oidc_views.callback),
        name="openid_connect_callback",
    ),
]
