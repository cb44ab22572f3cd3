"""The log of showcase and membership e-mails moves into the outbox's log of
mails sent once (issue 19): each ShowcaseMail becomes a SentMail with the
same key, recipients and time; then the ShowcaseMail table goes. Backwards
the rows move back (every key but the registrations' of missions 0008).
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery

REGISTRATIONS = "registration:"


def showcase_mail_to_sent_mail(apps, schema_editor):
    ShowcaseMail = apps.get_model("participants", "ShowcaseMail")
    SentMail = apps.get_model("outbox", "SentMail")
    SentMail.objects.bulk_create(
        (
            SentMail(key=row.key, recipients=row.recipients, sent_at=row.sent_at)
            for row in ShowcaseMail.objects.order_by("pk").iterator()
        ),
        batch_size=1000,
    )


def sent_mail_to_showcase_mail(apps, schema_editor):
    ShowcaseMail = apps.get_model("participants", "ShowcaseMail")
    SentMail = apps.get_model("outbox", "SentMail")
    logged = SentMail.objects.exclude(key__startswith=REGISTRATIONS)
    ShowcaseMail.objects.bulk_create(
        (
            ShowcaseMail(key=mail.key, recipients=mail.recipients)
            for mail in logged.order_by("pk").iterator()
        ),
        batch_size=1000,
    )
    # sent_at is auto_now_add on the old model: set it from the log after.
    ShowcaseMail.objects.update(
        sent_at=Subquery(logged.filter(key=OuterRef("key")).values("sent_at")[:1])
    )
    logged.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0011_showcase_models_to_showcase_app"),
        ("outbox", "0002_sentmail"),
    ]

    operations = [
        migrations.RunPython(showcase_mail_to_sent_mail, sent_mail_to_showcase_mail),
        migrations.DeleteModel(name="ShowcaseMail"),
    ]
