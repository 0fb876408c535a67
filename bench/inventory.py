"""What is in the bench database, read back by natural keys: whether the bench data is there,
whether the database holds other data, the ids the page paths need and the row counts."""

from bench.case_showcase import FORM_CASE_TITLE, FULL_CASE_TITLE
from bench.indicators import BENCH_INDICATOR
from bench.participation import FIXED_TITLE
from bench.plan import (
    BENCH_MUNICIPALITY_CODE,
    BENCH_USERNAME,
    FIRST_REGION_CODE,
    HISTORY_BODY_NAME,
    PARTNERSHIP_NAME,
)
from bench.planning_data import PLAN_TITLE, SELF_ASSESSMENT_YEARS
from bench.report_data import report_ids


def already_generated() -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=BENCH_USERNAME).exists()


def check_database_is_fresh() -> None:
    """Refuse to mix bench data into a database with other data (the development database)."""
    from organisations.models import Organisation

    if Organisation.objects.exists():
        raise SystemExit(
            "bench.dataset: the database already holds organisations that are not bench data. "
            "Generate into a fresh database (bench.run does: BARNRATT_SQLITE_PATH=bench/...)."
        )


def discover_ids() -> dict:
    """Primary keys the page specs need, found by natural keys (identical at every scale)."""
    from django.contrib.auth import get_user_model

    from assessments.models import Case
    from indicators.models import Indicator
    from networks.models import Network
    from organisations.models import Body, Organisation
    from participation.models import Consultation
    from planning.models import ActionPlan, SelfAssessment

    home = Organisation.objects.get(scb_code=BENCH_MUNICIPALITY_CODE)
    consultation = Consultation.objects.get(organisation=home, title=FIXED_TITLE)
    return {
        # A decided case with every question answered, and one whose assessment is in progress.
        "full_case": Case.objects.get(organisation=home, title=FULL_CASE_TITLE).pk,
        "form_case": Case.objects.get(organisation=home, title=FORM_CASE_TITLE).pk,
        "bench_user": get_user_model().objects.get(username=BENCH_USERNAME).pk,
        "bench_organisation": home.pk,
        "bench_body": Body.objects.get(organisation=home, name=HISTORY_BODY_NAME).pk,
        "history_body": Body.objects.get(organisation=home, name=HISTORY_BODY_NAME).pk,
        "partnership": Network.objects.get(
            organisation__scb_code=FIRST_REGION_CODE, name=PARTNERSHIP_NAME
        ).pk,
        # The open consultation with 200 responses: its children's page, results, load test.
        "consultation": consultation.pk,
        "consultation_code": consultation.code,
        # The bench organisation's plan of 100 activities and its latest self-assessment.
        "plan": ActionPlan.objects.get(organisation=home, title=PLAN_TITLE).pk,
        "self_assessment": SelfAssessment.objects.get(
            organisation=home, body=None, year=SELF_ASSESSMENT_YEARS[-1]
        ).pk,
        # 311 organisations × 20 years × total, girls and boys (bench.indicators).
        "bench_indicator": Indicator.objects.get(code=BENCH_INDICATOR).pk,
        # The yearly reports (bench.report_data): the organisation's, its neighbour's, joint.
        **report_ids(home),
    }


def counts() -> dict:
    from django.contrib.auth import get_user_model

    from assessments.models import Assessment, Case, Decision, Review
    from childbudget.models import BudgetLine, ChildBudget
    from core.models import AuditEntry
    from indicators.models import IndicatorValue
    from networks.models import Network
    from organisations.models import Body, Membership, Organisation, PopulationFact
    from participation.models import Answer, Consultation, Feedback, Question, Response
    from planning.models import Activity, FactorRating, FollowUp, Policy, SelfAssessment
    from training.models import Headcount, SessionBody, TrainingSession

    return {
        "organisations": Organisation.objects.count(),
        "bodies": Body.objects.count(),
        "joint_body_links": Body.served_organisations.through.objects.count(),
        "networks": Network.objects.count(),
        "network_organisation_links": Network.member_organisations.through.objects.count(),
        "network_body_links": Network.member_bodies.through.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
        "population_facts": PopulationFact.objects.count(),
        "audit_entries": AuditEntry.objects.count(),
        "cases": Case.objects.count(),
        "bench_organisation_cases": Case.objects.filter(
            organisation__scb_code=BENCH_MUNICIPALITY_CODE
        ).count(),
        "assessments": Assessment.objects.count(),
        "assessment_article_links": Assessment.articles.through.objects.count(),
        "reviews": Review.objects.count(),
        "decisions": Decision.objects.count(),
        "feedback": Feedback.objects.count(),
        "consultations": Consultation.objects.count(),
        "questions": Question.objects.count(),
        "responses": Response.objects.count(),
        "answers": Answer.objects.count(),
        "indicator_values": IndicatorValue.objects.count(),
        "fixed_consultation_responses": Response.objects.filter(
            consultation__title=FIXED_TITLE
        ).count(),
        "policies": Policy.objects.count(),
        "activities": Activity.objects.count(),
        "follow_ups": FollowUp.objects.count(),
        "self_assessments": SelfAssessment.objects.count(),
        "factor_ratings": FactorRating.objects.count(),
        "training_sessions": TrainingSession.objects.count(),
        "training_session_bodies": SessionBody.objects.count(),
        "headcounts": Headcount.objects.count(),
        "child_budgets": ChildBudget.objects.count(),
        "budget_lines": BudgetLine.objects.count(),
    }
