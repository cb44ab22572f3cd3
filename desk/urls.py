"""The desk's addresses, included at the root of the language prefix: the
question form is public, the desk under /beheer/, the asker's under /mijn/."""

from django.urls import path

from . import views

app_name = "desk"

urlpatterns = [
    path("vraagbaak/", views.AskView.as_view(), name="ask"),
    path(
        "vraagbaak/veelgestelde-vragen/",
        views.FaqIndexView.as_view(),
        name="faq",
    ),
    path(
        "vraagbaak/veelgestelde-vragen/<slug:code>/",
        views.FaqProvinceView.as_view(),
        name="faq_province",
    ),
    path("mijn/vragen/", views.MineView.as_view(), name="mine"),
    path("beheer/vraagbaak/", views.DeskListView.as_view(), name="list"),
    path("beheer/vraagbaak/<int:pk>/", views.DeskDetailView.as_view(), name="detail"),
]
