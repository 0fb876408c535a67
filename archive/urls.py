from django.urls import path

from . import views

app_name = "archive"

urlpatterns = [
    path("organisations/<int:organisation_pk>/retention/", views.rules, name="rules"),
    path(
        "organisations/<int:organisation_pk>/archive-export/",
        views.archive_export,
        name="archive_export",
    ),
    path("archive-packages/<int:pk>/", views.export_download, name="export_download"),
    path("retention/<int:pk>/edit/", views.rule_edit, name="rule_edit"),
    path("retention/<int:pk>/delete/", views.rule_delete, name="rule_delete"),
]
