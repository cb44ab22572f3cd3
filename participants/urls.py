"""The pages of participants. They share their namespaces with pages of
missions, so config/urls.py mounts these lists beside missions' own: the
SME's organisation pages under /mijn/ in `mine`, the province's list of
requests to join under /beheer/missies/ in `missions_backoffice`. Their
names and addresses are those of the other pages there."""

from django.urls import path

from .views import account, membership, organisation, personal_data

mine_urlpatterns = [
    path(
        "organisatie/",
        organisation.OrganisationProfileView.as_view(),
        name="organisation",
    ),
    path(
        "organisatie/<int:pk>/",
        organisation.OrganisationProfileView.as_view(),
        name="organisation_edit",
    ),
    path(
        "organisatie/<int:pk>/contactgegevens/",
        organisation.ContactDetailsView.as_view(),
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
        "mijn-gegevens.json",
        personal_data.PersonalDataView.as_view(),
        name="data",
    ),
    path(
        "account-verwijderen/",
        account.AccountDeleteView.as_view(),
        name="account_delete",
    ),
]

backoffice_urlpatterns = [
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
]
