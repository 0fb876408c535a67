"""The children's pages go through Django's own WSGI application and the one middleware stack
(decision 0027), and keep every protection they need."""

import io
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse

from barnratt.wsgi import application
from participation.models import Response

from .test_children import form_data

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION_KEY = re.compile(r'name="submission_key" value="([^"]+)"')
SECURITY_HEADERS = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options")


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


def test_the_childrens_pages_and_the_staff_pages_share_one_stack(client, consultation):
    childrens = client.get(consultation.children_path())
    staff = client.get(reverse("accounts:login"))
    for header in (*SECURITY_HEADERS, "Content-Language"):
        assert header in childrens and header in staff


def test_the_wsgi_application_answers_and_protects_the_childrens_page(client, consultation):
    assert isinstance(application, WSGIHandler)
    status, headers, page = call("GET", consultation.children_path())
    assert status.startswith("200")
    assert headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert b'name="submission_key"' in page


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


def test_the_tests_client_checks_csrf_on_the_childrens_pages_when_asked(consultation):
    client = Client(enforce_csrf_checks=True)
    response = client.post(consultation.children_path(), form_data(client, consultation))
    assert response.status_code == 403
    assert not Response.objects.filter(consultation=consultation).exists()


def test_a_child_gets_no_session_through_the_one_stack(client, consultation):
    # The children's pages have no account: the session middleware must never start one.
    client.get(consultation.children_path())
    client.post(consultation.children_path(), form_data(client, consultation))
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert Response.objects.filter(consultation=consultation).count() == 1


def test_a_childs_only_cookie_lasts_the_visit(client, consultation):
    # The CSRF cookie is the one cookie a child gets; it must not outlive the browser session
    # on a shared school tablet (issue 23).
    response = client.get(consultation.children_path())
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie.value
    assert not cookie["max-age"] and not cookie["expires"]
