"""Reads of the accounts app."""

from .models import User


def users_awaiting_role_count() -> int:
    """Active accounts without a role (group) that an administrator must
    give one; superusers need none."""
    return (
        User.objects.filter(is_active=True, is_superuser=False, groups__isnull=True)
        .order_by()
        .count()
    )
