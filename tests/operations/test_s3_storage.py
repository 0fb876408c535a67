"""BARNRATT_STORAGE=s3 keeps uploaded files in an S3-compatible bucket (django-storages), so that
every node reads what any node stored; the file system stays the default. Tested against
moto's in-process S3 (no network): an attachment goes in and comes back through the views,
and an import waits in the bucket for its worker."""

import json
import os
import subprocess
import sys

import boto3
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto import mock_aws

from assessments.models import Attachment
from indicators.models import ImportRun
from tests.indicators.test_progress import FILE, TOKEN

BUCKET = "barnratt-test"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
S3 = {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {
        "bucket_name": BUCKET,
        "region_name": "eu-north-1",
        "access_key": "test",
        "secret_key": "test",
        "default_acl": "private",
        "file_overwrite": False,
    },
}


def _default_storage(**environment) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "BARNRATT_STORAGE"} | environment
    env["DJANGO_SETTINGS_MODULE"] = "barnratt.settings"
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.STORAGES['default']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_the_environment_chooses_s3_and_the_file_system_is_the_default():
    chosen = _default_storage(
        BARNRATT_STORAGE="s3",
        BARNRATT_S3_BUCKET="kommun-filer",
        BARNRATT_S3_ENDPOINT_URL="https://s3.example.internal",
    )
    assert chosen["BACKEND"] == "storages.backends.s3.S3Storage"
    assert chosen["OPTIONS"]["bucket_name"] == "kommun-filer"
    assert chosen["OPTIONS"]["endpoint_url"] == "https://s3.example.internal"
    assert chosen["OPTIONS"]["default_acl"] == "private"
    assert _default_storage()["BACKEND"] == "django.core.files.storage.FileSystemStorage"


@pytest.fixture
def bucket(settings):
    with mock_aws():
        boto3.client("s3", region_name="eu-north-1").create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
        )
        settings.STORAGES = {**settings.STORAGES, "default": S3}
        yield boto3.resource("s3", region_name="eu-north-1").Bucket(BUCKET)


def test_an_attachment_is_stored_in_the_bucket_and_downloaded_from_it(
    case_officer_client, case, bucket
):
    case_officer_client.post(
        reverse("assessments:attachment_add", args=[case.pk]),
        {"title": "Underlag", "file": SimpleUploadedFile("underlag.pdf", PDF)},
    )
    attachment = Attachment.objects.get()
    assert [item.key for item in bucket.objects.all()] == [attachment.file.name]
    url = reverse("assessments:attachment_download", args=[attachment.pk])
    assert b"".join(case_officer_client.get(url).streaming_content) == PDF


def test_an_import_waits_in_the_bucket_for_its_worker(
    client, coordinator, karlskoga, degerfors, bucket
):
    from core import jobs
    from core.models import Job

    client.force_login(coordinator)
    with pytest.MonkeyPatch.context() as patch:
        # The request only queues the job; the worker (another machine) runs it.
        patch.setattr(jobs, "_enqueue", lambda job_id, delay=0: None)
        upload = SimpleUploadedFile("siffror.csv", FILE.encode(), content_type="text/csv")
        client.post(
            reverse("indicators:import", args=[karlskoga.pk]),
            {"format": "template", "file": upload, "progress": TOKEN},
        )
    job = Job.objects.get()
    assert [item.key for item in bucket.objects.all()] == [job.arguments["path"]]
    assert default_storage.exists(job.arguments["path"])
    assert jobs.run_job.call(job.pk) == "done"
    assert ImportRun.objects.get().added == 7
    assert list(bucket.objects.all()) == []  # the upload is not kept once imported
