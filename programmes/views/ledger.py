"""Back office pages for programmes, decisions, reserves and their ledger."""

import django_filters
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from config.digits import is_ascii_number
from config.money import format_euro

from .. import forms, selectors, services
from ..models import ReserveMutation
from .base import (
    ReadMixin,
    ScopedDetailView,
    ScopedListView,
    ServiceFormView,
    YearProgrammeFilter,
    scoped_object,
    user_province,
    year_programme_filter,
)

# Programmes ------------------------------------------------------------------


class ProgrammeYearFilter(YearProgrammeFilter):
    def filter_year(self, queryset, name, value):
        return queryset.filter(start_year__lte=value).filter(
            Q(end_year__isnull=True) | Q(end_year__gte=value)
        )


class ProgrammeListView(ScopedListView):
    """Programmes; the year filter keeps those running in that year."""

    selector = selectors.programme_list
    filterset_class = ProgrammeYearFilter
    title = _("Programmes")
    create_url_name = "programmes:programme_create"
    columns = [
        (_("Name"), lambda p: p.name),
        (_("Kind"), lambda p: p.get_kind_display()),
        (_("Part of"), lambda p: p.parent or "–"),
        (_("Executing partner"), lambda p: p.executing_partner or "–"),
        (_("Period"), lambda p: f"{p.start_year}–{p.end_year or ''}"),
        (_("Amount granted"), lambda p: format_euro(p.granted_amount) or "–"),
    ]


class ProgrammeDetailView(ScopedDetailView):
    queryset_selector = selectors.programme_detail_queryset
    extra_template = "programmes/includes/_programme_extra.html"

    def get_fields(self, obj):
        return [
            (_("province"), obj.province),
            (_("kind"), obj.get_kind_display()),
            (_("part of"), obj.parent or "–"),
            (_("executing partner"), obj.executing_partner or "–"),
            (_("start year"), obj.start_year),
            (_("end year"), obj.end_year or "–"),
            (_("amount granted"), format_euro(obj.granted_amount) or "–"),
            (_("description"), obj.description or "–"),
        ]

    def get_links(self, obj):
        return [(_("Edit"), reverse("programmes:programme_update", args=[obj.pk]))]


class ProgrammeCreateView(ServiceFormView):
    form_class = forms.ProgrammeForm
    title = _("New programme")

    def perform(self, form):
        province = user_province(self.request.user, form)
        return services.programme_create(
            province=province, by=self.request.user, **form.service_data()
        )


class ProgrammeUpdateView(ServiceFormView):
    form_class = forms.ProgrammeForm
    title = _("Edit programme")

    def get_instance(self):
        return scoped_object(
            selectors.programme_detail_queryset, self.request.user, self.kwargs["pk"]
        )

    def perform(self, form):
        return services.programme_update(
            programme=self.instance, data=form.service_data(), by=self.request.user
        )


# Decisions -------------------------------------------------------------------


class DecisionListView(ScopedListView):
    selector = selectors.decision_list
    filterset_class = year_programme_filter("date__year", "programmes")
    title = _("Decisions")
    create_url_name = "programmes:decision_create"
    columns = [
        (_("Title"), lambda d: d.title),
        (_("Reference"), lambda d: d.reference),
        (_("Decided by"), lambda d: d.body),
        (_("Date"), lambda d: d.date or "–"),
        (_("Kind"), lambda d: d.get_kind_display()),
    ]


class DecisionDetailView(ScopedDetailView):
    queryset_selector = selectors.decision_detail_queryset
    extra_template = "programmes/includes/_decision_extra.html"

    def get_fields(self, obj):
        return [
            (_("province"), obj.province),
            (_("decided by"), obj.get_body_display()),
            (_("reference"), obj.reference),
            (_("date"), obj.date or "–"),
            (_("kind"), obj.get_kind_display()),
            (
                _("number of the budget amendment in its year"),
                obj.amendment_number or "–",
            ),
            (_("link"), obj.url or "–"),
        ]

    def get_links(self, obj):
        return [(_("Edit"), reverse("programmes:decision_update", args=[obj.pk]))]


class DecisionCreateView(ServiceFormView):
    form_class = forms.DecisionForm
    title = _("New decision")

    def perform(self, form):
        province = user_province(self.request.user, form)
        return services.decision_create(
            province=province, by=self.request.user, **form.service_data()
        )


class DecisionUpdateView(ServiceFormView):
    form_class = forms.DecisionForm
    title = _("Edit decision")

    def get_instance(self):
        return scoped_object(
            selectors.decision_detail_queryset, self.request.user, self.kwargs["pk"]
        )

    def perform(self, form):
        return services.decision_update(
            decision=self.instance, data=form.service_data(), by=self.request.user
        )


# Reserves ----------------------------------------------------------------------


class ReserveListView(ScopedListView):
    selector = selectors.reserve_list
    filterset_class = None
    title = _("Reserves")
    create_url_name = "programmes:reserve_create"
    columns = [
        (_("Reserve"), lambda r: r.name),
        (_("Province"), lambda r: r.province),
        (
            _("Decided balance"),
            lambda r: format_euro(r.decided_balance),
        ),
        (_("Proposed withdrawals"), lambda r: format_euro(r.proposed_withdrawals)),
    ]


