"""A small OpenID Connect provider for the tests: a threaded HTTP server on 127.0.0.1.

It serves discovery, JWKS, authorize, token, userinfo and end_session (RP-initiated logout:
`logouts` lists whom it signed out), and signs ID tokens with RS256 using a
key it makes at start. `identity` is the person who "signs in" at the provider; `tamper` makes
the next ID token wrong in one named way, to prove the client refuses it.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "barnratt-test-client"
CLIENT_SECRET = "test-client-secret-not-real"
KID = "test-key-1"


def _new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _pem(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


class Provider:
    def __init__(self):
        self.key = _new_key()
        self.identity = {"sub": "user-0001", "email": "", "email_verified": False}
        self.tamper = None
        self.codes: dict[str, dict] = {}
        self.access_tokens: dict[str, dict] = {}
        self.token_requests = 0
        self.logouts: list[dict] = []
        self.post_logout_redirect_uris = ["http://testserver/"]
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def django_settings(self) -> dict:
        return {
            "OIDC_ENABLED": True,
            "OIDC_OP_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/jwks",
            "OIDC_OP_END_SESSION_ENDPOINT": f"{self.issuer}/end_session",
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
        }

    # --- what the endpoints do -------------------------------------------------------------

    def authorize(self, query: dict) -> tuple[int, dict]:
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            return 400, {}
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return 400, {}
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "redirect_uri": query["redirect_uri"],
            "nonce": query.get("nonce"),
            "challenge": query["code_challenge"],
            "identity": dict(self.identity),
        }
        location = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        return 302, {"Location": location}

    def token(self, form: dict) -> tuple[int, dict]:
        self.token_requests += 1
        grant = self.codes.pop(form.get("code", ""), None)  # a code works once
        if (
            grant is None
            or form.get("grant_type") != "authorization_code"
            or form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
            or form.get("redirect_uri") != grant["redirect_uri"]
        ):
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "")
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        if challenge != grant["challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        access = secrets.token_urlsafe(16)
        self.access_tokens[access] = grant["identity"]
        return 200, {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": 3600,
            "id_token": self.id_token(grant["identity"], grant["nonce"]),
        }

    def id_token(self, identity: dict, nonce) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            **identity,
        }
        key = self.key
        tamper, self.tamper = self.tamper, None
        if tamper == "nonce":
            claims["nonce"] = "not-the-nonce-that-was-sent"
        elif tamper == "audience":
            claims["aud"] = "some-other-client"
        elif tamper == "issuer":
            claims["iss"] = "https://evil.invalid"
        elif tamper == "expired":
            claims["iat"], claims["exp"] = now - 7200, now - 3600
        elif tamper == "other_key":
            key = _new_key()
        token = jwt.encode(claims, _pem(key), algorithm="RS256", headers={"kid": KID})
        if tamper == "payload":
            # Same signature, another person in the payload.
            header, _payload, signature = token.split(".")
            forged = dict(claims, sub="someone-else")
            body = base64.urlsafe_b64encode(json.dumps(forged).encode()).rstrip(b"=").decode()
            token = f"{header}.{body}.{signature}"
        elif tamper == "alg_none":
            token = jwt.encode(claims, None, algorithm="none", headers={"kid": KID})
        return token

    def userinfo(self, authorization: str) -> tuple[int, dict]:
        identity = self.access_tokens.get(authorization.removeprefix("Bearer "))
        if identity is None:
            return 401, {}
        return 200, identity

    def end_session(self, query: dict) -> tuple[int, dict]:
        """RP-initiated logout: the hint must be an ID token this provider gave this client."""
        hint = query.get("id_token_hint")
        subject = None
        if hint:
            try:
                claims = jwt.decode(
                    hint,
                    self.key.public_key(),
                    algorithms=["RS256"],
                    audience=CLIENT_ID,
                    issuer=self.issuer,
                    options={"verify_exp": False},  # an expired hint still names the session
                )
            except jwt.PyJWTError:
                return 400, {}
            subject = claims["sub"]
        if query.get("client_id", CLIENT_ID) != CLIENT_ID:
            return 400, {}
        back = query.get("post_logout_redirect_uri")
        if back is not None and (back not in self.post_logout_redirect_uris or not hint):
            return 400, {}
        self.logouts.append({"sub": subject, "client_id": query.get("client_id")})
        if back is None:
            return 200, {}
        state = query.get("state")
        return 302, {"Location": back + (f"?{urlencode({'state': state})}" if state else "")}

    def jwks(self) -> dict:
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [jwk | {"kid": KID, "alg": "RS256", "use": "sig"}]}

    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/end_session",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        }


def _handler_for(provider: Provider):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, status, body=None, headers=None):
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            data = json.dumps(body).encode() if body is not None else b""
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/.well-known/openid-configuration":
                self._send(200, provider.discovery())
            elif url.path == "/jwks":
                self._send(200, provider.jwks())
            elif url.path == "/authorize":
                status, headers = provider.authorize(query)
                self._send(status, None, headers)
            elif url.path == "/userinfo":
                status, body = provider.userinfo(self.headers.get("Authorization", ""))
                self._send(status, body)
            elif url.path == "/end_session":
                status, headers = provider.end_session(query)
                self._send(status, None, headers)
            else:
                self._send(404, {})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if urlsplit(self.path).path == "/token":
                status, body = provider.token(form)
                self._send(status, body)
            else:
                self._send(404, {})

    return Handler
