from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Track, TrackDocument, TrackNote, TrackStep


class StepInline(admin.TabularInline):
    model = TrackStep
    extra = 0


@admin.register(Track)
class TrackAdmin(SimpleHistoryAdmin):
    list_display = ("ambition", "province", "organisation", "adviser", "status")
    list_filter = ("province", "kind", "status")
    search_fields = ("ambition", "applicant_name", "organisation__name")
    list_select_related = ("province", "organisation", "adviser")
    raw_id_fields = ("organisation", "adviser", "applicant", "decided_by")
    inlines = [StepInline]


@admin.register(TrackDocument)
class TrackDocumentAdmin(SimpleHistoryAdmin):
    list_display = ("title", "track", "is_business_plan", "uploaded_at")
    raw_id_fields = ("track", "uploaded_by")


@admin.register(TrackNote)
class TrackNoteAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "track", "author_name", "created_at")
    raw_id_fields = ("track", "author")
