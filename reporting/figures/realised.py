"""The portal's computed realised values, offered to the programmes pages."""

from django.db.models import Sum
from django.db.models.functions import Coalesce, ExtractYear

from missions.models import Mission, Registration

from .participation import ENTERPRISE_KINDS
from .trends import _computed


def realised_for_actions(action_ids: list[int], up_to: int):
    """value(action id, year, metric, cumulative) for completed missions up
    to `up_to`, as the reports count them. Five queries."""
    value = _computed(action_ids, up_to)
    # Seats of companies only: the reports' 'participating entrepreneurs'.
    entrepreneurs: dict[tuple[int, int], int] = {}
    for row in (
        Registration.objects.filter(
            status=Registration.Status.ATTENDED,
            mission__status=Mission.Status.COMPLETED,
            mission__action_id__in=action_ids,
            mission__start_date__year__lte=up_to,
            organisation__kind__in=ENTERPRISE_KINDS,
        )
        .annotate(year=ExtractYear("mission__start_date"))
        .values("mission__action_id", "year")
        .annotate(seats=Coalesce(Sum("seats"), 0))
        .order_by()
    ):
        entrepreneurs[(row["mission__action_id"], row["year"])] = row["seats"]

    def realised(action_id: int, year: int, metric: str, cumulative: bool):
        if metric != "entrepreneurs":
            # Missions' figures, and the desk's and tracks' (trends.py).
            return value(action_id, year, metric, cumulative)
        if not cumulative:
            return entrepreneurs.get((action_id, year), 0)
        return sum(
            seats
            for (action, seat_year), seats in entrepreneurs.items()
            if action == action_id and seat_year <= year
        )

    return realised
