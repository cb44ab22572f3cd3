"""Admin for functional administrators: find, read and correct reference data.

The reserve ledger is read-only here: mutations are proposed, decided and
corrected in the back office, through the services that lock the reserve
and keep the balance at or above zero.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from config.digits import AsciiDigitsModelForm

from .models import (
    Action,
    BudgetLine,
    Decision,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    IntendedResult,
    Prestatie,
    Programme,
    ProgressNote,
    Reserve,
    ReserveMutation,
)


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "title", "body", "kind", "date", "province"]
    list_filter = ["province", "body", "kind"]
    search_fields = ["reference", "title"]
    date_hierarchy = "date"


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = [
        "name",
        "kind",
        "parent",
        "executing_partner",
        "start_year",
        "end_year",
        "granted_amount",
        "province",
    ]
    list_filter = ["province", "kind"]
    search_fields = ["name", "executing_partner", "description"]
    list_select_related = ["province", "parent"]
    autocomplete_fields = ["parent", "decisions"]


@admin.register(Reserve)
class ReserveAdmin(SimpleHistoryAdmin):
    list_display = ["name", "province"]
    list_filter = ["province"]
    search_fields = ["name"]


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fields = ["number", "text"]
    show_change_link = True


@admin.register(Prestatie)
class PrestatieAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = [
        "code",
        "title",
        "year",
        "province",
        "role",
        "duration",
        "portfolio_holder",
        "relates_to_reserve",
    ]
    list_filter = ["province", "year", "role", "duration", "relates_to_reserve"]
    search_fields = ["code", "title", "purpose", "portfolio_holder"]
    list_select_related = ["province"]
    autocomplete_fields = ["reserve", "predecessor", "investment_decisions"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = ["__str__", "text", "prestatie"]
    list_filter = ["prestatie__province", "prestatie__year"]
    search_fields = ["text", "prestatie__code", "prestatie__title"]
    list_select_related = ["prestatie"]
    autocomplete_fields = ["prestatie", "programmes"]


class TargetInline(admin.TabularInline):
    model = IndicatorTarget
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "action", "source", "metric", "accumulation", "unit"]
    list_filter = ["source", "metric", "action__prestatie__province"]
    search_fields = ["name", "action__text"]
    list_select_related = ["action__prestatie"]
    autocomplete_fields = ["action"]
    inlines = [TargetInline]


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = ["indicator", "year", "value"]
    list_filter = ["year"]
    search_fields = ["indicator__name"]
    list_select_related = ["indicator"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = ["indicator", "year", "value", "note"]
    list_filter = ["year"]
    search_fields = ["indicator__name", "note"]
    list_select_related = ["indicator"]


@admin.register(ProgressNote)
class ProgressNoteAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = ["action", "year", "author", "updated_at"]
    list_filter = ["year", "action__prestatie__province"]
    search_fields = ["text", "action__text"]
    list_select_related = ["action__prestatie", "author"]
    readonly_fields = ["author", "created_at", "updated_at"]


@admin.register(IntendedResult)
class IntendedResultAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = ["text", "prestatie", "year", "status"]
    list_filter = ["status", "year", "prestatie__province"]
    search_fields = ["text"]
    list_select_related = ["prestatie"]


@admin.register(BudgetLine)
class BudgetLineAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = ["prestatie", "year", "planned", "amended", "realised"]
    list_filter = ["year", "prestatie__province"]
    search_fields = ["prestatie__code", "prestatie__title"]
    list_select_related = ["prestatie"]


@admin.register(ReserveMutation)
class ReserveMutationAdmin(SimpleHistoryAdmin):
    form = AsciiDigitsModelForm
    list_display = [
        "reserve",
        "kind",
        "amount",
        "budget_year",
        "status",
        "prestatie",
        "decision",
        "corrects",
        "created_at",
    ]
    list_filter = ["status", "kind", "budget_year", "reserve__province", "reserve"]
    search_fields = [
        "explanation",
        "decision_basis",
        "reserve__name",
        "decision__reference",
    ]
    list_select_related = ["reserve", "prestatie", "decision", "corrects"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
