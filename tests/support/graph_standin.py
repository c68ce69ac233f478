"""A local stand-in for Microsoft Graph and Entra ID's token endpoint, on HTTPS on the loopback.

It speaks what the audit uses: the site by path, its drives, `/root/delta` in pages (an opaque
`@odata.nextLink`) ending with an `@odata.deltaLink`, incremental delta from such a link, 410 for a
link that expired, an item's metadata and `listItem/fields`, `PATCH …/listItem/fields` with
`If-Match` (412 when the eTag moved on; a write changes the eTag, not the cTag, and shows in
delta), `/content` as a 302 to a download URL on another host name (`localhost`), and 429 with
`Retry-After` when a test asks for throttling. Tokens come from its client-credentials endpoint
(a secret, or a certificate's signed assertion) and every Graph call must carry one.
"""
from __future__ import annotations

import http.server
import itertools
import json
import ssl
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import jwt

TENANT = "11111111-2222-3333-4444-555555555555"
CLIENT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
SECRET = "audit-app-secret"
HOST = "contoso.sharepoint.com"
SITE_PATH = "sites/pmo"
SITE_ID = f"{HOST},7d3b2a34-0000-4000-8000-000000000001,5b1c7c35-0000-4000-8000-000000000002"
DRIVE_ID = "b!audit-drive-documents"
OTHER_DRIVE_ID = "b!audit-drive-site-assets"


@dataclass
class Node:
    id: str
    name: str
    parent: str | None
    folder: bool
    content: bytes = b""
    content_version: int = 1  # the cTag's counter: content changes only
    version: int = 1  # the eTag's counter: any change
    fields: dict[str, Any] = field(default_factory=dict)
    modified_by: str = "Wei Zhang"
    deleted: bool = False
    seq: int = 0  # when it last changed, for delta

    def etag(self) -> str:
        return f'"{{{self.id}}},{self.version}"'

    def ctag(self) -> str:
        return f'"c:{{{self.id}}},{self.content_version}"'


