"""Back office pages for prestaties, their actions, intended results and
budget lines."""

import django_filters
from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from config.money import format_euro

from .. import forms, selectors, services
from ..realised import attach_realised
from .base import (
    ScopedDetailView,
    ScopedListView,
    ServiceFormView,
    scoped_object,
    user_province,
    year_programme_filter,
)


def _yes_no(value):
    return _("Yes") if value else _("No")


# Prestaties ----------------------------------------------------------------


class PrestatieFilter(year_programme_filter("year", "actions__programmes")):
    q = django_filters.CharFilter(label=_("Number or title"), method="filter_text")

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(code__icontains=value) | Q(title__icontains=value))


class PrestatieListView(ScopedListView):
    selector = selectors.prestatie_list
    filterset_class = PrestatieFilter
    title = _("Prestaties")
    create_url_name = "programmes:prestatie_create"
    columns = [
        (_("Number"), lambda p: p.code),
        (_("Title"), lambda p: p.title),
        (_("Year"), lambda p: p.year),
        (_("Actions"), lambda p: p.action_count),
        (_("Province"), lambda p: p.province),
    ]


class PrestatieDetailView(ScopedDetailView):
    """Reads like the yearly page: context, actions, notes, finance, basics."""

    template_name = "programmes/prestatie_detail.html"
    queryset_selector = selectors.prestatie_page_queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["realised_known"] = attach_realised(self.object.actions.all())
        return context

    def get_links(self, obj):
        links = [
            (_("Edit"), reverse("programmes:prestatie_update", args=[obj.pk])),
            (_("Add action"), reverse("programmes:action_create", args=[obj.pk])),
            (
                _("Add intended result"),
                reverse("programmes:result_create", args=[obj.pk]),
            ),
            (
                _("Add budget line"),
                reverse("programmes:budgetline_create", args=[obj.pk]),
            ),
        ]
        if services.continuation_existing(prestatie=obj, year=obj.year + 1) is None:
            links.append(
                (
                    _("Continue in %(year)s") % {"year": obj.year + 1},
                    reverse("programmes:prestatie_continue", args=[obj.pk]),
                )
            )
        if obj.reserve_id:
            mutation_url = reverse("programmes:mutation_create", args=[obj.reserve_id])
            links.append(
                (_("New reserve mutation"), f"{mutation_url}?prestatie={obj.pk}")
            )
        return links


class PrestatieCreateView(ServiceFormView):
    form_class = forms.PrestatieForm
    title = _("New prestatie")

    def perform(self, form):
        province = user_province(self.request.user, form)
        data = form.service_data()
        return services.prestatie_create(
            province=province, by=self.request.user, **data
        )


class PrestatieUpdateView(ServiceFormView):
    form_class = forms.PrestatieForm
    title = _("Edit prestatie")

    def get_instance(self):
        return scoped_object(
            selectors.prestatie_page_queryset, self.request.user, self.kwargs["pk"]
        )

    def perform(self, form):
        return services.prestatie_update(
            prestatie=self.instance, data=form.service_data(), by=self.request.user
        )


class PrestatieContinueView(ServiceFormView):
    """'Continue in <year>': a form prefilled from the prestatie; nothing is
    written until it is sent, so an abandoned copy leaves nothing behind."""

    form_class = forms.PrestatieContinueForm
    fields_by_code = {"already_continued": "code"}

    def load_objects(self):
        self.prestatie = scoped_object(
            selectors.prestatie_page_queryset, self.request.user, self.kwargs["pk"]
        )
        self.year = self.prestatie.year + 1

    def get(self, request, *args, **kwargs):
        existing = services.continuation_existing(
            prestatie=self.prestatie, year=self.year
        )
        if existing is not None:
            messages.info(
                request,
                _("%(code)s is already continued in %(year)s.")
                % {"code": self.prestatie.code, "year": self.year},
            )
            return HttpResponseRedirect(existing.get_absolute_url())
        return super().get(request, *args, **kwargs)

    @property
    def title(self):
        return _("Continue %(code)s in %(year)s") % {
            "code": self.prestatie.code,
            "year": self.year,
        }

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(prestatie=self.prestatie, year=self.year)
        return kwargs

    def get_initial(self):
        p = self.prestatie
        end_year = p.end_year
        if p.duration == p.Duration.PERIOD and end_year and end_year < self.year:
            end_year = self.year
        initial = {
            "code": p.code,
            "title": p.title,
            "purpose": p.purpose,
            "context": p.context,
            "finance_text": p.finance_text,
            "investment_explanation": p.investment_explanation,
            "portfolio_holder": p.portfolio_holder,
            "duration": p.duration,
            "start_year": p.start_year,
            "end_year": end_year,
        }
        proposals = services.continuation_target_values(prestatie=p, year=self.year)
        for pk, value in proposals.items():
            initial[f"target_{pk}"] = value
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.prestatie.get_absolute_url()
        return context

    def perform(self, form):
        return services.prestatie_continue(
            prestatie=self.prestatie,
            by=self.request.user,
            data=form.service_data(),
            targets=form.service_targets(),
        )


# Actions -------------------------------------------------------------------


class ActionListView(ScopedListView):
    selector = selectors.action_list
    filterset_class = year_programme_filter("prestatie__year", "programmes")
    title = _("Actions")
    columns = [
        (_("Action"), lambda a: a),
        (_("Text"), lambda a: a.text),
        (_("Year"), lambda a: a.prestatie.year),
        (
            _("Programmes"),
            lambda a: ", ".join(p.name for p in a.programmes.all()) or "–",
        ),
    ]


