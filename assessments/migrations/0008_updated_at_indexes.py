# The API's `updated_since` (decision 0037): an organisation's cases and assessments changed since
# a moment. Built CONCURRENTLY on PostgreSQL, so the tables stay writable while it runs.

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class AddIndexConcurrentlyOnPostgres(AddIndexConcurrently):
    """CREATE INDEX CONCURRENTLY on PostgreSQL; a plain CREATE INDEX on SQLite, which has no
    CONCURRENTLY and no other writers to wait for."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        return migrations.AddIndex.database_forwards(
            self, app_label, schema_editor, from_state, to_state
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        return migrations.AddIndex.database_backwards(
            self, app_label, schema_editor, from_state, to_state
        )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("assessments", "0007_case_updated_at"),
    ]

    operations = [
        AddIndexConcurrentlyOnPostgres(
            model_name="assessment",
            index=models.Index(
                fields=["organisation", "updated_at"], name="assessment_org_updated_idx"
            ),
        ),
        AddIndexConcurrentlyOnPostgres(
            model_name="case",
            index=models.Index(fields=["organisation", "updated_at"], name="case_org_updated_idx"),
        ),
    ]
