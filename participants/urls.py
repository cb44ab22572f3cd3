"""Pages of participants among the SME's own pages: missions/urls.py mounts
them in the `mine` namespace under /mijn/, so their names and addresses
stay those of the other pages there."""

from django.urls import path

from . import views

mine_urlpatterns = [
    path(
        "account-verwijderen/",
        views.AccountDeleteView.as_view(),
        name="account_delete",
    ),
]
