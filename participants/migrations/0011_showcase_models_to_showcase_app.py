"""The showcase's models move to the showcase app (issue 19): out of this
app's state only; their tables stay (see showcase/0001_initial)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0010_province_moved_to_provinces"),
        ("showcase", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HistoricalPublicProfile_sectors"),
                migrations.DeleteModel(name="HistoricalPublicProfile"),
                migrations.DeleteModel(name="HistoricalExportStory"),
                migrations.DeleteModel(name="HistoricalContactRequest"),
                migrations.DeleteModel(name="HistoricalBlock"),
                migrations.DeleteModel(name="Block"),
                migrations.DeleteModel(name="ContactRequest"),
                migrations.DeleteModel(name="ExportStory"),
                migrations.DeleteModel(name="PublicProfile"),
                migrations.DeleteModel(name="Sector"),
            ],
            database_operations=[],
        ),
    ]
