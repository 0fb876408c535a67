"""The database lost in the middle of a retention run that removes several records: the run
has removed nothing (no record, no audit entry, no Removal, no file), and the next run
removes everything that is due.

On PostgreSQL the run's own connection is terminated by the server (pg_terminate_backend from a
second connection) after the first record is deleted; on SQLite the second delete fails with the
error a lost database gives (tests/operations/test_database_down.py does the same for a page)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection

from archive import services
from archive.models import RecordType, Removal
from assessments import services as case_services
from assessments.models import Case
from core import audit
from core.models import AuditEntry
from tests.operations.test_database_down import lose_the_database

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.django_db(transaction=True)
def test_a_retention_run_that_loses_the_database_removes_nothing_and_a_retry_finishes(
    decided_case,
    case_officer,
    decision_maker,
    karlskoga,
    social_committee,
    settings,
    tmp_path,
    monkeypatch,
):
    settings.MEDIA_ROOT = tmp_path
    second = case_services.create_case(
        karlskoga, by=case_officer, body=social_committee, case_number="SN 2026/2", title="Skolgård"
    )
    Case.objects.filter(pk=second.pk).update(
        status=Case.Status.DECIDED, decision_date=datetime.date(2026, 10, 1)
    )
    attachment = case_services.add_attachment(
        decided_case, by=case_officer, title="Bilaga", uploaded=SimpleUploadedFile("a.pdf", PDF)
    )
    stored = tmp_path / attachment.file.name
    rule = services.save_rule(
        karlskoga,
        by=None,
        record_type=RecordType.DECIDED_CASES,
        keep_months=12,
        decision_reference="KS 2026/12 § 34",
        adopted_on=datetime.date(2026, 3, 1),
    )
    before = AuditEntry.objects.count()
    real_write_entry = audit.write_entry
    deletes = []

    def write_entry_losing_the_database_at_the_second_delete(instance, **kwargs):
        if kwargs.get("action") == AuditEntry.Action.DELETE and isinstance(instance, Case):
            deletes.append(instance.pk)
            if len(deletes) == 2:
                lose_the_database()
        return real_write_entry(instance, **kwargs)

    monkeypatch.setattr(audit, "write_entry", write_entry_losing_the_database_at_the_second_delete)
    with pytest.raises(OperationalError):
        services.apply_rule(rule, today=datetime.date(2028, 1, 1))
    monkeypatch.undo()
    assert len(deletes) == 2  # the first case was deleted inside the transaction
    connection.close()  # as Django does at the end of a request; the next query reconnects

    assert set(Case.objects.values_list("pk", flat=True)) >= {decided_case.pk, second.pk}
    assert AuditEntry.objects.count() == before
    assert not Removal.objects.exists()
    assert stored.exists()

    removed = services.apply_rule(rule, today=datetime.date(2028, 1, 1))
    assert sorted(removed) == sorted([decided_case.pk, second.pk])
    assert not Case.objects.filter(pk__in=removed).exists()
    assert Removal.objects.get().count == 2
