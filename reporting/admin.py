from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ReportRun


@admin.register(ReportRun)
class ReportRunAdmin(SimpleHistoryAdmin):
    """Read-only: runs are made by the service, files served by the portal."""

    list_display = (
        "pk",
        "province",
        "year",
        "scope",
        "language",
        "status",
        "attempts",
        "requested_by",
        "requested_at",
        "heartbeat_at",
        "finished_at",
    )
    list_filter = ("status", "province", "year", "language", "scope")
    search_fields = ("error", "requested_by__email")
    date_hierarchy = "requested_at"
    list_select_related = ("province", "requested_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
