from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("indicators/", views.indicator_list, name="indicator_list"),
    path("indicators/new/", views.indicator_create, name="indicator_create"),
    path("indicators/template.csv", views.template_example, name="template_example"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/history/", views.indicator_history, name="indicator_history"),
    path(
        "organisations/<int:organisation_pk>/conditions/",
        views.conditions,
        name="conditions",
    ),
    path(
        "organisations/<int:organisation_pk>/health/",
        views.health_equity,
        name="health_equity",
    ),
    path(
        "organisations/<int:organisation_pk>/indicators/<int:pk>/",
        views.comparison,
        name="comparison",
    ),
    path(
        "organisations/<int:organisation_pk>/indicators/<int:pk>.csv",
        views.comparison_export,
        name="comparison_export",
    ),
    path(
        "organisations/<int:organisation_pk>/indicators/import/",
        views.import_values,
        name="import",
    ),
    path(
        "organisations/<int:organisation_pk>/indicators/import/progress/<str:token>/",
        views.import_progress,
        name="import_progress",
    ),
    path("cases/<int:case_pk>/indicators/", views.cite, name="cite"),
    path("indicator-citations/<int:pk>/delete/", views.uncite, name="uncite"),
]
