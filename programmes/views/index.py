from django.views.generic import TemplateView

from .. import selectors
from .base import ReadMixin


class BackOfficeIndexView(ReadMixin, TemplateView):
    """The start of the back office: the province's programmes and prestaties."""

    template_name = "programmes/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["programmes"] = selectors.programme_list(user=user)
        context["prestaties"] = selectors.prestatie_list(user=user)[:20]
        context["reserves"] = selectors.reserve_list(user=user)
        return context
