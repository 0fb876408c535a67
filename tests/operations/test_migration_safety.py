"""The migration safety check: the project's migrations pass it, and it flags what locks a large
table or breaks the running code, but not harmless changes or new tables."""

import pytest
from django.core.management import call_command
from django.db import migrations, models
from django.db.migrations.loader import MigrationLoader

from operations.migration_safety import REVIEWED, findings

pytestmark = pytest.mark.django_db


def test_the_projects_migrations_have_no_unreviewed_locking_operations(capsys):
    call_command("check_migrations")
    assert "no unreviewed" in capsys.readouterr().out


def test_the_reviewed_list_is_needed():
    # Every reviewed migration is flagged without the list (no stale entries).
    flagged = {finding.migration for finding in findings(reviewed={})}
    assert set(REVIEWED) == flagged


def check(*operations):
    """The findings for a new assessments migration after the last one."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    parent = max(key for key in loader.graph.leaf_nodes() if key[0] == "assessments")
    migration = type("Migration", (migrations.Migration,), {"operations": list(operations)})(
        "9999_new", "assessments"
    )
    migration.dependencies = [parent]
    key = ("assessments", "9999_new")
    loader.disk_migrations[key] = migration
    loader.graph.add_node(key, migration)
    loader.graph.add_dependency(migration, key, parent)
    return [finding.problem for finding in findings(reviewed=REVIEWED, loader=loader)]


def test_an_index_on_a_large_existing_table_is_flagged():
    index = models.Index(fields=["title"], name="case_title_idx")
    assert check(migrations.AddIndex("case", index)) == [
        "index on a large table without CONCURRENTLY (AddIndexConcurrently)"
    ]


def test_an_index_on_a_table_made_in_the_same_migration_is_not():
    create = migrations.CreateModel("Case", [("id", models.AutoField(primary_key=True))])
    index = models.Index(fields=["id"], name="new_idx")
    # (The state would clash with the real Case, so only the check's own logic is exercised.)
    from operations.migration_safety import _check

    migration = migrations.Migration("9999_new", "assessments")
    migration.operations = [create, migrations.AddIndex("case", index)]
    assert _check(None, "assessments", "9999_new", migration) == []


def test_a_column_type_change_is_flagged_but_a_new_help_text_is_not():
    wider = models.CharField("title", max_length=500)
    assert check(migrations.AlterField("case", "title", wider)) == [
        "column change on a large table may rewrite it under a lock"
    ]
    same = models.CharField("titel", max_length=300, help_text="Ny hjälptext")
    assert check(migrations.AlterField("case", "title", same)) == []


def test_irreversible_code_renames_and_removals_are_flagged_on_any_table():
    problems = check(
        migrations.RunPython(lambda apps, schema_editor: None),
        migrations.RenameField("assessmenttemplate", "description", "text"),
        migrations.RemoveField("case", "external_id"),
    )
    assert problems == [
        "RunPython without reverse_code (use RunPython.noop if nothing to undo)",
        "renaming breaks the code still running during the upgrade",
        "remove only one release after the code stopped using it",
    ]
    assert (
        check(migrations.RunPython(lambda apps, schema_editor: None, migrations.RunPython.noop))
        == []
    )
