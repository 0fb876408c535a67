from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("examples/", views.example_list, name="example_list"),
    path(
        "organisations/<int:organisation_pk>/examples/new/",
        views.example_create,
        name="example_create",
    ),
    path("examples/<int:pk>/", views.example_detail, name="example_detail"),
    path("examples/<int:pk>/edit/", views.example_edit, name="example_edit"),
    path("examples/<int:pk>/delete/", views.example_delete, name="example_delete"),
    path("public/examples/", views.public_list, name="public_list"),
    path("public/examples/<int:pk>/", views.public_detail, name="public_detail"),
]
