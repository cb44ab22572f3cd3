"""Contact persons with an account become approved members; the first of
each organisation (the earliest linked) becomes its admin.

Until now anybody who typed a KvK number became a contact person at once,
so these memberships are marked "joined before approval was required":
members and the province can see which ones were never checked.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    ContactPerson = apps.get_model("participants", "ContactPerson")
    linked = ContactPerson.objects.filter(user__isnull=False)
    linked.update(verified_via="before_approval")
    first_of = {}
    for pk, organisation_id in linked.order_by("created_at", "pk").values_list(
        "pk", "organisation_id"
    ):
        first_of.setdefault(organisation_id, pk)
    ContactPerson.objects.filter(pk__in=first_of.values()).update(is_admin=True)


def backwards(apps, schema_editor):
    ContactPerson = apps.get_model("participants", "ContactPerson")
    ContactPerson.objects.update(is_admin=False, verified_via="")


class Migration(migrations.Migration):
    dependencies = [("participants", "0006_membership")]

    operations = [migrations.RunPython(forwards, backwards)]
