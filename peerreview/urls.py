from django.urls import path, re_path

from . import views

app_name = "peerreview"

urlpatterns = [
    path("peer-reviews/", views.review_list, name="review_list"),
    path(
        "networks/<int:network_pk>/peer-reviews/new/",
        views.review_create,
        name="review_create",
    ),
    path("peer-reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("peer-reviews/<int:pk>/edit/", views.review_edit, name="review_edit"),
    path("peer-reviews/<int:pk>/start/", views.review_start, name="review_start"),
    path("peer-reviews/<int:pk>/interviews/new/", views.interview_add, name="interview_add"),
    path("peer-reviews/<int:pk>/documents/new/", views.document_add, name="document_add"),
    path(
        "peer-reviews/<int:pk>/findings/<slug:factor>/",
        views.finding_edit,
        name="finding_edit",
    ),
    path(
        "peer-reviews/<int:pk>/findings/<slug:factor>/recommendations/new/",
        views.recommendation_add,
        name="recommendation_add",
    ),
    path("peer-reviews/<int:pk>/report/", views.review_report, name="review_report"),
    re_path(
        r"^peer-reviews/(?P<pk>[0-9]+)/(?P<kind>interviews|documents|recommendations)/"
        r"(?P<part_pk>[0-9]+)/delete/$",
        views.part_delete,
        name="part_delete",
    ),
    re_path(
        r"^peer-reviews/(?P<pk>[0-9]+)/report\.(?P<fmt>pdf|docx)$",
        views.review_download,
        name="review_download",
    ),
    path(
        "peer-review-recommendations/<int:pk>/answer/",
        views.recommendation_answer,
        name="recommendation_answer",
    ),
    path(
        "peer-review-recommendations/<int:pk>/activity/",
        views.recommendation_activity,
        name="recommendation_activity",
    ),
]
