from django.views.generic import TemplateView

from accounts.permissions import CivilServantRequiredMixin

from . import selectors


class BackOfficeIndexView(CivilServantRequiredMixin, TemplateView):
    """The civil servant's start: the province's programmes and prestaties."""

    template_name = "programmes/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["programmes"] = selectors.programme_list(user=user)
        context["prestaties"] = selectors.prestatie_list(user=user)
        return context
