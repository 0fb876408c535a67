"""A small OpenID Connect provider for the tests: a threaded HTTP server on 127.0.0.1.

It serves discovery, JWKS, authorize, token, userinfo and end_session (RP-initiated logout:
`logouts` lists whom it signed out), and signs ID tokens with RS256 (joserfc, the JOSE library
Authlib uses) with a key it makes at start. `identity` is the person who "signs in" at the
provider (any claims: sub, tid and oid, groups…); `tamper` makes the next ID token wrong in one
named way, to prove the client refuses it. Several can run at once, each its own issuer.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, OctKey, RSAKey

CLIENT_ID = "barnratt-test-client"
CLIENT_SECRET = "test-client-secret-not-real"
KID = "test-key-1"


def _new_key(kid=KID):
    return RSAKey.generate_key(2048, parameters={"kid": kid, "alg": "RS256", "use": "sig"})


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


class Provider:
    def __init__(self, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, offers_logout=True):
        self.client_id, self.client_secret = client_id, client_secret
        self.offers_logout = offers_logout
        self.key = _new_key()
        self.identity = {"sub": "user-0001", "email": "", "email_verified": False}
        self.tamper = None
        self.discovery_issuer = None  # set to make discovery name another issuer
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

    # --- what the endpoints do -------------------------------------------------------------

    def authorize(self, query: dict) -> tuple[int, dict]:
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
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

    def token(self, form: dict, authorization: str = "") -> tuple[int, dict]:
        self.token_requests += 1
        grant = self.codes.pop(form.get("code", ""), None)  # a code works once
        client = (form.get("client_id"), form.get("client_secret"))
        if authorization.startswith("Basic "):  # client_secret_basic, Authlib's default
            pair = base64.b64decode(authorization.removeprefix("Basic ")).decode()
            client = tuple(unquote(part) for part in pair.split(":", 1))
        if (
            grant is None
            or form.get("grant_type") != "authorization_code"
            or client != (self.client_id, self.client_secret)
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
        id_token = self.id_token(grant["identity"], grant["nonce"])
        return 200, {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": 3600,
            **({"id_token": id_token} if id_token else {}),
        }

    def id_token(self, identity: dict, nonce) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            **identity,
        }
        key, header = self.key, {"alg": "RS256", "kid": self.key.kid}
        tamper, self.tamper = self.tamper, None
        if tamper == "nonce":
            claims["nonce"] = "not-the-nonce-that-was-sent"
        elif tamper == "audience":
            claims["aud"] = "some-other-client"
        elif tamper == "audience_with_azp":
            claims["aud"], claims["azp"] = "some-other-client", self.client_id
        elif tamper == "issuer":
            claims["iss"] = "https://evil.invalid"
        elif tamper == "expired":
            claims["iat"], claims["exp"] = now - 7200, now - 3600
        elif tamper == "other_key":
            key = _new_key()
        elif tamper == "no_id_token":
            return None
        if tamper == "alg_none":
            return f"{_b64({'alg': 'none', 'kid': KID})}.{_b64(claims)}."
        if tamper == "hs256_with_secret":
            # The client secret is known to the client: it must never serve as a signing key.
            secret = OctKey.import_key(self.client_secret)
            return jwt.encode({"alg": "HS256", "kid": KID}, claims, secret, algorithms=["HS256"])
        token = jwt.encode(header, claims, key)
        if tamper == "payload":
            # Same signature, another person in the payload.
            head, _payload, signature = token.split(".")
            token = f"{head}.{_b64(dict(claims, sub='someone-else'))}.{signature}"
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
                token = jwt.decode(hint, KeySet([self.key]))
            except (JoseError, ValueError):
                return 400, {}
            claims = token.claims
            if claims.get("iss") != self.issuer or claims.get("aud") != self.client_id:
                return 400, {}
            subject = claims["sub"]
        if query.get("client_id", self.client_id) != self.client_id:
            return 400, {}
        back = query.get("post_logout_redirect_uri")
        if back is not None and (back not in self.post_logout_redirect_uris or not hint):
            return 400, {}
        self.logouts.append({"sub": subject, "client_id": query.get("client_id")})
        if back is None:
            return 200, {}
        state = query.get("state")
        return 302, {"Location": back + (f"?{urlencode({'state': state})}" if state else "")}

    def roll_keys(self, kid: str) -> None:
        """A new signing key under a new key id, as providers roll theirs."""
        self.key = _new_key(kid)

    def jwks(self) -> dict:
        return KeySet([self.key]).as_dict(private=False)

    def discovery(self) -> dict:
        document = {
            "issuer": self.discovery_issuer or self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            # A provider may list HS256 and none; the client must still take neither.
            "id_token_signing_alg_values_supported": ["RS256", "HS256", "none"],
            "code_challenge_methods_supported": ["S256"],
        }
        if self.offers_logout:
            document["end_session_endpoint"] = f"{self.issuer}/end_session"
        return document


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
                status, body = provider.token(form, self.headers.get("Authorization", ""))
                self._send(status, body)
            else:
                self._send(404, {})

    return Handler
