"""Case ↔ consultation both ways (issue 22): "Ask the children" on the case page starts a
consultation pre-filled for the case, and the assessment shows the linked consultation's results
and brings them into "What do the children think?"."""

from django.urls import reverse

from participation.case_views import linked_views
from tests.participation.conftest import answer


def test_the_case_page_starts_a_consultation_for_the_case(client, coordinator, case, karlskoga):
    client.force_login(coordinator)
    page = client.get(case.get_absolute_url()).content.decode()
    start = reverse("participation:consultation_create", args=[karlskoga.pk]) + f"?case={case.pk}"
    assert f'href="{start}"' in page
    form = client.get(start).context["form"]
    assert form.initial["case_numbers"] == case.case_number
    assert form.initial["body"] == case.body_id
    assert form.initial["title"] == case.title


def test_a_case_of_another_organisation_prefills_nothing(client, outsider, case, degerfors):
    client.force_login(outsider)
    url = reverse("participation:consultation_create", args=[degerfors.pk])
    response = client.get(url, {"case": case.pk})
    if response.status_code == 200:
        assert "case_numbers" not in response.context["form"].initial


def test_the_assessment_shows_and_brings_in_the_linked_results(
    client, coordinator, assessment, park
):
    park.cases.add(assessment.case)
    for n in range(6):
        answer(park, n, single=1)
    client.force_login(coordinator)
    url = reverse("assessments:assessment_edit", args=[assessment.case_id])
    page = client.get(url).content.decode()
    assert "Parken vid skolan" in page
    assert "6 barn svarade" in page
    assert "Vilket är bäst?: Bänkar 6" in page
    response = client.post(
        url,
        {
            "lock_version": assessment.lock_version,
            "bring_views": str(park.pk),
            f"bring_text_{park.pk}": "Samrådet: 6 barn svarade.\n– Vilket är bäst?: Bänkar 6",
            "views_summary": "Egen text",
        },
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.answers["views_summary"] == (
        "Egen text\n\nSamrådet: 6 barn svarade.\n– Vilket är bäst?: Bänkar 6"
    )
    assert assessment.answers["children_heard"] == "yes"


def test_the_officer_picks_the_quotes_the_assessment_brings_in(
    client, coordinator, assessment, park
):
    """Issue 22: the children's own words are offered, each to tick; only the ticked ones go
    into "What do the children think?", after the counts and with the question they answer."""
    park.cases.add(assessment.case)
    for n in range(6):
        answer(park, n, single=1, text=f"En gunga nummer {n}")
    client.force_login(coordinator)
    url = reverse("assessments:assessment_edit", args=[assessment.case_id])
    content = client.get(url).content.decode()
    assert "Något mer?: 6 svar med egna ord" in content
    assert f'name="bring_quote_{park.pk}"' in content
    assert "”En gunga nummer 2”" in content
    (item,) = linked_views(assessment.case, coordinator)
    ((question, offered),) = item.quotes
    assert question == "Något mer?" and len(offered) == 6
    picked = [line for line, quote in offered if quote.endswith("2")]
    response = client.post(
        url,
        {
            "lock_version": assessment.lock_version,
            "bring_views": str(park.pk),
            f"bring_text_{park.pk}": item.text,
            f"bring_quote_{park.pk}": picked,
        },
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    brought = assessment.answers["views_summary"]
    assert "– Något mer?: 6 svar med egna ord" in brought
    assert "– Något mer?: ”En gunga nummer 2”" in brought
    assert "nummer 3" not in brought


def test_results_of_too_few_children_are_not_shown(client, coordinator, assessment, park):
    park.cases.add(assessment.case)
    for n in range(3):
        answer(park, n, single=1)
    client.force_login(coordinator)
    page = client.get(reverse("assessments:assessment_edit", args=[assessment.case_id]))
    content = page.content.decode()
    assert "Bänkar 3" not in content
    assert 'name="bring_views"' not in content


def test_the_case_officer_brings_in_the_results_too(client, case_officer, assessment, park):
    """The officer writes the assessment but may not read the children's own words; the
    results the assessment shows are the masked ones the results page shows everyone."""
    park.cases.add(assessment.case)
    for n in range(6):
        answer(park, n, single=1)
    client.force_login(case_officer)
    url = reverse("assessments:assessment_edit", args=[assessment.case_id])
    content = client.get(url).content.decode()
    assert "6 barn svarade" in content
    assert 'name="bring_views"' in content
