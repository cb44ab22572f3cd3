"""Pages of the portal as a whole: the start page and the legal statements."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import i18n as i18n_views
from django.views.generic import TemplateView

from desk.selectors import open_question_count
from provinces.models import Province
from reporting import worklists


class HomeView(TemplateView):
    """The start page; for a logged-in user, the work list of each role."""

    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if not user.is_authenticated:
            return context
        if user.is_civil_servant and user.province_id:
            context["civil_servant_work"] = worklists.civil_servant_work(user=user)
        if user.is_sme:
            context["entrepreneur_work"] = worklists.entrepreneur_work(user=user)
        if user.is_portfolio_holder:
            context["portfolio"] = worklists.portfolio_overview(user=user)
        if user.is_partner:
            context["partner_work"] = [
                *worklists.partner_work(user=user),
                worklists.WorkItem(
                    "desk",
                    _("Questions on the information desk to answer"),
                    open_question_count(user=user),
                    reverse("desk:list"),
                ),
            ]
        if user.is_administrator:
            context["administrator_work"] = worklists.administrator_work(user=user)
        return context


class AccessibilityView(TemplateView):
    template_name = "pages/accessibility.html"


class HelpView(TemplateView):
    """De-minimis aid, what happens after signing up, the results forms (in
    B1 Dutch and English), and where to write: every province's team."""

    template_name = "pages/help.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            provinces=Province.objects.exclude(contact_email="").order_by("name"),
            **kwargs,
        )


class PrivacyView(TemplateView):
    template_name = "pages/privacy.html"

    def get_context_data(self, **kwargs):
        # The statement names the period the retention job really uses.
        return super().get_context_data(
            retention_years=settings.PRIVACY_RETENTION_YEARS, **kwargs
        )


def set_language(request):
    """Django's set_language, reading `next` in the language it is written in.

    Django resolves `next` in the request's language, which is always Dutch
    for /i18n/setlang/ (no prefix, prefix_default_language off), so
    /en/privacy/ did not resolve and switching back to Dutch stayed English.
    """
    next_url = request.POST.get("next", request.GET.get("next", ""))
    path_language = translation.get_language_from_path(urlsplit(next_url).path)
    with translation.override(path_language or settings.LANGUAGE_CODE):
        return i18n_views.set_language(request)
