"""Response headers: a CSP that lets the pane load Office.js and be framed by Office on the web, CORS
only for configured origins, no caching of answers about documents.

There is deliberately no `X-Frame-Options`: Office on the web shows the task pane in an iframe, and
`frame-ancestors` says which Office origins may do so.
"""
from __future__ import annotations

from flask import Flask, request

from addin_service.settings import ServiceSettings

OFFICE_JS = "https://appsforoffice.microsoft.com"
OFFICE_FRAMERS = ("https://*.office.com", "https://*.office365.com", "https://*.officeapps.live.com",
                  "https://*.sharepoint.com", "https://*.microsoft365.com", "https://*.cloud.microsoft")
CSP = "; ".join((
    "default-src 'self'",
    f"script-src 'self' {OFFICE_JS}",
    "style-src 'self' 'unsafe-inline'",  # Office.js injects style attributes
    "img-src 'self' data:",
    "connect-src 'self'",
    f"frame-src 'self' {OFFICE_JS} {' '.join(OFFICE_FRAMERS)}",
    f"frame-ancestors 'self' {' '.join(OFFICE_FRAMERS)}",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
))


def register(app: Flask, settings: ServiceSettings) -> None:
    origins = set(settings.cors_origins)

    @app.after_request
    def _headers(response):
        headers = response.headers
        headers["Content-Security-Policy"] = CSP
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if not settings.dev:
            headers["Strict-Transport-Security"] = "max-age=31536000"
        if not request.path.startswith("/static/"):  # static files stay cacheable: Office wants cacheable icons
            headers["Cache-Control"] = "no-store"
        origin = request.headers.get("Origin")
        if origin and origin in origins:
            headers["Access-Control-Allow-Origin"] = origin
            headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
            headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            headers["Access-Control-Max-Age"] = "600"
        headers.add("Vary", "Origin")
        return response
