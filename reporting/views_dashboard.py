"""The progress dashboard and its drill-down lists: read-only pages for
civil servants and portfolio holders of a province; administrators choose
the province."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView

from accounts.permissions import ProvinceReaderRequiredMixin

from .dashboard import pages
from .dashboard.forms import FINANCE, DashboardFilterForm, DrillDownForm
from .dashboard.selectors import (
    CACHE_SECONDS,
    body_key_for,
    dashboard_data,
    data_cache_key,
    headlines,
    page_shell,
    status_badge,
    support_headlines,
)
from .figures.drilldown import drilldown_for


def sees_organisations(user) -> bool:
    """Names of organisations are for the people who work with them."""
    return user.is_civil_servant or user.is_administrator


class _DashboardBase(ProvinceReaderRequiredMixin, TemplateView):
    http_method_names = ["get", "head", "options"]
    form_class = DashboardFilterForm

    def get(self, request, *args, **kwargs):
        user = request.user
        form = self.form_class(request.GET, user=user)
        context = {"form": form, "province": form.province}
        if form.province is None:
            if not user.is_administrator:
                # A reader without a province has nothing to read.
                raise PermissionDenied
            if not request.GET.get("province"):
                form.hide_errors()
            return self.render_to_response(
                self.get_context_data(**context, choose_province=True),
                status=400 if request.GET.get("province") else 200,
            )
        if not form.is_valid():
            if form.programme_is_foreign():
                raise Http404
            return self.render_to_response(self.get_context_data(**context), status=400)
        year = form.cleaned_data["year"]
        programme = form.cleaned_data["programme"]
        as_of = timezone.localdate()
        data_key = data_cache_key(
            province=form.province, year=year, programme=programme, as_of=as_of
        )
        links = pages.Links(
            year=year,
            province_id=form.province.pk if user.is_administrator else None,
            programme_id=programme.pk if programme else None,
        )
        shell = page_shell(
            data_key=data_key,
            province=form.province,
            year=year,
            programme=programme,
            body_key=self.body_key(data_key, links),
        )
        form.use_programme_options(shell["programmes"])
        # Loaded only when used: the dashboard's rendered figures are cached
        # under the same versions and need not unpickle the data.
        data = SimpleLazyObject(
            lambda: dashboard_data(
                province=form.province, year=year, programme=programme, as_of=as_of
            )
        )
        context |= {
            "year": year,
            "programme": programme,
            "data": data,
            "figures": SimpleLazyObject(lambda: data.figures),
            "as_of": as_of,
            "data_key": data_key,
            "shell": shell,
            "links": links,
            "sees_organisations": sees_organisations(user),
        }
        context |= self.page_context(form, data, links, context)
        return self.render_to_response(self.get_context_data(**context))

    def page_context(self, form, data, links, context) -> dict:
        raise NotImplementedError

    def body_key(self, data_key, links) -> str | None:
        """The key of the page's cached, rendered figures, if it has them."""
        return None


class DashboardView(_DashboardBase):
    template_name = "reporting/dashboard.html"

    def body_key(self, data_key, links):
        return body_key_for(data_key, links.base)

    def page_context(self, form, data, links, context):
        def headline_items():
            items = headlines(data)
            for item in items:
                item.url = links.drill(item.drill)
            return items

        def own_share():
            totals = data.figures.totals
            return {
                "share": totals.own_province_share,
                "own": totals.own_province_participants,
                "total": totals.participants,
                "url": links.drill("own_province"),
            }

        # Lazy: computed only when the rendered figures are not cached.
        return {
            "body_key": body_key_for(context["data_key"], links.base),
            # The rendered figures when page_shell found them in the cache.
            # (HTML this template rendered itself, so safe as it is.)
            "body_html": mark_safe(context["shell"]["body"])
            if context["shell"]["body"]
            else None,
            "body_seconds": CACHE_SECONDS,
            "headlines": SimpleLazyObject(headline_items),
            "support": SimpleLazyObject(lambda: support_headlines(data)),
            "own_share": SimpleLazyObject(own_share),
            "prestaties": SimpleLazyObject(
                lambda: pages.prestatie_rows(
                    data.figures,
                    links,
                    with_links=True,
                    # Data cached before the history was added has none.
                    history=getattr(data, "history", None),
                )
            ),
            "trend_charts": SimpleLazyObject(lambda: pages.trend_charts(data, links)),
            "spread_charts": SimpleLazyObject(
                lambda: pages.spread_charts(data.figures, links)
            ),
            "report": context["shell"]["report"],
        }


class DrillDownView(_DashboardBase):
    template_name = "reporting/dashboard_drilldown.html"
    form_class = DrillDownForm

    def page_context(self, form, data, links, context):
        figure = form.cleaned_data["figure"]
        key = form.cleaned_data["key"]
        context = {
            "figure": figure,
            "key": key,
            "title": pages.drill_title(figure, key, data.figures),
            "back_url": links.dashboard(),
        }
        if figure == FINANCE:
            context["mutations"] = [
                {"figure": m, "badge": status_badge("information")}
                for m in data.figures.mutations
            ]
            context["budget_lines"] = data.figures.budget_lines
            context["balances"] = data.trend.reserve_balances
            return context
        context["drilldown"] = drilldown_for(
            data.figures,
            province=form.province,
            programme=form.cleaned_data["programme"],
            figure=figure,
            key=key,
            with_organisations=sees_organisations(self.request.user),
        )
        return context
