"""The migration safety check: the project's migrations pass it, and it flags what locks a large
table or breaks the running code, but not harmless changes or new tables."""

import pytest
from django.core.management import CommandError, call_command
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


def probe_loader(*operations, app="assessments"):
    """The project's migrations with a probe migration after the app's last one."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    parent = max(key for key in loader.graph.leaf_nodes() if key[0] == app)
    migration = type("Migration", (migrations.Migration,), {"operations": list(operations)})(
        "9999_probe", app
    )
    migration.dependencies = [parent]
    key = (app, "9999_probe")
    loader.disk_migrations[key] = migration
    loader.graph.add_node(key, migration)
    loader.graph.add_dependency(migration, key, parent)
    return loader


def check(*operations, app="assessments"):
    """The findings for a probe migration of `app` after its last one."""
    loader = probe_loader(*operations, app=app)
    return [finding.problem for finding in findings(reviewed=REVIEWED, loader=loader)]


NOT_NULL = (
    "NOT NULL column without db_default: the old code's inserts fail (give it db_default, or "
    "null=True)"
)

# One probe per rule: `manage.py check_migrations` must fail on each.
PROBES = {
    "not_null_column": (
        "organisations",
        migrations.AddField("organisation", "active", models.BooleanField(default=False)),
    ),
    "not_null_made": (
        "organisations",
        migrations.AlterField("populationfact", "children", models.PositiveIntegerField()),
    ),
    "renamed_column": ("organisations", migrations.RenameField("organisation", "name", "title")),
    "dropped_column": ("organisations", migrations.RemoveField("organisation", "description")),
    "index_on_large_table": (
        "assessments",
        migrations.AddIndex("case", models.Index(fields=["title"], name="case_title_idx")),
    ),
}


@pytest.mark.parametrize("probe", PROBES)
def test_check_migrations_fails_each_probe(probe, monkeypatch, capsys):
    app, operation = PROBES[probe]
    loader = probe_loader(operation, app=app)
    monkeypatch.setattr(
        "operations.management.commands.check_migrations.findings",
        lambda: findings(reviewed=REVIEWED, loader=loader),
    )
    with pytest.raises(CommandError, match="1 unsafe migration"):
        call_command("check_migrations")
    assert f"{app}.9999_probe" in capsys.readouterr().err


def test_a_not_null_column_needs_a_database_default_or_null():
    # The case: BooleanField(default=False) is ADD COLUMN ... DEFAULT false NOT NULL,
    # then DROP DEFAULT, and the old code's Organisation.objects.create() fails.
    add = migrations.AddField
    assert check(
        add("organisation", "active", models.BooleanField(default=False)), app="organisations"
    ) == [NOT_NULL]
    assert (
        check(
            add("organisation", "active", models.BooleanField(default=False, db_default=False)),
            add("organisation", "note", models.TextField(null=True)),
            add("organisation", "tags", models.ManyToManyField("organisations.body")),
            app="organisations",
        )
        == []
    )


def test_a_new_table_may_have_not_null_columns():
    create = migrations.CreateModel("Probe", [("id", models.AutoField(primary_key=True))])
    add = migrations.AddField("probe", "flag", models.BooleanField(default=False))
    assert check(create, add, app="organisations") == []


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
