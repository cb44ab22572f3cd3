"""Portal e-mails written to the outbox once per key (the ShowcaseMail log):
the membership e-mails of this app and the showcase's."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation

from outbox.services import email_enqueue

from .models import ShowcaseMail


def absolute(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


def mail_once(*, key: str, recipients, render) -> bool:
    """Write `render(language) -> (subject, body)` for each recipient to
    the outbox, once per key: a second call with the same key writes
    nothing. The mails go out when the transaction commits."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                log = ShowcaseMail.objects.create(key=key)
        except IntegrityError:
            return False
        for email, language in recipients:
            with translation.override(language):
                subject, body = render()
            email_enqueue(
                event=f"showcase:{key}",
                to=email,
                subject=subject,
                body=body,
                language=language,
            )
        log.recipients = ", ".join(email for email, _language in recipients)
        log.save(update_fields=["recipients"])
    return bool(recipients)
