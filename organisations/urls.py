from django.urls import path

from .views import bodies, onboarding, organisations, people

app_name = "organisations"

urlpatterns = [
    path("organisations/", organisations.organisation_list, name="list"),
    path("organisations/onboard/", onboarding.onboard, name="onboard"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="detail"),
    path("organisations/<int:pk>/edit/", organisations.organisation_edit, name="edit"),
    path(
        "organisations/<int:pk>/population/add/",
        organisations.population_add,
        name="population_add",
    ),
    path("population/<int:pk>/delete/", organisations.population_delete, name="population_delete"),
    path(
        "organisations/<int:pk>/population-by-age/add/",
        organisations.population_by_age_add,
        name="population_by_age_add",
    ),
    path(
        "population-by-age/<int:pk>/delete/",
        organisations.population_by_age_delete,
        name="population_by_age_delete",
    ),
    path("organisations/<int:organisation_pk>/bodies/new/", bodies.body_create, name="body_create"),
    path("organisations/<int:organisation_pk>/people/", people.people, name="people"),
    path("organisations/<int:organisation_pk>/people/add/", people.add_person, name="add_person"),
    path("memberships/<int:pk>/edit/", people.membership_edit, name="membership_edit"),
    path("memberships/<int:pk>/delete/", people.membership_delete, name="membership_delete"),
    path("bodies/", bodies.body_list, name="body_list"),
    path("bodies/<int:pk>/", bodies.body_detail, name="body_detail"),
    path("bodies/<int:pk>/edit/", bodies.body_edit, name="body_edit"),
    path("bodies/<int:pk>/delete/", bodies.body_delete, name="body_delete"),
]
