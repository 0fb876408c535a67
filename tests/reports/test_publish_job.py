"""Publishing from the report's page is a job (reports/jobs.py): it publishes one version per
approval, stores its PDF once, readers get the stored file, and a queued job shows on the
page."""

from django.core.files.storage import default_storage
from django.urls import reverse

from core import jobs
from core.models import Job
from reports.jobs import pdf_name
from reports.models import Report, ReportVersion
from reports.services import approve_report


def _publish(client, report):
    return client.post(reverse("reports:report_transition", args=[report.pk, "publish"]))


def test_publishing_on_the_page_publishes_once_and_stores_the_pdf(
    client, report, coordinator, decision_maker, cases_2026
):
    approve_report(report, by=decision_maker)
    client.force_login(coordinator)
    response = _publish(client, report)
    assert response.status_code == 302
    version = ReportVersion.objects.get(report=report)
    assert default_storage.exists(pdf_name(version))
    # The job run again (a killed worker's) adds no version and draws nothing again.
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    assert jobs.run_job.call(job.pk) == "done"
    assert ReportVersion.objects.filter(report=report).count() == 1
    url = reverse("reports:public_export", args=[report.slug, report.year, 1, "pdf"])
    download = client.get(url)
    assert download["Content-Type"] == "application/pdf"
    with default_storage.open(pdf_name(version)) as stored:
        assert b"".join(download.streaming_content) == stored.read()


def test_a_queued_publication_shows_on_the_reports_page(
    client, report, coordinator, decision_maker, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    approve_report(report, by=decision_maker)
    client.force_login(coordinator)
    page = client.get(_publish(client, report).url).content.decode()
    job = Job.objects.get()
    assert f'data-job-url="{reverse("core:job_status", args=[job.pk])}"' in page
    assert Report.objects.get(pk=report.pk).status == Report.Status.APPROVED
    jobs.run_job.call(job.pk)
    assert Report.objects.get(pk=report.pk).status == Report.Status.PUBLISHED
    assert (
        'data-job-url="'
        not in client.get(reverse("reports:report_detail", args=[report.pk])).content.decode()
    )
