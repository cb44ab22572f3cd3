"""Pages of the portal as a whole: the start page and the legal statements."""

from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "pages/home.html"


class AccessibilityView(TemplateView):
    template_name = "pages/accessibility.html"


class PrivacyView(TemplateView):
    template_name = "pages/privacy.html"
