"""Ship the three assessment templates as published version 1."""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.demo import load_shipped_templates

    load_shipped_templates(apps.get_model("assessments", "AssessmentTemplate"),
                           apps.get_model("assessments", "TemplateVersion"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
