"""The showcase's models move here from the participants app (issue 19).

Their tables stay as they were (``db_table`` and the history's
``table_name``): this migration only takes them into the showcase's state,
together with participants/0009, which takes them out of participants'.
The one table whose name simple-history derives from the app, the history
of a profile's sectors, is renamed. The content types (and so the
permissions and the admin log) follow the models, and follow-up jobs still
waiting in the outbox are pointed at the tasks' new place.
"""

import django.core.validators
import django.db.models.deletion
import django_countries.fields
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import participants.validators

MODELS = (
    "sector",
    "publicprofile",
    "exportstory",
    "contactrequest",
    "block",
    "historicalpublicprofile",
    "historicalpublicprofile_sectors",
    "historicalexportstory",
    "historicalcontactrequest",
    "historicalblock",
)
TASKS = {
    "participants.tasks.contact_request_notify_task": (
        "showcase.tasks.contact_request_notify_task"
    ),
    "participants.tasks.moderation_notify_task": "showcase.tasks.moderation_notify_task",
    "missions.tasks.mission_match_alerts_task": (
        "showcase.tasks.mission_match_alerts_task"
    ),
}


def _content_types_move(apps, schema_editor, old, new):
    """The models' content types change app, so that their permissions, the
    role groups holding them and the admin log stay attached."""
    content_type = apps.get_model("contenttypes", "ContentType")
    using = schema_editor.connection.alias
    for model in MODELS:
        if content_type.objects.using(using).filter(app_label=new, model=model).exists():
            continue
        content_type.objects.using(using).filter(app_label=old, model=model).update(
            app_label=new
        )


def content_types_to_showcase(apps, schema_editor):
    _content_types_move(apps, schema_editor, "participants", "showcase")


def content_types_to_participants(apps, schema_editor):
    _content_types_move(apps, schema_editor, "showcase", "participants")


def _jobs_move(apps, schema_editor, tasks):
    """Jobs not handed to Celery yet run the task at its new path."""
    message = apps.get_model("outbox", "OutboxMessage")
    using = schema_editor.connection.alias
    for old, new in tasks.items():
        message.objects.using(using).filter(task_name=old).exclude(
            state="sent"
        ).update(task_name=new)


def jobs_to_showcase(apps, schema_editor):
    _jobs_move(apps, schema_editor, TASKS)


