from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from accounts import urls as accounts_urls
from accounts import views as accounts_views
from missions import urls as missions_urls
from participants import urls as participants_urls
from reporting import urls_dashboard
from showcase import urls as showcase_urls

from . import views
from .health import healthz

# The admin has no log-in form of its own: /admin/login/ sends to the portal's
# (allauth's) log-in, with its second factor and rate limits, and back.
# Logged-in people who are not staff get 403 there.
admin.site.login = secure_admin_login(admin.site.login)

# Two namespaces hold pages of two apps: `mine` (/mijn/) the SME's missions
# and its organisation, `missions_backoffice` (/beheer/missies/) the missions
# and the requests to join organisations. Each app lists its own pages; they
# are composed here, so participants need not know missions.
mine_patterns = (
    missions_urls.mine_urlpatterns + participants_urls.mine_urlpatterns,
    "mine",
)
missions_backoffice_patterns = (
    missions_urls.backoffice_urlpatterns + participants_urls.backoffice_urlpatterns,
    "missions_backoffice",
)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    # eHerkenning's log-in and the broker's return address (404 while off).
    path("accounts/oidc/", include(accounts_urls.oidc_patterns)),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("toegankelijkheid/", views.AccessibilityView.as_view(), name="accessibility"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("hulp/", views.HelpView.as_view(), name="help"),
    path(
        "dagoverzicht/",
        accounts_views.DigestPreferenceView.as_view(),
        name="digest_preference",
    ),
    path("accounts/", include(accounts_urls)),
    path("missies/", include(missions_urls.public_patterns)),
    path("exporteurs/", include(showcase_urls.public_patterns)),
    path("", include("desk.urls")),
    path("", include("advice.urls")),
    path("mijn/etalage/", include(showcase_urls.mine_patterns)),
    path("mijn/", include(mine_patterns)),
    path("beheer/missies/", include(missions_backoffice_patterns)),
    path("beheer/etalage/", include(showcase_urls.moderation_patterns)),
    path("beheer/", include("programmes.urls")),
    path("rapportages/", include("reporting.urls")),
    path("dashboard/", include(urls_dashboard)),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
