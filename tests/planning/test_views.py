"""The planning pages: tenancy (404 for others' objects), roles (403), forms that save through
the services, and the overview's progress and timeline."""

import datetime

import pytest
from django.urls import reverse

from core.models import AuditEntry
from organisations import services as org_services
from organisations.roles import Role
from planning import services
from planning.models import ActionPlan, Activity, FollowUp, Goal, Policy, PriorityArea
from tests.conftest import make_user


def test_outsider_gets_404_for_every_part_of_karlskogas_plan(outsider_client, follow_up, policy):
    activity = follow_up.activity
    urls = [
        reverse("planning:plan_detail", args=[activity.plan_id]),
        reverse("planning:area_edit", args=[activity.goal.area_id]),
        reverse("planning:goal_edit", args=[activity.goal_id]),
        reverse("planning:activity_detail", args=[activity.pk]),
        reverse("planning:followup_create", args=[activity.pk]),
        reverse("planning:followup_edit", args=[follow_up.pk]),
        reverse("planning:policy_detail", args=[policy.pk]),
    ]
    for url in urls:
        assert outsider_client.get(url).status_code == 404, url


def test_outsider_lists_do_not_show_karlskogas_plan_or_policy(outsider_client, plan, policy):
    plans = outsider_client.get(reverse("planning:plan_list")).content.decode()
    assert plan.get_absolute_url() not in plans
    page = outsider_client.get(reverse("planning:policy_list")).content.decode()
    assert policy.title not in page