def jobs_to_old_places(apps, schema_editor):
    _jobs_move(apps, schema_editor, {new: old for old, new in TASKS.items()})


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("participants", "0008_text_limits"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("outbox", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    'ALTER TABLE "participants_historicalpublicprofile_sectors" '
                    'RENAME TO "showcase_historicalpublicprofile_sectors"',
                    reverse_sql=(
                        'ALTER TABLE "showcase_historicalpublicprofile_sectors" '
                        'RENAME TO "participants_historicalpublicprofile_sectors"'
                    ),
                ),
            ],
            state_operations=[
                migrations.CreateModel(
                    name='Sector',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('slug', models.SlugField(unique=True, verbose_name='code')),
                        ('name', models.CharField(max_length=100, verbose_name='name (Dutch)')),
                        ('name_en', models.CharField(blank=True, max_length=100, verbose_name='name (English)')),
                    ],
                    options={
                        'verbose_name': 'sector',
                        'verbose_name_plural': 'sectors',
                        'db_table': 'participants_sector',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='ExportStory',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('visibility', models.CharField(choices=[('visible', 'Visible'), ('hidden', 'Hidden by a moderator')], default='visible', max_length=10, verbose_name='moderation')),
                        ('hidden_reason', models.TextField(blank=True, max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='reason for hiding')),
                        ('hidden_at', models.DateTimeField(blank=True, null=True, verbose_name='hidden on')),
                        ('changed_at', models.DateTimeField(blank=True, null=True, verbose_name='content changed on')),
                        ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='reviewed on')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('body', models.TextField(max_length=10000, validators=[django.core.validators.MaxLengthValidator(10000)], verbose_name='story')),
                        ('photo', models.ImageField(blank=True, help_text='Optional. JPEG, PNG or WebP.', upload_to='stories/%Y/', validators=[participants.validators.photo_validator], verbose_name='photo')),
                        ('photo_alt', models.CharField(blank=True, help_text='For people who cannot see the photo.', max_length=200, verbose_name='what the photo shows')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created on')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='written by')),
                        ('hidden_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='hidden by')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='export_stories', to='participants.organisation', verbose_name='organisation')),
                        ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by')),
                    ],
                    options={
                        'verbose_name': 'export story',
                        'verbose_name_plural': 'export stories',
                        'db_table': 'participants_exportstory',
                        'ordering': ['-created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalBlock',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created on')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('blocked', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='participants.organisation', verbose_name='blocked organisation')),
                        ('blocker', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='participants.organisation', verbose_name='blocked by')),
                        ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical block',
                        'verbose_name_plural': 'historical blocks',
                        'db_table': 'participants_historicalblock',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalContactRequest',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('message', models.TextField(max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='message')),
                        ('status', models.CharField(choices=[('pending', 'Awaiting an answer'), ('accepted', 'Accepted'), ('declined', 'Declined')], default='pending', max_length=10, verbose_name='status')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='sent on')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='answered on')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('decided_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='answered by')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('receiver', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='participants.organisation', verbose_name='to')),
                        ('receiver_contact', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='participants.contactperson', verbose_name="receiver's contact person")),
                        ('sender', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='participants.organisation', verbose_name='from')),
                        ('sender_contact', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='participants.contactperson', verbose_name="sender's contact person")),
                        ('sender_user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='sent by')),
                    ],
                    options={
                        'verbose_name': 'historical contact request',
                        'verbose_name_plural': 'historical contact requests',
                        'db_table': 'participants_historicalcontactrequest',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalExportStory',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('visibility', models.CharField(choices=[('visible', 'Visible'), ('hidden', 'Hidden by a moderator')], default='visible', max_length=10, verbose_name='moderation')),
                        ('hidden_reason', models.TextField(blank=True, max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='reason for hiding')),
                        ('hidden_at', models.DateTimeField(blank=True, null=True, verbose_name='hidden on')),
                        ('changed_at', models.DateTimeField(blank=True, null=True, verbose_name='content changed on')),
                        ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='reviewed on')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('body', models.TextField(max_length=10000, validators=[django.core.validators.MaxLengthValidator(10000)], verbose_name='story')),
                        ('photo', models.TextField(blank=True, help_text='Optional. JPEG, PNG or WebP.', max_length=100, validators=[participants.validators.photo_validator], verbose_name='photo')),
                        ('photo_alt', models.CharField(blank=True, help_text='For people who cannot see the photo.', max_length=200, verbose_name='what the photo shows')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created on')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='written by')),
                        ('hidden_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='hidden by')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='participants.organisation', verbose_name='organisation')),
                        ('reviewed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by')),
                    ],
                    options={
                        'verbose_name': 'historical export story',
                        'verbose_name_plural': 'historical export stories',
                        'db_table': 'participants_historicalexportstory',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalPublicProfile',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('visibility', models.CharField(choices=[('visible', 'Visible'), ('hidden', 'Hidden by a moderator')], default='visible', max_length=10, verbose_name='moderation')),
                        ('hidden_reason', models.TextField(blank=True, max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='reason for hiding')),
                        ('hidden_at', models.DateTimeField(blank=True, null=True, verbose_name='hidden on')),
                        ('changed_at', models.DateTimeField(blank=True, null=True, verbose_name='content changed on')),
                        ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='reviewed on')),
                        ('is_published', models.BooleanField(default=False, verbose_name='shown in the showcase')),
                        ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published on')),
                        ('description', models.TextField(blank=True, max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='short description')),
                        ('export_markets', django_countries.fields.CountryField(blank=True, max_length=746, multiple=True, verbose_name='markets it exports to')),
                        ('target_markets', django_countries.fields.CountryField(blank=True, max_length=746, multiple=True, verbose_name='markets it wants to enter')),
                        ('experience', models.TextField(blank=True, help_text='What you learned abroad, in a few sentences.', max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='export experience')),
                        ('helps_with', models.TextField(blank=True, help_text='For advisers and partner organisations.', max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='what we help with')),
                        ('open_to_questions', models.BooleanField(default=True, verbose_name='other entrepreneurs may ask us about our experience')),
                        ('mission_alerts', models.BooleanField(default=False, verbose_name='e-mail me when a matching trade mission is published')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created on')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('hidden_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='hidden by')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='participants.organisation', verbose_name='organisation')),
                        ('reviewed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by')),
                    ],
                    options={
                        'verbose_name': 'historical public profile',
                        'verbose_name_plural': 'historical public profiles',
                        'db_table': 'participants_historicalpublicprofile',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='PublicProfile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('visibility', models.CharField(choices=[('visible', 'Visible'), ('hidden', 'Hidden by a moderator')], default='visible', max_length=10, verbose_name='moderation')),
                        ('hidden_reason', models.TextField(blank=True, max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='reason for hiding')),
                        ('hidden_at', models.DateTimeField(blank=True, null=True, verbose_name='hidden on')),
                        ('changed_at', models.DateTimeField(blank=True, null=True, verbose_name='content changed on')),
                        ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='reviewed on')),
                        ('is_published', models.BooleanField(default=False, verbose_name='shown in the showcase')),
                        ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published on')),
                        ('description', models.TextField(blank=True, max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='short description')),
                        ('export_markets', django_countries.fields.CountryField(blank=True, max_length=746, multiple=True, verbose_name='markets it exports to')),
                        ('target_markets', django_countries.fields.CountryField(blank=True, max_length=746, multiple=True, verbose_name='markets it wants to enter')),
                        ('experience', models.TextField(blank=True, help_text='What you learned abroad, in a few sentences.', max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='export experience')),
                        ('helps_with', models.TextField(blank=True, help_text='For advisers and partner organisations.', max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='what we help with')),
                        ('open_to_questions', models.BooleanField(default=True, verbose_name='other entrepreneurs may ask us about our experience')),
                        ('mission_alerts', models.BooleanField(default=False, verbose_name='e-mail me when a matching trade mission is published')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created on')),
                        ('hidden_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='hidden by')),
                        ('organisation', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='public_profile', to='participants.organisation', verbose_name='organisation')),
                        ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by')),
                        ('sectors', models.ManyToManyField(blank=True, related_name='profiles', to='showcase.sector', verbose_name='sectors')),
                    ],
                    options={
                        'verbose_name': 'public profile',
                        'verbose_name_plural': 'public profiles',
                        'db_table': 'participants_publicprofile',
                        'ordering': ['organisation__name'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalPublicProfile_sectors',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='showcase.historicalpublicprofile')),
                        ('publicprofile', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='showcase.publicprofile')),
                        ('sector', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='showcase.sector')),
                    ],
                    options={
                        'verbose_name': 'HistoricalPublicProfile_sectors',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Block',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created on')),
                        ('blocked', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='blocked_by', to='participants.organisation', verbose_name='blocked organisation')),
                        ('blocker', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='blocks', to='participants.organisation', verbose_name='blocked by')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                    ],
                    options={
                        'verbose_name': 'block',
                        'verbose_name_plural': 'blocks',
                        'db_table': 'participants_block',
                        'constraints': [models.UniqueConstraint(fields=('blocker', 'blocked'), name='block_once_per_pair')],
                    },
                ),
                migrations.CreateModel(
                    name='ContactRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message', models.TextField(max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='message')),
                        ('status', models.CharField(choices=[('pending', 'Awaiting an answer'), ('accepted', 'Accepted'), ('declined', 'Declined')], default='pending', max_length=10, verbose_name='status')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='sent on')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='answered on')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='answered by')),
                        ('receiver', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contact_requests_received', to='participants.organisation', verbose_name='to')),
                        ('receiver_contact', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='participants.contactperson', verbose_name="receiver's contact person")),
                        ('sender', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contact_requests_sent', to='participants.organisation', verbose_name='from')),
                        ('sender_contact', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='participants.contactperson', verbose_name="sender's contact person")),
                        ('sender_user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='sent by')),
                    ],
                    options={
                        'verbose_name': 'contact request',
                        'verbose_name_plural': 'contact requests',
                        'db_table': 'participants_contactrequest',
                        'ordering': ['-created_at', '-pk'],
                        'indexes': [models.Index(fields=['sender', 'created_at'], name='participant_sender__01bcfa_idx')],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'pending')), fields=('sender', 'receiver'), name='contact_request_one_pending_per_pair', violation_error_message='You already sent this organisation a request that awaits an answer.'), models.CheckConstraint(condition=models.Q(('sender', models.F('receiver')), _negated=True), name='contact_request_not_to_self')],
                    },
                ),
                migrations.AddIndex(
                    model_name='publicprofile',
                    index=models.Index(fields=['is_published', 'visibility'], name='participant_is_publ_d5b187_idx'),
                ),
            ],
        ),
        migrations.RunPython(content_types_to_showcase, content_types_to_participants),
        migrations.RunPython(jobs_to_showcase, jobs_to_old_places),
    ]
