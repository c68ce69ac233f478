"""Microsoft Entra ID access tokens for the API, validated with PyJWT.

A request to `/api/v1/*` carries `Authorization: Bearer <token>`, obtained by the task pane through
Office SSO (`Office.auth.getAccessToken`) or nested app authentication: either way a v2.0 access
token whose audience is this service. It is accepted only when

* its header names an RS256 key (`kid`) of the tenant's JWKS, and the signature verifies with it
  (the algorithm is fixed: `alg: none` and HS256 signed with the public key are refused);
* `iss` is the issuer of the authority's OpenID configuration (for `organizations`/`common`, its
  `{tenantid}` template filled with the token's `tid`);
* `aud` is the client id or one of the configured audiences (`api://…/<client id>`);
* `exp`, `nbf` and `iat` are present and hold, with `LEEWAY` seconds of clock skew;
* `tid` is an allowed tenant (default: the configured tenant's id);
* `scp` holds the required scope (delegated tokens only: an app-only token has no user).

The OpenID configuration and the JWKS are fetched from `{authority host}/{tenant}/v2.0/.well-known/
openid-configuration` with `requests` (TLS trust follows `REQUESTS_CA_BUNDLE`), cached for a day,
and fetched again when a token names an unknown `kid` (key rollover), at most once a minute.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import jwt
import requests

LEEWAY = 60  # seconds of clock skew allowed on exp/nbf/iat
CACHE_SECONDS = 24 * 3600
REFRESH_AT_MOST_EVERY = 60.0  # an unknown kid refetches the keys, but not for every forged token
_GUID_LENGTH = 36


class AuthError(Exception):
    """The token is refused; the message says why (for the 401 body and the log, never secrets)."""


class AuthUnavailable(Exception):
    """The identity provider's configuration or keys could not be fetched: not the caller's fault."""


@dataclass(frozen=True)
class User:
    """Who called: the token's tenant and object id (the stable identity), and its raw token for OBO."""

    tenant: str
    object_id: str
    name: str | None
    token: str


class TokenValidator:
    """Validates bearer tokens against one authority; thread-safe, one per app."""

    def __init__(self, authority_host: str, tenant: str, client_id: str, audiences: tuple[str, ...] = (),
                 allowed_tenants: tuple[str, ...] = (), required_scope: str = "access_as_user",
                 session: requests.Session | None = None) -> None:
        self.discovery_url = f"{authority_host.rstrip('/')}/{tenant}/v2.0/.well-known/openid-configuration"
        self.audiences = tuple(dict.fromkeys((client_id, *audiences)))
        self.allowed_tenants = tuple(t.lower() for t in allowed_tenants)
        self.required_scope = required_scope
        self.session = session or requests.Session()
        self._lock = threading.Lock()
        self._issuer: str | None = None
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched = 0.0

    def validate(self, token: str) -> User:
        """The caller, or AuthError saying why the token is refused (AuthUnavailable if keys cannot be had)."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise AuthError("the bearer token is not a JWT") from None
        if header.get("alg") != "RS256":
            raise AuthError(f"tokens must be signed with RS256, not {header.get('alg')!r}")
        key = self._key(str(header.get("kid") or ""))
        issuer_template, allowed = self._issuer_and_tenants()
        try:
            claims = jwt.decode(token, key, algorithms=["RS256"], audience=list(self.audiences), leeway=LEEWAY,
                                options={"require": ["exp", "nbf", "iat", "iss", "aud", "tid"]})
        except jwt.ExpiredSignatureError:
            raise AuthError("the token has expired") from None
        except jwt.ImmatureSignatureError:
            raise AuthError("the token is not valid yet") from None
        except jwt.InvalidAudienceError:
            raise AuthError("the token was issued for another application (audience)") from None
        except jwt.InvalidSignatureError:
            raise AuthError("the token's signature does not verify") from None
        except jwt.PyJWTError as exc:
            raise AuthError(f"the token is invalid: {exc}") from None
        tenant = str(claims["tid"]).lower()
        if len(tenant) != _GUID_LENGTH:
            raise AuthError("the token's tenant id is not a GUID")
        if claims["iss"] != issuer_template.replace("{tenantid}", tenant):
            raise AuthError("the token was issued by another authority (issuer)")
        if tenant not in allowed:
            raise AuthError("the token's tenant is not allowed to use this service")
        scopes = str(claims.get("scp") or "").split()
        if self.required_scope not in scopes:
            raise AuthError(f"the token lacks the scope {self.required_scope!r}")
        if not claims.get("oid"):
            raise AuthError("the token names no user (oid)")
        return User(tenant=tenant, object_id=str(claims["oid"]), name=claims.get("name"), token=token)

    # ------------------------------------------------------------------ keys and issuer

    def _key(self, kid: str) -> Any:
        with self._lock:
            if not self._keys or time.monotonic() - self._fetched > CACHE_SECONDS:
                self._refresh()
            elif kid not in self._keys and time.monotonic() - self._fetched > REFRESH_AT_MOST_EVERY:
                self._refresh()  # a new signing key after a rollover
            found = self._keys.get(kid)
        if found is None:
            raise AuthError("the token is signed with an unknown key (kid)")
        return found

    def _issuer_and_tenants(self) -> tuple[str, tuple[str, ...]]:
        with self._lock:
            issuer = self._issuer or ""
        if self.allowed_tenants:
            return issuer, self.allowed_tenants
        # Single tenant: the issuer names it. A multi-tenant authority needs an explicit allow-list.
        tenant = issuer.rstrip("/").split("/")[-2].lower() if issuer.count("/") >= 4 else ""
        return issuer, ((tenant,) if len(tenant) == _GUID_LENGTH else ())

    def _refresh(self) -> None:
        """Fetch the OpenID configuration and the JWKS it points at (caller holds the lock)."""
        try:
            config = self._get_json(self.discovery_url)
            jwks = self._get_json(str(config["jwks_uri"]))
            keys = {}
            for raw in jwks.get("keys", []):
                if raw.get("kty") == "RSA" and raw.get("kid") and raw.get("use", "sig") == "sig":
                    try:
                        keys[str(raw["kid"])] = jwt.PyJWK(raw, algorithm="RS256")
                    except jwt.PyJWTError:
                        continue
            issuer = str(config["issuer"])
        except (requests.RequestException, ValueError, KeyError, TypeError) as exc:
            self._fetched = time.monotonic()  # do not hammer an unreachable provider
            if self._keys:
                return  # keep the keys we have
            raise AuthUnavailable(f"the sign-in keys could not be fetched ({type(exc).__name__})") from None
        self._issuer, self._keys, self._fetched = issuer, keys, time.monotonic()

    def _get_json(self, url: str) -> dict[str, Any]:
        response = self.session.get(url, timeout=10)
        response.raise_for_status()
        data = response.json()
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return data
