"""The advisory tracks' addresses, included at the root of the language
prefix: the entrepreneur's and adviser's under /mijn/, the desk's under
/beheer/."""

from django.urls import path

from . import views

app_name = "advice"

urlpatterns = [
    path("mijn/adviestrajecten/", views.MineView.as_view(), name="mine"),
    path("mijn/adviestrajecten/aanvragen/", views.ApplyView.as_view(), name="apply"),
    path("mijn/adviestrajecten/<int:pk>/", views.TrackView.as_view(), name="track"),
    path(
        "adviestrajecten/<int:track_pk>/documenten/<int:pk>/",
        views.DocumentView.as_view(),
        name="document",
    ),
    path("beheer/adviestrajecten/", views.DeskListView.as_view(), name="list"),
    path(
        "beheer/adviestrajecten/<int:pk>/",
        views.DeskDetailView.as_view(),
        name="detail",
    ),
]
