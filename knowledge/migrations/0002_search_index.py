"""The search index of each database: on PostgreSQL a GIN index on the stored tsvector, on
SQLite an FTS5 table of Snowball stems (see knowledge/search.py and decision 0012)."""

from django.db import migrations


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS knowledge_example_search_gin "
            "ON knowledge_example USING gin (search_vector)"
        )
    elif vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_example_fts USING fts5("
            "title, keywords, body, tokenize = 'unicode61 remove_diacritics 0')"
        )


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_example_search_gin")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS knowledge_example_fts")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
