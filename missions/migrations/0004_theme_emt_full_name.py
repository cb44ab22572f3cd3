"""EMT by its full name, as the seeds write it: "energie- en
milieutechnologie". Only a name nobody changed since 0002 is renamed."""

from django.db import migrations

OLD = ("EMT (milieutechnologie)", "EMT (environmental technology)")
NEW = ("energie- en milieutechnologie", "energy and environmental technology")


def rename(old, new):
    def run(apps, schema_editor):
        Theme = apps.get_model("missions", "Theme")
        Theme.objects.filter(slug="emt", name=old[0], name_en=old[1]).update(
            name=new[0], name_en=new[1]
        )

    return run


class Migration(migrations.Migration):
    dependencies = [("missions", "0003_text_limits")]

    operations = [migrations.RunPython(rename(OLD, NEW), rename(NEW, OLD))]
