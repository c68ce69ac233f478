"""`/api/v1`: check a document (uploaded, or by its SharePoint/OneDrive URL), list rules and configurations.

Every route needs a valid Entra ID bearer token (addin_service.auth) unless the service runs with
--dev. A check answers the contract's report with one document and status 200, also when the
document could not be read: that is the entry's `error`, never a 500.
"""
from __future__ import annotations

import concurrent.futures
import hashlib
import logging
import os
import re

from flask import Blueprint, current_app, g, jsonify, request

from addin_service.auth import AuthError, AuthUnavailable
from addin_service.errors import ApiError
from addin_service.service import Service
from checker.project import review
from checker.report.json import build_report
from checker.run.pool import STARTUP_TIMEOUT, WorkerStartError

log = logging.getLogger("pmo_check.service")
api = Blueprint("api", __name__, url_prefix="/api/v1")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


def service() -> Service:
    return current_app.extensions["pmo_check"]


@api.before_request
def _sign_in() -> None:
    """The caller's identity from the bearer token (preflight requests carry none and need none)."""
    g.user = None
    svc = service()
    if request.method == "OPTIONS" or svc.validator is None:
        return
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "Sign in: this request carries no bearer token.")
    try:
        g.user = svc.validator.validate(token.strip())
    except AuthError as exc:
        log.info("token refused: %s", exc)
        raise ApiError(401, "unauthorized", f"Sign-in refused: {exc}.") from None
    except AuthUnavailable as exc:
        log.warning("sign-in unavailable: %s", exc)
        raise ApiError(503, "unavailable", "Sign-in cannot be verified right now; try again shortly.") from None


@api.post("/check")
def check():
    """One document: multipart `file` (or `url`), optional `config`; the report with that document."""
    svc = service()
    payload = request.get_json(silent=True) if request.is_json else None
    fields = payload if isinstance(payload, dict) else request.form
    name_of_config = fields.get("config") or request.args.get("config")
    try:
        options = svc.options(name_of_config)
    except KeyError:
        raise ApiError(400, "bad-request", f"There is no configuration named {name_of_config!r}; "
                       f"see GET /api/v1/configs.") from None
    upload = request.files.get("file")
    url = fields.get("url")
    if upload is not None:
        name, data = _document_name(upload.filename), upload.read()
    elif isinstance(url, str) and url.strip():
        name, data = _download(svc, url.strip())
    else:
        raise ApiError(400, "bad-request", "Send the document as the multipart field 'file', or its address as 'url'.")
    if not data:
        raise ApiError(400, "bad-request", "The uploaded document is empty.")
    if len(data) > svc.settings.max_upload_bytes:
        raise ApiError(413, "too-large", f"The document is larger than the limit of "
                       f"{svc.settings.max_upload_bytes / 1e6:g} MB.")
    _keep(svc, name, data)
    try:
        entry = svc.pool.submit(name, options, data).result(timeout=svc.settings.timeout * 2 + STARTUP_TIMEOUT)
    except (WorkerStartError, concurrent.futures.TimeoutError, RuntimeError) as exc:
        log.error("check failed: %s: %s", type(exc).__name__, exc)
        raise ApiError(503, "unavailable", "The checker is not available right now; try again shortly.") from None
    log.info("checked %s bytes sha256=%s: %s", len(data), hashlib.sha256(data).hexdigest()[:12],
             (entry.get("error") or {}).get("code") or entry.get("doc_type"))
    return jsonify(build_report([entry], review([entry], options)))


@api.get("/rules")
def rules():
    """The rules of a configuration (default: the service's), optionally of one document type."""
    from checker.config.tailoring import build
    from checker.report.rules import rule_rows

    name = request.args.get("config")
    try:
        options = service().options(name)
    except KeyError:
        raise ApiError(400, "bad-request", f"There is no configuration named {name!r}.") from None
    return jsonify(rule_rows(build(options.config), request.args.get("doc_type") or None))


@api.get("/configs")
def configs():
    """The configurations a check may name, and the default one."""
    svc = service()
    rows = [{"name": name, "profile": getattr(opts.config, "profile", None),
             "size": getattr(opts.config, "size", "medium")} for name, opts in svc.configs.items()]
    return jsonify({"default": svc.default, "configs": rows})


def _document_name(filename: str | None) -> str:
    """The uploaded file's own name, without folders or control characters (any script is kept)."""
    base = re.split(r"[\\/]", filename or "")[-1]
    base = _UNSAFE.sub("", base).strip()[:200]
    return base or "document"


def _download(svc: Service, url: str) -> tuple[str, bytes]:
    from addin_service.graph import GraphError

    if not url.lower().startswith("https://"):
        raise ApiError(400, "bad-request", "A document address must be an https:// URL.")
    if svc.graph is None or g.user is None:
        raise ApiError(400, "bad-request", "This service cannot read documents by URL: it needs sign-in and the "
                       "app's credential (PMO_CHECK_CLIENT_SECRET or PMO_CHECK_CLIENT_CERT).")
    try:
        download = svc.graph.fetch(url, g.user, svc.settings.max_upload_bytes)
    except GraphError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None
    return _document_name(download.name), download.data


def _keep(svc: Service, name: str, data: bytes) -> None:
    """A copy of the document in `keep_uploads`, when configured (never by default)."""
    folder = svc.settings.keep_uploads
    if not folder:
        return
    os.makedirs(folder, mode=0o700, exist_ok=True)
    ext = os.path.splitext(name)[1].lower()
    target = os.path.join(folder, hashlib.sha256(data).hexdigest() + (ext if re.fullmatch(r"\.[a-z]{3,4}", ext) else ""))
    with open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
        fh.write(data)
