import datetime

import pytest

from assessments import services as case_services
from organisations import services as org_services
from organisations.roles import Role
from reports import services
from tests.conftest import FULL_ANSWERS, make_user

YEAR = 2026
AS_OF = datetime.date(2026, 12, 31)


def decide(
    organisation,
    body,
    officer,
    decider,
    version,
    number,
    *,
    answers,
    follows=True,
    decided_on=datetime.date(2026, 5, 4),
    follow_up_date=None,
):
    """A case taken through assessment to decision, as the services do it."""
    case = case_services.create_case(
        organisation, by=officer, body=body, case_number=number, title=f"Ärende {number}"
    )
    started = case_services.start_assessment(case, by=officer, version=version)
    saved = case_services.save_answers(
        started, by=officer, answers=answers, expected_version=started.lock_version
    )
    case_services.approve_assessment(case_services.submit_for_review(saved, by=officer), by=decider)
    fields = {}
    if not follows:
        fields = {"reasons": "Budgeten räckte inte", "compensating_measures": "Tillfällig lek"}
    return case_services.record_decision(
        case,
        by=decider,
        outcome="Beslut",
        decided_on=decided_on,
        follows_best_interests=follows,
        follow_up_date=follow_up_date,
        **fields,
    )


@pytest.fixture
def joint_decision_maker(joint_committee):
    user = make_user("joint_decider")
    org_services.add_member(
        joint_committee.organisation,
        by=None,
        user=user,
        role=Role.DECISION_MAKER,
        body=joint_committee,
    )
    return user


@pytest.fixture
def cases_2026(karlskoga, social_committee, case_officer, decision_maker, standard_version):
    """Three decided cases in Karlskoga 2026: one in line with the best interests with an
    overdue follow-up, one against (with reasons), one not affecting children; and one
    decided in 2025 that the 2026 report must leave out."""
    not_affected = {"children_affected": "no", "not_affected_reason": "Intern fråga"}
    args = (karlskoga, social_committee, case_officer, decision_maker, standard_version)
    return [
        decide(*args, "SN 1", answers=FULL_ANSWERS, follow_up_date=datetime.date(2026, 9, 1)),
        decide(
            *args,
            "SN 2",
            answers=FULL_ANSWERS | {"children_heard": "no", "why_not_heard": "Tidsbrist"},
            follows=False,
        ),
        decide(*args, "SN 3", answers=not_affected),
        decide(*args, "SN 4", answers=FULL_ANSWERS, decided_on=datetime.date(2025, 12, 30)),
    ]


@pytest.fixture
def report(karlskoga, coordinator):
    return services.create_report(karlskoga, by=coordinator, year=YEAR)


@pytest.fixture(autouse=True)
def _own_media(settings, tmp_path):
    # Publishing stores the version's PDF (reports/jobs.py); ids repeat between tests.
    settings.MEDIA_ROOT = tmp_path
