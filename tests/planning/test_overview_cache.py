"""The plan overview keeps its drawn areas, goals, activities and timeline in the cache, keyed
on a digest of what they show: a change shows at once, and nobody sees another user's links."""

import datetime

from django.conf import settings
from django.urls import reverse

from planning import services


def overview(client, plan_pk):
    response = client.get(reverse("planning:plan_detail", args=[plan_pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_changed_activity_shows_at_once(coordinator_client, activity, coordinator):
    # The activity's row in the goal's table (the menu has a link called Ungdomsforum too).
    assert ">Ungdomsforum</a></th>" in overview(coordinator_client, activity.plan_id)
    services.update_activity(activity, by=coordinator, title="Barnens forum")
    page = overview(coordinator_client, activity.plan_id)
    assert ">Barnens forum</a></th>" in page
    assert ">Ungdomsforum</a></th>" not in page


def test_a_new_follow_up_and_activity_show_at_once(coordinator_client, activity, coordinator):
    overview(coordinator_client, activity.plan_id)
    services.record_follow_up(activity, by=coordinator, period="2026", status="done", result="Ok")
    services.add_activity(
        activity.goal,
        by=coordinator,
        title="Elevråd",
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 4, 1),
    )
    page = overview(coordinator_client, activity.plan_id)
    assert ">Elevråd</a></th>" in page
    # The follow-up count of the first activity, in its row.
    assert "<td>1</td></tr>" in page


def test_a_case_officer_does_not_get_the_coordinators_edit_links(
    coordinator_client, case_officer, activity
):
    edit = reverse("planning:goal_edit", args=[activity.goal_id])
    assert edit in overview(coordinator_client, activity.plan_id)
    coordinator_client.force_login(case_officer)
    assert edit not in overview(coordinator_client, activity.plan_id)


def test_the_other_language_is_drawn_in_that_language(coordinator_client, activity):
    overview(coordinator_client, activity.plan_id)
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Activities for the goal" in overview(coordinator_client, activity.plan_id)
