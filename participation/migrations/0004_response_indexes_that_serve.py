"""Drop the response indexes that other indexes already serve, and keep a class code's index
for the responses that have one. Only the indexes change: the foreign-key constraints stay as
they are (Django's own AlterField would drop and re-check them over the whole table)."""

import django.db.models.deletion
from django.db import migrations, models

# Django's names for the foreign keys' own indexes -> their column.
OLD_INDEXES = {
    "participation_response_class_code_id_3bc6b904": "class_code_id",
    "participation_response_consultation_id_ef0a6ae3": "consultation_id",
    "participation_response_organisation_id_979eafbf": "organisation_id",
}


class Migration(migrations.Migration):

    dependencies = [
        ("organisations", "0001_initial"),
        ("participation", "0003_consultation_results_version"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    [f'DROP INDEX IF EXISTS "{name}"' for name in OLD_INDEXES],
                    reverse_sql=[
                        f'CREATE INDEX IF NOT EXISTS "{name}" ON "participation_response" ("{column}")'
                        for name, column in OLD_INDEXES.items()
                    ],
                )
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="response",
                    name="class_code",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="participation.classcode",
                    ),
                ),
                migrations.AlterField(
                    model_name="response",
                    name="consultation",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="responses",
                        to="participation.consultation",
                    ),
                ),
                migrations.AlterField(
                    model_name="response",
                    name="organisation",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="organisations.organisation",
                        verbose_name="organisation",
                    ),
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="response",
            index=models.Index(
                condition=models.Q(("class_code__isnull", False)),
                fields=["class_code"],
                name="response_class_code_idx",
            ),
        ),
    ]
