"""Migration safety: find operations in the project's migrations that lock a large table for
long (or break the old code that still runs during a rolling upgrade) and are not in the list of
reviewed migrations. `manage.py check_migrations` runs it (in `make lint` and the test suite).

What is flagged, on tables that already existed before the migration:
- on a large table: a new index or constraint built without CONCURRENTLY (AddIndex,
  AddConstraint, AlterUniqueTogether/AlterIndexTogether, AddField with an index, a unique value
  or a foreign key), and an AlterField that changes the column (type, null, length; Django's
  own test `_field_should_be_altered`, so a change of choices or help text is not flagged);
- on any table: RenameField and RenameModel (the running code still uses the old name),
  RemoveField and DeleteModel (only one release after the code stopped using them), RunPython
  or RunSQL without a way back, AddField of a NOT NULL column without `db_default` (Django
  drops the default after adding the column, so the old code's inserts fail), and AlterField
  that makes a nullable column NOT NULL.

A flagged migration is acceptable once someone has written down the plan (e.g. "create the index
CONCURRENTLY by hand first", "the table is empty at that release"): add it to REVIEWED with that
note. docs/operations.md, "Upgrades and migrations without downtime", explains."""

from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, migrations, models
from django.db.migrations.loader import MigrationLoader

# Tables that grow with use: thousands to millions of rows in a large municipality.
LARGE_TABLES = frozenset(
    {
        "assessments.case",
        "assessments.assessment",
        "assessments.attachment",
        "assessments.review",
        "assessments.decision",
        "core.auditentry",
        "participation.response",
        "participation.answer",
        "participation.offlinevoice",
        "indicators.indicatorvalue",
        "knowledge.example",
        "youthforum.forummeeting",
        "training.trainingsession",
    }
)

# Reviewed migrations: "app.name" -> the plan. Only add a migration here with its plan.
REVIEWED = {
    "assessments.0004_case_keyset_indexes": (
        "three case indexes, added before any municipality ran Barnrätt in production; on a "
        "large installation create them CONCURRENTLY by hand first (same names), then migrate"
    ),
    "assessments.0005_assessment_org_affected_idx": (
        "one assessment index, added before the first production release; same plan as 0004"
    ),
    "knowledge.0003_order_index": (
        "one index on examples, added before the first production release; same plan as "
        "assessments 0004"
    ),
    "accounts.0002_sso_and_sessions": (
        "session_generation NOT NULL with a Python default, before the first production release "
        "(no old code was running); new columns get db_default since"
    ),
    "participation.0003_consultation_results_version": (
        "results_version NOT NULL with a Python default, before the first production release; "
        "same as accounts 0002"
    ),
    "knowledge.0004_example_target_areas": (
        "a many-to-many field: Django creates a new, empty link table and does not alter or "
        "lock the examples table itself"
    ),
    "participation.0004_response_indexes_that_serve": (
        "drops three response indexes (DROP INDEX: a short lock, no scan) and adds a partial "
        "class-code index that holds only responses with a class code, before the first "
        "production release; on a large installation create it CONCURRENTLY by hand first "
        "(same name and condition), then migrate"
    ),
    "participation.0005_response_flood_no_device_hash": (
        "drops the device hash column and the daily salt table in the same release on purpose "
        "(decision 0035): kept one more release they would keep linking answers to devices in "
        "the database and every backup. The old code writes the column, so this release is "
        "not upgraded rolling: stop the old workers (the children's pages answer 503 for the "
        "minute), migrate, start the new ones. The new boolean has a db_default"
    ),
    "training.0002_session_held_by": (
        "a nullable foreign key (no rewrite, no default) and its index on the training "
        "sessions (issue 21, decision 0039); on a large installation create the index "
        "CONCURRENTLY by hand first (the name `sqlmigrate training 0002` prints), then migrate"
    ),
}


@dataclass(frozen=True)
class Finding:
    migration: str
    operation: str
    problem: str

    def __str__(self):
        return f"{self.migration}: {self.operation}: {self.problem}"


def _project_apps() -> set[str]:
    base = Path(settings.BASE_DIR).resolve()
    return {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(base)
        and "site-packages" not in Path(config.path).parts
    }


