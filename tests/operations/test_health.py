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


class Collect(logging.Handler):
    """Lines as the live LOGGING's console handler writes them (its filters and formatter)."""

    def __init__(self):
        from logging.config import dictConfig

        from django.conf import settings as live

        super().__init__()
        dictConfig(live.LOGGING)
        console = logging.getLogger().handlers[0]
        self.setFormatter(console.formatter)
        for item in console.filters:
            self.addFilter(item)
        self.lines = []

    def emit(self, record):
        self.lines.append(json.loads(self.format(record)))


@pytest.fixture
def log_lines():
    handler = Collect()
    logger = logging.getLogger()
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


@pytest.mark.django_db
def test_djangos_own_404_line_carries_the_request_id(client, log_lines):
    response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="support-4711")
    assert response.status_code == 404
    (line,) = [line for line in log_lines if line["logger"] == "django.request"]
    assert line["message"] == "Not Found: /no-such-page/"
    assert line["request_id"] == "support-4711" == response["X-Request-ID"]


def test_a_gunicorn_access_line_carries_the_request_id_of_its_response():
    atoms = {"r": "GET / HTTP/1.1", "{x-request-id}o": "r-9"}
    record = logging.LogRecord("gunicorn.access", logging.INFO, "", 0, "%(r)s", (atoms,), None)
    requestid.RequestIdFilter().filter(record)
    assert record.request_id == "r-9"


@pytest.mark.django_db
def test_failing_readiness_is_logged_once_per_change_of_state(client, monkeypatch, log_lines):
    monkeypatch.setattr(health, "_last_state", "ok")
    monkeypatch.setattr(health, "_migrated", False)
    monkeypatch.setattr(health, "_pending_migrations", lambda: 2)
    for _probe in range(5):
        assert client.get("/readyz").status_code == 503
    monkeypatch.setattr(health, "_pending_migrations", lambda: 0)
    for _probe in range(3):
        assert client.get("/readyz").status_code == 200
    messages = [(line["logger"], line["message"]) for line in log_lines]
    assert messages == [
        ("barnratt.readiness", "Readiness: not ready (migrations pending: 2)"),
        ("barnratt.readiness", "Readiness: ready again"),
    ]


def gunicorn_config():
    import runpy

    from django.conf import settings as live

    return runpy.run_path(str(live.BASE_DIR / "gunicorn.conf.py"))


def test_gunicorn_refuses_to_start_on_a_port_another_server_listens_on(monkeypatch):
    import socket
    from types import SimpleNamespace

    config = gunicorn_config()
    monkeypatch.delenv("GUNICORN_FD", raising=False)
    monkeypatch.delenv("LISTEN_FDS", raising=False)
    with socket.socket() as other:
        # Another server with SO_REUSEPORT, as a second gunicorn would have.
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        other.bind(("127.0.0.1", 0))
        other.listen()
        address = other.getsockname()
        server = SimpleNamespace(cfg=SimpleNamespace(address=[address]))
        with pytest.raises(SystemExit, match="already in use"):
            config["on_starting"](server)
    config["on_starting"](server)  # free again


def test_gunicorn_logs_json_through_the_same_configuration():
    config = gunicorn_config()
    from django.conf import settings as live

    logging_config = config["logconfig_dict"]
    assert logging_config["handlers"] == live.LOGGING["handlers"]
    for name in ("gunicorn.error", "gunicorn.access"):
        assert logging_config["loggers"][name]["handlers"] == ["console"]
    assert "{x-request-id}o" in config["access_log_format"]
