"""E-mails about registrations, each kind sent once per registration.

A service that changes a registration writes a job to the outbox in its own
transaction (``registration_notify_later``); the job renders the mail in
each recipient's language and writes one outbox e-mail per recipient, in
the same transaction as its row in the outbox's log of mails sent once
(``outbox.SentMail``, key ``registration:<id>:<kind>``). That row is the
guard: its unique key makes a second attempt (a retried job, a second
sweep) a no-op, and the outbox sends each recipient's mail at most once.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from outbox.models import SentMail
from outbox.once import contact_recipients, mail_once
from outbox.services import email_enqueue, job_enqueue

from .models import Mission, Registration


class NotificationKind(models.TextChoices):
    """The e-mails about a registration; each goes out once per registration."""

    CONFIRMATION = "confirmation", _("Sign-up received")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("Waiting list")
    PROMOTED = "promoted", _("Promoted from the waiting list")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawal confirmed")
    CANCELLED = "cancelled", _("Mission cancelled")
    RESULTS_AFTER = "results_after", _("Results invitation, right after")
    RESULTS_6 = "results_6_months", _("Results invitation, 6 months")
    RESULTS_12 = "results_12_months", _("Results invitation, 12 months")
    REMINDER = "reminder", _("Reminder before the start")


Kind = NotificationKind
Status = Registration.Status

SUBJECTS = {
    Kind.CONFIRMATION: _("We received your sign-up for %(mission)s"),
    Kind.ACCEPTED: _("You are taking part in %(mission)s"),
    Kind.WAITLISTED: _("You are on the waiting list for %(mission)s"),
    Kind.PROMOTED: _("A place became free: you are taking part in %(mission)s"),
    Kind.REJECTED: _("Your sign-up for %(mission)s was not accepted"),
    Kind.WITHDRAWN: _("You have withdrawn from %(mission)s"),
    Kind.CANCELLED: _("%(mission)s has been cancelled"),
    Kind.RESULTS_AFTER: _("What did %(mission)s bring you?"),
    Kind.RESULTS_6: _("Six months after %(mission)s: what did it bring?"),
    Kind.RESULTS_12: _("A year after %(mission)s: what did it bring?"),
    Kind.REMINDER: _("%(mission)s starts soon"),
}
RESULT_KINDS = {
    Kind.RESULTS_AFTER: 0,
    Kind.RESULTS_6: 6,
    Kind.RESULTS_12: 12,
}
# A mail only makes sense while the registration is still in the state it
# announces; a task that runs late must not tell old news.
STATUS_FOR_KIND = {
    Kind.CONFIRMATION: (Status.SUBMITTED,),
    Kind.ACCEPTED: (Status.ACCEPTED,),
    Kind.WAITLISTED: (Status.WAITLISTED,),
    Kind.PROMOTED: (Status.ACCEPTED,),
    Kind.REJECTED: (Status.REJECTED,),
    Kind.WITHDRAWN: (Status.WITHDRAWN,),
    Kind.CANCELLED: (Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED),
    Kind.RESULTS_AFTER: (Status.ATTENDED,),
    Kind.RESULTS_6: (Status.ATTENDED,),
    Kind.RESULTS_12: (Status.ATTENDED,),
    Kind.REMINDER: (Status.ACCEPTED,),
}
# The mail carries the mission's calendar file (a link: the outbox keeps a
# text e-mail per row, without attachments).
WITH_AGENDA = {Kind.ACCEPTED, Kind.PROMOTED, Kind.REMINDER}
# Who hears about a change of the mission, and who gets a civil servant's
# message to all participants.
CHANGE_STATUSES = (Status.ACCEPTED,)
MESSAGE_STATUSES = (Status.ACCEPTED, Status.ATTENDED)
# What participants plan around: a change of these is mailed to them.
# The description is the mission's programme.
CHANGE_FIELDS = (
    "start_date",
    "end_date",
    "country",
    "region",
    "event",
    "format",
    "description",
)
# The daily sweep leaves invitations alone that fell due longer ago than
# this: nobody should get a survey about a mission of years back.
SWEEP_WINDOW = timedelta(days=60)


def notification_key(registration_id: int, kind: str) -> str:
    """The key of a registration's `kind` e-mail in the log of mails sent
    once (outbox.SentMail); `_sent` builds the same key in SQL."""
    return f"registration:{registration_id}:{kind}"


def _sent(kind: str) -> Exists:
    """Whether the `kind` e-mail of the outer query's registration is in the
    log: its key (see `notification_key`) built in SQL, so a due-list stays
    one query, answered by the key's unique index."""
    key = Concat(
        Value("registration:"),
        Cast(OuterRef("pk"), CharField()),
        Value(f":{kind}"),
        output_field=CharField(),
    )
    return Exists(SentMail.objects.filter(key=key))


