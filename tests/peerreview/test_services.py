"""The review's services: who can be a party, the status flow, the peer ratings on the
self-assessment, answers and recommendations made activities, each with its audit entries."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.models import AuditEntry
from peerreview import services
from peerreview.models import PeerReview, Recommendation, Status
from planning import selfassessment_services
from planning.models import Activity, FactorRating, SelfAssessment

pytestmark = pytest.mark.django_db


def plan(network, organisation, reviewing, by, **extra):
    fields = {"title": "Granskning", "year": 2026, "focus_factors": ["budget"]} | extra
    return services.plan_review(
        network, by=by, organisation=organisation, reviewing_organisations=reviewing, **fields
    )


def test_planning_a_review_is_logged(review, reviewer):
    entry = AuditEntry.objects.for_object(review).get()
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.actor == reviewer
    assert review.status == Status.PLANNED


def test_a_reviewed_organisation_outside_the_network_is_refused(partnership, nora, degerfors):
    with pytest.raises(ValidationError):
        plan(partnership, nora, [degerfors], None)


def test_a_reviewing_organisation_outside_the_network_is_refused(partnership, karlskoga, nora):
    with pytest.raises(ValidationError):
        plan(partnership, karlskoga, [nora], None)


def test_an_organisation_does_not_review_itself(partnership, karlskoga):
    with pytest.raises(ValidationError):
        plan(partnership, karlskoga, [karlskoga], None)


def test_a_named_reviewer_must_work_in_a_reviewing_organisation(
    partnership, karlskoga, degerfors, member
):
    with pytest.raises(ValidationError):
        plan(partnership, karlskoga, [degerfors], None, reviewers=[member])


def test_one_review_per_organisation_and_year(review, partnership, karlskoga, haninge):
    with pytest.raises(ValidationError):
        plan(partnership, karlskoga, [haninge], None, year=review.year)


def test_focus_factors_must_be_known(partnership, karlskoga, degerfors):
    with pytest.raises(ValidationError):
        plan(partnership, karlskoga, [degerfors], None, focus_factors=["weather"])


def test_findings_only_for_factors_in_focus(review, reviewer):
    services.start_review(review, by=reviewer)
    with pytest.raises(ValidationError):
        services.save_finding(review, "budget", by=reviewer, text="x", level=1)


def test_report_needs_a_rating_for_every_factor_in_focus(review, reviewer):
    services.start_review(review, by=reviewer)
    services.save_finding(review, "long_term_plan", by=reviewer, text="x", level=2)
    with pytest.raises(ValidationError):
        services.report_review(review, by=reviewer)
    assert PeerReview.objects.get(pk=review.pk).status == Status.IN_PROGRESS


def test_report_starts_the_self_assessment_and_stores_peer_ratings(reported, karlskoga):
    assessment = SelfAssessment.objects.get(organisation=karlskoga, body=None, year=2026)
    peer = dict(
        FactorRating.objects.filter(assessment=assessment, source="peer").values_list(
            "factor", "level"
        )
    )
    assert peer == {"long_term_plan": 2, "training": 3}
    # Started through planning's service: the seven empty self-ratings are there too.
    assert assessment.ratings.filter(source="self").count() == 7
    assert reported.status == Status.REPORTED
    assert (
        AuditEntry.objects.filter(
            content_type__model="factorrating",
            organisation=karlskoga,
            changes__source=[None, "peer"],
        ).count()
        == 2
    )


def test_peer_ratings_go_beside_an_existing_self_rating(review, reviewer, karlskoga, coordinator):
    assessment = selfassessment_services.start_self_assessment(karlskoga, by=coordinator, year=2026)
    selfassessment_services.save_self_assessment(
        assessment, by=coordinator, ratings={"training": {"level": 4}}
    )
    services.start_review(review, by=reviewer)
    services.save_finding(review, "long_term_plan", by=reviewer, text="a", level=1)
    services.save_finding(review, "training", by=reviewer, text="b", level=3)
    services.report_review(review, by=reviewer)
    assert SelfAssessment.objects.filter(organisation=karlskoga, year=2026).count() == 1
    training = FactorRating.objects.filter(assessment=assessment, factor="training")
    assert sorted(training.values_list("source", "level")) == [("peer", 3), ("self", 4)]


def test_nothing_is_added_once_reported(reported, reviewer):
    with pytest.raises(services.TransitionError):
        services.add_interview(
            reported, by=reviewer, held_on=datetime.date(2026, 5, 1), with_whom="Rektor"
        )
    with pytest.raises(services.TransitionError):
        services.save_finding(reported, "training", by=reviewer, text="", level=0)


def test_answers_before_the_report_are_refused(review, reviewer, coordinator):
    services.start_review(review, by=reviewer)
    finding = services.save_finding(review, "training", by=reviewer, text="", level=1)
    recommendation = services.add_recommendation(finding, by=reviewer, text="Utbilda")
    with pytest.raises(services.TransitionError):
        services.answer_recommendation(
            recommendation, by=coordinator, answer="accepted", answer_text=""
        )


def test_the_review_is_answered_when_every_recommendation_is(reported, coordinator):
    recommendations = list(Recommendation.objects.filter(review=reported))
    for recommendation in recommendations[:-1]:
        services.answer_recommendation(
            recommendation, by=coordinator, answer="partly", answer_text="Delvis."
        )
        assert PeerReview.objects.get(pk=reported.pk).status == Status.REPORTED
    services.answer_recommendation(
        recommendations[-1], by=coordinator, answer="not_accepted", answer_text="Nej."
    )
    assert PeerReview.objects.get(pk=reported.pk).status == Status.ANSWERED
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.TRANSITION, changes__status=["reported", "answered"]
    ).exists()


def test_a_recommendation_becomes_an_activity_that_names_the_review(reported, goal, coordinator):
    recommendation = Recommendation.objects.filter(review=reported).first()
    activity = services.recommendation_to_activity(
        recommendation,
        goal,
        by=coordinator,
        title="Indikatorer till varje mål",
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    recommendation.refresh_from_db()
    assert recommendation.activity == activity
    assert activity.plan == goal.plan
    assert "Granskning av Karlskoga" in activity.description
    assert recommendation.text in activity.description
    assert AuditEntry.objects.for_object(activity).get().action == AuditEntry.Action.CREATE
    with pytest.raises(ValidationError):
        services.recommendation_to_activity(
            recommendation,
            goal,
            by=coordinator,
            title="Igen",
            starts_on=datetime.date(2026, 9, 1),
            ends_on=datetime.date(2026, 12, 31),
        )


def test_an_activity_goes_only_into_the_reviewed_organisations_plan(reported, degerfors, reviewer):
    from planning import services as planning_services

    plan = planning_services.create_plan(
        degerfors, by=reviewer, title="Degerfors plan", start_year=2026, end_year=2027
    )
    area = planning_services.add_area(plan, by=reviewer, title="Område")
    foreign_goal = planning_services.add_goal(area, by=reviewer, title="Mål")
    with pytest.raises(ValidationError):
        services.recommendation_to_activity(
            Recommendation.objects.filter(review=reported).first(),
            foreign_goal,
            by=reviewer,
            title="x",
            starts_on=datetime.date(2026, 9, 1),
            ends_on=datetime.date(2026, 12, 31),
        )
    assert not Activity.objects.exists()


def visible(user):
    return set(PeerReview.objects.visible_to(user).values_list("pk", flat=True))


def test_who_sees_a_review_before_and_after_the_report(
    review, reviewer, coordinator, member, stranger
):
    assert visible(reviewer) == {review.pk}
    assert visible(coordinator) == {review.pk}
    assert visible(member) == set()
    assert visible(stranger) == set()
    services.start_review(review, by=reviewer)
    services.save_finding(review, "long_term_plan", by=reviewer, text="", level=1)
    services.save_finding(review, "training", by=reviewer, text="", level=1)
    services.report_review(review, by=reviewer)
    assert visible(member) == {review.pk}
    assert visible(stranger) == set()