def test_joint_bodys_plan_is_seen_in_the_served_municipality(
    karlskoga, degerfors, joint_committee, coordinator, outsider_client
):
    plan = services.create_plan(
        karlskoga,
        by=coordinator,
        title="Gemensam plan",
        body=joint_committee,
        start_year=2026,
        end_year=2027,
    )
    response = outsider_client.get(reverse("planning:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    assert outsider_client.get(reverse("planning:plan_edit", args=[plan.pk])).status_code == 403


def test_case_officer_cannot_change_the_plan(case_officer_client, activity):
    response = case_officer_client.post(
        reverse("planning:plan_edit", args=[activity.plan_id]),
        {"title": "Kapad", "start_year": 2026, "end_year": 2028, "status": "draft"},
    )
    assert response.status_code == 403
    assert ActionPlan.objects.get().title == "Handlingsplan"
    edit = reverse("planning:activity_edit", args=[activity.pk])
    assert case_officer_client.get(edit).status_code == 403


def test_case_officer_records_a_follow_up(case_officer_client, activity, case_officer):
    response = case_officer_client.post(
        reverse("planning:followup_create", args=[activity.pk]),
        {"period": "2026 H1", "status": "done", "result": "Klart", "goal_reached": "yes"},
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert AuditEntry.objects.for_object(follow_up).get().actor == case_officer


def test_reader_cannot_record_a_follow_up(client, karlskoga, activity):
    reader = make_user("reader")
    org_services.add_member(karlskoga, by=None, user=reader, role=Role.READER)
    client.force_login(reader)
    url = reverse("planning:followup_create", args=[activity.pk])
    assert client.get(url).status_code == 403


def test_member_of_the_responsible_body_may_follow_up(client, karlskoga, activity):
    officer = make_user("body_officer")
    org_services.add_member(
        karlskoga, by=None, user=officer, role=Role.CASE_OFFICER, body=activity.responsible_body
    )
    client.force_login(officer)
    assert client.get(reverse("planning:followup_create", args=[activity.pk])).status_code == 200


def test_duplicate_period_shows_an_error_on_the_form(coordinator_client, follow_up):
    response = coordinator_client.post(
        reverse("planning:followup_create", args=[follow_up.activity_id]),
        {"period": "2026", "status": "done", "result": "Igen", "goal_reached": "yes"},
    )
    assert response.status_code == 200
    assert "redan en uppföljning" in response.content.decode()
    assert FollowUp.objects.count() == 1


def test_coordinator_builds_a_plan_through_the_forms(coordinator_client, karlskoga):
    response = coordinator_client.post(
        reverse("planning:plan_create", args=[karlskoga.pk]),
        {"title": "Plan", "start_year": 2026, "end_year": 2028, "status": "draft"},
    )
    plan = ActionPlan.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    coordinator_client.post(
        reverse("planning:area_create", args=[plan.pk]), {"title": "Område", "position": 1}
    )
    area = PriorityArea.objects.get()
    coordinator_client.post(
        reverse("planning:goal_create", args=[area.pk]),
        {
            "title": "Mål",
            "position": 1,
            "success_factors": ["budget"],
            "indicator_codes": "n00945, U09400",
        },
    )
    goal = Goal.objects.get()
    assert goal.indicator_codes == ["N00945", "U09400"]
    assert goal.success_factors == ["budget"]
    response = coordinator_client.post(
        reverse("planning:activity_create", args=[goal.pk]),
        {"title": "Sent", "starts_on": "2029-01-01", "ends_on": "2029-02-01", "status": "planned"},
    )
    assert response.status_code == 200
    assert not Activity.objects.exists()
    coordinator_client.post(
        reverse("planning:activity_create", args=[goal.pk]),
        {
            "title": "Lovaktiviteter",
            "starts_on": "2026-06-01",
            "ends_on": "2026-08-31",
            "status": "ongoing",
            "cost": "1500.50",
        },
    )
    activity = Activity.objects.get()
    assert activity.plan == plan and activity.organisation == karlskoga
    page = coordinator_client.get(plan.get_absolute_url()).content.decode()
    assert "Lovaktiviteter" in page
    assert 'role="img"' in page
    assert "Aktiviteternas tidslinje, 2026–2028" in page


def test_policy_list_filters_kind_and_due_for_revision(coordinator_client, karlskoga, coordinator):
    soon = datetime.date.today() + datetime.timedelta(days=30)
    services.create_policy(
        karlskoga, by=coordinator, title="Snart", kind="policy", next_revision=soon
    )
    services.create_policy(karlskoga, by=coordinator, title="Programmet", kind="programme")
    url = reverse("planning:policy_list")
    due = coordinator_client.get(url, {"status": "due"}).content.decode()
    assert "Snart" in due and "Programmet" not in due
    programmes = coordinator_client.get(url, {"kind": "programme"}).content.decode()
    assert "Programmet" in programmes and "Snart" not in programmes


def test_policy_due_for_revision_waits_on_the_coordinators_start_page(
    client, karlskoga, coordinator, case_officer
):
    soon = datetime.date.today() + datetime.timedelta(days=10)
    services.create_policy(
        karlskoga, by=coordinator, title="Snart", kind="policy", next_revision=soon
    )
    later = datetime.date.today() + datetime.timedelta(days=200)
    services.create_policy(
        karlskoga, by=coordinator, title="Senare", kind="policy", next_revision=later
    )
    client.force_login(coordinator)
    page = client.get(reverse("home:start")).content.decode()
    assert "Revidera Snart" in page
    assert "Revidera Senare" not in page
    client.force_login(case_officer)
    assert "Revidera Snart" not in client.get(reverse("home:start")).content.decode()


def test_coordinator_uploads_a_policy_file_and_downloads_it(
    coordinator_client, karlskoga, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    response = coordinator_client.post(
        reverse("planning:policy_create", args=[karlskoga.pk]),
        {
            "kind": "programme",
            "title": "Folkhälsopolitiskt program",
            "url": "www.karlskoga.se/program",
            "file": SimpleUploadedFile("program.pdf", b"%PDF-1.4\n%%EOF\n"),
        },
    )
    policy = Policy.objects.get()
    assert response["Location"] == policy.get_absolute_url()
    assert policy.url == "https://www.karlskoga.se/program"
    download = coordinator_client.get(reverse("planning:policy_file", args=[policy.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_org_admin_deletes_a_policy_and_the_log_keeps_it(client, org_admin, policy):
    client.force_login(org_admin)
    response = client.post(reverse("planning:policy_delete", args=[policy.pk]))
    assert response.status_code == 302
    assert not Policy.objects.exists()
    assert AuditEntry.objects.filter(action="delete", object_repr=policy.title).exists()


@pytest.mark.parametrize("size", [1, 6])
def test_overview_and_lists_run_a_fixed_number_of_queries(
    coordinator_client, goal, coordinator, karlskoga, size, django_assert_max_num_queries
):
    for i in range(size):
        area = services.add_area(goal.plan, by=coordinator, title=f"Område {i}")
        other = services.add_goal(area, by=coordinator, title=f"Mål {i}", articles=[])
        for j in range(3):
            activity = services.add_activity(
                other,
                by=coordinator,
                title=f"Aktivitet {i}.{j}",
                starts_on=datetime.date(2026, 1 + j, 1),
                ends_on=datetime.date(2027, 1, 1),
            )
            services.record_follow_up(
                activity, by=coordinator, period="2026", status="ongoing", result="x"
            )
        services.create_policy(karlskoga, by=coordinator, title=f"Policy {i}", kind="policy")
        services.create_plan(
            karlskoga, by=coordinator, title=f"Plan {i}", start_year=2026, end_year=2026
        )
    urls = [
        reverse("planning:plan_detail", args=[goal.plan_id]),
        reverse("planning:plan_list"),
        reverse("planning:policy_list"),
        reverse("planning:plan_export", args=[goal.plan_id, "csv"]),
        reverse("planning:policy_export", args=["xlsx"]),
    ]
    for url in urls:
        coordinator_client.get(url)
        with django_assert_max_num_queries(14):
            assert coordinator_client.get(url).status_code == 200


def _overview_queries(client, plan_pk):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("planning:plan_detail", args=[plan_pk])
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_overview_queries_do_not_grow_with_the_plan(coordinator_client, goal, coordinator):
    def add(count):
        for i in range(count):
            area = services.add_area(goal.plan, by=coordinator, title=f"Område {i}")
            other = services.add_goal(area, by=coordinator, title=f"Mål {i}")
            services.add_activity(
                other,
                by=coordinator,
                title=f"Aktivitet {i}",
                starts_on=datetime.date(2026, 1, 1),
                ends_on=datetime.date(2026, 2, 1),
            )

    add(1)
    small = _overview_queries(coordinator_client, goal.plan_id)
    add(8)
    assert _overview_queries(coordinator_client, goal.plan_id) == small


def test_activity_status_change_is_logged_as_a_transition(coordinator_client, activity):
    response = coordinator_client.post(
        reverse("planning:activity_edit", args=[activity.pk]),
        {
            "title": activity.title,
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "status": "postponed",
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.for_object(activity).filter(action="transition").get()
    assert entry.changes["status"] == ["planned", "postponed"]


def test_case_officer_cannot_add_parts_to_the_plan(case_officer_client, goal):
    posts = [
        (reverse("planning:area_create", args=[goal.plan_id]), {"title": "X"}),
        (reverse("planning:goal_create", args=[goal.area_id]), {"title": "X"}),
        (
            reverse("planning:activity_create", args=[goal.pk]),
            {"title": "X", "starts_on": "2026-01-01", "ends_on": "2026-01-02"},
        ),
    ]
    for url, data in posts:
        assert case_officer_client.post(url, data).status_code == 403, url
    assert PriorityArea.objects.count() == 1
    assert not Activity.objects.exists()


def test_refused_file_is_shown_on_the_file_field(coordinator_client, karlskoga):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = coordinator_client.post(
        reverse("planning:policy_create", args=[karlskoga.pk]),
        {"kind": "policy", "title": "Skript", "file": SimpleUploadedFile("a.pdf", b"#!/bin/sh")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Policy.objects.exists()


def test_coordinator_reads_the_history_of_a_policy_and_a_plan(coordinator_client, policy, plan):
    for label, pk in (("planning.policy", policy.pk), ("planning.actionplan", plan.pk)):
        url = reverse("home:history", args=[label, pk])
        response = coordinator_client.get(url)
        assert response.status_code == 200
        assert "skapad" in response.content.decode().lower()


def test_the_overview_writes_each_area_with_its_links_goals_and_progress_table(
    coordinator_client, case_officer, plan, coordinator
):
    """The areas (planning/_plan_area.html): texts escaped, links by
    permission, an empty area says so, and the progress chart has its table."""
    from django.test import Client

    full = services.add_area(
        plan, by=coordinator, title="Trygg <skola>", description="Rad 1\nRad 2"
    )
    services.add_goal(full, by=coordinator, title="Fler röster", articles=[])
    empty = services.add_area(plan, by=coordinator, title="Tomt område")
    html = coordinator_client.get(plan.get_absolute_url()).content.decode()
    section = html[html.index(f'id="area-{full.pk}"') :]
    section = section[: section.index("</section>")]
    assert "<h3" in section and "Trygg &lt;skola&gt;</h3>" in section
    assert "<p>Rad 1<br>Rad 2</p>" in section
    assert reverse("planning:area_edit", args=[full.pk]) in section
    assert reverse("planning:goal_create", args=[full.pk]) in section
    assert reverse("planning:area_delete", args=[full.pk]) in section
    assert "Fler röster" in section
    assert "<caption>Aktiviteter per status i Trygg &lt;skola&gt; som tabell</caption>" in section
    assert '<tr><th scope="row">Planerad</th><td>0</td></tr>' in section
    other = html[html.index(f'id="area-{empty.pk}"') :]
    assert "Inga mål ännu." in other[: other.index("</section>")]
    # A reader without the right to change sees the areas but not the links.
    reader = Client()
    reader.force_login(case_officer)
    page = reader.get(plan.get_absolute_url()).content.decode()
    assert "Trygg &lt;skola&gt;</h3>" in page
    assert reverse("planning:area_edit", args=[full.pk]) not in page
