"""The showcase's EMT theme with its full name, as the missions' theme got
in missions 0004 (issue 16, item 4): "energie- en milieutechnologie". Only
a name nobody has changed since the starting list is corrected."""

from django.db import migrations

OLD = ("EMT (milieutechnologie)", "EMT (environmental technology)")
NEW = (
    "EMT (energie- en milieutechnologie)",
    "EMT (energy and environmental technology)",
)


def rename(apps, schema_editor, old=OLD, new=NEW):
    Theme = apps.get_model("showcase", "Theme")
    Theme.objects.filter(slug="emt", name=old[0]).update(name=new[0])
    Theme.objects.filter(slug="emt", name_en=old[1]).update(name_en=new[1])


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [("showcase", "0002_profile_themes")]

    operations = [migrations.RunPython(rename, rename_back)]