def _recipients(registration: Registration) -> list[tuple[str, str]]:
    """(e-mail, language) of the registration's contacts, or else the
    organisation's contacts with an account, or else all with an address."""
    return contact_recipients(
        registration.contacts.all(), fallback=registration.organisation.contacts.all()
    )


def _absolute(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


def _message(registration: Registration, kind: str, language: str):
    with translation.override(language):
        context = {
            "registration": registration,
            "mission": registration.mission,
            "organisation": registration.organisation,
            "kind": kind,
            "mission_url": _absolute(registration.mission.get_absolute_url()),
            "mine_url": _absolute(reverse("mine:index")),
            "agenda_url": (
                _absolute(reverse("missions:ics", args=[registration.mission_id]))
                if kind in WITH_AGENDA
                else ""
            ),
            "site_name": settings.SITE_NAME,
        }
        subject = str(SUBJECTS[kind]) % {"mission": registration.mission.title}
        body = render_to_string("missions/email/notification.txt", context)
    return subject, body


def registration_notify_later(*, registration: Registration, kind: str) -> None:
    """Write, in the caller's transaction, the job that mails the `kind`
    e-mail about `registration` once the change is committed."""
    job_enqueue(
        key=f"notification:{registration.pk}:{kind}",
        task="missions.tasks.registration_notify_task",
        kwargs={"registration_id": registration.pk, "kind": kind},
    )


def registration_notify(*, registration_id: int, kind: str) -> bool:
    """Write the `kind` e-mail for a registration to the outbox, one per
    recipient, at most once per registration and kind.

    Returns whether any mail was written.
    """
    with transaction.atomic():
        registration = (
            Registration.objects.select_related("mission", "organisation")
            .filter(pk=registration_id)
            .first()
        )
        if registration is None or kind not in SUBJECTS:
            return False
        if registration.status not in STATUS_FOR_KIND[kind]:
            return False
        if kind == Kind.CANCELLED and (
            registration.mission.status != Mission.Status.CANCELLED
        ):
            return False
        if kind == Kind.REMINDER and (
            registration.mission.status
            not in (Mission.Status.PUBLISHED, Mission.Status.CLOSED)
            or registration.mission.start_date < timezone.localdate()
        ):
            return False
        if kind in RESULT_KINDS and (
            registration.mission.status != Mission.Status.COMPLETED
        ):
            return False
        return mail_once(
            key=notification_key(registration.pk, kind),
            event=f"notification:{registration.pk}:{kind}",
            recipients=lambda: _recipients(registration),
            render=lambda language: _message(registration, kind, language),
        )


def results_invitations_due(today=None) -> list[tuple[int, str]]:
    """(registration id, kind) of results invitations that should go out now."""
    # Not at the top: the services import this module.
    from .services.results import add_months

    today = today or timezone.localdate()
    due = []
    for kind, months in RESULT_KINDS.items():
        latest_end = add_months(today, -months)
        earliest_end = add_months(today - SWEEP_WINDOW, -months)
        rows = (
            Registration.objects.filter(
                status=Status.ATTENDED,
                mission__status=Mission.Status.COMPLETED,
                mission__end_date__lte=latest_end,
                mission__end_date__gte=earliest_end,
            )
            .exclude(_sent(kind))
            .values_list("pk", flat=True)
        )
        due.extend((pk, kind) for pk in rows)
    return due


def reminders_due(today=None) -> list[int]:
    """Ids of accepted registrations whose mission starts within
    MISSION_REMINDER_DAYS and that had no reminder yet (0: no reminders)."""
    days = settings.MISSION_REMINDER_DAYS
    if days <= 0:
        return []
    today = today or timezone.localdate()
    return list(
        Registration.objects.filter(
            status=Status.ACCEPTED,
            mission__status__in=(Mission.Status.PUBLISHED, Mission.Status.CLOSED),
            mission__start_date__gte=today,
            mission__start_date__lte=today + timedelta(days=days),
        )
        .exclude(_sent(Kind.REMINDER))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _registrations_to_mail(mission: Mission, statuses) -> list[Registration]:
    return list(
        Registration.objects.filter(mission=mission, status__in=statuses)
        .select_related("organisation")
        .prefetch_related("contacts", "organisation__contacts")
        .order_by("pk")
    )


def _mail_all(registrations, *, event: str, render) -> int:
    """One e-mail per address over all `registrations` (a contact of two
    registrations gets one), keyed by `event`. Returns how many were written."""
    seen, written = set(), 0
    for registration in registrations:
        for email, language in _recipients(registration):
            if email.lower() in seen:
                continue
            seen.add(email.lower())
            subject, body = render(registration, language)
            if email_enqueue(
                event=event, to=email, subject=subject, body=body, language=language
            ):
                written += 1
    return written


def mission_changed_later(*, mission: Mission, fields: list[str]) -> None:
    """Write, in the caller's transaction, the job that tells the accepted
    participants that `fields` of the mission changed."""
    stamp = f"{mission.updated_at:%Y%m%d%H%M%S%f}"
    job_enqueue(
        key=f"mission:{mission.pk}:changed:{stamp}",
        task="missions.tasks.mission_changed_notify_task",
        kwargs={"mission_id": mission.pk, "stamp": stamp, "fields": fields},
    )


def mission_changed_notify(*, mission_id: int, stamp: str, fields: list[str]) -> int:
    """Mail every accepted participant the mission's new facts, once per
    address and change. Returns how many e-mails were written."""
    with transaction.atomic():
        mission = (
            Mission.objects.select_related("province").filter(pk=mission_id).first()
        )
        if mission is None or mission.status not in (
            Mission.Status.PUBLISHED,
            Mission.Status.CLOSED,
        ):
            return 0
        labels = [
            Mission._meta.get_field(name).verbose_name
            for name in CHANGE_FIELDS
            if name in fields
        ]

        def render(registration, language):
            with translation.override(language):
                context = {
                    "mission": mission,
                    "organisation": registration.organisation,
                    "changed": [str(label) for label in labels],
                    "mission_url": _absolute(mission.get_absolute_url()),
                    "agenda_url": _absolute(reverse("missions:ics", args=[mission.pk])),
                    "site_name": settings.SITE_NAME,
                }
                subject = _("%(mission)s has changed") % {"mission": mission.title}
                body = render_to_string("missions/email/mission_changed.txt", context)
            return str(subject), body

        return _mail_all(
            _registrations_to_mail(mission, CHANGE_STATUSES),
            event=f"mission-changed:{mission.pk}:{stamp}",
            render=render,
        )


def mission_message_deliver(*, message_id: int) -> int:
    """Write a civil servant's message to the outbox, an e-mail per address
    of the accepted and attended registrations; the outbox key (message and
    address) makes each recipient's e-mail once. Returns how many were
    written by this call."""
    from .models import MissionMessage

    with transaction.atomic():
        message = (
            MissionMessage.objects.select_related("mission__province")
            .filter(pk=message_id)
            .first()
        )
        if message is None:
            return 0
        mission = message.mission

        def render(registration, language):
            with translation.override(language):
                context = {
                    "mission": mission,
                    "organisation": registration.organisation,
                    "text": message.body,
                    "mission_url": _absolute(mission.get_absolute_url()),
                    "site_name": settings.SITE_NAME,
                }
                body = render_to_string("missions/email/mission_message.txt", context)
            return message.subject, body

        written = _mail_all(
            _registrations_to_mail(mission, MESSAGE_STATUSES),
            event=f"mission-message:{message.pk}",
            render=render,
        )
        if written:
            MissionMessage.objects.filter(pk=message.pk).update(
                recipient_count=models.F("recipient_count") + written
            )
    return written
