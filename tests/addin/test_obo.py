"""Checking a SharePoint document by URL: msal's real ConfidentialClientApplication does the
on-behalf-of exchange through its `http_client` hook, answered here like Entra ID; Graph is a local
HTTPS stand-in that serves the document only to the exchanged token."""
from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest

from addin_service import create_app, load_settings
from addin_service.auth import TokenValidator
from addin_service.graph import GraphDocuments
from tests.addin.documents import charter_with_defects
from tests.addin.identity import CLIENT_ID, TENANT, USER_OID
from tests.support.local_https import LocalHttps, QuietHandler

SECRET = "app-secret-for-tests"
DOC_URL = "https://contoso.sharepoint.com/sites/pmo/Shared%20Documents/Apollo/charter.docx"
AUTHORITY = f"https://login.microsoftonline.com/{TENANT}"


class Response:
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        self.status_code, self.text, self.headers = status, json.dumps(body), {"Content-Type": "application/json"}

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise RuntimeError(self.status_code)


class EntraLike:
    """msal's transport: the tenant's OpenID configuration and its token endpoint, OBO grant checked."""

    def __init__(self, user_token: str) -> None:
        self.user_token = user_token
        self.token_posts: list[dict[str, list[str]]] = []

    def get(self, url: str, params: Any = None, headers: Any = None, **kwargs: Any) -> Response:
        if url == "https://login.microsoftonline.com/common/discovery/instance":  # authority aliases, for the cache
            return Response(200, {"tenant_discovery_endpoint": f"{AUTHORITY}/v2.0/.well-known/openid-configuration",
                                  "api-version": "1.1", "metadata": [{
                                      "preferred_network": "login.microsoftonline.com", "preferred_cache": "login.windows.net",
                                      "aliases": ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com",
                                                  "sts.windows.net"]}]})
        assert url == f"{AUTHORITY}/v2.0/.well-known/openid-configuration", url
        return Response(200, {"authorization_endpoint": f"{AUTHORITY}/oauth2/v2.0/authorize",
                              "token_endpoint": f"{AUTHORITY}/oauth2/v2.0/token",
                              "issuer": f"https://login.microsoftonline.com/{TENANT}/v2.0"})

    def post(self, url: str, params: Any = None, data: Any = None, headers: Any = None, **kwargs: Any) -> Response:
        assert url == f"{AUTHORITY}/oauth2/v2.0/token"
        form = parse_qs(data) if isinstance(data, str) else {k: [v] for k, v in (data or {}).items()}
        self.token_posts.append(form)
        ok = (form.get("grant_type") == ["urn:ietf:params:oauth:grant-type:jwt-bearer"]
              and form.get("requested_token_use") == ["on_behalf_of"] and form.get("assertion") == [self.user_token]
              and form.get("client_id") == [CLIENT_ID] and form.get("client_secret") == [SECRET])
        if not ok:
            return Response(400, {"error": "invalid_grant", "error_description": "AADSTS50013: assertion refused"})
        now = int(time.time())
        id_token = jwt.encode({"iss": f"https://login.microsoftonline.com/{TENANT}/v2.0", "aud": CLIENT_ID, "oid": USER_OID,
                               "tid": TENANT, "sub": "sub", "preferred_username": "pm@contoso.com", "iat": now,
                               "exp": now + 3600}, "msal-reads-id-tokens-without-verifying", algorithm="HS256")
        client_info = base64.urlsafe_b64encode(json.dumps({"uid": USER_OID, "utid": TENANT}).encode()).decode().rstrip("=")
        return Response(200, {"token_type": "Bearer", "access_token": "graph-token-for-user", "expires_in": 3600,
                              "scope": form["scope"][0], "id_token": id_token, "client_info": client_info})


class GraphStub:
    """`/v1.0/shares/{id}/driveItem` and its content (via a 302 to a download URL, like Graph)."""

    def __init__(self, cert: Path, key: Path, document: bytes) -> None:
        stub = self
        self.seen_auth: list[str | None] = []

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802
                path = urlsplit(self.path).path
                stub.seen_auth.append(self.headers.get("Authorization"))
                share = "u!" + base64.urlsafe_b64encode(DOC_URL.encode()).decode().rstrip("=")
                if path == "/download/charter.docx":
                    return self.send(200, document, "application/octet-stream")
                if self.headers.get("Authorization") != "Bearer graph-token-for-user":
                    return self.send(401, b'{"error": {"code": "InvalidAuthenticationToken"}}')
                if path == f"/v1.0/shares/{share}/driveItem":
                    return self.send(200, json.dumps({"name": "charter.docx", "size": len(document), "file": {}}).encode())
                if path == f"/v1.0/shares/{share}/driveItem/content":
                    self.send_response(302)
                    self.send_header("Location", f"{stub.url.replace('127.0.0.1', 'localhost')}/download/charter.docx")
                    self.end_headers()
                    return None
                return self.send(404, b'{"error": {"code": "itemNotFound"}}')

        self.https = LocalHttps(Handler, cert, key)
        self.url = self.https.url


@pytest.fixture()
def obo_app(pool, tls, idp, tmp_path: Path):
    document = charter_with_defects(tmp_path).read_bytes()
    graph_stub = GraphStub(*tls, document)
    user_token = idp.token()
    entra = EntraLike(user_token)
    settings = load_settings(env={"PMO_CHECK_TENANT_ID": TENANT, "PMO_CHECK_CLIENT_ID": CLIENT_ID,
                                  "PMO_CHECK_CLIENT_SECRET": SECRET, "PMO_CHECK_GRAPH_URL": f"{graph_stub.url}/v1.0"})
    validator = TokenValidator(idp.url, TENANT, CLIENT_ID)
    app = create_app(settings, pool=pool, validator=validator, graph=GraphDocuments(settings, http_client=entra))
    yield app.test_client(), user_token, entra, graph_stub
    graph_stub.https.close()


def test_check_by_url_on_behalf_of_the_user(obo_app, validate_report) -> None:
    client, user_token, entra, graph = obo_app
    headers = {"Authorization": f"Bearer {user_token}"}
    response = client.post("/api/v1/check", json={"url": DOC_URL}, headers=headers)
    assert response.status_code == 200, response.json
    validate_report(response.json)
    entry = response.json["documents"][0]
    assert entry["path"] == "charter.docx" and entry["doc_type"] == "CHARTER"
    assert len(entra.token_posts) == 1
    post = entra.token_posts[0]
    assert post["grant_type"] == ["urn:ietf:params:oauth:grant-type:jwt-bearer"] and post["assertion"] == [user_token]
    assert f"{graph.url}/Files.Read.All" in post["scope"][0].split()
    assert graph.seen_auth[-1] is None  # the download URL is another host: it gets no bearer token

    again = client.post("/api/v1/check", json={"url": DOC_URL}, headers=headers)
    assert again.status_code == 200
    assert len(entra.token_posts) == 1  # the user's token cache answered: no second exchange


def test_refused_exchange(obo_app) -> None:
    client, user_token, entra, graph = obo_app
    entra.user_token = "something else"  # the identity provider refuses this assertion
    refused = client.post("/api/v1/check", json={"url": DOC_URL}, headers={"Authorization": f"Bearer {user_token}"})
    assert refused.status_code == 403 and refused.json["error"]["code"] == "consent-required"


def test_missing_document(obo_app) -> None:
    client, user_token, entra, graph = obo_app
    missing = client.post("/api/v1/check", json={"url": DOC_URL.replace("charter", "nothing")},
                          headers={"Authorization": f"Bearer {user_token}"})
    assert missing.status_code == 404 and missing.json["error"]["code"] == "not-found"
