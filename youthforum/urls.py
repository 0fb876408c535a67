from django.urls import path

from .views import forums, lists, meetings, members, proposals

app_name = "youthforum"

urlpatterns = [
    path("youth-forums/", forums.forum_list, name="forum_list"),
    path(
        "organisations/<int:organisation_pk>/youth-forums/new/",
        forums.forum_create,
        name="forum_create",
    ),
    path("youth-forums/<int:pk>/", forums.forum_detail, name="forum_detail"),
    path("youth-forums/<int:pk>/edit/", forums.forum_edit, name="forum_edit"),
    path("youth-forums/<int:pk>/members/", members.member_list, name="member_list"),
    path("youth-forums/<int:pk>/members/new/", members.member_add, name="member_add"),
    path("youth-forum-members/<int:pk>/edit/", members.member_edit, name="member_edit"),
    path("youth-forum-members/<int:pk>/end/", members.member_end, name="member_end"),
    path("youth-forum-meetings/", lists.meeting_list, name="meeting_list"),
    path("youth-forum-proposals/all/", lists.proposal_list, name="proposal_list"),
    path("youth-forums/<int:pk>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("youth-forum-meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("youth-forum-meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("youth-forums/<int:pk>/matters/new/", meetings.matter_create, name="matter_create"),
    path("youth-forum-matters/<int:pk>/edit/", meetings.matter_edit, name="matter_edit"),
    path("youth-forum-matters/<int:pk>/status/", meetings.matter_status, name="matter_status"),
    path("youth-forums/<int:pk>/proposals/new/", proposals.proposal_create, name="proposal_create"),
    path("youth-forum-proposals/", proposals.proposals_waiting, name="proposals_waiting"),
    path("youth-forum-proposals/<int:pk>/", proposals.proposal_detail, name="proposal_detail"),
    path(
        "youth-forum-proposals/<int:pk>/answer/", proposals.proposal_answer, name="proposal_answer"
    ),
    path(
        "youth-forum-proposals/<int:pk>/withdraw/",
        proposals.proposal_withdraw,
        name="proposal_withdraw",
    ),
]
