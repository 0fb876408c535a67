from django.urls import path

from .views import dashboard, meetings, networks, pages, series, sharing

app_name = "networks"

urlpatterns = [
    path("networks/", networks.network_list, name="network_list"),
    path(
        "organisations/<int:organisation_pk>/networks/new/",
        networks.network_create,
        name="network_create",
    ),
    path("networks/<int:pk>/", pages.network_detail, name="network_detail"),
    path("networks/<int:pk>/edit/", networks.network_edit, name="network_edit"),
    path("networks/<int:pk>/delete/", networks.network_delete, name="network_delete"),
    path("networks/<int:pk>/dashboard/", dashboard.network_dashboard, name="network_dashboard"),
    path(
        "networks/<int:pk>/dashboard/export.csv",
        dashboard.network_dashboard_export,
        name="network_dashboard_export",
    ),
    path("networks/<int:pk>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("network-meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("network-meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("network-meetings/<int:pk>/delete/", meetings.meeting_delete, name="meeting_delete"),
    path(
        "network-meetings/<int:pk>/documents/new/",
        meetings.meeting_document_add,
        name="meeting_document_add",
    ),
    path("meeting-documents/<int:pk>/", meetings.meeting_document, name="meeting_document"),
    path(
        "meeting-documents/<int:pk>/delete/",
        meetings.meeting_document_delete,
        name="meeting_document_delete",
    ),
    path("networks/<int:pk>/series/new/", series.series_create, name="series_create"),
    path("meeting-series/<int:pk>/", series.series_detail, name="series_detail"),
    path("meeting-series/<int:pk>/delete/", series.series_delete, name="series_delete"),
    path(
        "network-meetings/<int:pk>/attendance/",
        series.meeting_attendance,
        name="meeting_attendance",
    ),
    path("networks/<int:pk>/partners/new/", series.partner_add, name="partner_add"),
    path("network-partners/<int:pk>/edit/", series.partner_edit, name="partner_edit"),
    path("network-partners/<int:pk>/delete/", series.partner_delete, name="partner_delete"),
    path("networks/<int:pk>/contacts/new/", meetings.contact_add, name="contact_add"),
    path("network-contacts/<int:pk>/delete/", meetings.contact_delete, name="contact_delete"),
    path("networks/<int:pk>/plans/new/", meetings.plan_create, name="plan_create"),
    path("networks/<int:pk>/share/", sharing.share, name="share"),
    path(
        "networks/<int:network_pk>/shared/<int:pk>/",
        pages.shared_item,
        name="shared_item",
    ),
    path(
        "networks/<int:network_pk>/shared/<int:pk>/unshare/",
        sharing.unshare,
        name="unshare",
    ),
    path(
        "networks/<int:network_pk>/shared/<int:pk>/copy/",
        sharing.copy_shared_template,
        name="copy_shared_template",
    ),
    path("templates/<int:pk>/share/", sharing.share_template, name="share_template"),
    path(
        "organisations/<int:organisation_pk>/indicators/<int:pk>/share/",
        sharing.share_comparison,
        name="share_comparison",
    ),
]
