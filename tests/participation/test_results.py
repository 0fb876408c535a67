"""The results page: counts, distribution, mean and ranking from known answers; small groups
hidden; the children's own words only for dialogue leaders and coordinators."""

import pytest
from django.urls import reverse
from django.utils import translation

from participation import results, services
from participation.models import Answer

from .conftest import answer


def test_option_counts_add_up_single_and_multiple_choices():
    assert results.option_counts(3, [(0, 2), (2, 1), ([0, 2], 3), (7, 1), ("x", 1)]) == [5, 0, 4]


def test_scale_distribution_gives_the_faces_words_and_the_mean():
    with translation.override("en"):
        rows, mean = results.scale_distribution([(5, 1), (4, 1), (2, 1), (9, 4)])
    assert rows == [("Very bad", 0), ("Bad", 1), ("Okay", 0), ("Good", 1), ("Very good", 1)]
    assert mean == pytest.approx(11 / 3)


def test_scale_distribution_without_answers_has_no_mean():
    rows, mean = results.scale_distribution([])
    assert [n for _word, n in rows] == [0, 0, 0, 0, 0]
    assert mean is None


def test_ranking_places_average_place_and_firsts_best_first():
    rows = results.ranking_places(4, [([2, 0, 1], 1), ([2, 1, 0], 1), ([0], 1)])
    assert rows == [(2, 1.0, 2), (0, 2.0, 1), (1, 2.5, 0), (3, None, 0)]


def test_visible_texts_for_others_are_only_those_shown():
    rows = [("a", "not_needed"), ("b", "pending"), ("c", "approved"), ("d", "hidden")]
    shown, kept = results.visible_texts(rows, raw=False)
    assert [t.text for t in shown] == ["a", "c"]
    assert kept == 2
    everything, kept = results.visible_texts(rows, raw=True)
    assert [t.text for t in everything] == ["a", "b", "c", "d"]
    assert kept == 0


@pytest.fixture
def answered(park):
    answer(
        park,
        1,
        gender="girl",
        single=0,
        multiple=[0, 2],
        scale=5,
        ranking=[2, 0, 1],
        text="Fler gungor",
    )
    answer(
        park,
        2,
        gender="boy",
        single=0,
        multiple=[2],
        scale=4,
        ranking=[2, 1, 0],
        text="Ring mig på 070-123 45 67",
    )
    answer(
        park,
        3,
        gender="girl",
        single=1,
        multiple=[],
        scale=2,
        ranking=[0],
        text="<script>alert(1)</script>",
    )
    return park


def by_kind(summary):
    return {item.question.kind: item for item in summary.questions}


def test_results_count_what_the_children_answered(answered):
    with translation.override("en"):
        summary = by_kind(results.consultation_results(answered, raw=True))
    assert summary["single"].rows == [("Gungor", 2), ("Bänkar", 1), ("Belysning", 0)]
    assert summary["multiple"].rows == [("Gungor", 1), ("Bänkar", 0), ("Belysning", 2)]
    assert summary["multiple"].answered == 2
    assert [n for _w, n in summary["scale"].rows] == [0, 1, 0, 1, 1]
    assert summary["scale"].mean == "Mean 3.7 on the scale 1–5 (good)"
    assert summary["ranking"].rows == [
        ("Belysning", "1.0", 2),
        ("Gungor", "2.0", 1),
        ("Bänkar", "2.5", 0),
    ]
    assert summary["text"].answered == 3
    assert "Gungor" in summary["single"].chart.svg
    assert summary["single"].chart.text_alternative.startswith("Vilket är bäst?")


def test_totals_count_children_from_meetings_as_voices(answered, coordinator):
    services.record_offline_voice(
        answered,
        by=coordinator,
        held_on="2026-03-01",
        channel="meeting",
        children_count=12,
        points="Mer ljus",
    )
    summary = results.consultation_results(answered, raw=False)
    assert (summary.online, summary.offline_children, summary.voices_in_all) == (3, 12, 15)


def counts(table) -> dict:
    return {row.label: row.count for row in table.rows}


def test_a_small_age_group_is_hidden_with_a_note(park):
    for n in range(7):
        answer(park, n, age="13-17", single=0)
    for n in range(7, 9):
        answer(park, n, age="6-12", single=1)
    with translation.override("en"):
        age, gender = results.consultation_results(park, raw=False).breakdowns
    # 6–12 has two; 13–17 is hidden too, or the total would give the two away.
    assert counts(age) == {"6–12 years": None, "13–17 years": None}
    assert [row.small for row in age.rows] == [True, False]
    assert age.note.startswith("Groups with fewer than 5 respondents are not shown.")
    # No girl, boy or other answered: shown as 0 (and named as not heard), not hidden.
    assert counts(gender) == {"Girl": 0, "Boy": 0, "Other": 0, "Not given": 9}