class GraphStandIn:
    """Start with `GraphStandIn(cert, key)`; `url` is its base (https://127.0.0.1:PORT)."""

    def __init__(self, cert: Path, key: Path, page_size: int = 25, cert_public: Any = None) -> None:
        self.page_size = page_size
        self.cert_public = cert_public  # the app certificate's public key: client assertions are checked with it
        self.lock = threading.RLock()
        self.seq = itertools.count(1)
        self.now = 0
        self.nodes: dict[str, Node] = {}
        self.root = self._add(Node("root-0001", "root", None, True))
        self.cursors: dict[str, list[dict[str, Any]]] = {}
        self.oldest_valid_token = 0  # delta links older than this answer 410
        self.throttle: list[float] = []  # Retry-After values for the next Graph requests, one each
        self.omit_ctag = False  # delta leaves cTag out (as SharePoint may); the client asks the item
        self.tokens: set[str] = set()
        self.token_requests: list[dict[str, list[str]]] = []
        self.log: list[tuple[str, str, str | None]] = []  # method, path, Authorization
        standin = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                standin._handle(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                standin._handle(self, "POST")

            def do_PATCH(self) -> None:  # noqa: N802
                standin._handle(self, "PATCH")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(cert), str(key))
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self.graph_url = f"{self.url}/v1.0"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # ------------------------------------------------------------------ the library, as tests change it

    def _add(self, node: Node) -> Node:
        node.seq = next(self.seq)
        self.nodes[node.id] = node
        return node

    def folder(self, path: str) -> Node:
        """The folder at `path` ("a/b"), made when missing."""
        with self.lock:
            parent = self.root
            for name in [p for p in path.split("/") if p]:
                found = next((n for n in self.nodes.values() if n.parent == parent.id and n.name == name
                              and n.folder and not n.deleted), None)
                parent = found or self._add(Node(f"folder-{uuid.uuid4().hex[:12]}", name, parent.id, True))
            return parent

    def put(self, path: str, content: bytes, fields: dict[str, Any] | None = None) -> Node:
        """Add a file at `path`, or give the file there new content (a new cTag and eTag)."""
        with self.lock:
            folder, _, name = path.rpartition("/")
            parent = self.folder(folder)
            node = self.file(path)
            if node is None:
                return self._add(Node(f"item-{uuid.uuid4().hex[:16]}", name, parent.id, False, content,
                                      fields=dict(fields or {})))
            node.content, node.content_version, node.version = content, node.content_version + 1, node.version + 1
            node.fields.update(fields or {})
            node.seq = next(self.seq)
            return node

    def file(self, path: str) -> Node | None:
        with self.lock:
            folder, _, name = path.rpartition("/")
            parent = self.folder(folder) if folder else self.root
            return next((n for n in self.nodes.values() if n.parent == parent.id and n.name == name
                         and not n.folder and not n.deleted), None)

    def delete(self, path: str) -> None:
        with self.lock:
            node = self.file(path)
            node.deleted, node.seq = True, next(self.seq)

    def touch_fields(self, path: str, **values: Any) -> Node:
        """Someone edits the item's columns: eTag and delta change, the content (cTag) does not."""
        with self.lock:
            node = self.file(path)
            node.fields.update(values)
            node.version, node.seq = node.version + 1, next(self.seq)
            return node

    def expire_delta_links(self) -> None:
        """Every delta link given so far answers 410 from now on."""
        with self.lock:
            self.oldest_valid_token = next(self.seq)

    def path_of(self, node: Node) -> str:
        names = []
        while node.parent is not None:
            names.append(node.name)
            node = self.nodes[node.parent]
        return "/".join(reversed(names))

    def graph_requests(self, part: str) -> list[tuple[str, str, str | None]]:
        return [entry for entry in self.log if part in entry[1]]

    # ------------------------------------------------------------------ HTTP

    def _handle(self, h: http.server.BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(h.path)
        path, query = unquote(parts.path), parse_qs(parts.query)
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        with self.lock:
            self.log.append((method, h.path, h.headers.get("Authorization")))
        if path.startswith(f"/{TENANT}/"):
            return self._identity(h, method, path, body)
        if path.startswith("/download/"):
            node = self.nodes.get(path.rsplit("/", 1)[1])
            if node is None or query.get("sig") != [f"sig-{node.content_version}"]:
                return _send(h, 403, {"error": {"code": "accessDenied"}})
            return _send(h, 200, node.content, "application/octet-stream")
        if not path.startswith("/v1.0/"):
            return _send(h, 404, {"error": {"code": "itemNotFound", "message": path}})
        if h.headers.get("Authorization", "").removeprefix("Bearer ") not in self.tokens:
            return _send(h, 401, {"error": {"code": "InvalidAuthenticationToken", "message": "Access token is empty."}})
        if not h.headers.get("User-Agent", "").startswith("NONISV|"):
            return _send(h, 400, {"error": {"code": "invalidRequest", "message": "decorate your traffic"}})
        with self.lock:
            wait = self.throttle.pop(0) if self.throttle else None
        if wait is not None:
            return _send(h, 429, {"error": {"code": "activityLimitReached", "message": "throttled"}},
                         headers={"Retry-After": f"{wait:g}"})
        return self._graph(h, method, path[len("/v1.0"):], query, body)

    def _identity(self, h: Any, method: str, path: str, body: bytes) -> None:
        base = f"{self.url}/{TENANT}"
        if method == "GET" and path.endswith("/v2.0/.well-known/openid-configuration"):
            return _send(h, 200, {"issuer": f"{base}/v2.0", "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                                  "token_endpoint": f"{base}/oauth2/v2.0/token"})
        if method == "POST" and path.endswith("/oauth2/v2.0/token"):
            form = parse_qs(body.decode())
            with self.lock:
                self.token_requests.append(form)
            if form.get("grant_type") != ["client_credentials"] or form.get("client_id") != [CLIENT_ID] \
                    or not self.credential_ok(form, f"{base}/oauth2/v2.0/token"):
                return _send(h, 401, {"error": "invalid_client", "error_description": "AADSTS7000215: invalid client"})
            token = f"app-token-{uuid.uuid4().hex}"
            with self.lock:
                self.tokens.add(token)
            return _send(h, 200, {"token_type": "Bearer", "access_token": token, "expires_in": 3599})
        return _send(h, 404, {"error": "not_found"})

    def credential_ok(self, form: dict[str, list[str]], audience: str) -> bool:
        """A client secret, or a client assertion signed by the app's certificate for this endpoint."""
        if form.get("client_secret") == [SECRET]:
            return True
        assertion = (form.get("client_assertion") or [None])[0]
        if not assertion or self.cert_public is None:
            return False
        try:
            claims = jwt.decode(assertion, self.cert_public, algorithms=["RS256", "PS256"], audience=audience)
        except jwt.PyJWTError:
            return False
        return claims.get("iss") == CLIENT_ID and claims.get("sub") == CLIENT_ID

    def _graph(self, h: Any, method: str, path: str, query: dict[str, list[str]], body: bytes) -> None:
        with self.lock:
            if path == f"/sites/{HOST}:/{SITE_PATH}":
                return _send(h, 200, {"id": SITE_ID, "webUrl": f"https://{HOST}/{SITE_PATH}"})
            if path == f"/sites/{SITE_ID}/drives":
                return _send(h, 200, {"value": [
                    {"id": DRIVE_ID, "name": "Documents", "driveType": "documentLibrary",
                     "webUrl": f"https://{HOST}/{SITE_PATH}/Shared%20Documents"},
                    {"id": OTHER_DRIVE_ID, "name": "Site Assets", "driveType": "documentLibrary",
                     "webUrl": f"https://{HOST}/{SITE_PATH}/SiteAssets"}]})
            prefix = f"/drives/{DRIVE_ID}"
            if path == f"{prefix}/root/delta":
                return self._delta(h, query)
            if path.startswith(f"{prefix}/items/"):
                rest = path[len(f"{prefix}/items/"):].split("/")
                node = self.nodes.get(rest[0])
                if node is None or node.deleted:
                    return _send(h, 404, {"error": {"code": "itemNotFound", "message": "The resource could not be found."}})
                tail = "/".join(rest[1:])
                if tail == "" and method == "GET":
                    return _send(h, 200, self._json(node, ctag=True))
                if tail == "content" and method == "GET":
                    location = f"https://localhost:{self.port}/download/{node.id}?sig=sig-{node.content_version}"
                    return _send(h, 302, b"", headers={"Location": location})
                if tail == "listItem/fields" and method == "GET":
                    return _send(h, 200, {"@odata.etag": node.etag(), **node.fields})
                if tail == "listItem/fields" and method == "PATCH":
                    if h.headers.get("If-Match") not in (node.etag(), "*"):
                        return _send(h, 412, {"error": {"code": "resourceModified",
                                                        "message": "ETag mismatch"}})
                    node.fields.update(json.loads(body or b"{}"))
                    node.version, node.seq, node.modified_by = node.version + 1, next(self.seq), "pmo-check audit"
                    return _send(h, 200, node.fields)
            return _send(h, 404, {"error": {"code": "itemNotFound", "message": path}})

    def _delta(self, h: Any, query: dict[str, list[str]]) -> None:
        if "cursor" in query:  # a next page of an enumeration under way
            rest = self.cursors.pop(query["cursor"][0], None)
            if rest is None:
                return _send(h, 400, {"error": {"code": "invalidRequest", "message": "unknown skip token"}})
            return self._page(h, rest)
        since = int(query["token"][0]) if "token" in query else None
        if since is not None and since < self.oldest_valid_token:
            return _send(h, 410, {"error": {"code": "resyncRequired", "message": "Resync required. Replace any local "
                                            "items with the server's version (including deletes) if you're sure that "
                                            "the service was up to date with your local changes when you last sync'd."}},
                         headers={"Location": f"{self.graph_url}/drives/{DRIVE_ID}/root/delta"})
        nodes = [n for n in self.nodes.values() if since is None or n.seq > since]
        if since is None:
            nodes = [n for n in nodes if not n.deleted]
        nodes.sort(key=lambda n: (self._depth(n), n.seq))
        entries = [self._json(n, ctag=not self.omit_ctag) for n in nodes]
        return self._page(h, entries)

    def _page(self, h: Any, entries: list[dict[str, Any]]) -> None:
        page, rest = entries[:self.page_size], entries[self.page_size:]
        out: dict[str, Any] = {"value": page}
        base = f"{self.graph_url}/drives/{DRIVE_ID}/root/delta"
        if rest:
            cursor = uuid.uuid4().hex
            self.cursors[cursor] = rest
            out["@odata.nextLink"] = f"{base}?cursor={cursor}"
        else:
            out["@odata.deltaLink"] = f"{base}?token={next(self.seq)}"
        return _send(h, 200, out)

    def _depth(self, node: Node) -> int:
        depth = 0
        while node.parent is not None and node.parent in self.nodes:
            node, depth = self.nodes[node.parent], depth + 1
        return depth

    def _json(self, node: Node, ctag: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"id": node.id, "name": node.name, "eTag": node.etag(),
                               "parentReference": {"driveId": DRIVE_ID, **({"id": node.parent} if node.parent else {})}}
        if node.deleted:
            return {"id": node.id, "deleted": {"state": "deleted"}, "parentReference": out["parentReference"]}
        if node.parent is None:
            out["root"] = {}
        if node.folder:
            out["folder"] = {"childCount": sum(1 for n in self.nodes.values() if n.parent == node.id and not n.deleted)}
        else:
            out.update({"file": {"mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
                        "size": len(node.content), "lastModifiedDateTime": time.strftime("%Y-%m-%dT%H:%M:%SZ"),
                        "lastModifiedBy": {"user": {"displayName": node.modified_by}}})
            if ctag:
                out["cTag"] = node.ctag()
        out["webUrl"] = f"https://{HOST}/{SITE_PATH}/Shared%20Documents/{quote(self.path_of(node))}"
        return out


def _send(h: Any, status: int, body: Any, kind: str = "application/json", headers: dict[str, str] | None = None) -> None:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    h.send_response(status)
    h.send_header("Content-Type", kind)
    h.send_header("Content-Length", str(len(data)))
    for name, value in (headers or {}).items():
        h.send_header(name, value)
    h.end_headers()
    h.wfile.write(data)
