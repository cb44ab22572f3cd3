"""E-mail about an event that goes out once, to the right people.

Two parts every "send once" mail of the portal shares (the registration
notifications of missions, the showcase mails):

- `contact_recipients` picks the addresses: the contact persons named for
  the matter (a registration's), or else those of the organisation that
  have an account, or else all of its contacts with an address; anonymised
  contacts never, and every address once.
- `mail_once` claims the event in the caller's log model (a row with a
  unique constraint: a second claim of the same event finds it taken) and
  writes one e-mail per recipient to the outbox, in the recipient's
  language, in the same transaction. A retried task is then a no-op.

Contacts are duck-typed (`email`, `language`, `user_id`, `anonymised_at`),
so the outbox imports no app.
"""

from collections.abc import Callable, Iterable

from django.db import IntegrityError, models, transaction
from django.utils import translation

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


def log_claim(model: type[models.Model], **fields) -> models.Model | None:
    """The new log row for `fields`, or None when that event is logged
    already (the model's unique constraint decides, also under a race)."""
    try:
        with transaction.atomic():
            return model.objects.create(**fields)
    except IntegrityError:
        return None


@transaction.atomic
def mail_once(
    *,
    claim: Callable[[], models.Model | None],
    event: str,
    recipients: Callable[[], Recipients] | Recipients,
    render: Callable[[str], tuple[str, str]],
) -> bool:
    """Write `render(language) -> (subject, body)` to each recipient once.

    `claim()` returns the event's new log row, or None when it was mailed
    before: then nothing is written. The log row keeps the addresses (and,
    when it has a `language` field, the languages). Returns whether any mail
    was written; the mails go out when the transaction commits.
    """
    log = claim()
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
    fields = ["recipients"]
    if any(field.name == "language" for field in log._meta.fields):
        log.language = ", ".join(sorted({lang for _email, lang in recipients}))
        fields.append("language")
    log.save(update_fields=fields)
    return bool(recipients)
