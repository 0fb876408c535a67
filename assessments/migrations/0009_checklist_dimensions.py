"""The Checklista för hållbar utveckling, version 2: an assessed effect per dimension and the
public-health target areas (decision 0041). Version 1 and the assessments made with it stay."""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.demo import load_shipped_templates

    load_shipped_templates(
        apps.get_model("assessments", "AssessmentTemplate"),
        apps.get_model("assessments", "TemplateVersion"),
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0008_updated_at_indexes")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
