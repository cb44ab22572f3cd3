"""Reads of the reporting app. Figures live in reporting.figures."""

from django.db.models import F, QuerySet

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


def latest_report_for(*, user) -> ReportRun | None:
    """The user's province's newest ready report."""
    return (
        report_runs_for(user=user)
        .filter(status=ReportRun.Status.SUCCEEDED)
        .order_by(F("finished_at").desc(nulls_last=True), "-pk")
        .first()
    )


def ready_since(runs: QuerySet[ReportRun], *, since) -> QuerySet[ReportRun]:
    """The runs that became ready since `since`."""
    return runs.filter(status=ReportRun.Status.SUCCEEDED, finished_at__gte=since)


def reports_ready_count(*, user, since) -> int:
    """Reports of the user's province that became ready since `since`."""
    return ready_since(
        province_filter(ReportRun.objects.order_by(), user), since=since
    ).count()
