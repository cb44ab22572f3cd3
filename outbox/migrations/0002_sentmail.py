"""The log of e-mails sent once per event (issue 19: one mail log instead of
missions.Notification and participants.ShowcaseMail). The apps move their
own rows into it (missions 0008, participants 0012), so the outbox depends
on no app, here too."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('outbox', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SentMail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=200, unique=True, verbose_name='key')),
                ('recipients', models.TextField(blank=True, verbose_name='recipients')),
                ('language', models.CharField(blank=True, max_length=20, verbose_name='language')),
                ('sent_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='sent on')),
            ],
            options={
                'verbose_name': 'e-mail sent once',
                'verbose_name_plural': 'e-mails sent once',
                'ordering': ['-sent_at', '-pk'],
            },
        ),
    ]
