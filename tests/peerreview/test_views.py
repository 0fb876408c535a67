"""The review's pages: 404 for those who may not see it, 403 for the wrong side, the reviewers'
and the reviewed member's forms, the peer ratings on the self-assessment page, recommendations
made activities, the report as PDF and DOCX, and a fixed number of queries."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse

from networks import services as network_services
from peerreview.models import PeerReview, Recommendation, Status
from planning.models import Activity, SelfAssessment
from tests.docx_checks import assert_swedish_word_file
from tests.pdf_checks import assert_tagged_pdf
from tests.test_query_counts import queries_for

pytestmark = pytest.mark.django_db


def detail(review):
    return reverse("peerreview:review_detail", args=[review.pk])


def test_outsider_of_the_network_gets_404_for_a_review(client, reported, stranger):
    client.force_login(stranger)
    assert client.get(detail(reported)).status_code == 404
    url = reverse("peerreview:review_download", args=[reported.pk, "pdf"])
    assert client.get(url).status_code == 404


def test_a_member_reads_a_review_only_once_reported(client, review, reviewer, member):
    client.force_login(member)
    assert client.get(detail(review)).status_code == 404
    from peerreview import services

    services.start_review(review, by=reviewer)
    services.save_finding(review, "long_term_plan", by=reviewer, text="", level=1)
    services.save_finding(review, "training", by=reviewer, text="", level=1)
    services.report_review(review, by=reviewer)
    response = client.get(detail(review))
    assert response.status_code == 200
    assert "Granskning av Karlskoga" in response.text


def test_member_cannot_plan_in_a_network_it_is_not_in(client, partnership, stranger):
    client.force_login(stranger)
    url = reverse("peerreview:review_create", args=[partnership.pk])
    assert client.get(url).status_code == 404


def test_case_officer_of_a_member_may_not_plan(client, partnership, case_officer):
    client.force_login(case_officer)
    url = reverse("peerreview:review_create", args=[partnership.pk])
    assert client.get(url).status_code == 403


def test_coordinator_plans_a_review_from_the_form(
    client, partnership, karlskoga, degerfors, reviewer
):
    client.force_login(reviewer)
    response = client.post(
        reverse("peerreview:review_create", args=[partnership.pk]),
        {
            "reviewed": karlskoga.pk,
            "reviewing_organisations": [degerfors.pk],
            "reviewers": [reviewer.pk],
            "title": "Vårens granskning",
            "year": 2027,
            "focus_factors": ["budget", "civil_society"],
            "questions": "Hur syns barnen i budgeten?",
            "visit_date": "2027-03-01",
            "report_due": "2027-04-01",
        },
    )
    review = PeerReview.objects.get(title="Vårens granskning")
    assert response.status_code == 302
    assert review.organisation == karlskoga
    assert list(review.reviewers.all()) == [reviewer]


def test_a_report_due_before_the_visit_is_explained_at_its_field(
    client, partnership, karlskoga, degerfors, reviewer
):
    client.force_login(reviewer)
    response = client.post(
        reverse("peerreview:review_create", args=[partnership.pk]),
        {
            "reviewed": karlskoga.pk,
            "reviewing_organisations": [degerfors.pk],
            "reviewers": [reviewer.pk],
            "title": "Vårens granskning",
            "year": 2027,
            "focus_factors": ["budget"],
            "visit_date": "2027-03-01",
            "report_due": "2027-02-01",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["report_due"] == ["Rapporten kan inte lämnas före besöket."]
    assert not form.non_field_errors()
    assert "peerreview_report_after_visit" not in response.content.decode()
    assert not PeerReview.objects.filter(title="Vårens granskning").exists()


def test_only_the_reviewing_side_records_findings(client, review, reviewer, coordinator):
    url = reverse("peerreview:finding_edit", args=[review.pk, "training"])
    client.force_login(coordinator)  # the reviewed organisation's coordinator
    assert client.post(url, {"text": "Bra", "level": "4"}).status_code == 403
    client.force_login(reviewer)
    assert client.post(url, {"text": "Bra", "level": "3"}).status_code == 302
    assert review.findings.get(factor="training").level == 3


def test_a_factor_outside_the_focus_has_no_findings_page(client, review, reviewer):
    client.force_login(reviewer)
    url = reverse("peerreview:finding_edit", args=[review.pk, "budget"])
    assert client.get(url).status_code == 404


def test_a_named_reviewer_records_findings_without_being_coordinator(
    client, partnership, karlskoga, degerfors
):
    from organisations import services as organisation_services
    from peerreview import services
    from tests.conftest import make_user

    officer = make_user("officer")
    organisation_services.add_member(degerfors, by=None, user=officer, role="case_officer")
    review = services.plan_review(
        partnership,
        by=None,
        organisation=karlskoga,
        reviewing_organisations=[degerfors],
        reviewers=[officer],
        title="Med namngiven granskare",
        year=2028,
        focus_factors=["training"],
    )
    client.force_login(officer)
    url = reverse("peerreview:interview_add", args=[review.pk])
    response = client.post(url, {"held_on": "2028-02-01", "with_whom": "Elevråd", "notes": ""})
    assert response.status_code == 302
    assert review.interviews.get().with_whom == "Elevråd"


def test_the_reviewing_side_cannot_answer(client, reported, reviewer):
    recommendation = Recommendation.objects.filter(review=reported).first()
    client.force_login(reviewer)
    url = reverse("peerreview:recommendation_answer", args=[recommendation.pk])
    assert client.post(url, {"answer": "accepted"}).status_code == 403


def test_the_reviewed_coordinator_answers(client, reported, coordinator):
    recommendation = Recommendation.objects.filter(review=reported).first()
    client.force_login(coordinator)
    url = reverse("peerreview:recommendation_answer", args=[recommendation.pk])
    response = client.post(url, {"answer": "partly", "answer_text": "Vi börjar med två mål."})
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert (recommendation.answer, recommendation.answer_text) == (
        "partly",
        "Vi börjar med två mål.",
    )


def test_findings_pages_are_closed_once_reported(client, reported, reviewer):
    client.force_login(reviewer)
    url = reverse("peerreview:finding_edit", args=[reported.pk, "training"])
    assert client.get(url).status_code == 404


def test_self_assessment_page_shows_the_reviewers_ratings(client, reported, coordinator):
    assessment = SelfAssessment.objects.get(organisation=reported.organisation, year=2026)
    client.force_login(coordinator)
    response = client.get(assessment.get_absolute_url())
    assert response.status_code == 200
    radar = response.context["radar"]
    assert "Kollegial granskning 2026" in radar.columns
    peer_column = radar.columns.index("Kollegial granskning 2026") + 1
    levels = {row[0]: row[peer_column] for row in radar.rows}
    assert levels["Gör en långsiktig plan"] == 2
    assert levels["Utbilda och medvetandegör"] == 3
    # The trend has the peer review's mean as its own series and row, and every factor shows it.
    trend = response.context["trend"]
    assert "Kollegial granskning, medel av dess fokusfaktorer" in trend.columns
    assert "Självskattning, medel av de bedömda faktorerna" in trend.columns
    assert "Kollegial granskning 2026: medel av 2 fokusfaktorer." in trend.text_alternative
    # The factors outside the review's focus were not reviewed; they are not "without a figure".
    assert "inte granskade, utanför granskningens fokus" in radar.text_alternative
    assert "Kollegial granskning 2026: 5 utan värde" not in radar.text_alternative
    assert any("kollegial granskning" in str(row[0]) for row in response.context["trend_rows"])
    assert "Planen saknar indikatorer." in response.text


def test_coordinator_makes_a_recommendation_an_activity(client, reported, goal, coordinator):
    recommendation = Recommendation.objects.filter(review=reported).first()
    client.force_login(coordinator)
    url = reverse("peerreview:recommendation_activity", args=[recommendation.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "goal": goal.pk,
            "title": "Indikatorer till målen",
            "starts_on": "2026-09-01",
            "ends_on": "2026-12-31",
        },
    )
    activity = Activity.objects.get(title="Indikatorer till målen")
    assert response.status_code == 302
    assert response.url == activity.get_absolute_url()
    recommendation.refresh_from_db()
    assert recommendation.activity == activity
    page = client.get(detail(reported))
    assert activity.get_absolute_url() in page.text
    # The activity's page links back to the recommendation.
    activity_page = client.get(activity.get_absolute_url())
    assert f"{detail(reported)}#recommendation-{recommendation.pk}" in activity_page.text


def test_the_activity_form_offers_only_the_reviewed_organisations_goals(
    client, reported, goal, coordinator
):
    recommendation = Recommendation.objects.filter(review=reported).first()
    client.force_login(coordinator)
    url = reverse("peerreview:recommendation_activity", args=[recommendation.pk])
    goals = list(client.get(url).context["form"].fields["goal"].queryset)
    assert goals == [goal]


def _download(client, review, fmt):
    response = client.get(reverse("peerreview:review_download", args=[review.pk, fmt]))
    assert response.status_code == 200
    return response.content


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_report_as_pdf(client, reported, coordinator, tmp_path):
    recommendation = Recommendation.objects.filter(review=reported).first()
    recommendation.answer, recommendation.answer_text = "accepted", "Görs 2027."
    recommendation.save()
    client.force_login(coordinator)
    path = tmp_path / "report.pdf"
    path.write_bytes(_download(client, reported, "pdf"))
    assert_tagged_pdf(path.read_bytes(), tmp_path)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "Granskning av Karlskoga",
        "Gör en långsiktig plan",
        "Planen saknar indikatorer.",
        "Lägg till indikatorer till varje mål.",
        "Görs 2027.",
        "Folkhälsostrateg",
        "2 etablerat i delar",
    ):
        assert expected in text, expected


def test_report_as_docx(client, reported, coordinator, tmp_path):
    from docx import Document

    client.force_login(coordinator)
    content = _download(client, reported, "docx")
    document = Document(io.BytesIO(content))
    reviewers = ", ".join(str(o) for o in reported.reviewing_organisations.all())
    assert_swedish_word_file(content, title=f"Kollegial granskning: {reported}", author=reviewers)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Planen saknar indikatorer." in text
    assert "Utbilda nya chefer varje år." in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Degerfors kommun" in cells
    assert "3 etablerat i hela organisationen" in cells or any("3 " in c for c in cells)
    if shutil.which("soffice"):
        path = tmp_path / "report.docx"
        path.write_bytes(content)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
            capture_output=True,
            check=True,
            timeout=120,
        )
        assert (tmp_path / "report.pdf").stat().st_size > 0


def test_review_pages_run_a_fixed_number_of_queries(client, reported, coordinator, reviewer):
    from peerreview import services

    client.force_login(coordinator)
    list_url = reverse("peerreview:review_list")
    small = (queries_for(client, list_url), queries_for(client, detail(reported)))
    findings = {f.factor: f for f in reported.findings.all()}
    PeerReview.objects.filter(pk=reported.pk).update(status=Status.IN_PROGRESS)
    for n in range(5):
        services.add_recommendation(findings["training"], by=reviewer, text=f"Råd {n}")
        services.add_interview(
            reported, by=reviewer, held_on="2026-03-11", with_whom=f"Funktion {n}"
        )
    PeerReview.objects.filter(pk=reported.pk).update(status=Status.REPORTED)
    for n in range(3):  # more networks to plan in
        network_services.create_network(
            reported.organisation,
            by=None,
            name=f"Nätverk {n}",
            kind="partnership",
            member_organisations=[reported.organisation],
        )
    large = (queries_for(client, list_url), queries_for(client, detail(reported)))
    assert large == small


def test_the_plan_is_changed_from_its_form(client, review, reviewer, degerfors):
    client.force_login(reviewer)
    url = reverse("peerreview:review_edit", args=[review.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "reviewing_organisations": [degerfors.pk],
            "title": "Ny titel",
            "year": 2026,
            "focus_factors": ["training"],
            "questions": "",
            "visit_date": "",
            "report_due": "",
        },
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.title, review.focus_factors) == ("Ny titel", ["training"])


def test_the_list_offers_planning_only_where_the_user_may(client, partnership, reviewer, member):
    client.force_login(reviewer)
    assert list(client.get(reverse("peerreview:review_list")).context["networks"]) == [partnership]


def test_reviewers_remove_an_interview_recorded_by_mistake(client, review, reviewer, coordinator):
    from core.models import AuditEntry
    from peerreview import services

    interview = services.add_interview(
        review, by=reviewer, held_on="2026-03-10", with_whom="Fel person"
    )
    url = reverse("peerreview:part_delete", args=[review.pk, "interviews", interview.pk])
    client.force_login(coordinator)  # the reviewed side may not
    assert client.post(url).status_code == 403
    client.force_login(reviewer)
    assert client.post(url).status_code == 302
    assert not review.interviews.exists()
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.DELETE, content_type__model="interview"
    ).exists()


def test_nothing_is_removed_once_reported(client, reported, reviewer):
    interview = reported.interviews.get()
    client.force_login(reviewer)
    url = reverse("peerreview:part_delete", args=[reported.pk, "interviews", interview.pk])
    assert client.post(url).status_code == 404
    assert reported.interviews.exists()


def test_the_start_page_asks_for_answers_and_reports(client, review, reviewer, coordinator):
    from peerreview import services

    client.force_login(reviewer)
    assert (
        "Rapportera Granskning av Karlskoga (senast 2026-04-30)"
        in client.get(reverse("home:start")).text
    )
    services.start_review(review, by=reviewer)
    services.save_finding(review, "long_term_plan", by=reviewer, text="", level=1)
    training = services.save_finding(review, "training", by=reviewer, text="", level=1)
    services.add_recommendation(training, by=reviewer, text="Utbilda fler")
    services.report_review(review, by=reviewer)
    client.force_login(coordinator)
    page = client.get(reverse("home:start")).text
    assert "Svara på rekommendationerna i Granskning av Karlskoga" in page
