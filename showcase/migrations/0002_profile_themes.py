"""One meaning for "sector" (issue 19): the showcase's managed list is
the profiles' themes (the mission themes and a few more fields of work);
"sector" stays the organisation's SBI activity. Renames keep the rows,
the profiles' choices and their history; the list keeps its table."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('showcase', '0001_initial'),
    ]

    operations = [
        migrations.RenameModel(
            old_name='HistoricalPublicProfile_sectors',
            new_name='HistoricalPublicProfile_themes',
        ),
        migrations.RenameModel(
            old_name='Sector',
            new_name='Theme',
        ),
        migrations.AlterModelOptions(
            name='historicalpublicprofile_themes',
            options={'verbose_name': 'HistoricalPublicProfile_themes'},
        ),
        migrations.AlterModelOptions(
            name='theme',
            options={'ordering': ['name'], 'verbose_name': 'theme', 'verbose_name_plural': 'themes'},
        ),
        migrations.RenameField(
            model_name='historicalpublicprofile_themes',
            old_name='sector',
            new_name='theme',
        ),
        migrations.RenameField(
            model_name='publicprofile',
            old_name='sectors',
            new_name='themes',
        ),
        migrations.AlterField(
            model_name='publicprofile',
            name='themes',
            field=models.ManyToManyField(blank=True, related_name='profiles', to='showcase.theme', verbose_name='themes'),
        ),
    ]
