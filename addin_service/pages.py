"""What is not the API: liveness, the OpenAPI description, the manifest and the task pane."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template

from addin_service.manifest import render_manifest
from addin_service.openapi import openapi_document
from checker import __version__

pages = Blueprint("pages", __name__)


@pages.get("/healthz")
def healthz():
    """Alive, with the check pool's state (workers ready, busy, documents queued)."""
    svc = current_app.extensions["pmo_check"]
    return jsonify({"status": "ok", "version": __version__, "pool": svc.pool.status()})


@pages.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(current_app.extensions["pmo_check"].settings))


@pages.get("/manifest.xml")
def manifest():
    xml = render_manifest(current_app.extensions["pmo_check"].settings)
    return Response(xml, mimetype="application/xml",
                    headers={"Content-Disposition": 'inline; filename="manifest.xml"'})


@pages.get("/taskpane.html")
def taskpane():
    svc = current_app.extensions["pmo_check"]
    return render_template("taskpane.html", sign_in="none" if svc.validator is None else "office-sso",
                           max_upload=svc.settings.max_upload_bytes, version=__version__)
