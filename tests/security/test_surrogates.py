"""Lone surrogates, as far as HTTP lets them through: percent-encoded (CESU-8) in a form, and
escaped in the API's JSON (`"\\ud800"` is valid JSON but no valid text)."""

import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from api import services as token_services
from assessments.models import Case

SURROGATE_FORM = "%ED%A0%80"  # U+D800 as UTF-8 would write it, which UTF-8 forbids


def test_a_lone_surrogate_in_a_form_is_refused_or_replaced(
    client, coordinator, karlskoga, social_committee
):
    client.force_login(coordinator)
    url = reverse("assessments:case_create", kwargs={"organisation_pk": karlskoga.pk})
    body = (
        f"case_number=SN+2026%2F9&title=Ytan{SURROGATE_FORM}&body={social_committee.pk}"
        f"&officer={coordinator.pk}"
    )
    response = client.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 302)
    for title in Case.objects.values_list("title", flat=True):
        title.encode("utf-8")  # stored text is valid text


@pytest.mark.parametrize("escaped", ["\\ud800", "\\udfff", "\\u0000"])
def test_a_lone_surrogate_or_nul_in_the_api_is_refused(karlskoga, social_committee, escaped):
    _token, key = token_services.create_token(karlskoga, by=None, name="Diariet")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    body = json.dumps({"body": social_committee.pk, "case_number": "SN 2026/50", "title": "x"})
    body = body.replace('"x"', f'"Ytan{escaped}"')
    response = api.put(
        reverse("api:case_upsert", args=["D-9"]), body, content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert not Case.objects.exists()
