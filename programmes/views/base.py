"""Building blocks for the back office views: access, filters, forms.

Reads are open to civil servants, portfolio holders and administrators,
writes to civil servants and administrators only (403 otherwise). Objects
are looked up in querysets limited to the user's province, so another
province's object answers 404.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import (
    ValidationError,
)
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView
from django_filters.views import FilterView

from accounts.permissions import (
    CivilServantRequiredMixin,
    ProvinceReaderRequiredMixin,
)
from config.forms import add_service_errors

from .. import selectors
from ..display import display_value


def can_write(user) -> bool:
    return user.is_authenticated and (user.is_administrator or user.is_civil_servant)


class ReadMixin(ProvinceReaderRequiredMixin):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_write"] = can_write(self.request.user)
        return context


class WriteMixin(CivilServantRequiredMixin):
    pass


def _programmes(request):
    if request is None:
        return selectors.programmes_for_choice(user=None).none()
    return selectors.programmes_for_choice(user=request.user)


class YearProgrammeFilter(django_filters.FilterSet):
    """Filter a list on budget year and on the programme that carries it out.

    Subclasses name the paths: `year_path` to the year field and
    `programme_path` to the programmes of the actions (None: no programme
    filter).
    """

    year = django_filters.NumberFilter(
        label=_("Year"), method="filter_year", min_value=1990, max_value=2100
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), queryset=_programmes, method="filter_programme"
    )
    year_path = "year"
    programme_path: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.programme_path is None:
            del self.filters["programme"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(**{self.year_path: value})

    def filter_programme(self, queryset, name, value):
        return queryset.filter(**{self.programme_path: value}).distinct()


def year_programme_filter(year_path: str, programme_path: str | None):
    return type(
        "Filter",
        (YearProgrammeFilter,),
        {"year_path": year_path, "programme_path": programme_path},
    )


class ScopedListView(ReadMixin, FilterView):
    """A filtered table. `columns`: (heading, function of a row) pairs;
    headings in `money_columns` are amounts, kept on one line."""

    template_name = "programmes/object_list.html"
    selector = None
    title = ""
    columns: list = []
    money_columns: tuple = ()
    create_url_name: str | None = None
    paginate_by = 50
    strict = False

    def get_queryset(self):
        return type(self).selector(user=self.request.user)

    def get(self, request, *args, **kwargs):
        if self.filterset_class is None:
            # A list without filters (reserves): FilterView insists on one.
            self.filterset = None
            self.object_list = self.get_queryset()
            return self.render_to_response(self.get_context_data())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title
        context["headings"] = [heading for heading, _ in self.columns]
        context["rows"] = [
            (
                row,
                [
                    (display_value(cell(row)), heading in self.money_columns)
                    for heading, cell in self.columns
                ],
            )
            for row in context["object_list"]
        ]
        context["create_url_name"] = self.create_url_name
        return context


class ScopedDetailView(ReadMixin, DetailView):
    """An object's page with its fields, links and 'Geschiedenis'."""

    template_name = "programmes/object_detail.html"
    queryset_selector = None
    extra_template: str | None = None

    def get_queryset(self):
        return type(self).queryset_selector(user=self.request.user)

    def get_fields(self, obj) -> list[tuple[str, object]]:
        return []

    def get_links(self, obj) -> list[tuple[str, str]]:
        """Write actions shown as buttons to those who may write."""
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        context["fields"] = [
            (label, display_value(value)) for label, value in self.get_fields(obj)
        ]
        context["links"] = self.get_links(obj) if context["can_write"] else []
        context["history"] = selectors.object_history(obj)
        context["extra_template"] = self.extra_template
        context["title"] = str(obj)
        return context


class ServiceFormView(WriteMixin, FormView):
    """A form whose valid data go to one service call.

    `load_objects()` looks up the object the new one belongs to in a
    province-scoped queryset (404 for another province), `get_instance()`
    the object being edited. A refused change
    shows the service's message with status 400 and writes nothing.
    """

    template_name = "programmes/object_form.html"
    title = ""
    success_message = _("Saved.")
    instance = None
    fields_by_code: dict[str, str] = {}

    def get_instance(self):
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        if self.instance is not None and hasattr(self.form_class, "_meta"):
            kwargs["instance"] = self.instance
        return kwargs

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not can_write(request.user):
            return super().dispatch(request, *args, **kwargs)
        # Only after the role check: a reader gets 403, not a 404 that
        # would depend on which province's object was asked for.
        self.load_objects()
        self.instance = self.get_instance()
        return super().dispatch(request, *args, **kwargs)

    def load_objects(self):
        """Look up the parent object(s) from the URL, province-scoped."""

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            result = self.perform(form)
        except ValidationError as error:
            add_service_errors(form, error, self.fields_by_code)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(result.get_absolute_url())

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title
        context["cancel_url"] = (
            self.instance.get_absolute_url() if self.instance is not None else ""
        )
        return context


def scoped_object(selector, user, pk):
    """An object from a province-scoped queryset, or 404."""
    return get_object_or_404(selector(user=user), pk=pk)


def user_province(user, form):
    """The province of a new top-level object: chosen by administrators."""
    return form.cleaned_data.pop("province", None) or user.province
