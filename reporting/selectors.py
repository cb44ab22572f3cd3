"""Reads of the reporting app. Figures live in reporting.figures."""

from django.db.models import F, QuerySet

from accounts.permissions import province_filter

from .models import ReportRun


def report_runs_for(*, user, figures: bool = False) -> QuerySet[ReportRun]:
    """The runs a user may see: their province's (all for administrators).

    Without their frozen figures unless `figures`: a run keeps all its
    report was made from (half a megabyte of JSON for the largest province
    at bench scale 10), which a list, a status poll, a download or a link to
    the latest report never reads."""
    runs = province_filter(
        ReportRun.objects.select_related(
            "province", "programme", "prestatie", "requested_by"
        ),
        user,
    )
    return runs if figures else runs.defer("figures")


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
