"""UNICEF's child-friendly municipality cycle: the agreement starts five steps, the page shows
where the organisation stands, steps record dates, decision and document, all audited."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEntry
from planning import childfriendly_services as services
from planning.models import ChildFriendlyStep


@pytest.fixture
def agreement(karlskoga, coordinator):
    return services.create_agreement(
        karlskoga,
        by=coordinator,
        signed_on=datetime.date(2018, 1, 19),
        decision_reference="FHN § 3",
    )


def test_an_agreement_starts_the_five_steps_in_order(agreement):
    steps = list(agreement.steps.all())
    assert [step.step for step in steps] == ChildFriendlyStep.Step.values
    assert services.where_it_stands(steps).step == "situation_analysis"


def test_an_agreement_names_its_own_steps_through_the_form(coordinator_client, karlskoga):
    names = [f"Steg {n}" for n in range(1, 8)]
    response = coordinator_client.post(
        reverse("planning:childfriendly_create", args=[karlskoga.pk]),
        {
            "partner": "UNICEF Sverige",
            "signed_on": "2018-01-19",
            "ends_on": "2019-12-31",
            "step_names": "\n".join(names) + "\n",
        },
    )
    assert response.status_code == 302
    page = coordinator_client.get(response.url).content.decode()
    assert all(name in page for name in names)
    assert "0 av 7" in page or "0 of 7" in page
    assert "Steg 8" not in page


def test_completing_a_step_moves_the_organisation_on_and_is_a_status_change(
    agreement, coordinator, coordinator_client
):
    first = agreement.steps.get(step="situation_analysis")
    services.update_step(
        first,
        by=coordinator,
        started_on=datetime.date(2018, 2, 1),
        completed_on=datetime.date(2018, 9, 30),
        decision_reference="FHN § 40",
    )
    assert services.where_it_stands(agreement.steps.all()).step == "action_plan"
    assert AuditEntry.objects.for_object(first).filter(action="transition").exists()
    html = coordinator_client.get(agreement.get_absolute_url()).content.decode()
    assert 'aria-current="step"' in html
    assert "1 av 5" in html


def test_a_step_cannot_be_completed_before_it_started(agreement, coordinator):
    from django.core.exceptions import ValidationError

    step = agreement.steps.first()
    with pytest.raises(ValidationError):
        services.update_step(
            step,
            by=coordinator,
            started_on=datetime.date(2019, 1, 1),
            completed_on=datetime.date(2018, 1, 1),
        )


def test_a_step_document_is_checked_and_served_only_to_those_who_see_it(
    settings, tmp_path, agreement, coordinator_client, outsider
):
    from django.test import Client

    settings.MEDIA_ROOT = tmp_path
    step = agreement.steps.first()
    url = reverse("planning:childfriendly_step_edit", args=[step.pk])
    bad = SimpleUploadedFile("analys.pdf", b"MZ not a pdf")
    response = coordinator_client.post(url, {"started_on": "2018-02-01", "file": bad})
    assert response.status_code == 200
    step.refresh_from_db()
    assert not step.file
    pdf = SimpleUploadedFile("analys.pdf", b"%PDF-1.4\n%%EOF\n")
    response = coordinator_client.post(url, {"started_on": "2018-02-01", "file": pdf})
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.original_name == "analys.pdf"
    file_url = reverse("planning:childfriendly_step_file", args=[step.pk])
    assert coordinator_client.get(file_url).status_code == 200
    other = Client()
    other.force_login(outsider)
    assert other.get(file_url).status_code == 404


def test_case_officer_reads_but_does_not_change_the_cycle(case_officer_client, agreement):
    assert case_officer_client.get(agreement.get_absolute_url()).status_code == 200
    step = agreement.steps.first()
    edit = reverse("planning:childfriendly_step_edit", args=[step.pk])
    assert case_officer_client.get(edit).status_code == 403


def test_the_coordinator_creates_an_agreement_from_the_list(coordinator_client, karlskoga):
    page = coordinator_client.get(reverse("planning:childfriendly_list")).content.decode()
    create = reverse("planning:childfriendly_create", args=[karlskoga.pk])
    assert create in page
    response = coordinator_client.post(
        create, {"partner": "UNICEF Sverige", "signed_on": "2018-01-19"}
    )
    assert response.status_code == 302
    listing = coordinator_client.get(reverse("planning:childfriendly_list")).content.decode()
    assert "Nulägesanalys" in listing


def test_the_cycle_exports_step_by_step_only_what_the_user_sees(
    client, agreement, coordinator, outsider
):
    import csv
    import io

    from openpyxl import load_workbook

    step = agreement.steps.first()
    services.update_step(
        step, by=coordinator, started_on=datetime.date(2018, 2, 1), decision_reference="=1+1"
    )
    url = reverse("planning:childfriendly_export", args=["csv"])
    client.force_login(coordinator)
    content = client.get(url).content.decode()
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0][0] == "\ufeffOrganisation" and len(rows) == 1 + len(ChildFriendlyStep.Step)
    assert rows[1][5:8] == ["Nulägesanalys", "Pågår", "2018-02-01"]
    assert rows[1][9] == "'=1+1"  # a formula stays text
    xlsx = client.get(reverse("planning:childfriendly_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 1 + len(ChildFriendlyStep.Step)
    client.force_login(outsider)
    outsider_rows = client.get(url).content.decode().strip().splitlines()
    assert len(outsider_rows) == 1  # the heading only
