"""Province moved to the provinces app (issue 19): the foreign key points
there, in the state only; the column and its constraint stay as they are.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('missions', '0006_mission_run_by'),
        ('provinces', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalmission',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='mission',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='missions', to='provinces.province', verbose_name='province'),
                ),
            ],
            database_operations=[],
        ),
    ]
