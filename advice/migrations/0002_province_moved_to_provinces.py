"""Province moved to the provinces app (issue 19): the foreign keys point
there, in the state only; the columns and their constraints stay as they are.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('advice', '0001_advisory_tracks'),
        ('provinces', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicaltrack',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='track',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='advice_tracks', to='provinces.province', verbose_name='province'),
                ),
            ],
            database_operations=[],
        ),
    ]