class ReserveDetailView(ReadMixin, DetailView):
    """The reserve with its ledger: decided mutations and running balance."""

    template_name = "programmes/reserve_detail.html"

    def get_queryset(self):
        return selectors.reserves_for_choice(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ledger"] = selectors.reserve_ledger(reserve=self.object)
        context["history"] = selectors.object_history(self.object)
        context["title"] = str(self.object)
        return context


class ReserveCreateView(ServiceFormView):
    form_class = forms.ReserveForm
    title = _("New reserve")

    def perform(self, form):
        province = user_province(self.request.user, form)
        return services.reserve_create(
            province=province, by=self.request.user, **form.service_data()
        )


class ReserveUpdateView(ServiceFormView):
    form_class = forms.ReserveForm
    title = _("Edit reserve")

    def get_instance(self):
        return scoped_object(
            selectors.reserves_for_choice, self.request.user, self.kwargs["pk"]
        )

    def perform(self, form):
        return services.reserve_update(
            reserve=self.instance, data=form.service_data(), by=self.request.user
        )


# Mutations ---------------------------------------------------------------------


def _mutation_kind(m):
    text = m.get_kind_display()
    if m.corrects_id:
        text = _("%(kind)s (counter-mutation)") % {"kind": text}
    return text


class MutationFilter(
    year_programme_filter("budget_year", "prestatie__actions__programmes")
):
    """The ledger: by year and programme, status and kind, and a search in
    reserve, prestatie, decision and explanation."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ReserveMutation.Status.choices,
        empty_label=_("All"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ReserveMutation.Kind.choices, empty_label=_("All")
    )

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(reserve__name__icontains=value)
            | Q(prestatie__code__icontains=value)
            | Q(prestatie__title__icontains=value)
            | Q(decision__reference__icontains=value)
            | Q(decision__title__icontains=value)
            | Q(explanation__icontains=value)
        )


class MutationListView(ScopedListView):
    selector = selectors.mutation_list
    filterset_class = MutationFilter
    title = _("Reserve mutations")
    money_columns = (_("Amount"),)
    columns = [
        (_("Mutation"), lambda m: _mutation_kind(m)),
        (_("Reserve"), lambda m: m.reserve),
        (_("Amount"), lambda m: format_euro(m.amount)),
        (_("Budget year"), lambda m: m.budget_year),
        (_("Prestatie"), lambda m: m.prestatie or "–"),
        (_("Status"), lambda m: m.get_status_display()),
        (_("Decision"), lambda m: m.decision.reference if m.decision else "–"),
    ]


class MutationDetailView(ScopedDetailView):
    queryset_selector = selectors.mutation_detail_queryset
    extra_template = "programmes/includes/_mutation_extra.html"

    def get_fields(self, obj):
        return [
            (_("reserve"), obj.reserve),
            (_("kind"), _mutation_kind(obj)),
            (_("amount"), format_euro(obj.amount)),
            (_("budget year"), obj.budget_year),
            (_("prestatie"), obj.prestatie or "–"),
            (_("status"), obj.get_status_display()),
            (_("decision"), obj.decision or "–"),
            (_("basis of the decision"), obj.decision_basis or "–"),
            (_("explanation"), obj.explanation or "–"),
            (_("entered by"), obj.created_by or "–"),
            (_("entered on"), obj.created_at),
            (_("decided by"), obj.decided_by or "–"),
            (_("decided on"), obj.decided_at or "–"),
        ]

    def get_links(self, obj):
        if obj.status == ReserveMutation.Status.PROPOSED:
            return [
                (_("Edit"), reverse("programmes:mutation_update", args=[obj.pk])),
                (
                    _("Record decision"),
                    reverse("programmes:mutation_decide", args=[obj.pk]),
                ),
            ]
        if not obj.corrections.all():
            return [
                (
                    _("Correct with a counter-mutation"),
                    reverse("programmes:mutation_counter", args=[obj.pk]),
                )
            ]
        return []


class MutationCreateView(ServiceFormView):
    form_class = forms.MutationForm
    title = _("New reserve mutation")
    fields_by_code = {"overdraw": "amount"}

    def load_objects(self):
        self.reserve = scoped_object(
            selectors.reserves_for_choice, self.request.user, self.kwargs["pk"]
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "reserve": self.reserve}

    def get_initial(self):
        # Coming from a prestatie's page: preselect it (the form's choices
        # are province-scoped, so a foreign id is simply not offered).
        prestatie = self.request.GET.get("prestatie", "")
        return {"prestatie": int(prestatie)} if is_ascii_number(prestatie) else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.reserve.get_absolute_url()
        return context

    def perform(self, form):
        data = form.service_data()
        if data.pop("already_decided"):
            return services.reserve_mutation_record_decided(
                reserve=self.reserve, by=self.request.user, **data
            )
        return services.reserve_mutation_propose(
            reserve=self.reserve, by=self.request.user, **data
        )


class _OnMutation(ServiceFormView):
    def get_instance(self):
        return scoped_object(
            selectors.mutation_detail_queryset, self.request.user, self.kwargs["pk"]
        )


class MutationUpdateView(_OnMutation):
    form_class = forms.MutationForm
    title = _("Edit proposed mutation")
    fields_by_code = {"overdraw": "amount"}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "reserve": self.instance.reserve}

    def perform(self, form):
        return services.reserve_mutation_update(
            mutation=self.instance, data=form.service_data(), by=self.request.user
        )


class MutationDecideView(_OnMutation):
    form_class = forms.DecideForm
    title = _("Record the decision on this mutation")
    success_message = _("The mutation has been decided.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "mutation": self.instance}

    def perform(self, form):
        return services.reserve_mutation_decide(
            mutation=self.instance,
            decision=form.cleaned_data["decision"],
            decision_basis=form.cleaned_data["decision_basis"],
            by=self.request.user,
        )


class MutationCounterView(_OnMutation):
    form_class = forms.CounterForm
    title = _("Correct with a counter-mutation")
    success_message = _("The counter-mutation has been entered.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "mutation": self.instance}

    def perform(self, form):
        return services.reserve_mutation_counter(
            mutation=self.instance, by=self.request.user, **form.cleaned_data
        )
