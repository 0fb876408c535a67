"""The children's pages go through their own, shorter middleware stack (core.handlers,
decision 0026) in production and in the tests' client, and keep every protection they need."""

import io
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from barnratt.wsgi import application
from core.handlers import ChildrenFirst, is_childrens_path
from participation.models import Response
from participation.views import children

from .test_children import form_data

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION_KEY = re.compile(r'name="submission_key" value="([^"]+)"')
SECURITY_HEADERS = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options")


def routes(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from routes(entry, route)
        elif isinstance(entry, URLPattern):
            yield "/" + route.lstrip("^"), entry.callback


def call(method, path, body=b"", cookie=""):
    """barnratt.wsgi.application called as a WSGI server would: (status, headers, body)."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_COOKIE": cookie,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
    }
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=headers)

    # As Django's test client does: the test's transaction keeps its database connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        content = b"".join(application(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return started["status"], dict(started["headers"]), content


def test_the_childrens_stack_is_the_staff_stack_with_some_left_out():
    staff = settings.MIDDLEWARE
    assert set(settings.CHILDREN_MIDDLEWARE) < set(staff)
    positions = [staff.index(name) for name in settings.CHILDREN_MIDDLEWARE]
    assert positions == sorted(positions)
    for needed in ("csrf.CsrfViewMiddleware", "security.SecurityMiddleware", "core.csp."):
        assert any(needed in name for name in settings.CHILDREN_MIDDLEWARE)


def test_the_childrens_paths_hold_the_childrens_views_and_nothing_else():
    seen = set()
    for route, view in routes():
        childrens_view = view.__module__ == children.__name__
        assert is_childrens_path(route) == childrens_view, route
        seen.add(view.__name__)
    assert {"child_start", "child_page", "child_thanks"} <= seen


def test_the_tests_client_sends_the_childrens_pages_through_the_short_stack(client, consultation):
    # LocaleMiddleware, in the staff stack only, names the language of every response.
    childrens = client.get(consultation.children_path())
    staff = client.get(reverse("accounts:login"))
    assert "Content-Language" not in childrens
    assert staff["Content-Language"] == "sv"
    for header in SECURITY_HEADERS:
        assert header in childrens


def test_the_wsgi_application_answers_and_protects_the_childrens_page(client, consultation):
    assert isinstance(application, ChildrenFirst)
    status, headers, page = call("GET", consultation.children_path())
    assert status.startswith("200")
    assert "Content-Language" not in headers
    assert headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert b'name="submission_key"' in page
    status, headers, _page = call("GET", reverse("accounts:login"))
    assert headers["Content-Language"] == "sv"


def test_the_wsgi_application_refuses_an_answer_without_a_csrf_token(consultation, client):
    data = form_data(client, consultation)
    body = urlencode(data, doseq=True).encode()
    status, _headers, _page = call("POST", consultation.children_path(), body)
    assert status.startswith("403")
    assert not Response.objects.filter(consultation=consultation).exists()


def test_the_wsgi_application_stores_an_answer_with_its_token(consultation, client):
    _status, headers, page = call("GET", consultation.children_path())
    cookie = headers["Set-Cookie"].split(";")[0]
    data = form_data(client, consultation)
    data["csrfmiddlewaretoken"] = CSRF_FIELD.search(page.decode())[1]
    data["submission_key"] = SUBMISSION_KEY.search(page.decode())[1]
    body = urlencode(data, doseq=True).encode()
    status, headers, _page = call("POST", consultation.children_path(), body, cookie)
    assert status.startswith("302")
    assert headers["Location"].endswith("/tack/")
    assert Response.objects.filter(consultation=consultation).count() == 1


def test_the_tests_client_checks_csrf_on_the_childrens_pages_when_asked(client, consultation):
    client.handler.enforce_csrf_checks = True
    response = client.post(consultation.children_path(), form_data(client, consultation))
    assert response.status_code == 403
    assert not Response.objects.filter(consultation=consultation).exists()
