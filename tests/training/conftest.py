"""A Karlskoga staff training for the social committee, with headcounts and a target."""

import datetime

import pytest

from training import services


@pytest.fixture
def session(karlskoga, coordinator, social_committee, case_officer):
    return services.create_session(
        karlskoga,
        by=coordinator,
        topic="Prövning av barnets bästa",
        held_on=datetime.date(2026, 3, 17),
        format="workshop",
        target_group="staff",
        body_counts={social_committee: 8},
        attendees=[case_officer],
    )


@pytest.fixture
def headcount(karlskoga, coordinator, social_committee):
    services.set_headcounts(
        karlskoga, 2026, by=coordinator, counts={(social_committee, "staff"): 10}
    )
    services.set_target(karlskoga, 2026, 80, by=coordinator)