class ActionDetailView(ScopedDetailView):
    queryset_selector = selectors.action_detail_queryset
    extra_template = "programmes/includes/_action_extra.html"

    def get_fields(self, obj):
        return [
            (_("prestatie"), obj.prestatie),
            (_("number"), obj.number),
            (_("text"), obj.text),
            (
                _("programmes"),
                ", ".join(p.name for p in obj.programmes.all()) or "–",
            ),
        ]

    def get_links(self, obj):
        return [
            (_("Edit"), reverse("programmes:action_update", args=[obj.pk])),
            (_("Add indicator"), reverse("programmes:indicator_create", args=[obj.pk])),
            (_("Add progress note"), reverse("programmes:note_create", args=[obj.pk])),
        ]


class ActionCreateView(ServiceFormView):
    form_class = forms.ActionForm
    title = _("New action")

    def get_initial(self):
        return {"number": self.prestatie.actions.count() + 1}

    def load_objects(self):
        self.prestatie = scoped_object(
            selectors.prestatie_page_queryset, self.request.user, self.kwargs["pk"]
        )

    def perform(self, form):
        return services.action_create(
            prestatie=self.prestatie, by=self.request.user, **form.service_data()
        )


class ActionUpdateView(ServiceFormView):
    form_class = forms.ActionForm
    title = _("Edit action")

    def get_instance(self):
        return scoped_object(
            selectors.action_detail_queryset, self.request.user, self.kwargs["pk"]
        )

    def perform(self, form):
        return services.action_update(
            action=self.instance, data=form.service_data(), by=self.request.user
        )


# Intended results and budget lines ---------------------------------------------


class _UnderPrestatie(ServiceFormView):
    def load_objects(self):
        self.prestatie = scoped_object(
            selectors.prestatie_page_queryset, self.request.user, self.kwargs["pk"]
        )

    def get_initial(self):
        return {"year": self.prestatie.year}


class ResultListView(ScopedListView):
    selector = selectors.result_list
    filterset_class = year_programme_filter("year", "prestatie__actions__programmes")
    title = _("Intended results")
    columns = [
        (_("Intended result"), lambda r: r.text[:120]),
        (_("Prestatie"), lambda r: r.prestatie),
        (_("Year"), lambda r: r.year),
        (_("Status"), lambda r: r.get_status_display()),
    ]


class ResultDetailView(ScopedDetailView):
    queryset_selector = selectors.result_list

    def get_fields(self, obj):
        return [
            (_("prestatie"), obj.prestatie),
            (_("year"), obj.year),
            (_("order"), obj.position),
            (_("text"), obj.text),
            (_("status"), obj.get_status_display()),
        ]

    def get_links(self, obj):
        return [(_("Edit"), reverse("programmes:result_update", args=[obj.pk]))]


class ResultCreateView(_UnderPrestatie):
    form_class = forms.IntendedResultForm
    title = _("New intended result")

    def perform(self, form):
        return services.intended_result_create(
            prestatie=self.prestatie, by=self.request.user, **form.service_data()
        )


class ResultUpdateView(ServiceFormView):
    form_class = forms.IntendedResultForm
    title = _("Edit intended result")

    def get_instance(self):
        return scoped_object(
            selectors.result_list, self.request.user, self.kwargs["pk"]
        )

    def perform(self, form):
        data = form.service_data()
        if data.get("position") is None:
            data["position"] = self.instance.position
        return services.intended_result_update(
            result=self.instance, data=data, by=self.request.user
        )


class BudgetLineListView(ScopedListView):
    selector = selectors.budget_line_list
    filterset_class = year_programme_filter("year", "prestatie__actions__programmes")
    title = _("Budget lines")
    money_columns = (_("Planned"), _("After amendments"), _("Realised"))
    columns = [
        (_("Prestatie"), lambda b: b.prestatie),
        (_("Year"), lambda b: b.year),
        (_("Planned"), lambda b: format_euro(b.planned)),
        (_("After amendments"), lambda b: format_euro(b.amended) or "–"),
        (_("Realised"), lambda b: format_euro(b.realised) or "–"),
    ]


class BudgetLineDetailView(ScopedDetailView):
    queryset_selector = selectors.budget_line_list

    def get_fields(self, obj):
        return [
            (_("prestatie"), obj.prestatie),
            (_("year"), obj.year),
            (_("planned"), format_euro(obj.planned)),
            (_("after amendments"), format_euro(obj.amended) or "–"),
            (_("realised"), format_euro(obj.realised) or "–"),
        ]

    def get_links(self, obj):
        return [(_("Edit"), reverse("programmes:budgetline_update", args=[obj.pk]))]


class BudgetLineCreateView(_UnderPrestatie):
    form_class = forms.BudgetLineForm
    title = _("New budget line")

    def perform(self, form):
        return services.budget_line_create(
            prestatie=self.prestatie, by=self.request.user, **form.service_data()
        )


class BudgetLineUpdateView(ServiceFormView):
    form_class = forms.BudgetLineForm
    title = _("Edit budget line")

    def get_instance(self):
        return scoped_object(
            selectors.budget_line_list, self.request.user, self.kwargs["pk"]
        )

    def perform(self, form):
        return services.budget_line_update(
            line=self.instance, data=form.service_data(), by=self.request.user
        )
