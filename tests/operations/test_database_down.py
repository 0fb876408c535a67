"""The database lost in the middle of a request: a friendly 503, and nothing half-written.

On PostgreSQL the request's own connection is terminated by the server (pg_terminate_backend
from a second connection) after the case row is written and before its audit entry; on SQLite,
which has no server to lose, the same write fails with the error a lost database gives."""

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from assessments.models import Case
from core import audit
from core.models import AuditEntry

TITLE = "Ny belysning vid skolvägen"


def lose_the_database():
    if connection.vendor != "postgresql":
        raise OperationalError("disk I/O error")
    import psycopg

    settings = connection.settings_dict
    pid = connection.connection.info.backend_pid
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.mark.django_db(transaction=True)
def test_a_lost_database_mid_request_writes_nothing(
    client, karlskoga, social_committee, coordinator, monkeypatch
):
    client.force_login(coordinator)
    real_write_entry = audit.write_entry

    def write_entry_after_losing_the_database(instance, **kwargs):
        assert Case.objects.filter(title=TITLE).exists()  # the case row is written by now
        lose_the_database()
        return real_write_entry(instance, **kwargs)

    monkeypatch.setattr(audit, "write_entry", write_entry_after_losing_the_database)
    response = client.post(
        reverse("assessments:case_create", args=[karlskoga.pk]),
        {
            "body": social_committee.pk,
            "case_number": "KS 2026/99",
            "title": TITLE,
            "officer": coordinator.pk,
        },
    )
    monkeypatch.undo()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "sparades inte" in response.content.decode()
    assert not Case.objects.filter(title=TITLE).exists()
    assert not AuditEntry.objects.filter(object_repr__contains=TITLE).exists()
    # The next request is served again.
    assert client.get(reverse("assessments:case_list")).status_code == 200
