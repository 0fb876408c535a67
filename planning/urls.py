from django.urls import path, re_path

from .views import childfriendly, parts, plans, policies, selfassessment

app_name = "planning"

urlpatterns = [
    path("policies/", policies.policy_list, name="policy_list"),
    re_path(r"^policies\.(?P<fmt>csv|xlsx)$", policies.policy_export, name="policy_export"),
    path(
        "organisations/<int:organisation_pk>/policies/new/",
        policies.policy_create,
        name="policy_create",
    ),
    path("policies/<int:pk>/", policies.policy_detail, name="policy_detail"),
    path("policies/<int:pk>/edit/", policies.policy_edit, name="policy_edit"),
    path("policies/<int:pk>/delete/", policies.policy_delete, name="policy_delete"),
    path("policies/<int:pk>/file/", policies.policy_file, name="policy_file"),
    path("plans/", plans.plan_list, name="plan_list"),
    path("organisations/<int:organisation_pk>/plans/new/", plans.plan_create, name="plan_create"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    re_path(
        r"^plans/(?P<pk>[0-9]+)/activities\.(?P<fmt>csv|xlsx)$",
        plans.plan_export,
        name="plan_export",
    ),
    path("plans/<int:pk>/areas/new/", parts.area_create, name="area_create"),
    path("priority-areas/<int:pk>/edit/", parts.area_edit, name="area_edit"),
    path("priority-areas/<int:pk>/delete/", parts.area_delete, name="area_delete"),
    path("priority-areas/<int:pk>/goals/new/", parts.goal_create, name="goal_create"),
    path("goals/<int:pk>/edit/", parts.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/delete/", parts.goal_delete, name="goal_delete"),
    path("goals/<int:pk>/activities/new/", parts.activity_create, name="activity_create"),
    path("activities/", plans.activity_list, name="activity_list"),
    path("activities/<int:pk>/", parts.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", parts.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/delete/", parts.activity_delete, name="activity_delete"),
    path("activities/<int:pk>/follow-ups/new/", parts.followup_create, name="followup_create"),
    path("follow-ups/<int:pk>/edit/", parts.followup_edit, name="followup_edit"),
    path("follow-ups/<int:pk>/delete/", parts.followup_delete, name="followup_delete"),
    path("self-assessments/", selfassessment.selfassessment_list, name="selfassessment_list"),
    path(
        "organisations/<int:organisation_pk>/self-assessments/new/",
        selfassessment.selfassessment_create,
        name="selfassessment_create",
    ),
    path(
        "self-assessments/<int:pk>/",
        selfassessment.selfassessment_detail,
        name="selfassessment_detail",
    ),
    path(
        "self-assessments/<int:pk>/edit/",
        selfassessment.selfassessment_edit,
        name="selfassessment_edit",
    ),
    re_path(
        r"^self-assessments/(?P<pk>[0-9]+)/ratings\.(?P<fmt>csv|xlsx)$",
        selfassessment.selfassessment_export,
        name="selfassessment_export",
    ),
    path("child-friendly/", childfriendly.childfriendly_list, name="childfriendly_list"),
    re_path(
        r"^child-friendly\.(?P<fmt>csv|xlsx)$",
        childfriendly.childfriendly_export,
        name="childfriendly_export",
    ),
    path(
        "organisations/<int:organisation_pk>/child-friendly/new/",
        childfriendly.childfriendly_create,
        name="childfriendly_create",
    ),
    path(
        "child-friendly/<int:pk>/", childfriendly.childfriendly_detail, name="childfriendly_detail"
    ),
    path(
        "child-friendly/<int:pk>/edit/", childfriendly.childfriendly_edit, name="childfriendly_edit"
    ),
    path(
        "child-friendly/<int:pk>/file/", childfriendly.childfriendly_file, name="childfriendly_file"
    ),
    path(
        "child-friendly-steps/<int:pk>/edit/",
        childfriendly.childfriendly_step_edit,
        name="childfriendly_step_edit",
    ),
    path(
        "child-friendly-steps/<int:pk>/file/",
        childfriendly.childfriendly_step_file,
        name="childfriendly_step_file",
    ),
]
