"""The pmo-check service: a Flask app serving the API, the Office add-in manifest and its task pane.

`create_app(settings)` builds the app and starts what it owns (the check pool, sign-in); `pmo-check
serve` runs it with a production WSGI server that terminates TLS (addin_service.server). See
docs/service.md for deployment.
"""
from __future__ import annotations

import io
from typing import Any

from flask import Flask, Request

from addin_service.service import Service, build_service
from addin_service.settings import ServiceSettings, load_settings

__all__ = ["ServiceSettings", "create_app", "load_settings"]

FORM_OVERHEAD = 64 * 1024  # multipart boundaries and small fields around the file


class InMemoryRequest(Request):
    """Uploads stay in memory (bounded by the request size limit): no document is written to disk."""

    def _get_file_stream(self, total_content_length: int | None, content_type: str | None,
                         filename: str | None = None, content_length: int | None = None) -> Any:
        return io.BytesIO()


class DrainOversize:
    """WSGI middleware: read and discard the body of an upload over the limit (up to `DRAIN_FACTOR`
    times it) before the app answers 413. A server that answers while the client is still sending
    closes the connection under it, and the client sees a broken pipe instead of the JSON error."""

    DRAIN_FACTOR = 4

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    def __call__(self, environ: dict, start_response: Any) -> Any:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if self.limit < length <= self.limit * self.DRAIN_FACTOR:
            stream, left = environ["wsgi.input"], length
            while left > 0 and (chunk := stream.read(min(left, 1 << 20))):
                left -= len(chunk)
            environ["wsgi.input"] = io.BytesIO()  # the length stays: the app still sees it is too large
        return self.app(environ, start_response)


def create_app(settings: ServiceSettings, *, pool: Any = None, validator: Any = None, graph: Any = None) -> Flask:
    """The app for `settings`; `pool`, `validator` and `graph` replace what it would start itself.
    Raises checker.ConfigError for a bad configuration. Call `app.extensions["pmo_check"].close()`
    to stop its workers."""
    from addin_service import errors, security
    from addin_service.api import api
    from addin_service.pages import pages

    service: Service = build_service(settings, pool, validator, graph)
    app = Flask(__name__)
    app.request_class = InMemoryRequest
    app.config.update(MAX_CONTENT_LENGTH=settings.max_upload_bytes + FORM_OVERHEAD, SEND_FILE_MAX_AGE_DEFAULT=3600)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["pmo_check"] = service
    app.wsgi_app = DrainOversize(app.wsgi_app, app.config["MAX_CONTENT_LENGTH"])  # type: ignore[method-assign]
    app.register_blueprint(api)
    app.register_blueprint(pages)
    errors.register(app)
    security.register(app, settings)
    return app
