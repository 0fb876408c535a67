"""Moving `Network` from `organisations` to `networks` (decision 0028) keeps every row, the
tables, the links to it from other apps and the audit log's history of it."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.models import AuditEntry
from networks.models import Network, NetworkMeeting
from planning.models import ActionPlan

BEFORE = [
    ("contenttypes", "0002_remove_content_type_name"),
    ("core", "0001_initial"),
    ("organisations", "0001_initial"),
    ("networks", "0003_meetingdocument"),
    ("planning", "0004_actionplan_network"),
    ("peerreview", "0001_initial"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.fixture
def before_the_move(transactional_db):
    """The database as it was before the move; back to the latest schema afterwards."""
    executor = _migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps
    _migrate(_latest())


def _old_rows(apps):
    Organisation = apps.get_model("organisations", "Organisation")
    Body = apps.get_model("organisations", "Body")
    OldNetwork = apps.get_model("organisations", "Network")
    Meeting = apps.get_model("networks", "NetworkMeeting")
    Plan = apps.get_model("planning", "ActionPlan")
    OldContentType = apps.get_model("contenttypes", "ContentType")
    OldAuditEntry = apps.get_model("core", "AuditEntry")

    karlskoga = Organisation.objects.create(name="Karlskoga", kind="municipality")
    degerfors = Organisation.objects.create(name="Degerfors", kind="municipality")
    board = Body.objects.create(organisation=degerfors, name="Kommunstyrelsen", kind="board")
    network = OldNetwork.objects.create(organisation=karlskoga, name="Nätverket", kind="regional")
    network.member_organisations.add(degerfors)
    network.member_bodies.add(board)
    Meeting.objects.create(
        organisation=karlskoga, network=network, title="Träff", held_on=datetime.date(2026, 2, 1)
    )
    Plan.objects.create(
        organisation=karlskoga, network=network, title="Plan", start_year=2026, end_year=2027
    )
    old_type, _created = OldContentType.objects.get_or_create(
        app_label="organisations", model="network"
    )
    OldAuditEntry.objects.create(
        action="create",
        content_type=old_type,
        object_id=str(network.pk),
        object_repr="Nätverket",
        organisation=karlskoga,
    )
    return network.pk, degerfors.pk, board.pk


def test_moving_network_keeps_rows_links_and_history(before_the_move):
    network_pk, degerfors_pk, board_pk = _old_rows(before_the_move)

    _migrate(_latest())
    ContentType.objects.clear_cache()

    network = Network.objects.get(pk=network_pk)
    assert network.name == "Nätverket"
    assert list(network.member_organisations.values_list("pk", flat=True)) == [degerfors_pk]
    assert list(network.member_bodies.values_list("pk", flat=True)) == [board_pk]
    assert NetworkMeeting.objects.get(network=network).title == "Träff"
    assert ActionPlan.objects.get(network=network).title == "Plan"
    assert Network._meta.db_table == "organisations_network"
    history = AuditEntry.objects.for_object(network)
    assert list(history.values_list("object_repr", flat=True)) == ["Nätverket"]
    assert not ContentType.objects.filter(app_label="organisations", model="network").exists()


def test_the_move_can_be_undone(before_the_move):
    network_pk, _degerfors_pk, _board_pk = _old_rows(before_the_move)
    _migrate(_latest())

    apps = _migrate(BEFORE).loader.project_state(BEFORE).apps

    OldNetwork = apps.get_model("organisations", "Network")
    assert OldNetwork.objects.get(pk=network_pk).member_organisations.count() == 1
    OldContentType = apps.get_model("contenttypes", "ContentType")
    assert OldContentType.objects.filter(app_label="organisations", model="network").exists()
