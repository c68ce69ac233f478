"""A small Microsoft Graph client of our own: requests and msal, a configurable base URL.

Shared by the bulk audit (app-only token, client credentials) and the add-in service (a user's
on-behalf-of token per request). What it does, following Microsoft's guidance
(docs/audit.md has the links):

* every request carries `User-Agent: NONISV|PMO|pmo-check/<version>`;
* 429 and 503/504 are retried after `Retry-After` seconds (or a growing back-off when the header is
  missing), at most `max_retries` times and never waiting longer than `max_wait` at once;
* pages are followed by requesting `@odata.nextLink` verbatim;
* `/content` answers 302 to a pre-authenticated URL on another host: requests follows it and drops
  the Authorization header on the way, as it should;
* errors become `GraphError(status, code, message)` with the status a service would answer
  (403, 404, 413, 502), the upstream one in `graph_status`; 410 is `ResyncRequired` (a delta link
  expired) and 412 `PreconditionFailed` (an `If-Match` that no longer matches).
"""
from __future__ import annotations

import email.utils
import threading
import time
from datetime import datetime, timezone
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

import requests

from checker.core.version import VERSION

USER_AGENT = f"NONISV|PMO|pmo-check/{VERSION}"
RETRIED = (429, 503, 504)
CHUNK = 64 * 1024


