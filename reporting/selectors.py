"""Reads of the reporting app. Figures live in reporting.figures."""

from django.db.models import QuerySet

from accounts.permissions import province_filter

from .models import ReportRun


def report_runs_for(*, user) -> QuerySet[ReportRun]:
    """The runs a user may see: their province's (all for administrators)."""
    return province_filter(
        ReportRun.objects.select_related(
            "province", "programme", "prestatie", "requested_by"
        ),
        user,
    )
