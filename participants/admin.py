from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from config.digits import AsciiDigitsModelForm

from .models import ContactPerson, Engagement, MembershipRequest, Organisation
from .services import contact_person_anonymise


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    extra = 0
    fields = [
        "name",
        "email",
        "phone",
        "role",
        "user",
        "is_admin",
        "verified_via",
        "consent_future_missions",
    ]
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = ["name", "kvk_number", "kind", "sme_class", "municipality"]
    list_filter = ["kind", "sme_class", "province", "export_experience"]
    search_fields = ["name", "kvk_number"]
    inlines = [ContactPersonInline]


@admin.register(MembershipRequest)
class MembershipRequestAdmin(SimpleHistoryAdmin):
    """Read-only: requests are decided by the organisation's admin or the
    province in the portal, where the rules and e-mails are."""

    list_display = ["user", "organisation", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["user__email", "organisation__name", "organisation__kvk_number"]
    list_select_related = ["user", "organisation", "decided_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ContactPerson)
class ContactPersonAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "organisation",
        "email",
        "is_admin",
        "verified_via",
        "consent_future_missions",
    ]
    search_fields = ["name", "email", "organisation__name"]
    list_select_related = ["organisation"]
    raw_id_fields = ["organisation", "user"]
    list_filter = ["anonymised_at", "is_admin", "verified_via"]
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


@admin.register(Engagement)
class EngagementAdmin(SimpleHistoryAdmin):
    """Which provinces engage which partner organisation, for what."""

    list_display = ["partner", "province", "task", "since", "until"]
    list_filter = ["province", "task"]
    search_fields = ["partner__name", "note"]
    list_select_related = ["partner", "province"]
