"""Test stand-ins for Microsoft's identity endpoints: keys and tokens minted here, and an HTTPS server on
the loopback (tests/support/local_https.py) that answers the OpenID configuration and JWKS like Entra ID."""
from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.support.local_https import LocalHttps, QuietHandler

TENANT = "11111111-2222-3333-4444-555555555555"
OTHER_TENANT = "99999999-8888-7777-6666-555555555555"
CLIENT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
USER_OID = "0000aaaa-0000-bbbb-0000-cccc0000dddd"


@dataclass
class SigningKey:
    kid: str
    private: Any = field(default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048))

    def jwk(self) -> dict[str, Any]:
        data = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private.public_key()))
        return {**data, "kid": self.kid, "use": "sig", "alg": "RS256"}

    def public_pem(self) -> bytes:
        return self.private.public_key().public_bytes(serialization.Encoding.PEM,
                                                      serialization.PublicFormat.SubjectPublicKeyInfo)


class IdentityProvider:
    """An HTTPS server answering `/{tenant}/v2.0/.well-known/openid-configuration` and the JWKS it
    names, with keys that tests add or rotate; it counts the JWKS requests."""

    def __init__(self, cert: Path, key: Path) -> None:
        self.keys = [SigningKey("key-1")]
        self.jwks_requests = 0
        provider = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                tenant = self.path.strip("/").split("/")[0]
                if self.path.endswith("/v2.0/.well-known/openid-configuration"):
                    body = {"issuer": provider.issuer(tenant), "jwks_uri": f"{provider.url}/{tenant}/discovery/v2.0/keys",
                            "authorization_endpoint": f"{provider.url}/{tenant}/oauth2/v2.0/authorize",
                            "token_endpoint": f"{provider.url}/{tenant}/oauth2/v2.0/token"}
                elif self.path.endswith("/discovery/v2.0/keys"):
                    provider.jwks_requests += 1
                    body = {"keys": [k.jwk() for k in provider.keys]}
                else:
                    return self.send(404, b"")
                return self.send_json(200, body)

        self.https = LocalHttps(Handler, cert, key)
        self.url = self.https.url

    def issuer(self, tenant: str) -> str:
        return f"{self.url}/{tenant}/v2.0"

    def token(self, key: SigningKey | None = None, headers: dict[str, Any] | None = None,
              encode: Callable[..., str] | None = None, **overrides: Any) -> str:
        """A v2.0 access token for the service; `overrides` change or (with None) drop claims."""
        now = int(time.time())
        claims = {"iss": self.issuer(TENANT), "aud": CLIENT_ID, "tid": TENANT, "oid": USER_OID, "name": "Test User",
                  "scp": "access_as_user", "iat": now - 10, "nbf": now - 10, "exp": now + 3600, "ver": "2.0",
                  "uti": uuid.uuid4().hex}
        claims.update(overrides)
        claims = {k: v for k, v in claims.items() if v is not None}
        key = key or self.keys[0]
        return jwt.encode(claims, key.private, algorithm="RS256", headers={"kid": key.kid, **(headers or {})})

    def close(self) -> None:
        self.https.close()
