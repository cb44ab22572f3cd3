"""Province moves here from programmes (issue 19), in the state only: the
table stays programmes_province (Meta.db_table), with its rows and ids. Its
content type moves with it, so the permissions on provinces (and the role
groups holding them, the admin's log) stay the same rows.
"""

import config.uploads
import django.core.validators
from django.db import migrations, models


def move_content_type(apps, schema_editor, *, old, new):
    """Relabel the content type of Province (a fresh database has none yet:
    post_migrate creates it under the new label)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    types = ContentType.objects.using(db)
    if types.filter(app_label=new, model="province").exists():
        return
    types.filter(app_label=old, model="province").update(app_label=new)


def forwards(apps, schema_editor):
    move_content_type(apps, schema_editor, old="programmes", new="provinces")


def backwards(apps, schema_editor):
    move_content_type(apps, schema_editor, old="provinces", new="programmes")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # The table: created by programmes 0001, its last column by 0008.
        ('programmes', '0008_province_contact_email'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Province',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                        ('code', models.CharField(help_text='ISO 3166-2:NL code without the NL- prefix, e.g. OV.', max_length=2, unique=True, validators=[django.core.validators.RegexValidator('^[A-Z]{2}$', 'Two capital letters, e.g. OV.')], verbose_name='code')),
                        ('display_name', models.CharField(blank=True, help_text='E.g. Provincie Overijssel.', max_length=150, verbose_name='name on the page')),
                        ('colour', models.CharField(default='#154273', max_length=7, validators=[django.core.validators.RegexValidator('^#[0-9a-fA-F]{6}$', 'A colour like #154273.')], verbose_name='colour')),
                        ('logo', models.FileField(blank=True, upload_to='provinces/', validators=[config.uploads.UploadValidator(kinds=['png', 'jpeg'])], verbose_name='logo')),
                        ('contact_email', models.EmailField(blank=True, help_text='Where entrepreneurs write with questions; shown on every page they see.', max_length=254, verbose_name='contact e-mail of the team')),
                    ],
                    options={
                        'verbose_name': 'province',
                        'verbose_name_plural': 'provinces',
                        'db_table': 'programmes_province',
                        'ordering': ['name'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
