"""A backup restored into an empty database brings back every record, file and audit entry."""

import json
import os
import re
import shutil
import stat
import tarfile

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from assessments import services
from assessments.models import Attachment, Case
from core.models import AuditEntry
from operations.backups import MANIFEST, row_counts
from organisations.models import ScbArea
from participation import abuse

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
    # The children's daily salt lives only in the cache, so no backup can hold it.
    salt = abuse.todays_salt().encode()
    session = SessionStore()
    session["who"] = case_officer.pk
    session.create()
    counts, trail = row_counts(), audit_trail()
    call_command("backup", output=tmp_path / "backups")
    archive = capsys.readouterr().out.strip()
    # Only the owner may read it: it holds personal data.
    assert stat.S_IMODE(os.stat(archive).st_mode) == 0o600
    with tarfile.open(archive) as packed:
        names = packed.getnames()
        manifest = json.load(packed.extractfile(MANIFEST))
        assert not any(
            salt in packed.extractfile(member).read() for member in packed if member.isfile()
        )
    assert MANIFEST in names and f"media/{attachment.file.name}" in names
    assert "organisations.0004_load_scb_areas" in manifest["migrations"]
    assert Session._meta.db_table in manifest["excluded_tables"]

    call_command("flush", interactive=False)
    shutil.rmtree(media)
    assert not Case.objects.exists() and not AuditEntry.objects.exists()

    call_command("restore", archive)
    assert "Restored and verified" in capsys.readouterr().out
    # Everything but the sessions, which no backup holds.
    assert not Session.objects.exists()
    assert row_counts() == counts | {Session._meta.db_table: 0}
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
    tampered = rebuild(
        archive,
        tmp_path,
        lambda unpacked: (unpacked / "media" / "note.txt").write_bytes(b"changed"),
    )
    with pytest.raises(CommandError, match=r"note\.txt"):
        call_command("restore", str(tampered), force=True)


def rebuild(archive, tmp_path, change):
    """A copy of the archive with `change` applied to its unpacked folder."""
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as packed:
        packed.extractall(unpacked, filter="data")
    change(unpacked)
    changed = tmp_path / "changed.tar.gz"
    with tarfile.open(changed, "w:gz") as packed:
        for path in unpacked.iterdir():
            packed.add(path, arcname=path.name)
    return changed


def edit_manifest(edit):
    def change(unpacked):
        manifest = json.loads((unpacked / MANIFEST).read_text())
        edit(manifest)
        (unpacked / MANIFEST).write_text(json.dumps(manifest))

    return change


@pytest.mark.django_db(transaction=True)
def test_a_backup_of_an_older_schema_is_refused_unless_migrated(media, tmp_path, capsys):
    # A real older schema: the release before the SCB register (no table, no rows).
    call_command("migrate", "organisations", "0002_network_moved_to_networks", verbosity=0)
    try:
        call_command("backup", output=tmp_path)
        archive = capsys.readouterr().out.strip()
        call_command("migrate", verbosity=0)
        call_command("flush", interactive=False)
        # Migrating organisations back also unapplies what depends on it, so count what is
        # missing rather than fix a number that every new migration would change.
        with pytest.raises(
            CommandError, match=r"older schema version \((\d+) migrations behind"
        ) as refused:
            call_command("restore", archive)
        behind = int(re.search(r"\((\d+) migrations behind", str(refused.value)).group(1))
        assert behind >= 2  # at least the SCB register's table and rows
        call_command("restore", archive, migrate=True)
    finally:
        call_command("migrate", verbosity=0)
    assert f"Then migrated: {behind} migrations applied." in capsys.readouterr().out
    assert ScbArea.objects.filter(kind="municipality").count() == 290


@pytest.mark.django_db(transaction=True)
def test_a_backup_of_a_newer_schema_is_refused_even_with_migrate(media, tmp_path, capsys):
    call_command("backup", output=tmp_path)
    archive = capsys.readouterr().out.strip()
    newer = rebuild(
        archive, tmp_path, edit_manifest(lambda m: m["migrations"].append("core.9999_future"))
    )
    call_command("flush", interactive=False)
    with pytest.raises(CommandError, match="newer schema version"):
        call_command("restore", str(newer), migrate=True)


@pytest.mark.django_db(transaction=True)
def test_media_only_restores_the_files_and_leaves_the_database(case, media, tmp_path, capsys):
    (media / "policy.pdf").write_bytes(PDF)
    call_command("backup", output=tmp_path)
    archive = capsys.readouterr().out.strip()
    shutil.rmtree(media)
    Case.objects.filter(pk=case.pk).update(title="Efter återställningspunkten")
    call_command("restore", archive, media_only=True)
    assert "3 files" not in capsys.readouterr().out
    assert (media / "policy.pdf").read_bytes() == PDF
    assert Case.objects.get(pk=case.pk).title == "Efter återställningspunkten"
