"""Deleting plan parts: a confirmation page that says what goes with the part, only planners
may, and every removed record is in the audit log."""

from django.urls import reverse

from core.models import AuditEntry
from planning.models import Activity, FollowUp, Goal, PriorityArea


def test_deleting_an_area_asks_first_then_removes_and_logs_everything_under_it(
    coordinator_client, follow_up
):
    area = follow_up.activity.goal.area
    url = reverse("planning:area_delete", args=[area.pk])
    page = coordinator_client.get(url).content.decode()
    assert "1 mål" in page and "1 aktivitet" in page
    assert PriorityArea.objects.filter(pk=area.pk).exists()
    response = coordinator_client.post(url)
    assert response.redirect_chain if hasattr(response, "redirect_chain") else True
    assert response.status_code == 302
    assert not PriorityArea.objects.exists()
    assert not Goal.objects.exists() and not Activity.objects.exists()
    assert not FollowUp.objects.exists()
    deleted = set(
        AuditEntry.objects.filter(action="delete").values_list("content_type__model", flat=True)
    )
    assert deleted == {"priorityarea", "goal", "activity", "followup"}


def test_case_officer_may_not_delete_plan_parts(case_officer_client, follow_up):
    activity = follow_up.activity
    for name, pk in [
        ("planning:area_delete", activity.goal.area_id),
        ("planning:goal_delete", activity.goal_id),
        ("planning:activity_delete", activity.pk),
        ("planning:followup_delete", follow_up.pk),
    ]:
        assert case_officer_client.post(reverse(name, args=[pk])).status_code == 403, name
    assert FollowUp.objects.filter(pk=follow_up.pk).exists()


def test_outsider_gets_404_when_deleting(outsider_client, follow_up):
    url = reverse("planning:activity_delete", args=[follow_up.activity_id])
    assert outsider_client.post(url).status_code == 404
    assert Activity.objects.exists()


def test_deleting_a_follow_up_keeps_the_activity(coordinator_client, follow_up):
    response = coordinator_client.post(reverse("planning:followup_delete", args=[follow_up.pk]))
    assert response.status_code == 302
    assert not FollowUp.objects.exists()
    assert Activity.objects.filter(pk=follow_up.activity_id).exists()


def test_the_policy_list_is_paged(coordinator_client, karlskoga, coordinator):
    from planning import services
    from planning.views.policies import PAGE_SIZE

    for number in range(PAGE_SIZE + 3):
        services.create_policy(
            karlskoga, by=coordinator, title=f"Dokument {number:03d}", kind="policy"
        )
    first = coordinator_client.get(
        reverse("planning:policy_list") + "?kind=policy"
    ).content.decode()
    assert "Dokument 000" in first and f"Dokument {PAGE_SIZE:03d}" not in first
    assert "kind=policy&amp;page=2" in first
    second = coordinator_client.get(reverse("planning:policy_list") + "?kind=policy&page=2")
    assert f"Dokument {PAGE_SIZE:03d}" in second.content.decode()
