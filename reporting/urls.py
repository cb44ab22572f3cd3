from django.urls import path

from . import views

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
]
