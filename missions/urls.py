"""Three groups of pages, each mounted under its own prefix in config/urls.py:
the public calendar (/missies/), the SME's own pages (/mijn/) and the back
office (/beheer/missies/). The last two are lists: config/urls.py puts them
in the `mine` and `missions_backoffice` namespaces together with the pages
participants owns there (participants/urls.py)."""

from django.urls import path

from .views import backoffice, mine, public

public_patterns = (
    [
        path("", public.MissionCalendarView.as_view(), name="calendar"),
        path("agenda.ics", public.mission_feed_ics, name="feed_ics"),
        path("<int:pk>/agenda.ics", public.mission_ics, name="ics"),
        path("<int:pk>/", public.MissionDetailView.as_view(), name="detail"),
        path("<int:pk>/aanmelden/", public.SignUpView.as_view(), name="signup"),
    ],
    "missions",
)

mine_urlpatterns = [
    path("", mine.MineIndexView.as_view(), name="index"),
    path(
        "aanmeldingen/<int:pk>/afmelden/",
        mine.RegistrationWithdrawView.as_view(),
        name="withdraw",
    ),
    path(
        "aanmeldingen/<int:pk>/resultaten/<str:moment>/",
        mine.ResultFormView.as_view(),
        name="results",
    ),
]

backoffice_urlpatterns = [
    path("", backoffice.MissionListView.as_view(), name="list"),
    path("nieuw/", backoffice.MissionCreateView.as_view(), name="create"),
    path("<int:pk>/", backoffice.MissionDetailView.as_view(), name="detail"),
    path("<int:pk>/bewerken/", backoffice.MissionUpdateView.as_view(), name="edit"),
    path(
        "<int:pk>/status/<slug:action>/",
        backoffice.MissionTransitionView.as_view(),
        name="transition",
    ),
    path(
        "<int:pk>/deelnemer-toevoegen/",
        backoffice.RegisterParticipantView.as_view(),
        name="register",
    ),
    path(
        "<int:pk>/deelnemers.<str:file_format>",
        backoffice.ParticipantExportView.as_view(),
        name="export",
    ),
    path(
        "<int:pk>/aanmeldingen-beoordelen/",
        backoffice.BulkDecisionView.as_view(),
        name="bulk_decide",
    ),
    path(
        "<int:pk>/bericht/",
        backoffice.MissionMessageView.as_view(),
        name="message",
    ),
    path(
        "<int:pk>/importeren/",
        backoffice.ParticipantImportView.as_view(),
        name="import",
    ),
    path(
        "aanmeldingen/<int:pk>/",
        backoffice.RegistrationDetailView.as_view(),
        name="registration",
    ),
    path(
        "organisaties/",
        backoffice.OrganisationListView.as_view(),
        name="organisations",
    ),
    path(
        "organisaties/<int:pk>/",
        backoffice.OrganisationDetailView.as_view(),
        name="organisation",
    ),
    path(
        "aanmeldingen/<int:pk>/afwijzen/",
        backoffice.RegistrationRejectView.as_view(),
        name="reject",
    ),
    path(
        "aanmeldingen/<int:pk>/resultaten/<str:moment>/",
        backoffice.BackOfficeResultFormView.as_view(),
        name="results",
    ),
    path(
        "aanmeldingen/<int:pk>/<slug:action>/",
        backoffice.RegistrationActionView.as_view(),
        name="registration_action",
    ),
]
