"""Every error of the service is JSON: `{"error": {"code": …, "message": …}}` (the contract's shape).

Codes: `unauthorized` 401, `too-large` 413, `bad-request` 400, `not-found` 404, `internal` 500, and
beyond the contract's list `method-not-allowed` 405, `forbidden`/`consent-required` 403,
`unavailable` 502/503. No traceback or exception text of an internal error reaches the caller.
"""
from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

log = logging.getLogger("pmo_check.service")

_CODES = {400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found", 405: "method-not-allowed",
          413: "too-large", 415: "bad-request", 502: "unavailable", 503: "unavailable"}
_MESSAGES = {404: "There is nothing at this address.", 405: "This address does not take that method.",
             413: "The upload is larger than the service accepts."}


class ApiError(Exception):
    """An error answer: HTTP status, the contract's code, a message for the user."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str):
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    return response


def register(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        return error_response(exc.status, exc.code, exc.message)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        message = _MESSAGES.get(status) or (exc.description or exc.name)
        return error_response(status, _CODES.get(status, "bad-request" if status < 500 else "internal"), message)

    @app.errorhandler(Exception)
    def _internal(exc: Exception):
        log.error("internal error: %s: %s", type(exc).__name__, exc)
        return error_response(500, "internal", "The service failed to answer; the error is logged.")
