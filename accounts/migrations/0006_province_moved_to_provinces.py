"""Province moved to the provinces app (issue 19): the foreign key points
there, in the state only; the column and its constraint stay as they are.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_user_partner'),
        ('provinces', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='user',
                    name='province',
                    field=models.ForeignKey(blank=True, help_text='Civil servants and portfolio holders work for one province.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='users', to='provinces.province', verbose_name='province'),
                ),
            ],
            database_operations=[],
        ),
    ]
