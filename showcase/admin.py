from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Block, ContactRequest, ExportStory, PublicProfile, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en", "slug"]


@admin.register(PublicProfile)
class PublicProfileAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "is_published", "visibility", "changed_at"]
    list_filter = ["is_published", "visibility", "organisation__province"]
    search_fields = ["organisation__name"]
    raw_id_fields = ["organisation", "hidden_by", "reviewed_by"]


@admin.register(ExportStory)
class ExportStoryAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organisation", "visibility", "changed_at"]
    list_filter = ["visibility"]
    search_fields = ["title", "organisation__name"]
    raw_id_fields = ["organisation", "created_by", "hidden_by", "reviewed_by"]


@admin.register(ContactRequest)
class ContactRequestAdmin(SimpleHistoryAdmin):
    list_display = ["sender", "receiver", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["sender__name", "receiver__name"]
    raw_id_fields = [
        "sender",
        "receiver",
        "sender_user",
        "sender_contact",
        "receiver_contact",
        "decided_by",
    ]


@admin.register(Block)
class BlockAdmin(SimpleHistoryAdmin):
    list_display = ["blocker", "blocked", "created_at"]
    raw_id_fields = ["blocker", "blocked", "created_by"]
