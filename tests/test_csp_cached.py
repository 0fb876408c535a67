"""core.csp: the policy is built once from the settings, and django-csp still decides the rest."""

import pytest
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from core.csp import CSPMiddleware, settings_policy

OTHER_POLICY = {"DIRECTIVES": {"default-src": ["'none'"], "img-src": ["'self'"]}}
OTHER_DIRECTIVES = {"default-src 'none'", "img-src 'self'"}


def directives(header: str) -> set:
    """A policy's directives, in no order: django-csp's order follows a set's."""
    return {directive.strip() for directive in header.split(";")}


def respond(response=None):
    request = RequestFactory().get("/")
    middleware = CSPMiddleware(lambda request: response or HttpResponse("ok"))
    return middleware(request)


def test_a_plain_response_gets_the_policy_django_csp_builds():
    response = respond()
    assert response["Content-Security-Policy"] == build_policy()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "Content-Security-Policy-Report-Only" not in response


def test_changed_settings_are_not_served_from_the_cache():
    before = respond()["Content-Security-Policy"]
    with override_settings(CONTENT_SECURITY_POLICY=OTHER_POLICY):
        changed = respond()["Content-Security-Policy"]
        assert directives(changed) == OTHER_DIRECTIVES
    assert respond()["Content-Security-Policy"] == before


def test_report_only_settings_give_the_second_header():
    with override_settings(CONTENT_SECURITY_POLICY_REPORT_ONLY=OTHER_POLICY):
        response = respond()
    assert directives(response["Content-Security-Policy-Report-Only"]) == OTHER_DIRECTIVES


def test_a_views_own_update_is_left_to_django_csp():
    response = HttpResponse("ok")
    response._csp_update = {"img-src": ["https://kartor.example"]}
    header = respond(response)["Content-Security-Policy"]
    assert "img-src 'self' data: https://kartor.example" in header
    assert settings_policy(False) != header


def test_an_exempt_response_gets_no_header():
    response = HttpResponse("ok")
    response._csp_exempt = True
    assert "Content-Security-Policy" not in respond(response)


def test_a_header_the_view_set_is_kept():
    response = HttpResponse("ok")
    response["Content-Security-Policy"] = "default-src 'self'"
    assert respond(response)["Content-Security-Policy"] == "default-src 'self'"


def test_a_nonce_asked_for_after_the_header_is_an_error():
    from csp.exceptions import CSPNonceError

    request = RequestFactory().get("/")
    CSPMiddleware(lambda request: HttpResponse("ok"))(request)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)
