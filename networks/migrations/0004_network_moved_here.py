"""The `Network` model moves here from `organisations` (decision 0028).

Only Django's record of the models changes: the table and its many-to-many tables keep their
names (`Network.Meta.db_table`) and their rows. The content type moves too, so the audit log's
entries for networks stay attached to them."""

import django.db.models.deletion
from django.db import migrations, models

FIELDS = ("contacts", "meetings", "shared_items")


def move_content_type(apps, schema_editor, source="organisations", target="networks"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    AuditEntry = apps.get_model("core", "AuditEntry")
    types = ContentType.objects.using(schema_editor.connection.alias)
    old = types.filter(app_label=source, model="network").first()
    if old is None:
        return
    new = types.filter(app_label=target, model="network").first()
    if new is None:
        old.app_label = target
        old.save(update_fields=["app_label"])
        return
    # Both exist (content types were refreshed in between): keep the history on the new one.
    AuditEntry.objects.using(schema_editor.connection.alias).filter(content_type=old).update(
        content_type=new
    )
    old.delete()


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="networks", target="organisations")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_initial"),
        ("networks", "0003_meetingdocument"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Network",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("cross_sectoral", "cross-sectoral network"),
                                    ("partnership", "partnership"),
                                    ("regional", "regional network"),
                                ],
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "member_bodies",
                            models.ManyToManyField(
                                blank=True,
                                related_name="networks",
                                to="organisations.body",
                                verbose_name="member bodies",
                            ),
                        ),
                        (
                            "member_organisations",
                            models.ManyToManyField(
                                blank=True,
                                related_name="networks",
                                to="organisations.organisation",
                                verbose_name="member organisations",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="organisations.organisation",
                                verbose_name="organisation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "network",
                        "verbose_name_plural": "networks",
                        "db_table": "organisations_network",
                        "ordering": ["name"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("organisation", "name"),
                                name="network_unique_name_per_organisation",
                            )
                        ],
                    },
                ),
                migrations.AlterField(
                    model_name="networkcontact",
                    name="network",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="contacts",
                        to="networks.network",
                        verbose_name="network",
                    ),
                ),
                migrations.AlterField(
                    model_name="networkmeeting",
                    name="network",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="meetings",
                        to="networks.network",
                        verbose_name="network",
                    ),
                ),
                migrations.AlterField(
                    model_name="shareditem",
                    name="network",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="shared_items",
                        to="networks.network",
                        verbose_name="network",
                    ),
                ),
            ],
            # The tables stay as they are.
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
