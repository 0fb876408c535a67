"""A backup restored into an empty database brings back every record, file and audit entry."""

import shutil
import tarfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from assessments import services
from assessments.models import Attachment, Case
from core.models import AuditEntry
from operations.backups import MANIFEST, row_counts

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


# Transactional tests (the backup tools read committed data from other processes). Not
# serialized_rollback: it leaves the database empty, without content types, for the tests that
# follow in the same worker; a plain flush recreates them.


def audit_trail():
    return list(AuditEntry.objects.order_by("pk").values_list("pk", "action", "object_repr"))


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_bring_everything_back(case, case_officer, media, tmp_path, capsys):
    attachment = services.add_attachment(
        case, by=case_officer, title="Underlag", uploaded=SimpleUploadedFile("u.pdf", PDF)
    )
    counts, trail = row_counts(), audit_trail()
    call_command("backup", output=tmp_path / "backups")
    archive = capsys.readouterr().out.strip()
    with tarfile.open(archive) as packed:
        names = packed.getnames()
    assert MANIFEST in names and f"media/{attachment.file.name}" in names

    call_command("flush", interactive=False)
    shutil.rmtree(media)
    assert not Case.objects.exists() and not AuditEntry.objects.exists()

    call_command("restore", archive)
    assert "Restored and verified" in capsys.readouterr().out
    assert row_counts() == counts
    assert audit_trail() == trail
    restored = Attachment.objects.get(pk=attachment.pk)
    assert restored.case.title == case.title
    assert (media / restored.file.name).read_bytes() == PDF
    # The ids go on where they stopped (PostgreSQL's sequences are in the dump too).
    link = services.add_attachment(restored.case, by=case_officer, title="Länk", url="https://a.se")
    assert link.pk > attachment.pk


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_data(case, media, tmp_path, capsys):
    call_command("backup", output=tmp_path)
    archive = capsys.readouterr().out.strip()
    with pytest.raises(CommandError, match="holds data"):
        call_command("restore", archive)


@pytest.mark.django_db(transaction=True)
def test_a_tampered_backup_is_not_reported_as_restored(case, media, tmp_path, capsys):
    (media / "note.txt").write_bytes(b"original")
    call_command("backup", output=tmp_path)
    archive = capsys.readouterr().out.strip()
    # Rebuild the archive with the file changed but the manifest as it was.
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as packed:
        packed.extractall(unpacked, filter="data")
    (unpacked / "media" / "note.txt").write_bytes(b"changed")
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(tampered, "w:gz") as packed:
        for path in unpacked.iterdir():
            packed.add(path, arcname=path.name)
    with pytest.raises(CommandError, match=r"note\.txt"):
        call_command("restore", str(tampered), force=True)
