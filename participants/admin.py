from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Block,
    ContactPerson,
    ContactRequest,
    ExportStory,
    Organisation,
    PublicProfile,
    Sector,
)


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    extra = 0
    fields = ["name", "email", "phone", "role", "user", "consent_future_missions"]
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kvk_number", "kind", "sme_class", "municipality"]
    list_filter = ["kind", "sme_class", "province", "export_experience"]
    search_fields = ["name", "kvk_number"]
    inlines = [ContactPersonInline]


@admin.register(ContactPerson)
class ContactPersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "email", "consent_future_missions"]
    search_fields = ["name", "email", "organisation__name"]
    list_select_related = ["organisation"]
    raw_id_fields = ["organisation", "user"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
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
