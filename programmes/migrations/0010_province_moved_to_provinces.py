"""Province moved to the provinces app (issue 19): the foreign keys point
there and the model leaves this app, in the state only; the table and the
columns stay as they are.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0006_province_moved_to_provinces'),
        ('advice', '0002_province_moved_to_provinces'),
        ('desk', '0004_province_moved_to_provinces'),
        ('missions', '0007_province_moved_to_provinces'),
        ('participants', '0010_province_moved_to_provinces'),
        ('programmes', '0009_indicator_metrics_desk_and_tracks'),
        ('provinces', '0001_initial'),
        ('reporting', '0005_province_moved_to_provinces'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='prestatie',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='prestaties', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='reserve',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='reserves', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='decision',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='programme',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='programmes', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='historicaldecision',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='historicalreserve',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='historicalprogramme',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='historicalprestatie',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='provinces.province', verbose_name='province'),
                ),
                migrations.DeleteModel(
                    name='Province',
                ),
            ],
            database_operations=[],
        ),
    ]
