"""Results per registration: right after the mission, at 6 and at 12 months."""

import calendar
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from config.text_limits import check_text_length

from ..models import Mission, MissionResult, Registration

Moment = MissionResult.Moment
MOMENT_MONTHS = {Moment.AFTER: 0, Moment.MONTHS_6: 6, Moment.MONTHS_12: 12}


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def result_due_date(mission: Mission, moment: str) -> date:
    return add_months(mission.end_date, MOMENT_MONTHS[moment])


def result_moments_due(registration: Registration, today=None) -> list[str]:
    """The moments for which results can be filled in now."""
    if (
        registration.status != Registration.Status.ATTENDED
        or registration.mission.status != Mission.Status.COMPLETED
    ):
        return []
    today = today or timezone.localdate()
    return [
        moment
        for moment in MOMENT_MONTHS
        if moment == Moment.AFTER
        or result_due_date(registration.mission, moment) <= today
    ]


def _amount(value, field: str) -> Decimal:
    try:
        amount = Decimal(str(value if value not in (None, "") else 0))
    except InvalidOperation as error:
        raise ValidationError({field: _("Give an amount in euros.")}) from error
    if amount < 0:
        raise ValidationError({field: _("An amount cannot be negative.")})
    return amount


@transaction.atomic
def mission_result_save(
    *,
    registration: Registration,
    moment: str,
    by,
    meetings: int = 0,
    leads: int = 0,
    deals: int = 0,
    expected_export_turnover=0,
    realised_export_turnover=0,
    satisfaction: int | None = None,
    remarks: str = "",
    today=None,
) -> MissionResult:
    """Record (or correct) what the mission brought at one moment."""
    registration = (
        Registration.objects.select_for_update()
        .select_related("mission")
        .get(pk=registration.pk)
    )
    if moment not in MOMENT_MONTHS:
        raise ValidationError({"moment": _("Choose a moment for the results.")})
    if registration.status != Registration.Status.ATTENDED:
        raise ValidationError(
            _("Results can only be recorded for organisations that attended.")
        )
    if moment not in result_moments_due(registration, today=today):
        due = result_due_date(registration.mission, moment)
        raise ValidationError(
            _("These results can be filled in from %(date)s.")
            % {"date": formats.date_format(due, "j F Y")}
            if registration.mission.status == Mission.Status.COMPLETED
            else _("Results can be recorded once the mission is completed.")
        )
    if satisfaction is not None and not 1 <= int(satisfaction) <= 10:
        raise ValidationError(
            {"satisfaction": _("Give the satisfaction as a number from 1 to 10.")}
        )
    remarks = (remarks or "").strip()
    check_text_length(MissionResult, "remarks", remarks)
    for field, value in (("meetings", meetings), ("leads", leads), ("deals", deals)):
        if value is None or int(value) < 0:
            raise ValidationError({field: _("Give a number of 0 or more.")})
    result, _created = MissionResult.objects.update_or_create(
        registration=registration,
        moment=moment,
        defaults={
            "meetings": int(meetings),
            "leads": int(leads),
            "deals": int(deals),
            "expected_export_turnover": _amount(
                expected_export_turnover, "expected_export_turnover"
            ),
            "realised_export_turnover": _amount(
                realised_export_turnover, "realised_export_turnover"
            ),
            "satisfaction": int(satisfaction) if satisfaction is not None else None,
            "remarks": remarks,
            "submitted_by": by if getattr(by, "is_authenticated", False) else None,
        },
    )
    return result
