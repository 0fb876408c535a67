from django.urls import path

from . import pages

app_name = "api_pages"

urlpatterns = [
    path("organisations/<int:organisation_pk>/api-tokens/", pages.tokens, name="tokens"),
    path("api-tokens/<int:pk>/revoke/", pages.revoke, name="revoke"),
]
