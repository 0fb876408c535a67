from django.urls import path, re_path

from . import views

app_name = "training"

urlpatterns = [
    path("training/", views.session_list, name="session_list"),
    re_path(r"^training\.(?P<fmt>csv|xlsx)$", views.session_export, name="session_export"),
    path(
        "organisations/<int:organisation_pk>/training/new/",
        views.session_create,
        name="session_create",
    ),
    path("training/<int:pk>/", views.session_detail, name="session_detail"),
    path("training/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("training/<int:pk>/delete/", views.session_delete, name="session_delete"),
    path("training/<int:pk>/material/new/", views.material_add, name="material_add"),
    path("training-material/<int:pk>/", views.material_file, name="material_file"),
    path("training-material/<int:pk>/delete/", views.material_delete, name="material_delete"),
    path(
        "organisations/<int:organisation_pk>/training-coverage/",
        views.coverage_page,
        name="coverage",
    ),
    re_path(
        r"^organisations/(?P<organisation_pk>[0-9]+)/training-coverage\.(?P<fmt>csv|xlsx)$",
        views.coverage_export,
        name="coverage_export",
    ),
    path(
        "organisations/<int:organisation_pk>/headcounts/<int:year>/",
        views.headcounts,
        name="headcounts",
    ),
]
