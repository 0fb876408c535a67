"""The pages: children's conditions, comparison with CSV, import upload, catalogue, citations."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEntry
from indicators.imports.core import run_import
from indicators.models import Citation, Indicator, IndicatorValue
from organisations.models import Organisation

CSV = (
    "indikator;kod;år;kön;åldersgrupp;värde;status\n"
    "barn-ekonomiskt-utsatta;1883;2022;T;;14,1;\n"
    "barn-ekonomiskt-utsatta;1883;2023;T;;13,6;\n"
    "barn-ekonomiskt-utsatta;1883;2023;K;;13,9;\n"
    "barn-ekonomiskt-utsatta;1883;2023;M;;13,3;\n"
    "barn-ekonomiskt-utsatta;1862;2023;T;;16,2;\n"
    "barn-ekonomiskt-utsatta;18;2023;T;;12,8;\n"
    "barn-ekonomiskt-utsatta;0000;2023;T;;11,9;preliminär\n"
)


@pytest.fixture
def figures(karlskoga, degerfors):
    Organisation.objects.create(name="Region Örebro län", kind="region", scb_code="18")
    run_import(CSV.encode(), fmt="template", organisation=karlskoga, by=None)
    return Indicator.objects.get(code="barn-ekonomiskt-utsatta")


def test_conditions_page_draws_featured_indicators_with_county_and_sweden(
    coordinator_client, karlskoga, figures
):
    response = coordinator_client.get(reverse("indicators:conditions", args=[karlskoga.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "Invånare 0–19 år i ekonomiskt utsatta hushåll" in html
    assert "Region Örebro län" in html and "Riket" in html
    assert "Karlskoga kommun: från 14,1 % (2022) till 13,6 % (2023)." in html


def test_comparison_shows_gender_network_choice_and_standing(
    coordinator_client, karlskoga, degerfors, figures, karlskoga_network
):
    karlskoga_network.member_organisations.add(degerfors)
    url = reverse("indicators:comparison", args=[karlskoga.pk, figures.pk])
    html = coordinator_client.get(url + "?compare=1862").content.decode()
    assert "Flickor" in html and "Pojkar" in html
    assert 'value="1862" checked' in html
    assert "Degerfors kommun: 16,2 % (2023)." in html
    # Lower is better: Karlskoga (13.6) is first of the two municipalities.
    assert "Plats 1 av 2" in html
    # The heading and the sentence say the same: the municipalities that have a figure.
    assert "Bland kommunerna med en siffra" in html
    assert "År 2023 har 2 kommuner en siffra. Karlskoga kommun har 13,6;" in html


def test_comparison_ignores_areas_not_offered(coordinator_client, karlskoga, figures):
    url = reverse("indicators:comparison", args=[karlskoga.pk, figures.pk])
    html = coordinator_client.get(url + "?compare=1862").content.decode()
    assert "Degerfors kommun" not in html


def test_comparison_export_is_csv_with_status(coordinator_client, karlskoga, figures):
    url = reverse("indicators:comparison_export", args=[karlskoga.pk, figures.pk])
    text = coordinator_client.get(url).content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Område;SCB-kod;År;Kön;Värde;Status"
    assert "Riket;0000;2023;totalt;11,9;preliminär" in text
    assert "Karlskoga kommun;1883;2023;flickor;13,9;slutlig" in text


def test_comparison_page_reads_a_fixed_number_of_queries(
    coordinator_client, karlskoga, figures, django_assert_max_num_queries
):
    url = reverse("indicators:comparison", args=[karlskoga.pk, figures.pk])
    with django_assert_max_num_queries(15):  # 14, and one for the municipality's Kolada groups
        assert coordinator_client.get(url).status_code == 200


def test_coordinator_imports_a_file_and_sees_the_summary(coordinator_client, karlskoga, degerfors):
    Organisation.objects.create(name="Region Örebro län", kind="region", scb_code="18")
    upload = SimpleUploadedFile("siffror.csv", CSV.encode(), content_type="text/csv")
    response = coordinator_client.post(
        reverse("indicators:import", args=[karlskoga.pk]), {"format": "template", "file": upload}
    )
    assert response.status_code == 200
    assert "7 tillagda, 0 ändrade, 0 oförändrade" in response.content.decode()
    assert IndicatorValue.objects.count() == 7


def test_import_with_a_bad_line_shows_the_line_and_writes_nothing(coordinator_client, karlskoga):
    bad = CSV.replace("16,2", "sexton")
    upload = SimpleUploadedFile("siffror.csv", bad.encode(), content_type="text/csv")
    response = coordinator_client.post(
        reverse("indicators:import", args=[karlskoga.pk]), {"format": "template", "file": upload}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ingenting importerades" in html and "Rad 6:" in html
    assert not IndicatorValue.objects.exists()


def test_oversized_upload_is_refused(coordinator_client, karlskoga, settings):
    settings.INDICATOR_IMPORT_MAX_BYTES = 50
    upload = SimpleUploadedFile("siffror.csv", CSV.encode(), content_type="text/csv")
    response = coordinator_client.post(
        reverse("indicators:import", args=[karlskoga.pk]), {"format": "template", "file": upload}
    )
    assert "Filen är för stor" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_coordinator_changes_a_kolada_id_with_an_audit_entry(coordinator_client, coordinator):
    indicator = Indicator.objects.get(code="barn-ekonomiskt-bistand")
    response = coordinator_client.get(reverse("indicators:indicator_edit", args=[indicator.pk]))
    form = response.context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data["articles"] = [article.pk for article in data["articles"]]
    data |= {"source_id": "N31807", "featured": ""}
    response = coordinator_client.post(
        reverse("indicators:indicator_edit", args=[indicator.pk]), data
    )
    assert response.status_code == 302, response.context["form"].errors
    indicator.refresh_from_db()
    assert indicator.source_id == "N31807"
    entry = AuditEntry.objects.for_object(indicator).get()
    assert entry.changes["source_id"] == ["", "N31807"]
    detail = coordinator_client.get(indicator.get_absolute_url()).content.decode()
    history_url = reverse("indicators:indicator_history", args=[indicator.pk])
    assert history_url in detail
    assert "N31807" in coordinator_client.get(history_url).content.decode()


def test_case_officer_may_not_change_the_catalogue(case_officer_client):
    indicator = Indicator.objects.first()
    url = reverse("indicators:indicator_edit", args=[indicator.pk])
    assert case_officer_client.post(url, {"code": "x"}).status_code == 403


def test_case_officer_cites_an_indicator_in_the_assessment(case_officer_client, assessment):
    indicator = Indicator.objects.get(code="barn-ekonomiskt-utsatta")
    response = case_officer_client.post(
        reverse("indicators:cite", args=[assessment.case_id]),
        {"indicator": indicator.pk, "note": "Var sjunde barn"},
    )
    assert response.status_code == 302
    citation = Citation.objects.get()
    assert (citation.assessment, citation.indicator) == (assessment, indicator)
    page = case_officer_client.get(reverse("assessments:case_detail", args=[assessment.case_id]))
    assert "Var sjunde barn" in page.content.decode()
    case_officer_client.post(reverse("indicators:uncite", args=[citation.pk]))
    assert not Citation.objects.exists()


def test_outsider_cannot_cite_in_another_organisations_case(outsider_client, assessment):
    indicator = Indicator.objects.first()
    response = outsider_client.post(
        reverse("indicators:cite", args=[assessment.case_id]), {"indicator": indicator.pk}
    )
    assert response.status_code == 404
    assert not Citation.objects.exists()


def test_activity_page_names_the_goal_indicators_from_the_catalogue(coordinator_client, karlskoga):
    import datetime

    from planning import services as planning

    plan = planning.create_plan(karlskoga, by=None, title="Plan", start_year=2026, end_year=2027)
    area = planning.add_area(plan, by=None, title="Område")
    goal = planning.add_goal(area, by=None, title="Mål", indicator_codes=["N02904", "X12345"])
    activity = planning.add_activity(
        goal,
        by=None,
        title="Aktivitet",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 6, 30),
    )
    html = coordinator_client.get(
        reverse("planning:activity_detail", args=[activity.pk])
    ).content.decode()
    assert "Invånare 0–19 år i ekonomiskt utsatta hushåll" in html
    assert "X12345" in html and "finns inte i indikatorkatalogen" in html


def test_conditions_and_catalogue_pages_read_a_fixed_number_of_queries(
    coordinator_client, karlskoga, figures, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16):
        assert coordinator_client.get(reverse("indicators:conditions", args=[karlskoga.pk]))
    with django_assert_max_num_queries(8):
        assert coordinator_client.get(reverse("indicators:indicator_list")).status_code == 200


def test_own_indicator_takes_figures_of_its_organisation_only(karlskoga, degerfors):
    from indicators.imports.core import ImportFailed

    Indicator.objects.create(code="egen", name_sv="Egen", source="own", organisation=karlskoga)
    data = "indikator;kod;år;värde\negen;1883;2024;1\negen;1862;2024;2\n".encode()
    with pytest.raises(ImportFailed) as excinfo:
        run_import(data, fmt="template", organisation=karlskoga, by=None)
    assert excinfo.value.errors[0][0] == 3
    assert not IndicatorValue.objects.exists()


def test_outsider_does_not_see_another_organisations_own_indicator(outsider_client, karlskoga):
    own = Indicator.objects.create(
        code="egen", name_sv="Egen", source="own", organisation=karlskoga
    )
    response = outsider_client.get(reverse("indicators:indicator_detail", args=[own.pk]))
    assert response.status_code == 404
    assert "Egen" not in outsider_client.get(reverse("indicators:indicator_list")).content.decode()


def test_organisation_without_scb_code_compares_with_sweden_only(client, figures):
    from organisations import services as org_services
    from organisations.roles import Role
    from tests.conftest import make_user

    society = Organisation.objects.create(name="Föreningen", kind="civil_society")
    user = make_user("forening")
    org_services.add_member(society, by=None, user=user, role=Role.COORDINATOR)
    client.force_login(user)
    html = client.get(
        reverse("indicators:comparison", args=[society.pk, figures.pk])
    ).content.decode()
    assert "Riket: 11,9 % (2023)." in html
    assert "Bland kommunerna med en siffra" not in html
