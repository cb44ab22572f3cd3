"""Admin: the outbox's state, for an administrator who wants to know why a
mail did not arrive, and the log of mails sent once per event. Bodies are
not shown (they may hold log-in links); the rows are written only by the
portal."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import OutboxMessage, SentMail
from .services import messages_retry


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "kind",
        "short_label",
        "recipient",
        "state",
        "attempts",
        "available_at",
        "sent_at",
    ]
    list_filter = ["state", "kind"]
    search_fields = ["key", "recipient", "task_name"]
    date_hierarchy = "created_at"
    fields = [
        "kind",
        "key",
        "state",
        "recipient",
        "language",
        "subject",
        "task_name",
        "task_kwargs",
        "attempts",
        "last_error",
        "created_at",
        "available_at",
        "dispatched_at",
        "claimed_at",
        "sent_at",
    ]
    readonly_fields = fields
    actions = ["send_again"]

    @admin.display(description=_("subject or task"))
    def short_label(self, obj):
        if obj.kind == OutboxMessage.Kind.EMAIL:
            return obj.subject[:80]
        return obj.task_name

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Viewing only; "send again" is an action with its own permission.
        return False

    def has_retry_permission(self, request):
        return request.user.has_perm("outbox.change_outboxmessage")

    @admin.action(description=_("Send failed messages again"), permissions=["retry"])
    def send_again(self, request, queryset):
        count = messages_retry(ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)s message queued again.",
                "%(count)s messages queued again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(SentMail)
class SentMailAdmin(admin.ModelAdmin):
    """Which event was mailed once, when and to whom (the key names it:
    ``registration:12:accepted``, ``request:12:received``)."""

    list_display = ["sent_at", "key", "recipients", "language"]
    search_fields = ["key", "recipients"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
