"""Statistics Sweden's register of the 290 municipalities and 21 counties (regions), from the
shipped organisations/data/scb_areas.csv: what a platform administrator onboards from."""

import csv
from pathlib import Path

from django.db import migrations

CSV = Path(__file__).resolve().parent.parent / "data" / "scb_areas.csv"


def load(apps, schema_editor):
    ScbArea = apps.get_model("organisations", "ScbArea")
    with CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    known = set(ScbArea.objects.values_list("code", flat=True))
    ScbArea.objects.bulk_create(ScbArea(**row) for row in rows if row["code"] not in known)


def unload(apps, schema_editor):
    apps.get_model("organisations", "ScbArea").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("organisations", "0003_scb_areas")]

    operations = [migrations.RunPython(load, unload)]
