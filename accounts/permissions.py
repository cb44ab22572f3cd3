"""Access by role and by province, for views of every app.

Objects of another province are not forbidden but absent: querysets are
filtered, so get_object() answers 404 and nothing leaks that they exist.
"""

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied

from .roles import Role


class RoleRequiredMixin(AccessMixin):
    """Logged-in users with one of `allowed_roles`; others get 403."""

    allowed_roles: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return self.handle_no_permission()
        if not (user.is_administrator or user.has_role(*self.allowed_roles)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CivilServantRequiredMixin(RoleRequiredMixin):
    allowed_roles = (Role.CIVIL_SERVANT,)


class CivilServantOrPartnerRequiredMixin(RoleRequiredMixin):
    """Pages of work a province may hand to an implementing partner
    (missions, the desk). The view still limits its objects: partner staff
    see only what their organisation runs."""

    allowed_roles = (Role.CIVIL_SERVANT, Role.PARTNER)


class ProvinceReaderRequiredMixin(RoleRequiredMixin):
    allowed_roles = (Role.CIVIL_SERVANT, Role.PORTFOLIO_HOLDER)


class SmeRequiredMixin(RoleRequiredMixin):
    allowed_roles = (Role.SME,)


def province_filter(queryset, user, field: str = "province"):
    """Limit a queryset to the user's province; administrators see all."""
    if user.is_administrator:
        return queryset
    if user.province_id is None:
        return queryset.none()
    return queryset.filter(**{field: user.province_id})


class ProvinceScopedMixin:
    """Queryset views limited to the user's province through `province_field`."""

    province_field = "province"

    def get_queryset(self):
        return province_filter(
            super().get_queryset(), self.request.user, self.province_field
        )
