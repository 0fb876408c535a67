"""Health and readiness endpoints, request ids and JSON logs."""

import json
import logging

import pytest
from django.db import DatabaseError

from operations import health, requestid


def test_healthz_answers_without_the_database(client):
    # No django_db mark: pytest-django fails any database access in this test.
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_when_the_database_answers_and_is_migrated(client, monkeypatch):
    monkeypatch.setattr(health, "_migrated", False)
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_not_ready_with_migrations_pending(client, monkeypatch):
    monkeypatch.setattr(health, "_migrated", False)
    monkeypatch.setattr(health, "_pending_migrations", lambda: 2)
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["migrations_pending"] == 2


@pytest.mark.django_db
def test_readyz_is_not_ready_without_the_database(client, monkeypatch):
    def unreachable():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(health, "_pending_migrations", unreachable)
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["database"] == "unreachable"


def test_a_request_id_is_made_or_kept_and_returned(client):
    made = client.get("/healthz")["X-Request-ID"]
    assert len(made) == 32 and int(made, 16) >= 0
    assert client.get("/healthz", HTTP_X_REQUEST_ID="nginx-42.7")["X-Request-ID"] == "nginx-42.7"
    # A header that is not a plain token is replaced, never echoed into logs and responses.
    hostile = client.get("/healthz", HTTP_X_REQUEST_ID="x\r\nSet-Cookie: a=b")["X-Request-ID"]
    assert hostile != "x\r\nSet-Cookie: a=b" and len(hostile) == 32


def test_log_records_are_json_with_the_request_id():
    from logging.config import dictConfig

    from django.conf import settings as live

    stream_records = []

    class Collect(logging.Handler):
        def emit(self, record):
            stream_records.append(self.format(record))

    dictConfig(live.LOGGING)
    console = logging.getLogger().handlers[0]
    handler = Collect()
    handler.setFormatter(console.formatter)
    for item in console.filters:
        handler.addFilter(item)
    logger = logging.getLogger("barnratt.test")
    logger.addHandler(handler)
    token = requestid._current.set("abc123")
    try:
        logger.warning("Something happened to %s", "case 7")
    finally:
        requestid._current.reset(token)
        logger.removeHandler(handler)
    record = json.loads(stream_records[0])
    assert record["message"] == "Something happened to case 7"
    assert record["request_id"] == "abc123" and record["level"] == "WARNING"
    assert record["logger"] == "barnratt.test" and record["time"]


def test_records_outside_a_request_carry_a_dash():
    record = logging.LogRecord("x", logging.INFO, "", 0, "m", (), None)
    requestid.RequestIdFilter().filter(record)
    assert record.request_id == "-"
