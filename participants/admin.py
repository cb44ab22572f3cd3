from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from .models import ContactPerson, Organisation
from .services import contact_person_anonymise


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
    list_filter = ["anonymised_at"]
    actions = ["anonymise"]

    @admin.action(
        description=_("Anonymise (AVG erasure request)"),
        permissions=["change"],
    )
    def anonymise(self, request, queryset):
        # For people without an account, who ask by e-mail (see /privacy/).
        count = sum(
            contact_person_anonymise(contact_id=pk)
            for pk in queryset.values_list("pk", flat=True)
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d contact person anonymised.",
                "%(count)d contact persons anonymised.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