def test_groups_of_five_or_more_are_shown(park):
    for n in range(6):
        answer(park, n, age="13-17", gender="girl", single=0)
    for n in range(6, 11):
        answer(park, n, age="6-12", gender="boy", single=1)
    with translation.override("en"):
        age, gender = results.consultation_results(park, raw=False).breakdowns
    assert counts(age) == {"6–12 years": 5, "13–17 years": 6}
    assert age.note is None
    assert [row.count for row in gender.rows][:2] == [6, 5]


def test_gender_is_left_out_when_not_asked(park, coordinator):
    services.update_consultation(park, by=coordinator, ask_gender=False)
    assert len(results.consultation_results(park, raw=False).breakdowns) == 1


def test_coordinator_sees_the_childrens_own_words(coordinator_client, answered):
    content = coordinator_client.get(reverse("participation:results", args=[answered.pk]))
    text = content.content.decode()
    assert "070-123 45 67" in text
    assert "Fler gungor" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert" not in text


@pytest.mark.parametrize("persona", ["reader", "case_officer"])
def test_others_see_only_masked_texts_that_are_shown(client, request, answered, persona):
    client.force_login(request.getfixturevalue(persona))
    text = client.get(reverse("participation:results", args=[answered.pk])).content.decode()
    assert "Fler gungor" in text
    assert "070-123" not in text
    assert "<svg" in text and "<table" in text and '<th scope="col">' in text


def test_an_approved_text_is_shown_masked_to_others(case_officer_client, answered, coordinator):
    flagged = Answer.objects.get(moderation=Answer.Moderation.PENDING)
    services.moderate(flagged, by=coordinator, approve=True)
    url = reverse("participation:results", args=[answered.pk])
    text = case_officer_client.get(url).content.decode()
    assert flagged.masked_text in text
    assert "070-123" not in text


def test_outsider_gets_404_for_results(outsider_client, answered):
    response = outsider_client.get(reverse("participation:results", args=[answered.pk]))
    assert response.status_code == 404


def test_only_the_latest_texts_are_on_the_page_until_all_are_asked_for(coordinator_client, park):
    for n in range(results.TEXTS_ON_PAGE + 3):
        answer(park, n, text=f"Svar nummer {n:03d}")
    url = reverse("participation:results", args=[park.pk])
    assert "Svar nummer 000" not in coordinator_client.get(url).content.decode()
    assert "Svar nummer 000" in coordinator_client.get(url + "?texts=all").content.decode()


def fill(consultation, count):
    for n in range(count):
        answer(
            consultation,
            n,
            age=("6-12", "13-17")[n % 2],
            gender=("girl", "boy")[n % 2],
            single=n % 3,
            multiple=[n % 3],
            scale=1 + n % 5,
            ranking=[n % 3],
            text=f"Text {n} {'ring 070-123 45 67' if n % 10 == 0 else ''}",
        )


@pytest.mark.parametrize("count", [10, 200])
def test_results_page_reads_at_most_ten_queries(
    coordinator_client, park, django_assert_max_num_queries, count
):
    fill(park, count)
    url = reverse("participation:results", args=[park.pk])
    coordinator_client.get(url)  # the first request of a session writes its last-seen mark
    with django_assert_max_num_queries(10):
        response = coordinator_client.get(url)
    assert response.status_code == 200


def test_results_page_stays_small_with_many_answers(coordinator_client, park):
    fill(park, 200)
    response = coordinator_client.get(reverse("participation:results", args=[park.pk]))
    assert len(response.content) < 35_000


def test_the_age_groups_not_heard_are_named_on_the_results_page(client, park, coordinator):
    """Issue 22, who was heard: a targeted age band with no answer at all is named, so the
    dialogue leader can ask those children another way."""
    for n in range(6):
        answer(park, n, age="13-17", single=0)
    with translation.override("en"):
        assert results.consultation_results(park, raw=False).not_heard == [
            "6–12 years",
            "girl",
            "boy",
        ]
    client.force_login(coordinator)
    html = client.get(reverse("participation:results", args=[park.pk]))
    assert "Inte hörda:</strong> 6–12 år, tjej, kille." in html.content.decode()
    services.record_offline_voice(
        park,
        by=coordinator,
        held_on="2026-03-01",
        channel="meeting",
        children_count=8,
        age_bands=["6-12"],
        points="Fler gungor",
    )
    services.update_consultation(park, by=coordinator, ask_gender=False)
    assert results.consultation_results(park, raw=False).not_heard == []
