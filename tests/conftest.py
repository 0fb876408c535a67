"""Standing personas: a coordinator and a case officer in Karlskoga, an outsider in Degerfors.

Karlskoga hosts a joint public-health committee that also serves Degerfors.
"""

import django.test.client
import pytest
from django.contrib.auth import get_user_model

from core.handlers import ChildrenMiddlewareMixin, is_childrens_path
from organisations import services
from organisations.models import Body, Network, Organisation
from organisations.roles import Role

PASSWORD = "a-long-test-password-1883"


@pytest.fixture(autouse=True)
def _swedish_and_no_axes_leftovers(settings):
    settings.LANGUAGE_CODE = "sv"


class ChildrenClientHandler(ChildrenMiddlewareMixin, django.test.client.ClientHandler):
    pass


class ChildrenFirstClientHandler:
    """The test client's handler, sending the children's paths to their own stack as
    barnratt.wsgi does in production (core.handlers)."""

    def __init__(self, enforce_csrf_checks=True, *args, **kwargs):
        self.staff = STAFF_CLIENT_HANDLER(enforce_csrf_checks, *args, **kwargs)
        self.children = ChildrenClientHandler(enforce_csrf_checks, *args, **kwargs)

    @property
    def enforce_csrf_checks(self):
        return self.staff.enforce_csrf_checks

    @enforce_csrf_checks.setter
    def enforce_csrf_checks(self, enforce):
        self.staff.enforce_csrf_checks = self.children.enforce_csrf_checks = enforce

    def __call__(self, environ):
        if is_childrens_path(environ["PATH_INFO"]):
            return self.children(environ)
        return self.staff(environ)


STAFF_CLIENT_HANDLER = django.test.client.ClientHandler


@pytest.fixture(autouse=True)
def _children_first(monkeypatch):
    monkeypatch.setattr(django.test.client, "ClientHandler", ChildrenFirstClientHandler)


@pytest.fixture(autouse=True)
def _no_prepared_children_pages():
    # The children's pages are prepared once per process (participation.childpage); a test's
    # database may reuse another test's ids.
    from django.core.cache import cache

    from participation import childpage

    childpage.clear()
    # And the cached results and rate limits (Django's cache), for the same reason.
    cache.clear()


def make_user(username, **extra):
    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        first_name=extra.pop("first_name", "Test"),
        last_name=extra.pop("last_name", username.title()),
        **extra,
    )
    return user


@pytest.fixture
def karlskoga(db):
    return Organisation.objects.create(
        name="Karlskoga kommun", kind="municipality", scb_code="1883"
    )


@pytest.fixture
def degerfors(db):
    return Organisation.objects.create(
        name="Degerfors kommun", kind="municipality", scb_code="1862"
    )


@pytest.fixture
def social_committee(karlskoga):
    return services.create_body(karlskoga, by=None, name="Socialnämnden", kind=Body.Kind.COMMITTEE)


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
    return services.create_network(
        karlskoga,
        by=None,
        name="Tvärsektoriellt nätverk",
        kind=Network.Kind.CROSS_SECTORAL,
        member_organisations=[karlskoga],
        member_bodies=[social_committee],
    )


@pytest.fixture
def coordinator(karlskoga):
    user = make_user("coordinator")
    services.add_member(karlskoga, by=None, user=user, role=Role.COORDINATOR)
    return user


@pytest.fixture
def case_officer(karlskoga):
    user = make_user("case_officer")
    services.add_member(karlskoga, by=None, user=user, role=Role.CASE_OFFICER)
    return user


@pytest.fixture
def outsider(degerfors):
    """A coordinator in Degerfors: powerful at home, a stranger in Karlskoga."""
    user = make_user("outsider")
    services.add_member(degerfors, by=None, user=user, role=Role.COORDINATOR)
    return user


@pytest.fixture
def org_admin(karlskoga):
    user = make_user("org_admin")
    services.add_member(karlskoga, by=None, user=user, role=Role.ORG_ADMIN)
    return user


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

FULL_ANSWERS = {
    "children_affected": "yes",
    "child_groups": ["age_6_12"],
    "articles": [3, 12],
    "children_heard": "yes",
    "how_heard": "Enkät",
    "views_summary": "Vill ha en park",
    "facts": "600 barn",
    "research": "Studier",
    "law": "PBL",
    "best_interests": "En trygg park",
    "other_interests": "Kostnad",
    "against_best_interests": "no",
    "feedback_plan": "Via ungdomsforum",
}


@pytest.fixture
def standard_version(db):
    from assessments.models import TemplateVersion

    return TemplateVersion.objects.get(template__key="standard", template__organisation=None)


@pytest.fixture
def screening_version(db):
    from assessments.models import TemplateVersion

    return TemplateVersion.objects.get(template__key="screening", template__organisation=None)


@pytest.fixture
def case(karlskoga, social_committee, case_officer):
    from assessments import services as case_services

    return case_services.create_case(
        karlskoga,
        by=case_officer,
        body=social_committee,
        case_number="SN 2026/1",
        title="Ny parklek",
        officer=case_officer,
    )


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
    user = make_user("decision_maker")
    services.add_member(karlskoga, by=None, user=user, role=Role.DECISION_MAKER)
    return user


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
    user = make_user("dialogue_leader")
    services.add_member(karlskoga, by=None, user=user, role=Role.DIALOGUE_LEADER)
    return user


@pytest.fixture
def reader(karlskoga):
    user = make_user("reader")
    services.add_member(karlskoga, by=None, user=user, role=Role.READER)
    return user


@pytest.fixture
def forum(karlskoga, social_committee, dialogue_leader):
    from youthforum import services as forum_services

    return forum_services.create_forum(
        karlskoga, by=dialogue_leader, name="Ungdomsforum", body=social_committee
    )


@pytest.fixture
def forum_member(forum, dialogue_leader):
    import datetime

    from youthforum import services as forum_services

    return forum_services.add_member(
        forum,
        by=dialogue_leader,
        pseudonym="Nova",
        age_band="13-17",
        joined_on=datetime.date(2026, 1, 15),
        contact_consent=True,
        email="nova@example.org",
        phone="070-123 45 67",
    )


@pytest.fixture
def forum_meeting(forum, dialogue_leader):
    import datetime

    from youthforum import services as forum_services

    return forum_services.create_meeting(
        forum,
        by=dialogue_leader,
        held_on=datetime.date(2026, 2, 1),
        place="Fritidsgården",
        agenda="<p>Skateparken</p>",
    )


@pytest.fixture
def forum_matter(forum, forum_meeting, dialogue_leader):
    from youthforum import services as forum_services

    return forum_services.raise_matter(
        forum, by=dialogue_leader, title="Skateparken", raised_at=forum_meeting
    )


@pytest.fixture
def forum_proposal(forum, forum_matter, social_committee, dialogue_leader):
    import datetime

    from youthforum import services as forum_services

    return forum_services.send_proposal(
        forum,
        by=dialogue_leader,
        committee=social_committee,
        matter=forum_matter,
        title="Belysning vid skateparken",
        text="Sätt upp belysning.",
        sent_on=datetime.date(2026, 2, 10),
    )
