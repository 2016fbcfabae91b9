"""Errors as responses: JSON under ``/api`` (and for clients that ask for JSON), an HTML
page elsewhere.  A ``SkillgraphError`` is the user's mistake, never a 500."""

from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from skillgraph.errors import (
    AmbiguousLabel,
    InvalidParameter,
    NoPath,
    SkillgraphError,
    UnknownConcept,
)

from .urls import concept_url


def describe(exc: Exception) -> tuple[int, dict]:
    """HTTP status and JSON body for an error."""
    if isinstance(exc, UnknownConcept):
        return 404, {
            "error": "unknown_concept",
            "message": str(exc),
            "name": exc.name,
            "kind": exc.kind,
            "suggestions": exc.suggestions,
        }
    if isinstance(exc, AmbiguousLabel):
        return 400, {
            "error": "ambiguous_label",
            "message": str(exc),
            "name": exc.name,
            "candidates": [
                {"uri": uri, "label": label, "kind": kind, "url": concept_url(uri)}
                for uri, label, kind in exc.candidates
            ],
        }
    if isinstance(exc, InvalidParameter):
        return 400, {"error": "invalid_parameter", "message": str(exc)}
    if isinstance(exc, NoPath):
        return 404, {"error": "no_path", "message": str(exc), "reason": exc.reason}
    if isinstance(exc, HTTPException):
        code = exc.code or 500
        name = (exc.name or "error").lower().replace(" ", "_")
        return code, {"error": name, "message": exc.description or exc.name}
    return 400, {"error": "error", "message": str(exc)}


def wants_json() -> bool:
    if request.path.startswith("/api/") or request.path == "/api":
        return request.path != "/api"
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def _respond(exc: Exception):
    status, body = describe(exc)
    body["status"] = status
    if wants_json():
        response = jsonify(body)
        response.status_code = status
    else:
        html = render_template("error.html", error=body, status=status)
        response = Response(html, status=status, mimetype="text/html")
    if isinstance(exc, HTTPException):
        # Keep what the exception says beyond its body: a 405 must list ``Allow``.
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
    return response


def init_app(app: Flask) -> None:
    app.register_error_handler(SkillgraphError, _respond)
    for code in (400, 404, 405, 406, 413):
        app.register_error_handler(code, _respond)
