from django.urls import path

from . import views

app_name = "comparisons"

urlpatterns = [
    path(
        "networks/<int:pk>/dashboard/",
        views.network_dashboard,
        name="network_dashboard",
    ),
    path(
        "networks/<int:pk>/dashboard/export.csv",
        views.network_dashboard_export,
        name="network_dashboard_export",
    ),
]
