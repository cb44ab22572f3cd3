"""The civil servant's daily digest: the home page's work list by e-mail,
each morning, through the outbox; sent only when something waits, and only
to those who did not turn it off (User.daily_digest)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.roles import Role
from outbox.services import email_enqueue

from .worklists import civil_servant_work


def _absolute(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


@transaction.atomic
def civil_servant_digest_send(*, user_id: int, today=None) -> bool:
    """Queue today's digest for one civil servant; False when they turned it
    off, no longer qualify or nothing waits. Once per user and day: the
    outbox keeps one row per event and recipient."""
    today = today or timezone.localdate()
    user = (
        get_user_model()
        .objects.select_related("province")
        .filter(pk=user_id, is_active=True, daily_digest=True)
        .first()
    )
    if user is None or not user.is_civil_servant or user.province_id is None:
        return False
    with translation.override(user.language):
        items = [
            item for item in civil_servant_work(user=user, today=today) if item.count
        ]
        if not items:
            return False
        body = render_to_string(
            "reporting/email/digest.txt",
            {
                "user": user,
                "items": [(item, _absolute(item.url)) for item in items],
                "home_url": _absolute(reverse("home")),
                "site_name": settings.SITE_NAME,
            },
        )
        subject = _("What waits for %(province)s today") % {"province": user.province}
    email_enqueue(
        event=f"digest:{user.pk}:{today.isoformat()}",
        to=user.email,
        subject=subject,
        body=body,
        language=user.language,
    )
    return True


def civil_servant_digests_send(*, today=None) -> int:
    """Queue the digest of every civil servant who wants it; how many were
    queued. Each in its own transaction: one failure stops nobody else's."""
    ids = (
        get_user_model()
        .objects.filter(
            is_active=True,
            daily_digest=True,
            province__isnull=False,
            groups__name=Role.CIVIL_SERVANT,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return sum(civil_servant_digest_send(user_id=pk, today=today) for pk in ids)
