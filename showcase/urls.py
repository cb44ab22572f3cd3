"""The showcase's pages, mounted in config/urls.py: /exporteurs/ (public),
/mijn/etalage/ (the SME's own) and /beheer/etalage/ (moderation)."""

from django.urls import path

from .views import mine, moderation, public

app_name = "showcase"

public_patterns = (
    [
        path("", public.ShowcaseListView.as_view(), name="list"),
        path("<int:pk>/", public.ShowcaseDetailView.as_view(), name="detail"),
        path("<int:pk>/contact/", public.ContactRequestView.as_view(), name="contact"),
    ],
    app_name,
)

mine_patterns = (
    [
        path("", mine.ShowcaseHomeView.as_view(), name="index"),
        path("<int:pk>/profiel/", mine.ProfileEditView.as_view(), name="profile"),
        path(
            "<int:pk>/verhalen/nieuw/",
            mine.StoryCreateView.as_view(),
            name="story_create",
        ),
        path(
            "verhalen/<int:pk>/bewerken/",
            mine.StoryEditView.as_view(),
            name="story_edit",
        ),
        path(
            "verhalen/<int:pk>/verwijderen/",
            mine.StoryDeleteView.as_view(),
            name="story_delete",
        ),
        path(
            "contactverzoeken/",
            mine.ContactRequestListView.as_view(),
            name="requests",
        ),
        path(
            "contactverzoeken/<int:pk>/<slug:action>/",
            mine.ContactRequestActionView.as_view(),
            name="request_action",
        ),
    ],
    "mine_showcase",
)

moderation_patterns = (
    [
        path("", moderation.ModerationListView.as_view(), name="list"),
        path(
            "<slug:kind>/<int:pk>/",
            moderation.ModerationDetailView.as_view(),
            name="detail",
        ),
        path(
            "<slug:kind>/<int:pk>/tonen/",
            moderation.ModerationActionView.as_view(action="unhide"),
            name="unhide",
        ),
        path(
            "<slug:kind>/<int:pk>/gezien/",
            moderation.ModerationActionView.as_view(action="review"),
            name="review",
        ),
    ],
    "showcase_moderation",
)
