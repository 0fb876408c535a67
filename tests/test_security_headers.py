"""The production configuration's headers and cookies, on real responses.

The settings are read from `barnratt.settings` imported with DJANGO_ENV=production in a separate
process (as a server starts), then applied here so the real middleware answers real requests.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
NAMES = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
    "CONTENT_SECURITY_POLICY",
]
SCRIPT = (
    "import json, sys; import barnratt.settings as s; "
    "json.dump({n: getattr(s, n, None) for n in sys.argv[1:]}, sys.stdout)"
)


@pytest.fixture(scope="module")
def production():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "BARNRATT_", "DATABASE_URL"))
    } | {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "header-test-only-" + "x" * 64,
        "DJANGO_ALLOWED_HOSTS": "barnratt.example",
    }
    output = subprocess.run(
        [sys.executable, "-c", SCRIPT, *NAMES],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return json.loads(output)


@pytest.fixture
def prod_client(settings, production):
    for name, value in production.items():
        if name == "SECURE_PROXY_SSL_HEADER" and value is not None:
            value = tuple(value)
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = ["barnratt.example"]
    # Behind the TLS-terminating proxy, as in production.
    return Client(HTTP_HOST="barnratt.example", HTTP_X_FORWARDED_PROTO="https")


def test_production_is_not_debug_and_redirects_plain_http(prod_client, production, db):
    assert production["DEBUG"] is False
    plain = Client(HTTP_HOST="barnratt.example").get(reverse("home:home"))
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://barnratt.example/")


def test_headers_on_a_page(prod_client, db):
    response = prod_client.get(reverse("accounts:login"))
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts and "preload" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    }
    assert csp["script-src"] == ["'self'"]  # no 'unsafe-inline', no nonce, no other host
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert "unsafe" not in response["Content-Security-Policy"]


def test_cookies_are_secure_httponly_and_samesite(prod_client, coordinator):
    response = prod_client.post(
        reverse("accounts:login"), {"username": "coordinator", "password": PASSWORD}
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    page = prod_client.get(reverse("accounts:account"))
    csrf = page.cookies.get("csrftoken") or prod_client.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    language = prod_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = language.cookies["django_language"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_no_inline_script_in_the_pages_templates():
    # The CSP forbids inline script; a template that had one would break in production.
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for chunk in text.split("<script")[1:]:
            if "src=" not in chunk.split(">", 1)[0]:
                offenders.append(str(template.relative_to(ROOT)))
        if " on" in text and any(f" on{event}=" in text for event in ("click", "load", "change")):
            offenders.append(str(template.relative_to(ROOT)))
    assert not offenders


def test_check_deploy_is_clean():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "BARNRATT_", "DATABASE_URL"))
    } | {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "check-deploy-only-" + "x" * 64,
        "DJANGO_ALLOWED_HOSTS": "barnratt.example",
        # Production refuses the placeholder contact (check barnratt.E001).
        "BARNRATT_ACCESSIBILITY_EMAIL": "tillganglighet@example.se",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