def _label(app_label, model_name) -> str:
    return f"{app_label}.{model_name.lower()}"


def findings(*, reviewed=REVIEWED, loader=None) -> list[Finding]:
    """Every flagged operation in a migration that is not in `reviewed`."""
    loader = loader or MigrationLoader(None, ignore_no_migrations=True)
    project = _project_apps()
    found = []
    for (app_label, name), migration in sorted(loader.disk_migrations.items()):
        key = f"{app_label}.{name}"
        if app_label not in project or key in reviewed:
            continue
        found += _check(loader, app_label, name, migration)
    return found


def _check(loader, app_label, name, migration) -> list[Finding]:
    key = f"{app_label}.{name}"
    created = {
        _label(app_label, op.name)
        for op in migration.operations
        if isinstance(op, migrations.CreateModel)
    }
    found = []

    def flag(operation, problem):
        found.append(Finding(key, operation.describe(), problem))

    for operation in migration.operations:
        model = getattr(operation, "model_name", None) or getattr(operation, "name", None)
        table = _label(app_label, model) if model else None
        existing_large = table in LARGE_TABLES and table not in created
        if isinstance(operation, migrations.RunPython) and operation.reverse_code is None:
            flag(
                operation, "RunPython without reverse_code (use RunPython.noop if nothing to undo)"
            )
        elif isinstance(operation, migrations.RunSQL) and operation.reverse_sql is None:
            flag(operation, "RunSQL without reverse_sql")
        elif isinstance(operation, migrations.RenameField | migrations.RenameModel):
            flag(operation, "renaming breaks the code still running during the upgrade")
        elif isinstance(operation, migrations.RemoveField | migrations.DeleteModel):
            flag(operation, "remove only one release after the code stopped using it")
        elif (
            isinstance(operation, migrations.AddField)
            and table not in created
            and _not_null_without_db_default(operation.field)
        ):
            flag(
                operation,
                "NOT NULL column without db_default: the old code's inserts fail "
                "(give it db_default, or null=True)",
            )
        elif (
            isinstance(operation, migrations.AlterField)
            and table not in created
            and _makes_not_null(loader, app_label, name, operation)
        ):
            flag(operation, "makes a column NOT NULL that the old code may leave empty")
        elif not existing_large:
            continue
        elif type(operation) is migrations.AddIndex:
            flag(operation, "index on a large table without CONCURRENTLY (AddIndexConcurrently)")
        elif isinstance(operation, migrations.AddConstraint):
            flag(operation, "constraint on a large table checks every row under a lock")
        elif isinstance(operation, migrations.AlterUniqueTogether | migrations.AlterIndexTogether):
            flag(operation, "index on a large table without CONCURRENTLY")
        elif isinstance(operation, migrations.AddField):
            field = operation.field
            if field.db_index or field.unique or field.is_relation:
                flag(operation, "new indexed, unique or foreign-key column on a large table")
        elif isinstance(operation, migrations.AlterField) and _alters_column(
            loader, app_label, name, operation
        ):
            flag(operation, "column change on a large table may rewrite it under a lock")
    return found


def _alters_column(loader, app_label, name, operation) -> bool:
    before = loader.project_state((app_label, name), at_end=False).apps
    after = loader.project_state((app_label, name), at_end=True).apps
    old = before.get_model(app_label, operation.model_name)._meta.get_field(operation.name)
    new = after.get_model(app_label, operation.model_name)._meta.get_field(operation.name)
    # Only asks; the editor is not entered, so nothing is executed.
    editor = connection.SchemaEditorClass(connection, collect_sql=True)
    return editor._field_should_be_altered(old, new)


def _not_null_without_db_default(field) -> bool:
    # Django adds the column with a default, then drops the default: the old code, which does
    # not know the field, then inserts rows without it and fails (IntegrityError).
    return (
        not field.many_to_many
        and not field.null
        and field.db_default is models.NOT_PROVIDED
        and not field.generated
    )


def _makes_not_null(loader, app_label, name, operation) -> bool:
    if operation.field.null or loader is None:
        return False
    before = loader.project_state((app_label, name), at_end=False).apps
    old = before.get_model(app_label, operation.model_name)._meta.get_field(operation.name)
    return old.null and operation.field.db_default is models.NOT_PROVIDED
