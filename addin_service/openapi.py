"""The OpenAPI 3.1 description of the service (`GET /openapi.json`).

Written out here rather than inferred, so that it documents intent; tests/addin/test_api.py fails
when a route of the app is missing from it, or it names a route the app lacks.
"""
from __future__ import annotations

from typing import Any

from addin_service.settings import ServiceSettings
from checker import __version__

_ERROR = {"type": "object", "required": ["error"], "properties": {"error": {
    "type": "object", "required": ["code", "message"],
    "properties": {"code": {"type": "string", "examples": ["unauthorized", "too-large", "bad-request", "not-found",
                                                           "internal", "unavailable"]},
                   "message": {"type": "string"}}}}}


def _errors(*statuses: int) -> dict[str, Any]:
    text = {400: "Bad request", 401: "No valid bearer token", 403: "Forbidden", 404: "Not found",
            413: "Upload too large", 500: "Internal error", 503: "Checker or sign-in unavailable"}
    return {str(s): {"description": text[s], "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            for s in statuses}


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def openapi_document(settings: ServiceSettings) -> dict[str, Any]:
    secured = [] if settings.dev else [{"entra": []}]
    config_param = {"name": "config", "in": "query", "required": False, "schema": {"type": "string"},
                    "description": "A configuration name from GET /api/v1/configs (default: the service's)."}
    return {
        "openapi": "3.1.0",
        "info": {"title": "pmo-check service", "version": __version__,
                 "description": "Checks Word and Excel project documents against the PMO standard "
                                "(report schema pmo-check/report@1)."},
        "servers": [{"url": settings.base_url}],
        "paths": {
            "/api/v1/check": {"post": {
                "summary": "Check one document",
                "security": secured,
                "requestBody": {"required": True, "content": {
                    "multipart/form-data": {"schema": {"type": "object", "properties": {
                        "file": {"type": "string", "format": "binary", "description": ".docx/.docm/.xlsx/.xlsm"},
                        "url": {"type": "string", "description": "a SharePoint/OneDrive document URL instead of a file"},
                        "config": {"type": "string"}}}},
                    "application/json": {"schema": {"type": "object", "required": ["url"], "properties": {
                        "url": {"type": "string"}, "config": {"type": "string"}}}}}},
                "responses": {"200": _json("The report with one document (an unreadable one carries its error)",
                                           {"$ref": "#/components/schemas/Report"}),
                              **_errors(400, 401, 403, 404, 413, 500, 503)}}},
            "/api/v1/rules": {"get": {
                "summary": "The rules of a configuration",
                "security": secured,
                "parameters": [config_param, {"name": "doc_type", "in": "query", "required": False,
                                              "schema": {"type": "string"}}],
                "responses": {"200": _json("One row per rule", {"type": "array", "items": {"type": "object"}}),
                              **_errors(400, 401)}}},
            "/api/v1/configs": {"get": {
                "summary": "The configurations a check may name",
                "security": secured,
                "responses": {"200": _json("Names and the default", {"type": "object", "properties": {
                    "default": {"type": "string"}, "configs": {"type": "array", "items": {"type": "object"}}}}),
                              **_errors(401)}}},
            "/healthz": {"get": {"summary": "Liveness and the check pool's state", "security": [],
                                 "responses": {"200": _json("Alive", {"type": "object"})}}},
            "/openapi.json": {"get": {"summary": "This document", "security": [],
                                      "responses": {"200": _json("OpenAPI 3.1", {"type": "object"})}}},
            "/manifest.xml": {"get": {"summary": "The Office add-in manifest for this service", "security": [],
                                      "responses": {"200": {"description": "XML task-pane manifest",
                                                            "content": {"application/xml": {}}}}}},
            "/taskpane.html": {"get": {"summary": "The task pane", "security": [],
                                       "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}}}},
            "/static/{filename}": {"get": {
                "summary": "The task pane's scripts, styles and icons", "security": [],
                "parameters": [{"name": "filename", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "A static file"}, **_errors(404)}}},
        },
        "components": {
            "schemas": {"Error": _ERROR,
                        "Report": {"type": "object", "description": "pmo-check/report@1 (see the contract's JSON Schema)",
                                   "required": ["schema", "tool", "documents", "projects", "summary"]}},
            "securitySchemes": {"entra": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                                          "description": "A Microsoft Entra ID v2.0 access token for this API "
                                                         f"(scope {settings.required_scope})."}},
        },
    }
