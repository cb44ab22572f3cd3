"""The portal's URLs plus /bench/empty/, a bare Django view rendering an empty
template: the ceiling the portal's pages are compared with."""

from django.urls import path
from django.views.generic import TemplateView

from config.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    path("bench/empty/", TemplateView.as_view(template_name="bench/empty.html")),
    *portal_urlpatterns,
]
