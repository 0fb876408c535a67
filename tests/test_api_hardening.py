"""The API's contract (issue 23): every answer code and filter in the schema, If-Match per
RFC 9110, Swedish messages, throttling per token."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from api import services as token_services
from api.throttling import TokenRateThrottle

FILTERS = {"q", "body", "status", "year", "children_affected", "article", "officer"}


def client_for(organisation, name="Diariet"):
    _token, key = token_services.create_token(organisation, by=None, name=name)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api(karlskoga):
    return client_for(karlskoga)


@pytest.fixture
def schema(client, db):
    return client.get(reverse("api:schema"), HTTP_ACCEPT="application/json").json()


def operation(schema, path, method):
    return schema["paths"][f"/api/v1/{path}"][method]


@pytest.mark.parametrize(
    ("path", "method", "codes"),
    [
        ("cases/", "get", {"200", "400", "401", "429"}),
        ("cases/{id}/", "get", {"200", "401", "404", "429"}),
        ("cases/{id}/assessment/", "get", {"200", "401", "404", "429"}),
        (
            "cases/{id}/assessment/",
            "patch",
            {"200", "400", "401", "404", "409", "412", "415", "428", "429"},
        ),
        ("cases/external/{external_id}/", "put", {"200", "201", "400", "401", "409", "415", "429"}),
    ],
)
def test_the_schema_lists_every_answer_code(schema, path, method, codes):
    assert set(operation(schema, path, method)["responses"]) == codes


def test_the_schema_lists_the_filters(schema):
    parameters = {p["name"] for p in operation(schema, "cases/", "get")["parameters"]}
    assert parameters >= FILTERS


def test_the_filters_work_through_the_api(api, case):
    url = reverse("api:case_list")
    assert api.get(url, {"status": case.status}).json()["count"] == 1
    assert api.get(url, {"status": "decided"}).json()["count"] == 0
    assert api.get(url, {"status": "no-such-status"}).status_code == 400


def test_patch_documents_summary_as_required_and_refuses_an_empty_body(schema, api, assessment):
    body = operation(schema, "cases/{id}/assessment/", "patch")["requestBody"]
    reference = body["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert schema["components"]["schemas"][reference]["required"] == ["summary"]
    url = reverse("api:assessment", args=[assessment.case_id])
    assert api.patch(url, {}, format="json", HTTP_IF_MATCH="*").status_code == 400


@pytest.mark.parametrize("if_match", ["*", '"0", {etag}', '{etag}, "99"'])
def test_if_match_star_or_a_list_with_the_current_etag_updates(api, assessment, if_match):
    url = reverse("api:assessment", args=[assessment.case_id])
    etag = api.get(url)["ETag"]
    response = api.patch(
        url, {"summary": "Från diariet"}, format="json", HTTP_IF_MATCH=if_match.format(etag=etag)
    )
    assert response.status_code == 200


def test_a_weak_etag_does_not_match(api, assessment):
    url = reverse("api:assessment", args=[assessment.case_id])
    etag = api.get(url)["ETag"]
    response = api.patch(url, {"summary": "x"}, format="json", HTTP_IF_MATCH=f"W/{etag}")
    assert response.status_code == 412


def test_the_messages_are_swedish(api, client, assessment):
    url = reverse("api:assessment", args=[assessment.case_id])
    missing = api.patch(url, {"summary": "x"}, format="json")
    assert missing.status_code == 428
    assert "Skicka If-Match" in missing.json()["detail"]
    stale = api.patch(url, {"summary": "x"}, format="json", HTTP_IF_MATCH='"99"')
    assert stale.status_code == 412
    assert "ändrades" in stale.json()["detail"]
    assert "autentisering" in client.get(url).json()["detail"].lower()


def test_throttling_is_per_token(karlskoga, monkeypatch, db):
    # DRF reads the rates when the class is defined, so the test sets them on the class.
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "3/min"})
    busy, other = client_for(karlskoga, "Ciceron"), client_for(karlskoga, "Public 360")
    url = reverse("api:case_list")
    assert [busy.get(url).status_code for _n in range(3)] == [200, 200, 200]
    throttled = busy.get(url)
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) > 0
    assert throttled.json()["detail"].startswith("För många anrop")
    assert other.get(url).status_code == 200


def test_an_unknown_api_path_answers_json_404(api):
    response = api.get("/api/v1/cases/null,null/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"] == "Hittades inte."


def test_a_non_integer_page_or_filter_is_refused(api, case):
    for query in ({"limit": "1.5"}, {"offset": "x"}, {"body": "1.5"}, {"status": ""}):
        assert api.get(reverse("api:case_list"), query).status_code == 400, query


def test_a_number_is_not_a_summary_and_a_malformed_if_match_is_400(api, assessment):
    url = reverse("api:assessment", args=[assessment.case_id])
    assert api.patch(url, {"summary": 121}, format="json", HTTP_IF_MATCH="*").status_code == 400
    assert api.patch(url, {"summary": "x"}, format="json", HTTP_IF_MATCH="3").status_code == 400


def test_only_json_is_parsed(api, assessment):
    url = reverse("api:assessment", args=[assessment.case_id])
    response = api.patch(url, {"summary": "x"}, HTTP_IF_MATCH="*")  # multipart
    assert response.status_code == 415
