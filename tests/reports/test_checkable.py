"""Issue 22: a yearly account that can be checked — counts link to the records they counted
(staff only), Swedish number formatting and plurals in the sentences, no chart that puts
areas of different sizes on one axis, and chart texts that say something true."""

from django.urls import reverse
from django.utils import translation

from core.charts import bar_chart
from reports.document import build_document, localised, scope_for
from reports.sections.indicators import comparable
from tests.reports.conftest import AS_OF, YEAR


def test_the_decision_counts_link_to_the_cases_they_counted_on_the_staff_preview(
    client, coordinator, report, cases_2026
):
    client.force_login(coordinator)
    html = client.get(report.get_absolute_url()).content.decode()
    listed = reverse("assessments:case_list")
    query = f"organisation={report.organisation_id}&decided_year={YEAR}"
    link = f"{listed}?{query}&amp;counted=decided".replace("&decided_year", "&amp;decided_year")
    assert f'<a href="{link}">3</a>' in html
    # The list the link opens shows exactly the cases counted (SN 4 was decided in 2025).
    page = client.get(f"{listed}?{query}&counted=decided").content.decode()
    assert all(f"SN {n}" in page for n in (1, 2, 3)) and "SN 4" not in page
    affecting = client.get(f"{listed}?{query}&counted=affecting").content.decode()
    assert "SN 1" in affecting and "SN 2" in affecting and "SN 3" not in affecting


def test_the_public_page_has_no_links_into_the_staff_lists(report, cases_2026):
    from django.template.loader import render_to_string

    doc = localised(build_document(report, as_of=AS_OF), "sv")
    html = render_to_string("reports/_document.html", {"doc": doc})
    assert reverse("assessments:case_list") not in html


def test_sentences_group_thousands_and_agree_in_number(report, cases_2026):
    from reports.sections import number, participation

    with translation.override("sv"):
        assert number(1968) == "1\xa0968"
        assert number(1224300000) == "1\xa0224\xa0300\xa0000"
    figures = build_document(report, as_of=AS_OF)["figures"]["participation"]
    figures["total"].update(voices=1968, feedback_given=1, feedback_owed=1)
    scope = scope_for(report, as_of=AS_OF)
    with translation.override("sv"):
        said = {s["id"]: s["text"] for s in participation.render(figures, scope).sentences}
    assert "1\xa0968 gånger" in said["participation.voices"]
    assert "har 1 berättat" in said["participation.feedback"]
    assert "1 är fortfarande skyldig dem ett svar." in said["participation.feedback"]


def test_counts_of_areas_of_different_sizes_are_drawn_as_an_index():
    series = {
        "Karlskoga": [("2024", 1950), ("2025", 1968)],
        "Riket": [("2024", 2_000_000), ("2025", 2_050_000)],
    }
    drawn, unit, note = comparable(series, "personer")
    assert drawn["Karlskoga"][0] == ("2024", 100.0)
    assert drawn["Riket"][1] == ("2025", 102.5)
    assert unit == "" and note
    # Shares and rates share one axis as they are.
    assert comparable(series, "%") == (series, "%", "")
    assert comparable(series, "per 1 000 invånare") == (series, "per 1 000 invånare", "")
    near = {"A": [("2024", 10)], "B": [("2024", 12)]}
    assert comparable(near, "personer")[0] is near


def test_a_chart_whose_bars_are_all_equal_says_so():
    with translation.override("sv"):
        chart = bar_chart("Prövade", [("Prövade", 100), ("Följer barnets bästa", 100)], unit="%")
    assert "Högst" not in chart.text_alternative
    assert chart.text_alternative == "Prövade. Samma värde för alla 2: 100 %."
