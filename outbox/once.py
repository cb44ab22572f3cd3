"""E-mail about an event that goes out once, to the right people.

Every "send once" mail of the portal (the registration notifications of
missions, the showcase and membership mails of participants and showcase)
shares these parts and one log, `outbox.models.SentMail`:

- `contact_recipients` picks the addresses: the contact persons named for
  the matter (a registration's), or else those of the organisation that
  have an account, or else all of its contacts with an address; anonymised
  contacts never, and every address once.
- `mail_once` claims the event's key in the log (`log_claim`: a row with a
  unique key, so a second claim of the same event finds it taken) and
  writes one e-mail per recipient to the outbox, in the recipient's
  language, in the same transaction. A retried task is then a no-op. The
  log row keeps the addresses and languages (erasure takes a person's out,
  outbox/scrubbers.py).

The caller names the event: ``registration:12:accepted``,
``request:12:received``, ``mission:5:organisation:3``. Contacts are
duck-typed (`email`, `language`, `user_id`, `anonymised_at`), so the
outbox imports no app.
"""

from collections.abc import Callable, Iterable

from django.db import IntegrityError, transaction
from django.utils import translation

from .models import SentMail
from .services import email_enqueue

Recipients = list[tuple[str, str]]


def _usable(contacts: Iterable) -> list:
    return [c for c in contacts if c.email and not c.anonymised_at]


def contact_recipients(
    contacts: Iterable = (), *, fallback: Iterable = ()
) -> Recipients:
    """(e-mail, language) of `contacts`, or when none has an address, of the
    `fallback` contacts with an account, or else all `fallback` contacts."""
    chosen = _usable(contacts)
    if not chosen:
        others = _usable(fallback)
        chosen = [c for c in others if c.user_id] or others
    seen, recipients = set(), []
    for contact in chosen:
        if contact.email.lower() not in seen:
            seen.add(contact.email.lower())
            recipients.append((contact.email, contact.language or "nl"))
    return recipients


def log_claim(key: str) -> SentMail | None:
    """The new log row for the event `key`, or None when that event is
    logged already (the unique key decides, also under a race)."""
    try:
        with transaction.atomic():
            return SentMail.objects.create(key=key)
    except IntegrityError:
        return None


@transaction.atomic
def mail_once(
    *,
    key: str,
    event: str,
    recipients: Callable[[], Recipients] | Recipients,
    render: Callable[[str], tuple[str, str]],
) -> bool:
    """Write `render(language) -> (subject, body)` to each recipient once.

    `key` names the event in the log (SentMail): when it was mailed before,
    nothing is written. `event` names it in the outbox's keys (with each
    recipient). The log row keeps the addresses and the languages. Returns
    whether any mail was written; the mails go out when the transaction
    commits.
    """
    log = log_claim(key)
    if log is None:
        return False
    if callable(recipients):
        recipients = recipients()
    for email, language in recipients:
        with translation.override(language):
            subject, body = render(language)
        email_enqueue(
            event=event, to=email, subject=subject, body=body, language=language
        )
    log.recipients = ", ".join(email for email, _language in recipients)
    log.language = ", ".join(sorted({lang for _email, lang in recipients}))
    log.save(update_fields=["recipients", "language"])
    return bool(recipients)
