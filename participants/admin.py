from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ContactPerson, Organisation


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
