"""The starting list of sectors. The first eight share their codes with the
mission themes, so a profile in such a sector matches missions on it."""

from django.db import migrations

SECTORS = [
    ("energy", "Energie", "Energy"),
    ("health", "Gezondheid (Life Sciences & Health)", "Health (Life Sciences & Health)"),
    ("htsm", "HTSM (hightech systemen en materialen)", "HTSM (high-tech systems and materials)"),
    ("emt", "EMT (milieutechnologie)", "EMT (environmental technology)"),
    ("agrifood", "Agrifood", "Agrifood"),
    ("water", "Water", "Water"),
    ("logistics", "Logistiek", "Logistics"),
    ("circular", "Circulaire economie", "Circular economy"),
    ("machinery", "Machinebouw", "Machinery"),
    ("construction", "Bouw en installatietechniek", "Construction and installation"),
    ("ict", "ICT en software", "ICT and software"),
    ("business-services", "Zakelijke dienstverlening", "Business services"),
]


def add_sectors(apps, schema_editor):
    Sector = apps.get_model("participants", "Sector")
    for slug, name, name_en in SECTORS:
        Sector.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("participants", "0003_showcase")]

    operations = [migrations.RunPython(add_sectors, migrations.RunPython.noop)]
