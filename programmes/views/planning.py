"""Back office pages for prestaties, actions, indicators and what hangs below."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import forms, selectors, services
from ..money import format_euro, format_number
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


class PrestatieListView(ScopedListView):
    selector = selectors.prestatie_list
    filterset_class = year_programme_filter("year", "actions__programmes")
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

    def get_links(self, obj):
        return [
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


# Indicators, targets and entered values --------------------------------------


class IndicatorListView(ScopedListView):
    selector = selectors.indicator_list
    filterset_class = year_programme_filter(
        "action__prestatie__year", "action__programmes"
    )
    title = _("Indicators")
    columns = [
        (_("Indicator"), lambda i: i.name),
        (_("Action"), lambda i: i.action),
        (_("Realised value"), lambda i: i.get_source_display()),
        (
            _("Targets"),
            lambda i: (
                ", ".join(
                    f"{t.year}: {format_number(t.value)}" for t in i.targets.all()
                )
                or "–"
            ),
        ),
    ]


class IndicatorDetailView(ScopedDetailView):
    queryset_selector = selectors.indicator_detail_queryset
    extra_template = "programmes/includes/_indicator_extra.html"

    def get_fields(self, obj):
        return [
            (_("action"), obj.action),
            (_("name"), obj.name),
            (_("unit"), obj.unit or "–"),
            (_("counted"), obj.get_accumulation_display()),
            (_("realised value"), obj.get_source_display()),
            (_("computed figure"), obj.get_metric_display() or "–"),
        ]

    def get_links(self, obj):
        links = [
            (_("Edit"), reverse("programmes:indicator_update", args=[obj.pk])),
            (_("Set target"), reverse("programmes:target_create", args=[obj.pk])),
        ]
        if obj.source == obj.Source.ENTERED:
            links.append(
                (
                    _("Enter realised value"),
                    reverse("programmes:value_create", args=[obj.pk]),
                )
            )
        return links


class _UnderAction(ServiceFormView):
    def load_objects(self):
        self.action = scoped_object(
            selectors.action_detail_queryset, self.request.user, self.kwargs["pk"]
        )


class IndicatorCreateView(_UnderAction):
    form_class = forms.IndicatorForm
    title = _("New indicator")

    def perform(self, form):
        return services.indicator_create(
            action=self.action, by=self.request.user, **form.service_data()
        )


class IndicatorUpdateView(ServiceFormView):
    form_class = forms.IndicatorForm
    title = _("Edit indicator")

    def get_instance(self):
        return scoped_object(
            selectors.indicator_detail_queryset, self.request.user, self.kwargs["pk"]
        )

    def perform(self, form):
        return services.indicator_update(
            indicator=self.instance, data=form.service_data(), by=self.request.user
        )


class _UnderIndicator(ServiceFormView):
    def load_objects(self):
        self.indicator = scoped_object(
            selectors.indicator_detail_queryset, self.request.user, self.kwargs["pk"]
        )


class TargetCreateView(_UnderIndicator):
    form_class = forms.TargetForm
    title = _("Set target")

    def get_initial(self):
        return {"year": self.indicator.action.prestatie.year}

    def perform(self, form):
        services.indicator_target_set(
            indicator=self.indicator, by=self.request.user, **form.service_data()
        )
        return self.indicator


class TargetDetailView(ScopedDetailView):
    queryset_selector = selectors.target_queryset

    def get_fields(self, obj):
        return [
            (_("indicator"), obj.indicator),
            (_("year"), obj.year),
            (_("target"), format_number(obj.value)),
        ]

    def get_links(self, obj):
        return [(_("Edit"), reverse("programmes:target_update", args=[obj.pk]))]


class TargetUpdateView(ServiceFormView):
    form_class = forms.TargetForm
    title = _("Edit target")

    def get_instance(self):
        return scoped_object(
            selectors.target_queryset, self.request.user, self.kwargs["pk"]
        )

    def perform(self, form):
        return services.indicator_target_update(
            target=self.instance, data=form.service_data(), by=self.request.user
        )


class ValueListView(ScopedListView):
    selector = selectors.value_list
    filterset_class = year_programme_filter("year", "indicator__action__programmes")
    title = _("Entered values")
    columns = [
        (_("Indicator"), lambda v: v.indicator),
        (_("Year"), lambda v: v.year),
        (_("Realised"), lambda v: format_number(v.value)),
        (_("Note"), lambda v: v.note or "–"),
    ]


class ValueDetailView(ScopedDetailView):
    queryset_selector = selectors.value_list

    def get_fields(self, obj):
        return [
            (_("indicator"), obj.indicator),
            (_("year"), obj.year),
            (_("realised"), format_number(obj.value)),
            (_("note"), obj.note or "–"),
        ]

    def get_links(self, obj):
        return [(_("Edit"), reverse("programmes:value_update", args=[obj.pk]))]


class ValueCreateView(_UnderIndicator):
    form_class = forms.IndicatorValueForm
    title = _("Enter realised value")

    def perform(self, form):
        return services.indicator_value_set(
            indicator=self.indicator, by=self.request.user, **form.service_data()
        )


class ValueUpdateView(ServiceFormView):
    form_class = forms.IndicatorValueForm
    title = _("Edit realised value")

    def get_instance(self):
        return scoped_object(selectors.value_list, self.request.user, self.kwargs["pk"])

    def perform(self, form):
        return services.indicator_value_update(
            entry=self.instance, data=form.service_data(), by=self.request.user
        )


# Progress notes ---------------------------------------------------------------


class NoteListView(ScopedListView):
    selector = selectors.note_list
    filterset_class = year_programme_filter("year", "action__programmes")
    title = _("Progress notes")
    columns = [
        (_("Action"), lambda n: n.action),
        (_("Year"), lambda n: n.year),
        (_("Text"), lambda n: n.text[:120]),
        (_("Author"), lambda n: n.author or "–"),
    ]


class NoteDetailView(ScopedDetailView):
    queryset_selector = selectors.note_list

    def get_fields(self, obj):
        return [
            (_("action"), obj.action),
            (_("year"), obj.year),
            (_("text"), obj.text),
            (_("author"), obj.author or "–"),
            (_("written on"), obj.created_at),
        ]

    def get_links(self, obj):
        return [(_("Edit"), reverse("programmes:note_update", args=[obj.pk]))]


class NoteCreateView(_UnderAction):
    form_class = forms.ProgressNoteForm
    title = _("New progress note")

    def get_initial(self):
        return {"year": self.action.prestatie.year}

    def perform(self, form):
        return services.progress_note_create(
            action=self.action, by=self.request.user, **form.service_data()
        )


class NoteUpdateView(ServiceFormView):
    form_class = forms.ProgressNoteForm
    title = _("Edit progress note")

    def get_instance(self):
        return scoped_object(selectors.note_list, self.request.user, self.kwargs["pk"])

    def perform(self, form):
        return services.progress_note_update(
            note=self.instance, data=form.service_data(), by=self.request.user
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
