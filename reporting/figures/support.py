"""The figures of the information desk and the advisory tracks (issue 18).

Counted per province and year, over the whole province (questions and
tracks are not linked to an action): a computed indicator with one of
these metrics, of any action of the province, shows the province's figure.

- *questions received*: questions asked in the year (``created_at``);
- *questions answered*: answered or referred in the year (``answered_at``);
- *within the target time*: of those, answered at most DESK_RESPONSE_DAYS
  calendar days after they were asked;
- *tracks started*: accepted and paired in the year (``started_at``);
- *tracks finished*: finished in the year (``finished_at``);
- *plans delivered*: of those, the ones whose business plan was finished.

Years are those of Europe/Amsterdam. Erasing a person blanks texts and
names, never these dates and statuses, so the figures stay the same.
Four queries, whatever the number of questions, tracks or years.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear

from advice.models import Track
from desk.models import Question

METRICS = (
    "questions_received",
    "questions_answered",
    "questions_in_time",
    "tracks_started",
    "tracks_finished",
    "plans_delivered",
)


@dataclass
class SupportFigure:
    """The desk's and the advisory tracks' figures of a province's year."""

    questions_received: int = 0
    questions_answered: int = 0
    questions_in_time: int = 0
    tracks_started: int = 0
    tracks_finished: int = 0
    plans_delivered: int = 0
    response_days: int = 0

    @property
    def any(self) -> bool:
        return any(getattr(self, name) for name in METRICS)


class SupportCounts:
    """Per (province id, year) each metric; ``value()`` as the indicators
    ask for it: the year, or every year up to and including it."""

    def __init__(self, province_ids, up_to: int):
        self.annual: dict[tuple[int, int], dict[str, int]] = {}
        ids = list(province_ids)
        if not ids:
            return
        days = timedelta(days=settings.DESK_RESPONSE_DAYS)
        answered = Q(status__in=(Question.Status.ANSWERED, Question.Status.REFERRED))
        rows = (
            (
                Question.objects.filter(province_id__in=ids),
                "created_at",
                {"questions_received": Count("pk")},
            ),
            (
                Question.objects.filter(answered, province_id__in=ids),
                "answered_at",
                {
                    "questions_answered": Count("pk"),
                    "questions_in_time": Count(
                        "pk", filter=Q(answered_at__lte=F("created_at") + days)
                    ),
                },
            ),
            (
                Track.objects.filter(province_id__in=ids),
                "started_at",
                {"tracks_started": Count("pk")},
            ),
            (
                Track.objects.filter(province_id__in=ids, status=Track.Status.FINISHED),
                "finished_at",
                {
                    "tracks_finished": Count("pk"),
                    "plans_delivered": Count("pk", filter=Q(plan_finished=True)),
                },
            ),
        )
        for queryset, moment, counts in rows:
            for row in (
                queryset.filter(**{f"{moment}__isnull": False})
                .annotate(year=ExtractYear(moment))
                .filter(year__lte=up_to)
                .values("province_id", "year")
                .annotate(**counts)
                .order_by()
            ):
                self.annual.setdefault((row["province_id"], row["year"]), {}).update(
                    {name: row[name] for name in counts}
                )

    def value(self, province_id: int, year: int, metric: str, cumulative: bool):
        if not cumulative:
            return self.annual.get((province_id, year), {}).get(metric, 0)
        return sum(
            values.get(metric, 0)
            for (province, y), values in self.annual.items()
            if province == province_id and y <= year
        )

    def figure(self, province_id: int, year: int) -> SupportFigure:
        values = self.annual.get((province_id, year), {})
        return SupportFigure(
            **{name: values.get(name, 0) for name in METRICS},
            response_days=settings.DESK_RESPONSE_DAYS,
        )
