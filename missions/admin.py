"""Admin: the managed list of themes, and a read-mostly view of the rest.

Statuses, seats and waiting-list positions change only through the services
(the back office), which keep capacity and the waiting list consistent.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from config.digits import AsciiDigitsModelForm

from .models import Mission, MissionResult, Registration, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Mission)
class MissionAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = ["title", "province", "country", "start_date", "status"]
    list_filter = ["province", "status", "country", "themes"]
    search_fields = ["title", "region", "event"]
    date_hierarchy = "start_date"
    readonly_fields = [
        "status",
        "capacity",
        "published_at",
        "completed_at",
        "cancelled_at",
        "created_by",
    ]
    autocomplete_fields = ["led_by"]
    filter_horizontal = ["themes"]


@admin.register(Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = ["organisation", "mission", "seats", "status", "created_at"]
    list_filter = ["status", "source", "mission__province"]
    search_fields = ["organisation__name", "organisation__kvk_number", "mission__title"]
    list_select_related = ["organisation", "mission"]
    readonly_fields = [
        "mission",
        "organisation",
        "seats",
        "status",
        "waitlist_position",
        "registered_by",
        "decided_by",
        "decided_at",
        "withdrawn_at",
    ]
    filter_horizontal = ["contacts"]


@admin.register(MissionResult)
class MissionResultAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = ["registration", "moment", "meetings", "leads", "deals"]
    list_filter = ["moment"]
    search_fields = ["registration__organisation__name"]
    list_select_related = ["registration__organisation", "registration__mission"]
    raw_id_fields = ["registration"]
