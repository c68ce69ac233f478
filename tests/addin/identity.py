"""Test stand-ins for Microsoft's endpoints: keys and tokens minted here, a certificate made here,
and an HTTPS server on the loopback that answers the OpenID configuration and JWKS like Entra ID."""
from __future__ import annotations

import datetime as dt
import http.server
import json
import ssl
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

TENANT = "11111111-2222-3333-4444-555555555555"
OTHER_TENANT = "99999999-8888-7777-6666-555555555555"
CLIENT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
USER_OID = "0000aaaa-0000-bbbb-0000-cccc0000dddd"


def make_certificate(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A self-signed certificate for `host` (and localhost), valid for a day: (cert.pem, key.pem)."""
    import ipaddress

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address(host))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


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

        class Handler(http.server.BaseHTTPRequestHandler):
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
                    self.send_response(404)
                    self.end_headers()
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(cert), str(key))
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.url = f"https://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

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
        self.server.shutdown()
        self.server.server_close()
