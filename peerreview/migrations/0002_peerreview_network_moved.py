"""`Network` moved to the `networks` app (decision 0028); the column and its rows stay."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0004_network_moved_here"),
        ("peerreview", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="peerreview",
                    name="network",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="peer_reviews",
                        to="networks.network",
                        verbose_name="network",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
