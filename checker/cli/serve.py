"""`pmo-check serve`: the Flask service (API, add-in manifest, task pane) over HTTPS, or --dev."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from checker.cli.common import PLAIN_EXIT_STATUSES, command, count, workers

DESCRIPTION = """\
Run the service of the Office add-in (API, manifest, task pane) with a
production WSGI server, over HTTPS with sign-in by Microsoft Entra ID
(docs/service.md). Settings come from the environment (PMO_CHECK_*), the
[service] table of pmo-check.toml and these options, options first."""

EXAMPLES = (
    ("pmo-check serve --dev", "try the add-in on this machine: http://127.0.0.1:8443, no sign-in"),
    ("pmo-check serve --host 0.0.0.0 --cert cert.pem --key key.pem", "serve the organisation over HTTPS"),
)


def add_parser(sub: Any) -> None:
    serve = command(sub, "serve", "run the service for the Office add-in (HTTPS; --dev: HTTP without sign-in)",
                    DESCRIPTION, EXAMPLES, (("0", "stopped"), PLAIN_EXIT_STATUSES[1]))
    serve.add_argument("--host", help="address to listen on (default: 127.0.0.1, or [service] host)")
    serve.add_argument("--port", type=count, help="port (default: 8443, or [service] port)")
    serve.add_argument("--cert", metavar="FILE", help="TLS certificate (PEM, with its chain)")
    serve.add_argument("--key", metavar="FILE", help="the certificate's private key (PEM)")
    serve.add_argument("--config", metavar="FILE",
                       help="pmo-check.toml: [service] settings, and the default checking configuration")
    serve.add_argument("--public-url", metavar="URL",
                       help="the https:// address Office reaches the service at (for the manifest)")
    serve.add_argument("--workers", type=workers, metavar="N", help="check worker processes (default: one per CPU)")
    serve.add_argument("--dev", action="store_true",
                       help="plain HTTP without sign-in, loopback only: for trying the add-in on this machine")


def run(args: argparse.Namespace) -> int:
    from addin_service import create_app, load_settings
    from addin_service.server import serve, tls_adapter
    from checker import ConfigError

    try:
        settings = load_settings(args.config, host=args.host, port=args.port, cert=args.cert, key=args.key,
                                 public_url=args.public_url, workers=args.workers or None, dev=args.dev or None)
        settings.require_sign_in_settings()
        if not settings.dev:
            if not settings.cert:
                raise ConfigError("Office loads add-ins only over HTTPS: give --cert and --key "
                                  "(or [service] cert/key), or use --dev on this machine")
            tls_adapter(settings.cert, settings.key or "")  # fail now on an unreadable certificate or key
        app = create_app(settings)
    except ConfigError as exc:
        sys.stderr.write(f"pmo-check: configuration error: {exc}\n")
        return 2
    except (OSError, ValueError) as exc:  # ssl.SSLError is an OSError
        sys.stderr.write(f"pmo-check: cannot use the certificate or key: {exc}\n")
        return 2
    try:
        serve(app, settings)
    except OSError as exc:
        app.extensions["pmo_check"].close()
        sys.stderr.write(f"pmo-check: cannot listen on {settings.host}:{settings.port}: {exc.strerror or exc}\n")
        return 2
    return 0
