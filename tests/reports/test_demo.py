from django.core.management import call_command
from django.urls import reverse

from reports.models import Report, ReportVersion


def test_demo_publishes_karlskogas_2025_report_once(client, db):
    call_command("load_demo")
    call_command("load_demo")
    report = Report.objects.get(organisation__scb_code="1883", body=None, year=2025)
    assert report.status == Report.Status.PUBLISHED
    assert ReportVersion.objects.filter(report=report).count() == 1
    assert client.get(reverse("reports:public_report", args=[report.slug, 2025])).status_code == 200
    joint = Report.objects.get(body__name="Folkhälsonämnden", year=2026)
    assert joint.status == Report.Status.DRAFT
