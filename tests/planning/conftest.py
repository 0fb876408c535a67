"""A Karlskoga action plan 2026–2028 with one area, goal and activity, and a policy."""

import datetime

import pytest

from planning import services


@pytest.fixture
def plan(karlskoga, coordinator):
    return services.create_plan(
        karlskoga, by=coordinator, title="Handlingsplan", start_year=2026, end_year=2028
    )


@pytest.fixture
def area(plan, coordinator):
    return services.add_area(plan, by=coordinator, title="Delaktighet")


@pytest.fixture
def goal(area, coordinator):
    return services.add_goal(area, by=coordinator, title="Barn har inflytande")


@pytest.fixture
def activity(goal, coordinator, social_committee):
    return services.add_activity(
        goal,
        by=coordinator,
        title="Ungdomsforum",
        responsible_body=social_committee,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )


@pytest.fixture
def follow_up(activity, coordinator):
    return services.record_follow_up(
        activity, by=coordinator, period="2026", status="ongoing", result="Tio möten"
    )


@pytest.fixture
def policy(karlskoga, coordinator):
    return services.create_policy(
        karlskoga,
        by=coordinator,
        title="Barn- och ungdomspolitisk policy",
        kind="policy",
        adopted_on=datetime.date(2024, 1, 1),
        next_revision=datetime.date(2030, 1, 1),
    )
