"""Standing personas: a coordinator and a case officer in Karlskoga, an outsider in Degerfors.

Karlskoga hosts a joint public-health committee that also serves Degerfors.
"""

import pytest
from django.db import transaction
from django.test import override_settings

from organisations import services
from organisations.models import Body
from organisations.roles import Role
from tests import world
from tests.world import FULL_ANSWERS, PASSWORD, make_user  # noqa: F401 (tests import them here)

# App code whose behaviour differs between SQLite and PostgreSQL (its own SQL, or a branch on the
# database vendor), and the test modules that cover it. CI runs the whole suite on PostgreSQL
# and, on SQLite, only the tests marked `both_databases`: these modules and the browser tests.
# The marker is given here, not in the test files, so a test cannot lose it by accident; and
# tests/test_database_markers.py fails when app code gains database-specific SQL that is not
# listed here.
DATABASE_SPECIFIC = {
    "core/keyset.py": ["tests/assessments/test_case_paging.py"],
    "indicators/imports/core.py": [
        "tests/indicators/test_imports.py",
        "tests/indicators/test_progress.py",
        "tests/security/test_hostile_imports.py",
    ],
    "knowledge/models.py": ["tests/knowledge/test_search.py"],
    "knowledge/search.py": [
        "tests/knowledge/test_search.py",
        "tests/knowledge/test_bounded_search.py",
        "tests/knowledge/test_filtered_search.py",
    ],
    "operations/backups.py": ["tests/operations/test_backups.py"],
    "operations/health.py": ["tests/operations/test_health.py"],
    "organisations/access.py": ["tests/test_access_query.py", "tests/test_tenancy.py"],
    # Migrations are applied to a new database on both (every run's test database); these
    # tests check what they do.
    "*/migrations": ["tests/operations/test_migration_safety.py", "tests/test_database_url.py"],
}
BOTH_DATABASES_PATHS = {path for paths in DATABASE_SPECIFIC.values() for path in paths}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.path.relative_to(config.rootpath).as_posix()
        if path in BOTH_DATABASES_PATHS or path.startswith("tests/browser/"):
            item.add_marker(pytest.mark.both_databases)


@pytest.fixture(autouse=True)
def _swedish_and_fast_passwords(settings):
    settings.LANGUAGE_CODE = "sv"
    # Django's advice for test suites: a fast hasher. PBKDF2's million rounds made each test
    # user cost a third of a second, most of the suite's time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # Cached lookups, results and rate limits (Django's cache): a test's database may reuse
    # another test's ids.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def karlskoga(db):
    return world.make_karlskoga()


@pytest.fixture
def degerfors(db):
    return world.make_degerfors()


@pytest.fixture
def social_committee(karlskoga):
    return world.make_social_committee(karlskoga)


@pytest.fixture
def degerfors_committee(degerfors):
    return services.create_body(degerfors, by=None, name="Kommunstyrelsen", kind=Body.Kind.BOARD)


@pytest.fixture
def joint_committee(karlskoga, degerfors):
    return services.create_body(
        karlskoga,
        by=None,
        name="Folkhälsonämnden",
        kind=Body.Kind.COMMITTEE,
        served_organisations=[degerfors],
    )


@pytest.fixture
def karlskoga_network(karlskoga, social_committee):
    return world.make_karlskoga_network(karlskoga, social_committee)


@pytest.fixture
def coordinator(karlskoga):
    return world.make_member(karlskoga, "coordinator", Role.COORDINATOR)


@pytest.fixture
def case_officer(karlskoga):
    return world.make_member(karlskoga, "case_officer", Role.CASE_OFFICER)


@pytest.fixture
def outsider(degerfors):
    """A coordinator in Degerfors: powerful at home, a stranger in Karlskoga."""
    return world.make_member(degerfors, "outsider", Role.COORDINATOR)


@pytest.fixture
def org_admin(karlskoga):
    return world.make_member(karlskoga, "org_admin", Role.ORG_ADMIN)


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def case_officer_client(client, case_officer):
    client.force_login(case_officer)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


# Cases and assessments ---------------------------------------------------------------------


@pytest.fixture
def standard_version(db):
    return world.shipped_version("standard")


@pytest.fixture
def screening_version(db):
    return world.shipped_version("screening")


@pytest.fixture
def case(karlskoga, social_committee, case_officer):
    return world.make_case(karlskoga, social_committee, case_officer)


@pytest.fixture
def assessment(case, case_officer, standard_version):
    from assessments import services as case_services

    return case_services.start_assessment(case, by=case_officer, version=standard_version)


@pytest.fixture
def submitted_assessment(assessment, case_officer):
    from assessments import services as case_services

    saved = case_services.save_answers(
        assessment, by=case_officer, answers=FULL_ANSWERS, expected_version=assessment.lock_version
    )
    return case_services.submit_for_review(saved, by=case_officer)


@pytest.fixture
def decision_maker(karlskoga):
    return world.make_member(karlskoga, "decision_maker", Role.DECISION_MAKER)


@pytest.fixture
def decided_case(submitted_assessment, decision_maker):
    import datetime

    from assessments import services as case_services

    case_services.approve_assessment(submitted_assessment, by=decision_maker)
    case_services.record_decision(
        submitted_assessment.case,
        by=decision_maker,
        outcome="Bifall",
        decided_on=datetime.date(2026, 11, 1),
        follows_best_interests=True,
        follow_up_date=datetime.date(2026, 11, 20),
    )
    submitted_assessment.case.refresh_from_db()
    return submitted_assessment.case


# Youth forum ------------------------------------------------------------------------------


@pytest.fixture
def dialogue_leader(karlskoga):
    return world.make_member(karlskoga, "dialogue_leader", Role.DIALOGUE_LEADER)


@pytest.fixture
def reader(karlskoga):
    return world.make_member(karlskoga, "reader", Role.READER)


@pytest.fixture
def forum(karlskoga, social_committee, dialogue_leader):
    return world.make_forum(karlskoga, social_committee, dialogue_leader)


@pytest.fixture
def forum_member(forum, dialogue_leader):
    return world.make_forum_member(forum, dialogue_leader)


@pytest.fixture
def forum_meeting(forum, dialogue_leader):
    return world.make_forum_meeting(forum, dialogue_leader)


@pytest.fixture
def forum_matter(forum, forum_meeting, dialogue_leader):
    return world.make_forum_matter(forum, forum_meeting, dialogue_leader)


@pytest.fixture
def forum_proposal(forum, forum_matter, social_committee, dialogue_leader):
    return world.make_forum_proposal(forum, forum_matter, social_committee, dialogue_leader)


# Every URL's objects ----------------------------------------------------------------------


@pytest.fixture
def url_kwargs(
    settings,
    tmp_path,
    karlskoga,
    social_committee,
    karlskoga_network,
    case_officer,
    assessment,
    decision_maker,
    standard_version,
    forum_member,
    forum_meeting,
    forum_proposal,
):
    """An object of every kind a URL names, for tests that change them."""
    settings.MEDIA_ROOT = tmp_path
    return world.build_url_kwargs(
        karlskoga,
        social_committee,
        karlskoga_network,
        case_officer,
        assessment,
        decision_maker,
        standard_version,
        forum_member,
        forum_meeting,
        forum_proposal,
    )


@pytest.fixture(scope="module")
def url_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The personas and an object of every kind, built once per module for tests that only
    read: each test's `db` runs in a savepoint inside this transaction, which is rolled back
    at the end of the module (as Django's `TestCase.setUpTestData`)."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("url-world-media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        yield world.build_url_world()
        transaction.set_rollback(True)
