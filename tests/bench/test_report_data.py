"""The bench's yearly reports: the three drafts are there, the bench user reads each of them
in every format the bench requests, and the joint report covers both organisations."""

import pytest
from django.contrib.auth import get_user_model

from bench.dataset import generate
from bench.pages import EXPORTS
from bench.plan import BENCH_USERNAME
from bench.report_data import REPORT_YEAR
from reports.models import Report


@pytest.mark.django_db
def test_the_reports_are_there_and_the_bench_user_reads_them(client):
    ids = generate(0.02)
    home = Report.objects.get(pk=ids["report"])
    neighbour = Report.objects.get(pk=ids["neighbour_report"])
    joint = Report.objects.get(pk=ids["joint_report"])
    assert home.year == neighbour.year == joint.year == REPORT_YEAR
    assert joint.organisation_id == home.organisation_id
    assert list(joint.body.served_organisations.values_list("pk", flat=True)) == [
        neighbour.organisation_id
    ]
    client.force_login(get_user_model().objects.get(username=BENCH_USERNAME))
    for export in EXPORTS:
        if "{report}" in export.path or "_report}" in export.path:
            response = client.get(export.url(ids))
            assert response.status_code == 200, export.name
            assert response["Content-Type"].startswith(export.content_type)
    # Generating again adds no report.
    generate(0.02)
    assert Report.objects.count() == 3
