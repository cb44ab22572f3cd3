"""Portal e-mails written to the outbox once per key (outbox.once, with the
outbox's log of mails sent once): the membership e-mails of this app and
the showcase's."""

from django.conf import settings

from outbox.once import mail_once as outbox_mail_once


def absolute(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


def mail_once(*, key: str, recipients, render) -> bool:
    """Write `render() -> (subject, body)` for each recipient to the outbox,
    in the recipient's language, once per key (outbox.once.mail_once): a
    second call with the same key writes nothing. The mails go out when the
    transaction commits."""
    return outbox_mail_once(
        key=key,
        event=f"showcase:{key}",
        recipients=recipients,
        render=lambda _language: render(),
    )
