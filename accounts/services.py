"""Writes for accounts: roles and users."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from outbox.services import job_enqueue

from .models import User
from .roles import PARTNER_ROLES, PROVINCE_ROLES, Role, role_has_permission


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
    partner=None,
    mfa_exempt: bool = False,
    language: str = "",
    invite: bool = False,
) -> User:
    """Create a user with one role, and the province when the role needs one
    (or the partner organisation, for implementing partner staff).

    With `invite`, the person gets an e-mail (in `language`) with a link to
    choose a password, sent once the user is committed; without a password
    and without an invitation, the person can still use "forgot password".
    """
    if role not in Role.values:
        raise ValidationError(_("Unknown role: %(role)s.") % {"role": role})
    if role in PROVINCE_ROLES and province is None:
        raise ValidationError(
            _("A civil servant or portfolio holder needs a province.")
        )
    if role in PARTNER_ROLES and partner is None:
        raise ValidationError(
            _("Implementing partner staff need a partner organisation.")
        )
    if partner is not None and partner.kind != "partner":
        raise ValidationError(_("Choose an organisation of the kind partner."))
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            _("A user with e-mail address %(email)s already exists.") % {"email": email}
        )
    user = User.objects.create_user(
        email=email,
        password=password,
        name=name,
        province=province if role in PROVINCE_ROLES else None,
        partner=partner if role in PARTNER_ROLES else None,
        mfa_exempt=mfa_exempt,
        is_staff=role == Role.ADMINISTRATOR,
        language=_language_or_default(language),
    )
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    _email_address_mark_verified(user)
    if invite:
        user_invitation_queue(user=user)
    return user


def _language_or_default(language: str) -> str:
    offered = {code for code, _name in settings.LANGUAGES}
    return language if language in offered else settings.LANGUAGE_CODE


def user_invitation_queue(*, user: User) -> None:
    """Write the job that mails the invitation, in this transaction; the
    outbox hands it to Celery once it commits."""
    job_enqueue(
        key=f"invitation:{user.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
        task="accounts.tasks.user_invitation_send_task",
        kwargs={"user_id": user.pk},
    )


def user_invitation_send(*, user_id: int) -> bool:
    """E-mail a user a link to choose a password, in the user's language.

    The link is allauth's password reset link (valid for
    PASSWORD_RESET_TIMEOUT, usable once); the user can ask for a new one on
    the "forgot password" page. Returns whether a mail went out: not for a
    user that no longer exists or was deactivated.
    """
    from allauth.account import app_settings as allauth_settings
    from allauth.account.adapter import get_adapter
    from allauth.account.utils import user_pk_to_url_str

    from .adapter import password_reset_from_key_url
    from .forms import role_label

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    token = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    key = f"{user_pk_to_url_str(user)}-{token}"
    roles = sorted(user.groups.values_list("name", flat=True))
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "password_reset_url": password_reset_from_key_url(key),
            "role": ", ".join(role_label(name) for name in roles),
            "needs_two_factor": user.needs_two_factor
            and getattr(settings, "REQUIRE_STAFF_2FA", False),
        }
        get_adapter().send_mail("account/email/invitation", user.email, context)
    return True


def _email_address_mark_verified(user: User) -> None:
    """Users created by an administrator need not verify their address."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user,
        email=user.email,
        defaults={"verified": True, "primary": True},
    )


@transaction.atomic
def user_daily_digest_set(*, user: User, enabled: bool) -> User:
    """Turn the civil servant's daily digest e-mail on or off."""
    user.daily_digest = enabled
    user.save(update_fields=["daily_digest"])
    return user
