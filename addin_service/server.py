"""Serving the app: cheroot, a production WSGI server that terminates TLS itself.

Office loads add-ins only over HTTPS, and a PMO's IT department should not need a reverse proxy
just for that. cheroot (the server of CherryPy, maintained by the Jaraco/CherryPy team) is pure
Python, multi-threaded in one process — so the app's one check pool serves every request thread —
and ships a TLS adapter on the standard library's `ssl`. gunicorn forks workers (one pool each,
and no Windows); waitress has no TLS.

`serve(settings)` blocks until SIGINT/SIGTERM, then stops taking requests, lets the running ones
finish and stops the check pool.
"""
from __future__ import annotations

import logging
import signal
import ssl
import sys
import threading
from typing import Any

from cheroot import wsgi

from addin_service.settings import ServiceSettings

log = logging.getLogger("pmo_check.service")

DEV_BANNER = """\
pmo-check: ************************************************************************
pmo-check: DEVELOPMENT MODE: plain HTTP, NO SIGN-IN, anyone on this machine can use it.
pmo-check: Listening on loopback only. Never use --dev for real documents or users.
pmo-check: ************************************************************************
"""


def tls_adapter(cert: str, key: str) -> Any:
    """cheroot's TLS adapter with TLS 1.2 as the floor. Raises ssl.SSLError/OSError for bad files."""
    from cheroot.ssl.builtin import BuiltinSSLAdapter

    adapter = BuiltinSSLAdapter(cert, key)
    adapter.context.minimum_version = ssl.TLSVersion.TLSv1_2
    return adapter


def make_server(app: Any, settings: ServiceSettings) -> wsgi.Server:
    server = wsgi.Server((settings.host, settings.port), app, numthreads=settings.threads,
                         server_name="pmo-check", request_queue_size=64, timeout=30, shutdown_timeout=10)
    if not settings.dev:
        server.ssl_adapter = tls_adapter(settings.cert or "", settings.key or "")
    return server


def serve(app: Any, settings: ServiceSettings, ready: threading.Event | None = None) -> None:
    """Run until SIGINT/SIGTERM; then stop the server and the app's check pool."""
    server = make_server(app, settings)
    if settings.dev:
        sys.stderr.write(DEV_BANNER)
    server.prepare()  # binds: a port in use fails here, before the banner says where it listens
    host, port = server.bind_addr[:2]
    sys.stderr.write(f"pmo-check: serving on {settings.scheme}://{host}:{port}/ "
                     f"(manifest: {settings.base_url}/manifest.xml)\n")
    sys.stderr.flush()

    def stop(signum: int, frame: Any) -> None:
        threading.Thread(target=server.stop, daemon=True).start()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        if ready is not None:
            ready.set()
        server.serve()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        app.extensions["pmo_check"].close()
        sys.stderr.write("pmo-check: stopped\n")
