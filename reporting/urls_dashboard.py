"""The progress dashboard, mounted at /dashboard/ in config/urls.py.

Its own namespace, so it never clashes with the report pages of
reporting/urls.py."""

from django.urls import path

from . import views_dashboard

app_name = "dashboard"

urlpatterns = [
    path("", views_dashboard.DashboardView.as_view(), name="index"),
    path("drilldown/", views_dashboard.DrillDownView.as_view(), name="drilldown"),
]
