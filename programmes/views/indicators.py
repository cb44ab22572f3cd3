"""Back office pages for indicators, targets, entered values and progress
notes."""

from django.conf import settings
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from config.money import format_number

from .. import forms, selectors, services
from .base import (
    ScopedDetailView,
    ScopedListView,
    ServiceFormView,
    scoped_object,
    year_programme_filter,
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

    def get_form_kwargs(self):
        # A count indicator gets a whole-number field, a money one euros.
        return {**super().get_form_kwargs(), "indicator": self.indicator}


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
    template_name = "programmes/note_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The report's section as it prints now; reporting provides it
        # through a setting, so programmes imports nothing of reporting.
        path = getattr(settings, "PROGRAMMES_NOTE_PREVIEW", "")
        context["preview"] = import_string(path)(self.instance) if path else None
        return context

    def get_instance(self):
        return scoped_object(selectors.note_list, self.request.user, self.kwargs["pk"])

    def perform(self, form):
        return services.progress_note_update(
            note=self.instance, data=form.service_data(), by=self.request.user
        )
