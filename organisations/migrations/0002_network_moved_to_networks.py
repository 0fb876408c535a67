"""`Network` now lives in the `networks` app (decision 0028). Only Django's record of the model
goes: its tables, now the `networks` app's, keep their names and rows."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        # Every reference to the model points at `networks.Network` first.
        ("networks", "0004_network_moved_here"),
        ("planning", "0005_actionplan_network_moved"),
        ("peerreview", "0002_peerreview_network_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Network")],
            database_operations=[],
        ),
    ]
