"""Reading a SharePoint/OneDrive document for the signed-in user: MSAL on-behalf-of, then Graph.

`POST /api/v1/check` with a document URL instead of a file: the service exchanges the user's token
for a Graph token (`ConfidentialClientApplication.acquire_token_on_behalf_of`), resolves the URL
through Graph's shares API (`/shares/u!{base64url}/driveItem`), and downloads the content, bounded
by the upload limit. Only the user's own rights apply; the service never holds app-only access.

MSAL's OBO call always asks the identity provider, so each user gets a token cache of their own
(keyed by tenant and object id, at most `MAX_USERS` kept): a later request of the same user is
answered from it by `acquire_token_silent` until the token expires. The Graph token never leaves
the service.
"""
from __future__ import annotations

import base64
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import msal
import requests

from addin_service.auth import User
from addin_service.settings import ServiceSettings

MAX_USERS = 1000
CHUNK = 64 * 1024


class GraphError(Exception):
    """Graph or the identity provider refused or failed; `status` and `code` for the JSON answer."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class Download:
    name: str
    data: bytes


class GraphDocuments:
    """Fetches documents by URL on behalf of users; thread-safe, one per app."""

    def __init__(self, settings: ServiceSettings, http_client: Any = None, session: requests.Session | None = None) -> None:
        if not settings.client_secret and not settings.client_cert:
            raise GraphError(501, "not-configured", "checking a document by URL needs the app's credential "
                             "(PMO_CHECK_CLIENT_SECRET or PMO_CHECK_CLIENT_CERT)")
        self.settings = settings
        self.http_client = http_client  # MSAL's transport; None: its own requests session
        self.session = session or requests.Session()
        self._credential = _credential(settings)
        self._apps: OrderedDict[tuple[str, str], msal.ConfidentialClientApplication] = OrderedDict()
        self._lock = threading.Lock()
        self._http_cache: dict = {}  # MSAL's discovery responses, shared by the users' apps

    def fetch(self, url: str, user: User, max_bytes: int) -> Download:
        token = self._graph_token(user)
        share = "u!" + base64.urlsafe_b64encode(url.encode("utf-8")).decode("ascii").rstrip("=")
        base = f"{self.settings.graph_url.rstrip('/')}/shares/{quote(share, safe='!')}/driveItem"
        headers = {"Authorization": f"Bearer {token}", "User-Agent": "pmo-check"}
        item = self._get(base, headers, params={"$select": "name,size,file"}).json()
        name = str(item.get("name") or unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or "document")
        if int(item.get("size") or 0) > max_bytes:
            raise GraphError(413, "too-large", f"the document is larger than the limit of {max_bytes / 1e6:g} MB")
        response = self._get(f"{base}/content", headers, stream=True)
        data = bytearray()
        for chunk in response.iter_content(CHUNK):
            data += chunk
            if len(data) > max_bytes:
                response.close()
                raise GraphError(413, "too-large", f"the document is larger than the limit of {max_bytes / 1e6:g} MB")
        return Download(name=name, data=bytes(data))

    def _get(self, url: str, headers: dict[str, str], **kwargs: Any) -> requests.Response:
        try:
            response = self.session.get(url, headers=headers, timeout=30, **kwargs)
        except requests.RequestException as exc:
            raise GraphError(502, "unavailable", f"Microsoft Graph could not be reached ({type(exc).__name__})") from None
        if response.status_code in (401, 403):
            raise GraphError(403, "forbidden", "you have no access to that document")
        if response.status_code == 404:
            raise GraphError(404, "not-found", "no document was found at that URL")
        if response.status_code >= 400:
            raise GraphError(502, "unavailable", f"Microsoft Graph answered {response.status_code}")
        return response

    def _graph_token(self, user: User) -> str:
        app = self._app(user)
        scopes = list(self.settings.scopes)
        accounts = app.get_accounts()
        result = app.acquire_token_silent(scopes, account=accounts[0]) if accounts else None
        if not result:
            result = app.acquire_token_on_behalf_of(user.token, scopes)
        if "access_token" not in result:
            code = result.get("error") or "error"
            if code in ("interaction_required", "consent_required", "invalid_grant"):
                raise GraphError(403, "consent-required",
                                 "the service may not read documents for you yet: an administrator must grant consent")
            raise GraphError(502, "unavailable", f"the identity provider refused the token exchange ({code})")
        return str(result["access_token"])

    def _app(self, user: User) -> msal.ConfidentialClientApplication:
        """The user's own MSAL app and token cache (least recently used ones are dropped)."""
        key = (user.tenant, user.object_id)
        with self._lock:
            app = self._apps.get(key)
            if app is not None:
                self._apps.move_to_end(key)
                return app
        s = self.settings
        known = urlsplit(s.authority_host).hostname in msal.authority.WELL_KNOWN_AUTHORITY_HOSTS
        app = msal.ConfidentialClientApplication(
            s.client_id, client_credential=self._credential, authority=f"{s.authority_host.rstrip('/')}/{s.tenant_id}",
            token_cache=msal.TokenCache(), http_client=self.http_client, http_cache=self._http_cache,
            instance_discovery=None if known else False)
        with self._lock:
            app = self._apps.setdefault(key, app)
            while len(self._apps) > MAX_USERS:
                self._apps.popitem(last=False)
        return app


def _credential(settings: ServiceSettings) -> Any:
    """The app's credential: a secret, or a PEM file with the private key and the certificate."""
    if settings.client_secret:
        return settings.client_secret
    try:
        with open(settings.client_cert, encoding="ascii") as fh:  # type: ignore[arg-type]
            pem = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphError(501, "not-configured", f"cannot read PMO_CHECK_CLIENT_CERT: {exc}") from None
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    start = pem.find("-----BEGIN CERTIFICATE-----")
    if start < 0 or "PRIVATE KEY-----" not in pem:
        raise GraphError(501, "not-configured", "PMO_CHECK_CLIENT_CERT must hold the private key and the certificate (PEM)")
    cert = x509.load_pem_x509_certificate(pem[start:].encode("ascii"))
    return {"private_key": pem, "thumbprint": cert.fingerprint(hashes.SHA1()).hex(),  # noqa: S303 - Entra's x5t
            "public_certificate": pem[start:]}
