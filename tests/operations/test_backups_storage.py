"""Backups read and restore the uploaded files through Django's storage API (issue 25): the
files of an S3 bucket (moto's in-process S3, no network) are backed up and restored like those
of MEDIA_ROOT, and a restored file keeps its name when one of that name is there."""

import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from operations.backups import MANIFEST
from tests.operations.test_s3_storage import bucket  # noqa: F401 (the fixture)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.django_db(transaction=True)
def test_files_in_an_s3_bucket_are_backed_up_and_restored(bucket, tmp_path, capsys):  # noqa: F811
    default_storage.save("attachments/2026/underlag.pdf", ContentFile(PDF))
    default_storage.save("reports/bokslut.txt", ContentFile(b"Bokslut 2026"))
    call_command("backup", output=tmp_path)
    archive = capsys.readouterr().out.strip()
    with tarfile.open(archive) as packed:
        manifest = json.load(packed.extractfile(MANIFEST))
        packed_pdf = packed.extractfile("media/attachments/2026/underlag.pdf").read()
    assert [entry["path"] for entry in manifest["files"]] == [
        "attachments/2026/underlag.pdf",
        "reports/bokslut.txt",
    ]
    assert packed_pdf == PDF

    bucket.objects.all().delete()
    call_command("flush", interactive=False)
    call_command("restore", archive)
    assert "Restored and verified" in capsys.readouterr().out
    assert sorted(o.key for o in bucket.objects.all()) == [
        "attachments/2026/underlag.pdf",
        "reports/bokslut.txt",
    ]
    with default_storage.open("attachments/2026/underlag.pdf", "rb") as handle:
        assert handle.read() == PDF


@pytest.mark.django_db(transaction=True)
def test_a_restored_file_replaces_a_changed_one_under_the_same_name(settings, tmp_path, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    default_storage.save("policy.pdf", ContentFile(PDF))
    call_command("backup", output=tmp_path / "backups")
    archive = capsys.readouterr().out.strip()
    default_storage.delete("policy.pdf")
    default_storage.save("policy.pdf", ContentFile(b"changed after the backup"))

    call_command("restore", archive, media_only=True)
    assert sorted((tmp_path / "media").iterdir()) == [tmp_path / "media" / "policy.pdf"]
    assert (tmp_path / "media" / "policy.pdf").read_bytes() == PDF


@pytest.mark.django_db(transaction=True)
def test_a_backup_without_any_upload_has_no_files(settings, tmp_path, capsys):
    settings.MEDIA_ROOT = tmp_path / "never-created"
    call_command("backup", output=tmp_path / "backups")
    with tarfile.open(capsys.readouterr().out.strip()) as packed:
        assert json.load(packed.extractfile(MANIFEST))["files"] == []
