"""The log of registration e-mails moves into the outbox's log of mails sent
once (issue 19): each Notification becomes a SentMail with the key
``registration:<registration id>:<kind>``, keeping its recipients, languages
and time; then the Notification table goes. Backwards the rows move back
(those of registrations that still exist: the old log had a foreign key).
"""

from django.db import migrations
from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat

PREFIX = "registration:"


def _key(registration_id, kind) -> str:
    # The key of missions.notifications.notification_key, as it was written.
    return f"{PREFIX}{registration_id}:{kind}"


def notifications_to_sent_mail(apps, schema_editor):
    Notification = apps.get_model("missions", "Notification")
    SentMail = apps.get_model("outbox", "SentMail")
    SentMail.objects.bulk_create(
        (
            SentMail(
                key=_key(row.registration_id, row.kind),
                recipients=row.recipients,
                language=row.language,
                sent_at=row.sent_at,
            )
            for row in Notification.objects.order_by("pk").iterator()
        ),
        batch_size=1000,
    )


def sent_mail_to_notifications(apps, schema_editor):
    Notification = apps.get_model("missions", "Notification")
    Registration = apps.get_model("missions", "Registration")
    SentMail = apps.get_model("outbox", "SentMail")
    logged = SentMail.objects.filter(key__startswith=PREFIX)
    rows = []
    for mail in logged.order_by("pk").iterator():
        registration_id, kind = mail.key.removeprefix(PREFIX).split(":", 1)
        rows.append((int(registration_id), kind, mail))
    existing = set(
        Registration.objects.filter(pk__in={r[0] for r in rows}).values_list(
            "pk", flat=True
        )
    )
    Notification.objects.bulk_create(
        (
            Notification(
                registration_id=registration_id,
                kind=kind,
                recipients=mail.recipients,
                language=mail.language,
            )
            for registration_id, kind, mail in rows
            if registration_id in existing
        ),
        batch_size=1000,
    )
    # sent_at is auto_now_add on the old model: set it from the log after.
    key = Concat(
        Value(PREFIX),
        Cast(OuterRef("registration_id"), CharField()),
        Value(":"),
        OuterRef("kind"),
        output_field=CharField(),
    )
    Notification.objects.update(
        sent_at=Subquery(logged.filter(key=key).values("sent_at")[:1])
    )
    logged.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("missions", "0007_province_moved_to_provinces"),
        ("outbox", "0002_sentmail"),
    ]

    operations = [
        migrations.RunPython(notifications_to_sent_mail, sent_mail_to_notifications),
        migrations.DeleteModel(name="Notification"),
    ]
