"""The network's page, its meetings and contact persons, and the joint plan."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks import services
from networks.models import NetworkContact, NetworkMeeting, SharedItem
from organisations import services as organisations
from organisations.roles import Role
from planning.models import ActionPlan
from tests.conftest import make_user


@pytest.fixture
def joint_plan(network, coordinator):
    return services.create_joint_plan(
        network, by=coordinator, title="Gemensam arbetsplan", start_year=2026, end_year=2027
    )


def test_joint_plan_is_seen_by_members_and_changed_only_by_the_conveners_planners(
    client, joint_plan, coordinator, case_officer, outsider, stranger
):
    edit = reverse("planning:plan_edit", args=[joint_plan.pk])
    add_area = reverse("planning:area_create", args=[joint_plan.pk])
    client.force_login(outsider)  # a coordinator in Degerfors, a member of the network
    page = client.get(joint_plan.get_absolute_url())
    assert page.status_code == 200
    assert "Partnerskapet" in page.content.decode()  # the plan says whose joint plan it is
    assert joint_plan.title in client.get(reverse("planning:plan_list")).content.decode()
    assert client.get(edit).status_code == 403
    assert client.get(add_area).status_code == 403
    client.force_login(case_officer)  # in Karlskoga, but not a planner
    assert client.get(joint_plan.get_absolute_url()).status_code == 200
    assert client.get(edit).status_code == 403
    client.force_login(stranger)  # in no network with Karlskoga
    assert client.get(joint_plan.get_absolute_url()).status_code == 404
    client.force_login(coordinator)
    assert client.get(edit).status_code == 200
    assert client.get(add_area).status_code == 200


def test_member_body_people_see_the_joint_plan(client, joint_plan, degerfors, network):
    from organisations.models import Body

    body = organisations.create_body(degerfors, by=None, name="Socialnämnden", kind="committee")
    network.member_organisations.remove(degerfors)
    network.member_bodies.add(body)
    reader = make_user("reader")
    organisations.add_member(degerfors, by=None, user=reader, role=Role.READER, body=body)
    client.force_login(reader)
    assert client.get(joint_plan.get_absolute_url()).status_code == 200
    assert Body.objects.filter(pk=body.pk).exists()


def test_a_plan_without_a_network_stays_with_its_organisation(client, karlskoga, outsider):
    from planning import services as planning

    plan = planning.create_plan(karlskoga, by=None, title="Egen", start_year=2026, end_year=2026)
    client.force_login(outsider)
    assert client.get(plan.get_absolute_url()).status_code == 404


def test_convener_creates_the_joint_plan_from_the_network_page(coordinator_client, network):
    page = coordinator_client.get(network.get_absolute_url()).content.decode()
    url = reverse("networks:plan_create", args=[network.pk])
    assert url in page
    response = coordinator_client.post(
        url, {"title": "Arbetsplan", "start_year": 2026, "end_year": 2027, "status": "draft"}
    )
    plan = ActionPlan.objects.get(title="Arbetsplan")
    assert response.url == plan.get_absolute_url()
    assert plan.network == network
    assert plan.organisation_id == network.organisation_id


def test_a_member_cannot_create_the_joint_plan(client, network, outsider):
    client.force_login(outsider)
    assert client.get(reverse("networks:plan_create", args=[network.pk])).status_code == 403


def test_meeting_notes_are_cleaned_and_shown_to_members(client, meeting, outsider, stranger):
    assert "<script>" not in meeting.agenda
    client.force_login(outsider)
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert "<li>Välkomna</li>" in response.content.decode()
    assert client.get(reverse("networks:meeting_edit", args=[meeting.pk])).status_code == 403
    client.force_login(stranger)
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_convener_adds_a_meeting(coordinator_client, network):
    response = coordinator_client.post(
        reverse("networks:meeting_create", args=[network.pk]),
        {"title": "Höstträff", "held_on": "2026-10-01", "place": "Digitalt", "agenda": "<p>A</p>"},
    )
    meeting = NetworkMeeting.objects.get(title="Höstträff")
    assert response.url == meeting.get_absolute_url()
    assert meeting.organisation_id == network.organisation_id


def test_each_member_names_its_own_contact_persons(client, network, outsider, coordinator):
    client.force_login(outsider)
    url = reverse("networks:contact_add", args=[network.pk])
    form = client.get(url).content.decode()
    assert "Karlskoga" not in form  # the Degerfors coordinator acts for Degerfors only
    response = client.post(
        url,
        {
            "organisation": network.member_organisations.get(name="Degerfors kommun").pk,
            "user": outsider.pk,
            "role": "Kontaktperson",
        },
    )
    assert response.status_code == 302
    contact = NetworkContact.objects.get()
    assert client.get(reverse("networks:contact_delete", args=[contact.pk])).status_code == 200
    client.force_login(coordinator)
    assert "Kontaktperson" in client.get(network.get_absolute_url()).content.decode()
    response = client.get(reverse("networks:contact_delete", args=[contact.pk]))
    assert response.status_code == 403


def test_a_contact_person_must_work_in_the_member_organisation(network, karlskoga, outsider):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.add_contact(network, karlskoga, by=None, user=outsider, role="Kontakt")


def _grow(network, coordinator, policy_factory, size):
    for i in range(size):
        services.create_meeting(
            network, by=coordinator, title=f"Träff {i}", held_on=datetime.date(2026, 1, 1 + i)
        )
        person = make_user(f"person{NetworkMeeting.objects.count()}")
        organisations.add_member(network.organisation, by=None, user=person, role=Role.READER)
        services.add_contact(network, network.organisation, by=None, user=person, role="Kontakt")
        services.share(network, policy_factory(), by=coordinator, kind=SharedItem.Kind.POLICY)
        services.create_joint_plan(
            network, by=coordinator, title=f"Plan {i}", start_year=2026, end_year=2026
        )


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_network_page_queries_do_not_grow_with_its_content(
    client, network, coordinator, outsider, karlskoga
):
    from planning import services as planning

    def policy_factory():
        count = SharedItem.objects.count()
        return planning.create_policy(karlskoga, by=None, title=f"Policy {count}", kind="policy")

    client.force_login(outsider)
    _grow(network, coordinator, policy_factory, 1)
    few = _queries(client, network.get_absolute_url())
    _grow(network, coordinator, policy_factory, 8)
    assert _queries(client, network.get_absolute_url()) == few
    assert few <= 20


def test_shared_item_and_meeting_pages_have_a_bounded_query_count(
    client, network, coordinator, outsider, policy, meeting, django_assert_max_num_queries
):
    shared = services.share(network, policy, by=coordinator, kind=SharedItem.Kind.POLICY)
    client.force_login(outsider)
    client.get(shared.get_absolute_url())
    with django_assert_max_num_queries(14):
        assert client.get(shared.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(meeting.get_absolute_url()).status_code == 200


def test_editing_a_meeting_reads_it_once_and_logs_what_changed(coordinator_client, meeting):
    from core.models import AuditEntry

    url = reverse("networks:meeting_edit", args=[meeting.pk])
    data = {"title": "Vårträff 2", "held_on": "2026-04-23", "place": "Folkets hus"}
    data |= {"agenda": meeting.agenda, "notes": meeting.notes}
    with CaptureQueriesContext(connection) as queries:
        response = coordinator_client.post(url, data)
    assert response.status_code == 302
    table = NetworkMeeting._meta.db_table
    reads = [
        q["sql"] for q in queries if q["sql"].startswith("SELECT") and f'FROM "{table}"' in q["sql"]
    ]
    assert len(reads) == 1
    meeting.refresh_from_db()
    assert meeting.title == "Vårträff 2"
    entry = AuditEntry.objects.for_object(meeting).latest("pk")
    assert entry.changes == {"title": ["Vårträff", "Vårträff 2"]}


def test_deleting_a_meeting_asks_first(coordinator_client, meeting, network):
    url = reverse("networks:meeting_delete", args=[meeting.pk])
    page = coordinator_client.get(url).content.decode()
    assert "Vårträff" in page and meeting.get_absolute_url() in page
    response = coordinator_client.post(url)
    assert response.url == network.get_absolute_url()
    assert not NetworkMeeting.objects.filter(pk=meeting.pk).exists()


def test_the_networks_history_lists_its_changes_under_its_new_app(client, network, coordinator):
    """The audit log's entries for a network follow the model into `networks` (decision 0028)."""
    services.update_network(network, by=coordinator, description="Ny beskrivning")
    client.force_login(coordinator)
    response = client.get(reverse("home:history", args=["networks.network", network.pk]))
    assert response.status_code == 200
    assert "Ny beskrivning" in response.content.decode()
    old = client.get(reverse("home:history", args=["organisations.network", network.pk]))
    assert old.status_code == 404


def test_the_organisation_page_lists_its_networks_through_the_panel(client, network, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("organisations:detail", args=[network.organisation_id]))
    page = response.content.decode()
    assert network.name in page
    assert reverse("networks:network_create", args=[network.organisation_id]) in page


def test_meeting_text_written_past_the_sanitiser_is_cleaned_on_the_page(
    coordinator_client, meeting
):
    # Rich text is cleaned when stored and again where it is shown (issue 23): a row changed
    # behind the services' back still shows no script.
    NetworkMeeting.objects.filter(pk=meeting.pk).update(
        agenda="<p>Punkt <strong>ett</strong></p><script>alert(1)</script>",
        notes='<img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>',
    )
    content = coordinator_client.get(meeting.get_absolute_url()).content.decode()
    assert "<strong>ett</strong>" in content
    assert "alert(" not in content
