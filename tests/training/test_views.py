"""The training pages: tenancy (404), roles (403), forms that save through the services,
filters and exports, material, coverage and headcounts, and fixed query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.test_query_counts import queries_for
from training import services
from training.models import CoverageTarget, Headcount, TrainingMaterial, TrainingSession


def test_coordinator_records_a_training_with_participants_per_body(
    coordinator_client, karlskoga, social_committee, case_officer
):
    response = coordinator_client.post(
        reverse("training:session_create", args=[karlskoga.pk]),
        {
            "held_on": "2026-05-04",
            "topic": "Barnrätt i praktiken",
            "format": "in_person",
            "target_group": "staff",
            f"body_{social_committee.pk}": "12",
            "attendees": [case_officer.pk],
        },
    )
    session = TrainingSession.objects.get()
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert session.participants == 12
    assert list(session.attendees.all()) == [case_officer]


def test_a_training_without_participants_is_shown_again_with_an_error(
    coordinator_client, karlskoga, social_committee
):
    response = coordinator_client.post(
        reverse("training:session_create", args=[karlskoga.pk]),
        {"held_on": "2026-05-04", "topic": "X", "format": "digital", "target_group": "staff"},
    )
    assert response.status_code == 200
    assert "errorsummary" in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_coordinator_sees_who_took_part(coordinator_client, session):
    assert "Vilka som deltog" in coordinator_client.get(session.get_absolute_url()).content.decode()


def test_case_officer_may_read_but_not_record_trainings(case_officer_client, karlskoga, session):
    assert case_officer_client.get(session.get_absolute_url()).status_code == 200
    create = reverse("training:session_create", args=[karlskoga.pk])
    assert case_officer_client.get(create).status_code == 403
    edit = reverse("training:session_edit", args=[session.pk])
    assert case_officer_client.get(edit).status_code == 403
    # Names of who took part are for coordinators and organisation admins.
    assert (
        "Vilka som deltog"
        not in case_officer_client.get(session.get_absolute_url()).content.decode()
    )


def test_outsider_gets_404_for_karlskogas_training(outsider_client, session, karlskoga):
    for url in [
        session.get_absolute_url(),
        reverse("training:session_edit", args=[session.pk]),
        reverse("training:material_add", args=[session.pk]),
        reverse("training:coverage", args=[karlskoga.pk]),
        reverse("training:headcounts", args=[karlskoga.pk, 2026]),
    ]:
        assert outsider_client.get(url).status_code == 404, url
    listing = outsider_client.get(reverse("training:session_list")).content.decode()
    assert session.topic not in listing


def test_list_filters_by_year_and_target_group(coordinator_client, session):
    url = reverse("training:session_list")
    assert session.topic in coordinator_client.get(url + "?year=2026").content.decode()
    assert session.topic not in coordinator_client.get(url + "?year=2025").content.decode()
    page = coordinator_client.get(url + "?target_group=elected").content.decode()
    assert session.topic not in page


def test_the_list_is_paged_and_the_pages_keep_the_filters(
    coordinator_client, karlskoga, coordinator, social_committee
):
    import datetime

    from training.views import PAGE_SIZE

    for day in range(PAGE_SIZE + 1):
        services.create_session(
            karlskoga,
            by=coordinator,
            topic=f"Utbildning {day:03d}",
            held_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=day),
            format="digital",
            target_group="staff",
            body_counts={social_committee: 1},
        )
    url = reverse("training:session_list") + "?year=2026"
    first = coordinator_client.get(url).content.decode()
    # Newest first: the oldest is alone on the second page.
    assert "Utbildning 050" in first and "Utbildning 000" not in first
    assert "?year=2026&amp;page=2" in first
    second = coordinator_client.get(url + "&page=2").content.decode()
    assert "Utbildning 000" in second and "Utbildning 001" not in second


def test_exports_follow_the_filters_and_neutralise_formulas(
    coordinator_client, karlskoga, coordinator, social_committee
):
    import datetime

    services.create_session(
        karlskoga,
        by=coordinator,
        topic='=HYPERLINK("http://x")',
        held_on=datetime.date(2026, 1, 1),
        format="digital",
        target_group="managers",
        body_counts={social_committee: 2},
    )
    csv = coordinator_client.get(reverse("training:session_export", args=["csv"])).content
    text = csv.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "Socialnämnden (2)" in text
    empty = coordinator_client.get(reverse("training:session_export", args=["csv"]) + "?year=2020")
    assert "HYPERLINK" not in empty.content.decode("utf-8-sig")
    xlsx = coordinator_client.get(reverse("training:session_export", args=["xlsx"]))
    assert xlsx.content[:2] == b"PK"


def test_material_is_checked_stored_and_served_to_the_organisation_only(
    coordinator_client, outsider, session, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    url = reverse("training:material_add", args=[session.pk])
    bad = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")
    response = coordinator_client.post(url, {"title": "Bilder", "file": bad})
    assert response.status_code == 200 and not TrainingMaterial.objects.exists()
    pdf = SimpleUploadedFile("../../bilder.pdf", b"%PDF-1.4\n%%EOF\n")
    coordinator_client.post(url, {"title": "Bilder", "file": pdf})
    material = TrainingMaterial.objects.get()
    assert material.original_name == "bilder.pdf"
    assert not material.file.name.endswith("bilder.pdf")
    download = reverse("training:material_file", args=[material.pk])
    assert coordinator_client.get(download).status_code == 200
    coordinator_client.post(reverse("training:material_delete", args=[material.pk]))
    assert not TrainingMaterial.objects.exists()


def test_outsider_gets_404_for_material(outsider_client, session, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("bilder.pdf", b"%PDF-1.4\n%%EOF\n")
    material = services.add_material(session, by=None, title="Bilder", uploaded=pdf)
    assert (
        outsider_client.get(reverse("training:material_file", args=[material.pk])).status_code
        == 404
    )


def test_coordinator_enters_headcounts_and_target(
    coordinator_client, karlskoga, social_committee, session
):
    url = reverse("training:headcounts", args=[karlskoga.pk, 2026])
    response = coordinator_client.post(
        url, {"target": "75", f"hc_{social_committee.pk}_staff": "16"}
    )
    assert response.status_code == 302
    assert Headcount.objects.get().count == 16
    assert CoverageTarget.objects.get(year=2026).percent == 75
    page = coordinator_client.get(
        reverse("training:coverage", args=[karlskoga.pk]) + "?year=2026"
    ).content.decode()
    assert 'role="img"' in page
    assert "50 %" in page  # 8 of 16
    assert "Nej" in page  # 50 % does not reach 75 %


def test_coverage_table_rounds_as_the_chart_beside_it_does(
    coordinator_client, karlskoga, social_committee, session
):
    url = reverse("training:headcounts", args=[karlskoga.pk, 2026])
    coordinator_client.post(url, {"target": "75", f"hc_{social_committee.pk}_staff": "11"})
    page = coordinator_client.get(
        reverse("training:coverage", args=[karlskoga.pk]) + "?year=2026"
    ).content.decode()
    # 8 of 11: once in the chart's figure, once in the table's cell, never as "73 %".
    assert page.count("<td>72,7 %</td>") == 1
    assert ">72,7 %</text>" in page
    assert "73 %" not in page


def test_case_officer_sees_coverage_but_no_names_and_cannot_enter_headcounts(
    case_officer_client, karlskoga, session, headcount
):
    page = case_officer_client.get(reverse("training:coverage", args=[karlskoga.pk]) + "?year=2026")
    assert page.status_code == 200
    assert "Test Coordinator" not in page.content.decode()
    url = reverse("training:headcounts", args=[karlskoga.pk, 2026])
    assert case_officer_client.get(url).status_code == 403


def test_coverage_export_has_the_tables_rows(coordinator_client, karlskoga, session, headcount):
    url = reverse("training:coverage_export", args=[karlskoga.pk, "csv"]) + "?year=2026"
    text = coordinator_client.get(url).content.decode("utf-8-sig")
    assert "Socialnämnden;Personal;10;8;80;80" in text


def _grow(karlskoga, coordinator, social_committee, count):
    import datetime

    for index in range(count):
        services.create_session(
            karlskoga,
            by=coordinator,
            topic=f"Utbildning {index}",
            held_on=datetime.date(2026, 1, 1 + index),
            format="digital",
            target_group="staff",
            body_counts={social_committee: 3},
        )


@pytest.mark.parametrize("page", ["list", "detail", "coverage"])
def test_training_pages_run_a_fixed_number_of_queries(
    coordinator_client, karlskoga, coordinator, social_committee, session, headcount, page
):
    url = {
        "list": reverse("training:session_list"),
        "detail": session.get_absolute_url(),
        "coverage": reverse("training:coverage", args=[karlskoga.pk]) + "?year=2026",
    }[page]
    _grow(karlskoga, coordinator, social_committee, 1)
    small = queries_for(coordinator_client, url)
    _grow(karlskoga, coordinator, social_committee, 8)
    assert queries_for(coordinator_client, url) == small
    assert small <= 15
