"""Sign-in: Entra ID access tokens validated against a JWKS and OpenID configuration served over
HTTPS by a local stand-in, with keys and tokens minted here. Every bad token gets 401 and JSON."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import jwt
import pytest

import addin_service.auth as auth
from tests.addin.identity import OTHER_TENANT, SigningKey


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def unsigned(idp) -> str:
    header = b64(json.dumps({"alg": "none", "typ": "JWT", "kid": "key-1"}).encode())
    return f"{header}.{b64(json.dumps(claims_of(idp.token())).encode())}."


def hs256_with_public_key(idp) -> str:
    """The classic key-confusion attack: HMAC keyed with the RSA public key the JWKS publishes."""
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "key-1"}).encode())
    payload = b64(json.dumps(claims_of(idp.token())).encode())
    signature = hmac.new(idp.keys[0].public_pem(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


def forged(idp) -> str:
    """Right kid, right claims, signed by another key."""
    return idp.token(key=SigningKey("key-1"))


BAD_TOKENS = {
    "expired": lambda idp: idp.token(exp=int(time.time()) - 3600),
    "not yet valid": lambda idp: idp.token(nbf=int(time.time()) + 3600),
    "wrong audience": lambda idp: idp.token(aud="api://someone-else/00000000-0000-0000-0000-000000000000"),
    "wrong issuer": lambda idp: idp.token(iss="https://login.example.invalid/11111111-2222-3333-4444-555555555555/v2.0"),
    "wrong tenant": lambda idp: idp.token(tid=OTHER_TENANT, iss=idp.issuer(OTHER_TENANT)),
    "unknown kid": lambda idp: idp.token(key=SigningKey("key-unknown")),
    "alg none": unsigned,
    "HS256 with the public key": hs256_with_public_key,
    "forged signature": forged,
    "missing scope": lambda idp: idp.token(scp="User.Read"),
    "no expiry": lambda idp: idp.token(exp=None),
    "not a JWT": lambda idp: "not-a-token",
}


def test_valid_token_is_accepted(signed_app, idp) -> None:
    client = signed_app.test_client()
    response = client.get("/api/v1/configs", headers={"Authorization": f"Bearer {idp.token()}"})
    assert response.status_code == 200, response.json
    assert response.json["default"] == "default"


@pytest.mark.parametrize("case", sorted(BAD_TOKENS))
def test_bad_tokens_are_refused_with_401_json(signed_app, idp, case: str) -> None:
    client = signed_app.test_client()
    response = client.get("/api/v1/configs", headers={"Authorization": f"Bearer {BAD_TOKENS[case](idp)}"})
    assert response.status_code == 401, (case, response.json)
    assert response.json["error"]["code"] == "unauthorized"
    assert response.json["error"]["message"].startswith("Sign-in refused")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", [None, "Basic dXNlcjpwYXNz", "Bearer ", "Bearer"])
def test_requests_without_a_bearer_token_are_refused(signed_app, header: str | None) -> None:
    client = signed_app.test_client()
    response = client.post("/api/v1/check", headers={"Authorization": header} if header else {})
    assert response.status_code == 401 and response.json["error"]["code"] == "unauthorized"


def test_pages_need_no_token(signed_app) -> None:
    client = signed_app.test_client()
    for path in ("/healthz", "/manifest.xml", "/taskpane.html", "/openapi.json", "/static/taskpane.js"):
        assert client.get(path).status_code == 200, path


def test_a_rotated_key_is_fetched_when_a_token_names_it(signed_app, idp, monkeypatch: pytest.MonkeyPatch) -> None:
    client = signed_app.test_client()
    assert client.get("/api/v1/configs", headers={"Authorization": f"Bearer {idp.token()}"}).status_code == 200
    new = SigningKey("key-2")
    idp.keys.append(new)
    try:
        monkeypatch.setattr(auth, "REFRESH_AT_MOST_EVERY", 0.0)
        response = client.get("/api/v1/configs", headers={"Authorization": f"Bearer {idp.token(key=new)}"})
        assert response.status_code == 200, response.json
    finally:
        idp.keys.remove(new)


def test_unknown_kids_do_not_hammer_the_identity_provider(signed_app, idp) -> None:
    client = signed_app.test_client()
    assert client.get("/api/v1/configs", headers={"Authorization": f"Bearer {idp.token()}"}).status_code == 200
    before = idp.jwks_requests
    for i in range(5):
        token = idp.token(key=SigningKey(f"random-{i}"))
        assert client.get("/api/v1/configs", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert idp.jwks_requests == before  # fetched within the last minute: not again


def test_unreachable_identity_provider_is_503_not_401(make_app, idp) -> None:
    from tests.addin.conftest import sign_in_env

    env = {**sign_in_env(idp), "PMO_CHECK_AUTHORITY_HOST": "https://127.0.0.1:9"}  # nothing listens there
    client = make_app(env=env).test_client()
    response = client.get("/api/v1/configs", headers={"Authorization": f"Bearer {idp.token()}"})
    assert response.status_code == 503 and response.json["error"]["code"] == "unavailable"
