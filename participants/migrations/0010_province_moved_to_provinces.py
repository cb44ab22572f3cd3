"""Province moved to the provinces app (issue 19): the foreign key points
there, in the state only; the column and its constraint stay as they are.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('participants', '0009_engagement'),
        ('provinces', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalorganisation',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='organisation',
                    name='province',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='organisations', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='historicalengagement',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='provinces.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='engagement',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='engagements', to='provinces.province', verbose_name='province'),
                ),
            ],
            database_operations=[],
        ),
    ]
