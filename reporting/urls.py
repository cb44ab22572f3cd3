from django.urls import path

from . import views, views_adoption

app_name = "reporting"

urlpatterns = [
    path("", views.ReportRunListView.as_view(), name="list"),
    path("<int:pk>/", views.ReportRunDetailView.as_view(), name="detail"),
    path("<int:pk>/status/", views.ReportRunStatusView.as_view(), name="status"),
    path(
        "<int:pk>/bestand/<str:kind>/",
        views.ReportRunDownloadView.as_view(),
        name="download",
    ),
    path(
        "<int:pk>/vaststellen/",
        views_adoption.ReportRunAdoptView.as_view(),
        name="adopt",
    ),
    path(
        "acties/<int:pk>/status/",
        views_adoption.ActionStatusView.as_view(),
        name="action_status",
    ),
]
