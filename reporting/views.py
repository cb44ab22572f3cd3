"""/rapportages/: request yearly reports, follow their status, read and
download them. Runs of another province answer 404 (filtered querysets);
files are streamed here after that check, never from MEDIA_URL."""

import os
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from accounts.permissions import ProvinceReaderRequiredMixin
from config.forms import add_service_errors

from .adoption_forms import adoption_context
from .forms import ReadyWithinForm, ReportRequestForm
from .models import ReportRun
from .rendering import report_context
from .selectors import ready_since, report_runs_for
from .services import report_run_request

DOWNLOADS = {
    "pdf": ("pdf_file", "PDF"),
    "docx": ("docx_file", "Word"),
    "xlsx": ("xlsx_file", "Excel"),
    "html": ("html_file", "HTML"),
}


def downloads(run: ReportRun) -> list[dict]:
    if not run.is_ready:
        return []
    return [
        {
            "kind": kind,
            "label": label,
            "url": reverse("reporting:download", args=[run.pk, kind]),
        }
        for kind, (field, label) in DOWNLOADS.items()
        if getattr(run, field)
    ]


class ReportRunListView(ProvinceReaderRequiredMixin, ListView):
    template_name = "reporting/reportrun_list.html"
    context_object_name = "runs"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.ready_form = ReadyWithinForm(request.GET or None)
        response = super().get(request, *args, **kwargs)
        if self.ready_form.is_bound and not self.ready_form.is_valid():
            response.status_code = 400
        return response

    def ready_within(self) -> int | None:
        form = getattr(self, "ready_form", None)
        if form is None or not form.is_valid():
            return None
        return form.cleaned_data["ready_within"]

    def get_queryset(self):
        runs = report_runs_for(user=self.request.user)
        days = self.ready_within()
        if days:
            runs = ready_since(runs, since=timezone.now() - timedelta(days=days))
        return runs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ReportRequestForm(user=self.request.user))
        context["ready_form"] = getattr(self, "ready_form", None)
        context["ready_within"] = self.ready_within()
        for run in context["runs"]:
            run.downloads = downloads(run)
        return context

    def post(self, request, *args, **kwargs):
        form = ReportRequestForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                run, created = report_run_request(
                    province=form.chosen_province,
                    year=data["year"],
                    scope=data["scope"],
                    programme=data.get("programme"),
                    prestatie=data.get("prestatie"),
                    language=data["language"],
                    requested_by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if run.queue_failed:
                    messages.warning(
                        request,
                        _(
                            "The report request has been recorded. Generating it "
                            "cannot start yet because the report service is "
                            "unreachable; it starts by itself as soon as the "
                            "service is back. This page shows when it is ready."
                        ),
                    )
                elif created:
                    messages.success(
                        request,
                        _("The report is queued. This page shows when it is ready."),
                    )
                else:
                    messages.info(
                        request,
                        _("This report was already being generated; you see that run."),
                    )
                return redirect("reporting:list")
        self.object_list = self.get_queryset()
        context = self.get_context_data(form=form)
        return self.render_to_response(context, status=400)


class RunMixin(ProvinceReaderRequiredMixin):
    def get_queryset(self):
        return report_runs_for(user=self.request.user)


class ReportRunDetailView(RunMixin, DetailView):
    template_name = "reporting/reportrun_detail.html"
    context_object_name = "run"

    def get_queryset(self):
        # The page shows the report, made from the frozen figures.
        return report_runs_for(user=self.request.user, figures=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = self.object
        context["downloads"] = downloads(run)
        # Adoption by GS and the status of actions (issue 16 item 6).
        context.update(
            adoption_context(user=self.request.user, run=run, context=context)
        )
        if run.is_ready:
            # The report in its own language, the page around it in the
            # reader's.
            with translation.override(run.language):
                context.update(report_context(run))
        return context


class ReportRunStatusView(RunMixin, View):
    """JSON for static/js/report-status.js, which polls active runs."""

    def get(self, request, pk):
        run = get_object_or_404(self.get_queryset(), pk=pk)
        return JsonResponse(
            {
                "id": run.pk,
                "status": run.status,
                "status_label": run.get_status_display(),
                "active": run.is_active,
                "error": run.error,
                "finished_at": (
                    timezone.localtime(run.finished_at).isoformat()
                    if run.finished_at
                    else None
                ),
                "detail_url": run.get_absolute_url(),
                "downloads": downloads(run),
            }
        )


class ReportRunDownloadView(RunMixin, View):
    def get(self, request, pk, kind):
        run = get_object_or_404(self.get_queryset(), pk=pk)
        if kind not in DOWNLOADS or not run.is_ready:
            raise Http404
        file = getattr(run, DOWNLOADS[kind][0])
        if not file:
            raise Http404
        try:
            handle = file.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        return FileResponse(
            handle,
            as_attachment=kind != "pdf",
            filename=os.path.basename(file.name),
        )
