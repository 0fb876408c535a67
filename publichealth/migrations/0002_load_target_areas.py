"""Load Sweden's public-health policy: the overarching goal and the eight target areas."""

from django.db import migrations

from publichealth.reference import load_reference


def load(apps, schema_editor):
    load_reference(
        apps.get_model("publichealth", "PublicHealthPolicy"),
        apps.get_model("publichealth", "TargetArea"),
    )


def unload(apps, schema_editor):
    apps.get_model("publichealth", "TargetArea").objects.all().delete()
    apps.get_model("publichealth", "PublicHealthPolicy").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("publichealth", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
