from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import FaqEntry, Question


@admin.register(Question)
class QuestionAdmin(SimpleHistoryAdmin):
    list_display = (
        "subject",
        "province",
        "topic",
        "status",
        "assigned_to",
        "created_at",
    )
    list_filter = ("province", "topic", "status")
    search_fields = ("subject", "asker_name", "asker_email")
    list_select_related = ("province", "assigned_to")
    raw_id_fields = ("asked_by", "assigned_to", "answered_by")


@admin.register(FaqEntry)
class FaqEntryAdmin(SimpleHistoryAdmin):
    list_display = ("question", "province", "topic", "published_at")
    list_filter = ("province", "topic")
    search_fields = ("question", "answer")
    list_select_related = ("province",)
    raw_id_fields = ("source", "published_by")
