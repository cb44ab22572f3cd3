"""Writes for accounts: roles and users."""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import User
from .roles import PROVINCE_ROLES, Role, role_has_permission


def roles_sync(*, using: str = "default") -> None:
    """Create one group per role and give it exactly its permissions.

    Idempotent; runs after every migrate so new models get their permissions.
    """
    permissions = list(
        Permission.objects.using(using)
        .select_related("content_type")
        .only("id", "codename", "content_type__app_label")
    )
    for role in Role:
        group, _created = Group.objects.using(using).get_or_create(name=role.value)
        wanted = [
            perm.id
            for perm in permissions
            if role_has_permission(role, perm.content_type.app_label, perm.codename)
        ]
        group.permissions.set(wanted)


@transaction.atomic
def user_create(
    *,
    email: str,
    role: str,
    password: str | None = None,
    name: str = "",
    province=None,
    mfa_exempt: bool = False,
) -> User:
    """Create a user with one role, and the province when the role needs one."""
    if role not in Role.values:
        raise ValidationError(_("Unknown role: %(role)s.") % {"role": role})
    if role in PROVINCE_ROLES and province is None:
        raise ValidationError(
            _("A civil servant or portfolio holder needs a province.")
        )
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            _("A user with e-mail address %(email)s already exists.") % {"email": email}
        )
    user = User.objects.create_user(
        email=email,
        password=password,
        name=name,
        province=province if role in PROVINCE_ROLES else None,
        mfa_exempt=mfa_exempt,
        is_staff=role == Role.ADMINISTRATOR,
    )
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    _email_address_mark_verified(user)
    return user


def _email_address_mark_verified(user: User) -> None:
    """Users created by an administrator need not verify their address."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user,
        email=user.email,
        defaults={"verified": True, "primary": True},
    )
