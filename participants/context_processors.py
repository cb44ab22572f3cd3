"""The contact address of the province's team, for every page an
entrepreneur sees (issue 17, item 7)."""

from django.db.models import Exists, OuterRef
from django.utils.functional import SimpleLazyObject

from provinces.models import Province

from .models import Organisation


def _contacts_for(user) -> list:
    """The provinces of the user's organisations that have a contact address;
    without an organisation (or without an address there), every province's
    team that has one, so a newcomer knows where to ask."""
    provinces = list(
        Province.objects.exclude(contact_email="")
        .annotate(
            own=Exists(
                Organisation.objects.filter(
                    province=OuterRef("pk"), contacts__user=user
                )
            )
        )
        .order_by("name")
    )
    return [p for p in provinces if p.own] or provinces


def province_contacts(request):
    """`province_contacts`: read only when the page shows it (one query)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"province_contacts": SimpleLazyObject(lambda: _contacts_for(user))}
