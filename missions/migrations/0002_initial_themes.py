"""The starting list of themes; civil servants manage it in the admin after."""

from django.db import migrations

THEMES = [
    ("energy", "Energie", "Energy"),
    ("health", "Gezondheid (Life Sciences & Health)", "Health (Life Sciences & Health)"),
    ("htsm", "HTSM (hightech systemen en materialen)", "HTSM (high-tech systems and materials)"),
    ("emt", "EMT (milieutechnologie)", "EMT (environmental technology)"),
    ("agrifood", "Agrifood", "Agrifood"),
    ("water", "Water", "Water"),
    ("logistics", "Logistiek", "Logistics"),
    ("circular", "Circulaire economie", "Circular economy"),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("missions", "Theme")
    for slug, name, name_en in THEMES:
        Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("missions", "0001_initial")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
