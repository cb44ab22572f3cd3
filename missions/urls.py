"""Three groups of pages, each mounted under its own prefix in config/urls.py:
the public calendar (/missies/), the SME's own pages (/mijn/) and the back
office (/beheer/missies/)."""

from django.urls import path

from participants import urls as participants_urls

from .views import backoffice, membership, mine, public

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

mine_patterns = (
    [
        path("", mine.MineIndexView.as_view(), name="index"),
        path(
            "organisatie/",
            mine.OrganisationProfileView.as_view(),
            name="organisation",
        ),
        path(
            "organisatie/<int:pk>/",
            mine.OrganisationProfileView.as_view(),
            name="organisation_edit",
        ),
        path(
            "organisatie/<int:pk>/contactgegevens/",
            mine.ContactDetailsView.as_view(),
            name="contact",
        ),
        path(
            "organisatie/<int:pk>/leden/",
            membership.MembersView.as_view(),
            name="members",
        ),
        path(
            "organisatie/<int:pk>/leden/<int:contact>/<slug:action>/",
            membership.MemberActionView.as_view(),
            name="member_action",
        ),
        path(
            "organisatie/<int:pk>/verzoeken/<int:request_pk>/<slug:action>/",
            membership.RequestDecisionView.as_view(),
            name="request_decide",
        ),
        path(
            "verzoeken/<int:pk>/intrekken/",
            membership.RequestWithdrawView.as_view(),
            name="request_withdraw",
        ),
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
        path("mijn-gegevens.json", mine.PersonalDataView.as_view(), name="data"),
        # Account deletion: participants' page (it erases the contact person).
        *participants_urls.mine_urlpatterns,
    ],
    "mine",
)

backoffice_patterns = (
    [
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
            "lidmaatschapsverzoeken/",
            membership.BackofficeRequestListView.as_view(),
            name="membership_requests",
        ),
        path(
            "lidmaatschapsverzoeken/<int:pk>/<slug:action>/",
            membership.BackofficeRequestDecisionView.as_view(),
            name="membership_request_decide",
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
    ],
    "missions_backoffice",
)