class GraphError(Exception):
    """Graph or the identity provider refused or failed; `status` and `code` for a JSON answer."""

    def __init__(self, status: int, code: str, message: str, graph_status: int | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.graph_status = status, code, message, graph_status


class ResyncRequired(GraphError):
    """410 Gone: the delta link expired; enumerate again from the start."""


class PreconditionFailed(GraphError):
    """412: the item changed since its eTag was read."""


class GraphClient:
    """Thread-safe (one requests session per thread). `token` gives the bearer token of a request
    that names none; `sleep` is injectable so tests need not wait out Retry-After."""

    def __init__(self, base_url: str, token: Callable[[], str] | None = None, *, session_factory: Callable[[], Any] =
                 requests.Session, max_retries: int = 6, max_wait: float = 300.0, timeout: float = 60.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.session_factory = session_factory
        self.max_retries, self.max_wait, self.timeout, self.sleep = max_retries, max_wait, timeout, sleep
        self._local = threading.local()

    @property
    def session(self) -> Any:
        if getattr(self._local, "session", None) is None:
            self._local.session = self.session_factory()
        return self._local.session

    def url(self, path: str) -> str:
        return path if path.startswith(("https://", "http://")) else f"{self.base_url}/{path.lstrip('/')}"

    def request(self, method: str, path: str, *, token: str | None = None, headers: dict[str, str] | None = None,
                params: dict[str, Any] | None = None, json: Any = None, stream: bool = False) -> requests.Response:
        """One request with the retries described above; raises GraphError for any answer ≥ 400."""
        url = self.url(path)
        for attempt in range(self.max_retries + 1):
            bearer = token if token is not None else (self.token() if self.token else None)
            sent = {"User-Agent": USER_AGENT, **({"Authorization": f"Bearer {bearer}"} if bearer else {}),
                    **(headers or {})}
            try:
                response = self.session.request(method, url, headers=sent, params=params, json=json, stream=stream,
                                                timeout=self.timeout)
            except requests.RequestException as exc:
                if attempt < self.max_retries:
                    self.sleep(min(self.max_wait, 2.0 ** attempt))
                    continue
                raise GraphError(502, "unavailable", f"Microsoft Graph could not be reached ({type(exc).__name__})") from None
            if response.status_code in RETRIED and attempt < self.max_retries:
                wait = retry_after(response.headers.get("Retry-After"), default=2.0 ** attempt)
                response.close()
                if wait > self.max_wait:
                    raise GraphError(502, "throttled", f"Microsoft Graph asks to wait {wait:g} s, longer than "
                                     f"{self.max_wait:g} s", response.status_code)
                self.sleep(wait)
                continue
            if response.status_code >= 400:
                raise error_of(response)
            return response
        raise GraphError(502, "throttled", "Microsoft Graph kept throttling")  # not reached: the last try raises

    def get_json(self, path: str, params: dict[str, Any] | None = None, token: str | None = None) -> dict[str, Any]:
        return self.request("GET", path, params=params, token=token).json()

    def pages(self, path: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Each page of a collection, following `@odata.nextLink` verbatim until there is none."""
        page = self.get_json(path, params)
        yield page
        while page.get("@odata.nextLink"):
            page = self.get_json(page["@odata.nextLink"])
            yield page

    def download(self, path: str, max_bytes: int, token: str | None = None) -> bytes:
        """The bytes behind `path` (a `/content` URL: its 302 is followed), at most `max_bytes`."""
        response = self.request("GET", path, token=token, stream=True)
        data = bytearray()
        try:
            for chunk in response.iter_content(CHUNK):
                data += chunk
                if len(data) > max_bytes:
                    raise GraphError(413, "too-large", f"the document is larger than the limit of {max_bytes / 1e6:g} MB")
        finally:
            response.close()
        return bytes(data)


def retry_after(value: str | None, default: float) -> float:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, (moment - datetime.now(timezone.utc)).total_seconds())


def error_of(response: requests.Response) -> GraphError:
    status = response.status_code
    try:
        body = response.json().get("error") or {}
    except ValueError:
        body = {}
    detail = body.get("message") or body.get("code") or f"HTTP {status}"
    if status == 410:
        return ResyncRequired(502, "resync-required", f"the delta link expired: {detail}", status)
    if status == 412:
        return PreconditionFailed(409, "changed", f"the item changed meanwhile: {detail}", status)
    if status in (401, 403):
        return GraphError(403, "forbidden", f"access denied by Microsoft Graph: {detail}", status)
    if status == 404:
        return GraphError(404, "not-found", f"not found in Microsoft Graph: {detail}", status)
    return GraphError(502, "unavailable", f"Microsoft Graph answered {status}: {detail}", status)


def app_credential(secret: str | None, cert_path: str | None) -> Any:
    """msal's client credential: a secret, or a PEM file with the private key and the certificate."""
    if secret:
        return secret
    try:
        with open(cert_path, encoding="ascii") as fh:  # type: ignore[arg-type]
            pem = fh.read()
    except (OSError, TypeError, UnicodeDecodeError) as exc:
        raise GraphError(501, "not-configured", f"cannot read PMO_CHECK_CLIENT_CERT: {exc}") from None
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    start = pem.find("-----BEGIN CERTIFICATE-----")
    if start < 0 or "PRIVATE KEY-----" not in pem:
        raise GraphError(501, "not-configured", "PMO_CHECK_CLIENT_CERT must hold the private key and the certificate (PEM)")
    cert = x509.load_pem_x509_certificate(pem[start:].encode("ascii"))
    return {"private_key": pem, "thumbprint": cert.fingerprint(hashes.SHA1()).hex(),  # noqa: S303 - Entra's x5t
            "public_certificate": pem[start:]}


def graph_scope(graph_url: str, permission: str) -> str:
    """A scope on the Graph host of `graph_url`: `https://graph.microsoft.com/.default`, …"""
    parts = urlsplit(graph_url)
    return f"{parts.scheme}://{parts.netloc}/{permission}"


def msal_app(client_id: str, credential: Any, authority_host: str, tenant: str, *, token_cache: Any = None,
             http_client: Any = None, http_cache: dict | None = None) -> Any:
    """A ConfidentialClientApplication; instance discovery only against Microsoft's own hosts."""
    import msal

    known = urlsplit(authority_host).hostname in msal.authority.WELL_KNOWN_AUTHORITY_HOSTS
    return msal.ConfidentialClientApplication(
        client_id, client_credential=credential, authority=f"{authority_host.rstrip('/')}/{tenant}",
        token_cache=token_cache, http_client=http_client, http_cache=http_cache,
        instance_discovery=None if known else False)


class AppToken:
    """The audit app's own token (client credentials), cached by msal — in a file between runs when
    `token_cache` names one (written with owner-only permissions)."""

    def __init__(self, settings: Any, http_client: Any = None) -> None:
        import msal

        self.cache = msal.SerializableTokenCache()
        self.cache_file = settings.token_cache
        if self.cache_file:
            try:
                with open(self.cache_file, encoding="utf-8") as fh:
                    self.cache.deserialize(fh.read())
            except FileNotFoundError:
                pass
            except (OSError, ValueError) as exc:
                raise GraphError(501, "not-configured", f"cannot read the token cache {self.cache_file}: {exc}") from None
        self.app = msal_app(settings.client_id, app_credential(settings.client_secret, settings.client_cert),
                            settings.authority_host, settings.tenant_id, token_cache=self.cache, http_client=http_client)
        self.scopes = [graph_scope(settings.graph_url, ".default")]
        self._lock = threading.Lock()

    def __call__(self) -> str:
        with self._lock:
            result = self.app.acquire_token_for_client(self.scopes)
            if "access_token" not in result:
                raise GraphError(401, "unauthorized", f"the identity provider refused the audit app's credential "
                                 f"({result.get('error')}: {result.get('error_description', '')[:200]})")
            if self.cache_file and self.cache.has_state_changed:
                self._save()
            return str(result["access_token"])

    def _save(self) -> None:
        import os

        partial = f"{self.cache_file}.partial"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(self.cache.serialize())
        os.replace(partial, self.cache_file)
        self.cache.has_state_changed = False


def app_graph(settings: Any, http_client: Any = None, **client: Any) -> GraphClient:
    """The Graph client of the audit app (settings: checker.audit.settings.AuditSettings)."""
    return GraphClient(settings.graph_url, AppToken(settings, http_client), **client)
