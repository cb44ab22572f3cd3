"""Reads of what hangs under a prestatie: actions, indicators with targets
and values, progress notes, intended results and budget lines."""

from django.db.models import (
    Prefetch,
    QuerySet,
)

from accounts.permissions import province_filter
from programmes.models import (
    Action,
    BudgetLine,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    IntendedResult,
    ProgressNote,
)

# Objects under a prestatie -------------------------------------------------


PRESTATIE_PROVINCE = "prestatie__province"
ACTION_PROVINCE = "action__prestatie__province"
INDICATOR_PROVINCE = "indicator__action__prestatie__province"


def _by_year_and_programme(qs, year, programme, year_field, programme_path):
    if year:
        qs = qs.filter(**{year_field: year})
    if programme:
        qs = qs.filter(**{programme_path: programme}).distinct()
    return qs


def action_list(*, user, year=None, programme=None) -> QuerySet[Action]:
    qs = province_filter(
        Action.objects.select_related("prestatie").prefetch_related("programmes"),
        user,
        PRESTATIE_PROVINCE,
    )
    qs = _by_year_and_programme(qs, year, programme, "prestatie__year", "programmes")
    return qs.order_by("-prestatie__year", "prestatie__code", "number")


def action_detail_queryset(*, user) -> QuerySet[Action]:
    return province_filter(
        Action.objects.select_related("prestatie").prefetch_related(
            "programmes",
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related("targets", "values"),
            ),
            Prefetch(
                "progress_notes",
                queryset=ProgressNote.objects.select_related("author"),
            ),
        ),
        user,
        PRESTATIE_PROVINCE,
    )


def indicator_list(*, user, year=None, programme=None) -> QuerySet[Indicator]:
    qs = province_filter(
        Indicator.objects.select_related("action__prestatie").prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")),
            Prefetch("values", queryset=IndicatorValue.objects.order_by("year")),
        ),
        user,
        ACTION_PROVINCE,
    )
    qs = _by_year_and_programme(
        qs, year, programme, "action__prestatie__year", "action__programmes"
    )
    return qs.order_by("-action__prestatie__year", "action__prestatie__code", "id")


def indicator_detail_queryset(*, user) -> QuerySet[Indicator]:
    return province_filter(
        Indicator.objects.select_related("action__prestatie").prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")),
            Prefetch("values", queryset=IndicatorValue.objects.order_by("year")),
        ),
        user,
        ACTION_PROVINCE,
    )


def target_queryset(*, user) -> QuerySet[IndicatorTarget]:
    return province_filter(
        IndicatorTarget.objects.select_related("indicator__action__prestatie"),
        user,
        INDICATOR_PROVINCE,
    )


def value_list(*, user, year=None, programme=None) -> QuerySet[IndicatorValue]:
    qs = province_filter(
        IndicatorValue.objects.select_related("indicator__action__prestatie"),
        user,
        INDICATOR_PROVINCE,
    )
    qs = _by_year_and_programme(
        qs, year, programme, "year", "indicator__action__programmes"
    )
    return qs.order_by("-year", "indicator__action__prestatie__code", "id")


def note_list(*, user, year=None, programme=None) -> QuerySet[ProgressNote]:
    qs = province_filter(
        ProgressNote.objects.select_related("action__prestatie", "author"),
        user,
        ACTION_PROVINCE,
    )
    qs = _by_year_and_programme(qs, year, programme, "year", "action__programmes")
    return qs.order_by("-year", "action__prestatie__code", "action__number", "id")


def result_list(*, user, year=None, programme=None) -> QuerySet[IntendedResult]:
    qs = province_filter(
        IntendedResult.objects.select_related("prestatie"), user, PRESTATIE_PROVINCE
    )
    qs = _by_year_and_programme(
        qs, year, programme, "year", "prestatie__actions__programmes"
    )
    return qs.order_by("-year", "prestatie__code", "position", "id")


def budget_line_list(*, user, year=None, programme=None) -> QuerySet[BudgetLine]:
    qs = province_filter(
        BudgetLine.objects.select_related("prestatie"), user, PRESTATIE_PROVINCE
    )
    qs = _by_year_and_programme(
        qs, year, programme, "year", "prestatie__actions__programmes"
    )
    return qs.order_by("-year", "prestatie__code")
