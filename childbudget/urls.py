from django.urls import path, re_path

from . import views

app_name = "childbudget"

urlpatterns = [
    path("child-budget/", views.budget_list, name="budget_list"),
    re_path(r"^child-budget\.(?P<fmt>csv|xlsx)$", views.budget_export, name="budget_export"),
    re_path(
        r"^child-budget/example\.(?P<fmt>csv|xlsx)$",
        views.import_example,
        name="import_example",
    ),
    path(
        "organisations/<int:organisation_pk>/child-budget/new/",
        views.budget_create,
        name="budget_create",
    ),
    path(
        "organisations/<int:organisation_pk>/child-budget/import/",
        views.budget_import,
        name="budget_import",
    ),
    path("child-budget/<int:pk>/", views.budget_detail, name="budget_detail"),
    path("child-budget/<int:pk>/edit/", views.budget_edit, name="budget_edit"),
    path("child-budget/<int:pk>/delete/", views.budget_delete, name="budget_delete"),
    path("child-budget/<int:pk>/marks/", views.budget_marks, name="budget_marks"),
    re_path(
        r"^child-budget/(?P<pk>[0-9]+)/lines\.(?P<fmt>csv|xlsx)$",
        views.lines_export,
        name="lines_export",
    ),
]
