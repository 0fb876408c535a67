"""Load the Convention's article groups and its 54 articles (titles written for Barnrätt)."""

from django.db import migrations

from convention.reference import load_articles


def load(apps, schema_editor):
    load_articles(apps.get_model("convention", "ArticleGroup"), apps.get_model("convention", "Article"))


def unload(apps, schema_editor):
    apps.get_model("convention", "Article").objects.all().delete()
    apps.get_model("convention", "ArticleGroup").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("convention", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
