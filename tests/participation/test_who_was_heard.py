"""Who was heard (issue 22, point 7): answers by age band, gender and school or area beside the
population, small groups hidden, the groups not heard named; schools only from the list; a
class code's group counted; the year page scoped and read in the same number of queries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from organisations import services as org_services
from participation import heard, results, services
from participation.childpage import answer_form
from participation.forms import ClassCodesForm
from participation.models import Response
from participation.readability import MAX_LIX_BY_AGE_BAND, lix
from participation.year import year_heard

from .conftest import DAY, answer

SCHOOLS = "Bergsskolan\nSkogsskolan"


def counts(table) -> dict:
    return {row.label: row.count for row in table.rows}


def population(organisation, bands, year=2025):
    for band, (girls, boys) in bands.items():
        org_services.add_population_by_age(
            organisation,
            by=None,
            year=year,
            age_band=band,
            total=girls + boys,
            girls=girls,
            boys=boys,
            source="Demo – påhittade värden",
        )


# --- The pure tables --------------------------------------------------------------------------


def test_shares_of_the_answers_stand_beside_shares_of_the_population():
    table = heard.heard_table(
        "Ålder", {"6-12": 10, "13-17": 30}, {}, {"6-12": 600, "13-17": 400}, 2025
    )
    (younger, older) = table.rows
    assert (younger.answer_share, younger.population_share) == (0.25, 0.6)
    assert (older.answer_share, older.population_share) == (0.75, 0.4)
    assert table.has_population and table.population_year == 2025
    with translation.override("sv"):
        assert younger.answer_percent == "25 %"


def test_a_group_under_five_is_hidden_and_its_neighbour_too_but_an_empty_group_shows_zero():
    table = heard.heard_table("Skola", {"A": 3, "B": 20, "C": 0}, {})
    rows = {row.label: row for row in table.rows}
    assert (rows["A"].count, rows["A"].small, rows["A"].answer_share) == (None, True, None)
    # B alone shown would give A away from the total (23): hidden as well, not as "small".
    assert (rows["B"].count, rows["B"].small) == (None, False)
    # C had no answer: it is named as not heard, so counting it as hidden would not protect A.
    assert rows["C"].count == 0
    assert "fewer than 5" in table.note or "färre än 5" in table.note


def test_population_share_is_unknown_without_population():
    table = heard.heard_table("Skola", {"A": 8, "B": 9}, {})
    assert not table.has_population
    assert table.rows[0].population_percent == "–"


# --- Per consultation -------------------------------------------------------------------------


@pytest.fixture
def schools(park, coordinator):
    return services.update_consultation(park, by=coordinator, areas=SCHOOLS)


def test_results_show_age_gender_and_school_beside_the_population(schools, karlskoga):
    population(karlskoga, {"6-12": (300, 300), "13-17": (150, 250)})
    for n in range(6):
        answer(schools, n, age="6-12", gender="girl", single=0)
    for n in range(6, 12):
        answer(schools, n, age="13-17", gender="boy", single=0)
    for n in range(12, 17):
        services.submit_response(
            schools,
            submission_key=f"s{n}",
            age_band="13-17",
            area="Bergsskolan",
            answers={},
            today=DAY,
        )
    with translation.override("en"):
        summary = results.consultation_results(schools, raw=False)
    age, gender, area = summary.breakdowns
    assert counts(age) == {"6–12 years": 6, "13–17 years": 11}
    assert [row.population_share for row in age.rows] == [0.6, 0.4]
    assert age.population_year == 2025
    assert counts(gender) == {"Girl": 6, "Boy": 6, "Other": 0, "Not given": 5}
    assert [row.population_share for row in gender.rows] == [0.45, 0.55, None, None]
    # Bergsskolan 5 is shown; the 12 who did not say are shown; Skogsskolan had none.
    assert counts(area) == {"Bergsskolan": 5, "Skogsskolan": 0, "Not given": 12}
    assert summary.not_heard == ["Skogsskolan"]
    assert summary.population_source == "Demo – påhittade värden"


def test_the_results_page_says_fewer_than_five_and_names_the_schools_not_heard(
    client, schools, coordinator
):
    for n in range(7):
        answer(schools, n, age="13-17", gender="girl", single=0)
    for n in range(7, 9):
        services.submit_response(
            schools, submission_key=f"s{n}", age_band="13-17", area="Bergsskolan", answers={}
        )
    client.force_login(coordinator)
    html = client.get(reverse("participation:results", args=[schools.pk])).content.decode()
    assert "Vilka svarade" in html
    assert "färre än 5" in html
    assert "Skogsskolan" in html.split("Inte hörda:")[1]
    assert "Bergsskolan" not in html.split("Inte hörda:")[1]
    assert reverse("participation:who_was_heard", args=[schools.organisation_id]) in html


def test_the_pdf_summary_shows_who_answered(coordinator_client, schools):
    for n in range(6):
        answer(schools, n, age="13-17", gender="girl", single=0)
    url = reverse("participation:results_export", args=[schools.pk, "pdf"])
    assert coordinator_client.get(url)["Content-Type"] == "application/pdf"


# --- The child's form: a school from the list only ---------------------------------------------


def test_the_child_picks_a_school_from_the_list_or_says_nothing(schools):
    form = answer_form(None, schools, False)
    choices = [value for value, _label in form.fields["area"].choices]
    assert choices == ["Bergsskolan", "Skogsskolan", ""]
    assert not form.fields["area"].required


def test_a_school_not_in_the_list_is_rejected_by_the_form_and_the_service(schools):
    data = {"submission_key": "k1", "age_band": "13-17", "area": "Min egen skola, Anna 5B"}
    form = answer_form(data, schools, False)
    assert not form.is_valid()
    assert "area" in form.errors
    with pytest.raises(ValidationError):
        services.submit_response(
            schools, submission_key="k2", age_band="13-17", area="Anna 5B", answers={}
        )
    assert not Response.objects.filter(consultation=schools).exists()


def test_the_chosen_school_is_stored_as_the_lists_label(client, schools):
    response = client.post(
        reverse("participation:child_page", args=[schools.code]),
        {"submission_key": "k3", "age_band": "13-17", "area": "Skogsskolan"},
    )
    assert response.status_code == 302
    assert Response.objects.get(consultation=schools).area == "Skogsskolan"


def test_without_schools_listed_the_child_is_not_asked(park):
    assert "area" not in answer_form(None, park, False).fields


def test_the_new_child_texts_are_easy_to_read():
    with translation.override("sv"):
        from django.utils.translation import gettext

        for text in (
            gettext("Which school or place are you from? (you do not have to answer)"),
            gettext("I don't want to say"),
        ):
            assert text != "" and lix(text) <= MAX_LIX_BY_AGE_BAND["6-12"], text
        assert gettext("Which school or place are you from? (you do not have to answer)") != (
            "Which school or place are you from? (you do not have to answer)"
        )


# --- Class codes: the group they were handed out to ------------------------------------------


def test_an_answer_with_a_class_code_counts_under_its_school(schools, coordinator):
    services.update_consultation(schools, by=coordinator, requires_class_code=True)
    codes = services.create_class_codes(schools, by=coordinator, count=6, area="Skogsskolan")
    assert "area" not in answer_form(None, schools, False).fields  # the code tells the school
    for n, code in enumerate(codes):
        services.submit_response(
            schools, submission_key=f"c{n}", age_band="6-12", class_code=code.code, answers={}
        )
    with translation.override("en"):
        summary = results.consultation_results(schools, raw=False)
    assert counts(summary.breakdowns[-1])["Skogsskolan"] == 6
    assert "Skogsskolan" not in summary.not_heard


def test_class_codes_name_only_a_school_from_the_list(schools, coordinator):
    form = ClassCodesForm({"count": 3, "area": "Någon annan"}, consultation=schools)
    assert not form.is_valid()
    with pytest.raises(ValidationError):
        services.create_class_codes(schools, by=coordinator, count=3, area="Någon annan")


# --- The year page -----------------------------------------------------------------------------


def consultations(organisation, by, count, *, year=2026):
    made = []
    for n in range(count):
        consultation = services.create_consultation(
            organisation,
            by=by,
            title=f"Fråga {n}",
            introduction="Vad tycker du?",
            age_bands=["6-12", "13-17"],
            ask_gender=True,
            areas=SCHOOLS,
            opens_on=datetime.date(year, 3, 1),
        )
        services.add_question(consultation, by=by, kind="text", text="Något mer?")
        services.open_consultation(consultation, by=by)
        made.append(consultation)
    return made


def test_the_year_page_puts_the_years_consultations_together(
    coordinator_client, karlskoga, coordinator
):
    population(karlskoga, {"6-12": (300, 300), "13-17": (200, 200)})
    first, second = consultations(karlskoga, coordinator, 2)
    for n in range(3):
        services.submit_response(
            first, submission_key=f"a{n}", age_band="13-17", gender="girl", answers={}
        )
        services.submit_response(
            second, submission_key=f"b{n}", age_band="13-17", gender="girl", answers={}
        )
    services.record_offline_voice(
        second,
        by=coordinator,
        held_on="2026-04-01",
        channel="school_class",
        children_count=20,
        age_bands=["6-12"],
        points="Mer ljus",
    )
    (other_year,) = consultations(karlskoga, coordinator, 1, year=2025)
    services.submit_response(other_year, submission_key="x", age_band="6-12", answers={})
    with translation.override("en"):
        year = year_heard(type(first).objects.filter(organisation=karlskoga), karlskoga.pk, 2026)
    assert [c.title for c in year.consultations] == ["Fråga 0", "Fråga 1"]
    assert (year.online, year.offline_children) == (6, 20)
    age = year.tables[0]
    # 13–17 has six answers in all, though three in each consultation.
    assert counts(age) == {"6–12 years": 0, "13–17 years": 6}
    assert counts(year.meetings) == {"6–12 years": 20}
    # 6–12 was heard at a meeting; the boys and both schools were not.
    assert year.not_heard == ["Bergsskolan", "Skogsskolan", "boy"]
    url = reverse("participation:who_was_heard", args=[karlskoga.pk])
    html = coordinator_client.get(url, {"year": 2026}).content.decode()
    assert "Vilka som hördes 2026" in html or "2026" in html
    assert "Fråga 1" in html and "Fråga 0" in html
    assert "Bergsskolan" in html.split("Inte hörda:")[1]


def test_the_year_is_chosen_with_a_select(coordinator_client, karlskoga, coordinator):
    consultations(karlskoga, coordinator, 1, year=2025)
    url = reverse("participation:who_was_heard", args=[karlskoga.pk])
    assert "Fråga 0" not in coordinator_client.get(url, {"year": 2026}).content.decode()
    html = coordinator_client.get(url, {"year": 2025}).content.decode()
    assert "Fråga 0" in html
    assert '<option value="2025" selected>' in html


def test_another_organisations_year_page_is_404(outsider_client, karlskoga):
    url = reverse("participation:who_was_heard", args=[karlskoga.pk])
    assert outsider_client.get(url).status_code == 404


def test_the_year_page_counts_only_the_organisations_consultations(
    client, karlskoga, degerfors, coordinator, outsider
):
    consultations(karlskoga, coordinator, 1)
    client.force_login(outsider)
    html = client.get(
        reverse("participation:who_was_heard", args=[degerfors.pk]), {"year": 2026}
    ).content.decode()
    assert "Fråga 0" not in html


@pytest.mark.parametrize("count", [1, 10])
def test_the_year_page_reads_the_same_queries_for_1_and_10_consultations(
    coordinator_client, karlskoga, coordinator, django_assert_num_queries, count
):
    population(karlskoga, {"6-12": (300, 300)})
    for n, consultation in enumerate(consultations(karlskoga, coordinator, count)):
        services.submit_response(
            consultation, submission_key=f"q{n}", age_band="6-12", area="Bergsskolan", answers={}
        )
        services.record_offline_voice(
            consultation,
            by=coordinator,
            held_on="2026-04-01",
            channel="meeting",
            children_count=6,
            age_bands=["6-12"],
            points="Mer ljus",
        )
    url = reverse("participation:who_was_heard", args=[karlskoga.pk])
    coordinator_client.get(url)  # the first request of a session writes its last-seen mark
    with django_assert_num_queries(QUERIES):
        assert coordinator_client.get(url, {"year": 2026}).status_code == 200


# session, user, memberships, organisation, bodies, consultations, answers, meetings, population
QUERIES = 9


def test_the_year_page_narrows_to_one_body_and_is_linked_from_the_list(
    coordinator_client, karlskoga, coordinator, social_committee
):
    _first, second = consultations(karlskoga, coordinator, 2)
    services.update_consultation(second, by=coordinator, body=social_committee)
    url = reverse("participation:who_was_heard", args=[karlskoga.pk])
    html = coordinator_client.get(url, {"year": 2026, "body": social_committee.pk})
    titles = [c.title for c in html.context["heard"].consultations]
    assert titles == ["Fråga 1"]
    listed = coordinator_client.get(reverse("participation:consultation_list"))
    assert url in listed.content.decode()
