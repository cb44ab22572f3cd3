from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Question


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
