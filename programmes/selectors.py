"""Reads for the programmes app."""

from django.db.models import QuerySet

from accounts.permissions import province_filter

from .models import Prestatie, Programme


def prestatie_list(*, user, year: int | None = None) -> QuerySet[Prestatie]:
    """The prestaties the user may see, newest year first."""
    qs = province_filter(Prestatie.objects.select_related("province"), user)
    if year:
        qs = qs.filter(year=year)
    return qs.order_by("-year", "code")


def programme_list(*, user) -> QuerySet[Programme]:
    """The programmes the user may see, with their parent and province."""
    return province_filter(
        Programme.objects.select_related("province", "parent"), user
    ).order_by("name")
