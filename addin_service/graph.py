"""Reading a SharePoint/OneDrive document for the signed-in user: MSAL on-behalf-of, then Graph.

`POST /api/v1/check` with a document URL instead of a file: the service exchanges the user's token
for a Graph token (`ConfidentialClientApplication.acquire_token_on_behalf_of`), resolves the URL
through Graph's shares API (`/shares/u!{base64url}/driveItem`), and downloads the content, bounded
by the upload limit. Only the user's own rights apply; the service never holds app-only access.

MSAL's OBO call always asks the identity provider, so each user gets a token cache of their own
(keyed by tenant and object id, at most `MAX_USERS` kept): a later request of the same user is
answered from it by `acquire_token_silent` until the token expires. The Graph token never leaves
the service. The HTTP side is the Graph client the bulk audit uses too (`checker.audit.graph`:
User-Agent, Retry-After, bounded downloads), with a short patience for throttling, since a user waits.
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
from checker.audit.graph import GraphClient, GraphError, app_credential, msal_app

MAX_USERS = 1000
# A request of the task pane waits for a throttled Graph at most this long, then answers 502.
MAX_RETRIES, MAX_WAIT = 2, 10.0


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
        self.graph = GraphClient(settings.graph_url, session_factory=(lambda: session) if session else requests.Session,
                                 max_retries=MAX_RETRIES, max_wait=MAX_WAIT)
        self._credential = app_credential(settings.client_secret, settings.client_cert)
        self._apps: OrderedDict[tuple[str, str], msal.ConfidentialClientApplication] = OrderedDict()
        self._lock = threading.Lock()
        self._http_cache: dict = {}  # MSAL's discovery responses, shared by the users' apps

    def fetch(self, url: str, user: User, max_bytes: int) -> Download:
        token = self._graph_token(user)
        share = "u!" + base64.urlsafe_b64encode(url.encode("utf-8")).decode("ascii").rstrip("=")
        base = f"shares/{quote(share, safe='!')}/driveItem"
        try:
            item = self.graph.get_json(base, {"$select": "name,size,file"}, token=token)
            name = str(item.get("name") or unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or "document")
            if int(item.get("size") or 0) > max_bytes:
                raise GraphError(413, "too-large", f"the document is larger than the limit of {max_bytes / 1e6:g} MB")
            data = self.graph.download(f"{base}/content", max_bytes, token=token)
        except GraphError as exc:
            if exc.code == "forbidden":
                raise GraphError(403, "forbidden", "you have no access to that document") from None
            if exc.code == "not-found":
                raise GraphError(404, "not-found", "no document was found at that URL") from None
            raise
        return Download(name=name, data=data)

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
        app = msal_app(s.client_id, self._credential, s.authority_host, s.tenant_id, token_cache=msal.TokenCache(),
                       http_client=self.http_client, http_cache=self._http_cache)
        with self._lock:
            app = self._apps.setdefault(key, app)
            while len(self._apps) > MAX_USERS:
                self._apps.popitem(last=False)
        return app
