"""Which missions and prestaties a set of figures covers."""

from __future__ import annotations

from django.db.models import (
    Q,
    QuerySet,
)

from missions.models import Mission
from programmes.models import (
    Action,
    Prestatie,
    Programme,
)

from .types import (
    ScopeKind,
)


class _Scope:
    """Which missions and prestaties a set of figures covers."""

    def __init__(self, *, province, year, programme=None, prestatie=None):
        if programme is not None and prestatie is not None:
            raise ValueError("Give a programme or a prestatie, not both.")
        for obj in (programme, prestatie):
            if obj is not None and obj.province_id != province.pk:
                raise ValueError("The scope must belong to the province.")
        if prestatie is not None and prestatie.year != year:
            raise ValueError("The prestatie must be of the year.")
        self.province = province
        self.year = year
        self.programme = programme
        self.prestatie = prestatie

    @property
    def kind(self) -> str:
        if self.prestatie is not None:
            return ScopeKind.PRESTATIE
        if self.programme is not None:
            return ScopeKind.PROGRAMME
        return ScopeKind.PROVINCE

    def as_dict(self) -> dict:
        data = {"kind": self.kind, "id": None, "code": "", "name": ""}
        if self.prestatie is not None:
            data |= {
                "id": self.prestatie.pk,
                "code": self.prestatie.code,
                "name": self.prestatie.title,
            }
        elif self.programme is not None:
            data |= {"id": self.programme.pk, "name": self.programme.name}
        return data

    def mission_filter(self, prefix: str = "") -> Q:
        """Missions in scope, any year and status; `prefix` reaches Mission."""
        p = prefix
        q = Q(**{f"{p}province_id": self.province.pk})
        if self.prestatie is not None:
            q &= Q(**{f"{p}action__prestatie_id": self.prestatie.pk})
        elif self.programme is not None:
            linked = Action.objects.filter(programmes=self.programme).values("pk")
            q &= (
                Q(**{f"{p}programme_id": self.programme.pk})
                | Q(**{f"{p}programme__parent_id": self.programme.pk})
                | Q(**{f"{p}action_id__in": linked})
            )
        return q

    def realised(self, prefix: str = "", *, up_to: bool = False) -> Q:
        year_lookup = "start_date__year__lte" if up_to else "start_date__year"
        return self.mission_filter(prefix) & Q(
            **{
                f"{prefix}status": Mission.Status.COMPLETED,
                f"{prefix}{year_lookup}": self.year,
            }
        )

    def prestaties(self) -> QuerySet[Prestatie]:
        qs = Prestatie.objects.filter(province=self.province, year=self.year)
        if self.prestatie is not None:
            qs = qs.filter(pk=self.prestatie.pk)
        elif self.programme is not None:
            programmes = Programme.objects.filter(
                Q(pk=self.programme.pk) | Q(parent_id=self.programme.pk)
            ).values("pk")
            qs = qs.filter(
                pk__in=Action.objects.filter(programmes__in=programmes).values(
                    "prestatie_id"
                )
            )
        return qs


# --- the queries ----------------------------------------------------------
