"""E-mail through a relay that wants a sign-in (Microsoft 365, a municipal relay): the SMTP
settings come from the environment, a contradictory pair is refused at start, and an invitation
really goes out over SMTP with AUTH to a local server the test starts (aiosmtpd)."""

import datetime
import ipaddress
import os
import smtplib
import socket
import ssl
import subprocess
import sys
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.core.checks import run_checks
from django.test import RequestFactory

from organisations.services import invite_by_email

ROOT = Path(__file__).resolve().parents[2]


def mail_settings(**environment) -> list[str]:
    """The e-mail settings as a fresh process reads them from `environment`."""
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
        "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL, s.EMAIL_TIMEOUT, "
        "s.DEFAULT_FROM_EMAIL, sep='|')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "barnratt.settings"}
        | environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().split("|")


def test_smtp_settings_are_read_from_the_environment():
    assert mail_settings(
        BARNRATT_EMAIL_HOST="smtp.office365.com",
        BARNRATT_EMAIL_HOST_USER="barnratt@karlskoga.se",
        BARNRATT_EMAIL_HOST_PASSWORD="hemligt lösenord",
        BARNRATT_EMAIL_TIMEOUT="12",
        BARNRATT_EMAIL_FROM="barnratt@karlskoga.se",
    ) == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.office365.com",
        "587",
        "barnratt@karlskoga.se",
        "hemligt lösenord",
        "True",
        "False",
        "12",
        "barnratt@karlskoga.se",
    ]


def test_ssl_switches_starttls_off_and_the_port_to_465():
    values = mail_settings(BARNRATT_EMAIL_HOST="smtp.kommun.se", BARNRATT_EMAIL_USE_SSL="true")
    assert values[2] == "465" and values[5:7] == ["False", "True"]


def test_without_a_host_no_mail_is_sent():
    values = mail_settings()
    assert values[0] == "django.core.mail.backends.dummy.EmailBackend"
    assert values[3:5] == ["", ""]


def test_tls_and_ssl_both_on_is_refused(settings):
    settings.EMAIL_USE_TLS = True
    settings.EMAIL_USE_SSL = True
    assert "barnratt.E002" in [message.id for message in run_checks()]
    settings.EMAIL_USE_SSL = False
    assert "barnratt.E002" not in [message.id for message in run_checks()]


class Relay:
    """An SMTP server that lets one account sign in and keeps what it is sent."""

    def __init__(self, login: bytes, password: bytes):
        self.account = LoginPassword(login, password)
        self.received = []
        self.signed_in = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        self.signed_in.append((mechanism, auth_data.login))
        # Not handled here: aiosmtpd answers 235 or 535 itself.
        return AuthResult(success=auth_data == self.account, handled=False)

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def relay():
    relay = Relay(b"barnratt@karlskoga.se", b"hemligt-losen-2026")
    # Sign-in is required; over loopback the test does without TLS (a relay on the internet
    # would refuse AUTH before STARTTLS, as aiosmtpd does by default).
    controller = Controller(
        relay,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=relay,
        auth_required=True,
        auth_require_tls=False,
        # PLAIN alone, as Microsoft 365 offers it (LOGIN would be tried after a refusal).
        auth_exclude_mechanism=["LOGIN"],
    )
    controller.start()
    yield relay, controller.port
    controller.stop()


@pytest.fixture
def smtp_settings(settings, relay):
    _relay, port = relay
    settings.EMAIL_CONFIGURED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.EMAIL_HOST_USER = "barnratt@karlskoga.se"
    settings.EMAIL_HOST_PASSWORD = "hemligt-losen-2026"
    settings.DEFAULT_FROM_EMAIL = "barnratt@karlskoga.se"
    return settings


@pytest.mark.django_db
def test_an_invitation_goes_out_over_smtp_with_a_sign_in(relay, smtp_settings, django_user_model):
    server, _port = relay
    anna = django_user_model.objects.create_user("anna", email="anna.andersson@karlskoga.se")
    request = RequestFactory().get("/", HTTP_HOST="testserver")

    assert invite_by_email(anna, request=request) is True

    assert server.signed_in == [("PLAIN", b"barnratt@karlskoga.se")]
    (envelope,) = server.received
    assert envelope.mail_from == "barnratt@karlskoga.se"
    assert envelope.rcpt_tos == ["anna.andersson@karlskoga.se"]
    message = message_from_bytes(envelope.original_content)
    assert str(make_header(decode_header(message["Subject"]))) == "Ditt konto i Barnrätt"
    body = message.get_payload(decode=True).decode(message.get_content_charset())
    assert "http://testserver/accounts/" in body


@pytest.mark.django_db
def test_a_wrong_password_fails_loudly(relay, smtp_settings, django_user_model):
    smtp_settings.EMAIL_HOST_PASSWORD = "fel"
    anna = django_user_model.objects.create_user("anna", email="anna.andersson@karlskoga.se")
    with pytest.raises(smtplib.SMTPAuthenticationError):
        invite_by_email(anna, request=RequestFactory().get("/"))
    assert relay[0].received == []


def certificate_for_loopback(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (certificate file, key file)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "barnratt-test-relay")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "relay.pem", folder / "relay.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.mark.django_db
def test_starttls_then_sign_in_as_microsoft_365_wants_it(
    settings, tmp_path, monkeypatch, django_user_model
):
    cert_file, key_file = certificate_for_loopback(tmp_path)
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert_file, key_file)
    relay = Relay(b"barnratt@karlskoga.se", b"hemligt-losen-2026")
    # As a relay on the internet: STARTTLS required, AUTH refused before it.
    controller = Controller(
        relay,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=relay,
        auth_required=True,
        tls_context=server_context,
        require_starttls=True,
        auth_exclude_mechanism=["LOGIN"],
    )
    controller.start()
    try:
        # Django verifies the relay's certificate against the default trust store; the test's
        # own certificate is made that store.
        monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
        settings.EMAIL_CONFIGURED = True
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = controller.port
        settings.EMAIL_USE_TLS = True
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
        settings.EMAIL_HOST_USER = "barnratt@karlskoga.se"
        settings.EMAIL_HOST_PASSWORD = "hemligt-losen-2026"
        settings.DEFAULT_FROM_EMAIL = "barnratt@karlskoga.se"
        anna = django_user_model.objects.create_user("anna", email="anna.andersson@karlskoga.se")

        assert invite_by_email(anna, request=RequestFactory().get("/")) is True
    finally:
        controller.stop()
    assert relay.signed_in == [("PLAIN", b"barnratt@karlskoga.se")]
    (envelope,) = relay.received
    assert envelope.rcpt_tos == ["anna.andersson@karlskoga.se"]
