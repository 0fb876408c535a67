from django.urls import path

from . import views

app_name = "agreements"

urlpatterns = [
    path("agreements/", views.agreement_list, name="agreement_list"),
    path(
        "organisations/<int:organisation_pk>/agreements/new/",
        views.agreement_create,
        name="agreement_create",
    ),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("agreements/<int:pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path("agreements/<int:pk>/delete/", views.agreement_delete, name="agreement_delete"),
    path(
        "organisations/<int:organisation_pk>/regulations/new/",
        views.regulation_create,
        name="regulation_create",
    ),
    path("regulations/<int:pk>/", views.regulation_detail, name="regulation_detail"),
    path("regulations/<int:pk>/edit/", views.regulation_edit, name="regulation_edit"),
    path("regulations/<int:pk>/delete/", views.regulation_delete, name="regulation_delete"),
]
