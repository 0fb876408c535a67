"""`Network` moved to the `networks` app (decision 0028); the column and its rows stay."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0004_network_moved_here"),
        ("planning", "0004_actionplan_network"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="actionplan",
                    name="network",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Only for a network's joint plan, kept by the convening "
                        "organisation.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="joint_plans",
                        to="networks.network",
                        verbose_name="network",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
