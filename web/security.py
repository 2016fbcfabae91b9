"""The security headers of every response, set in one place for the whole app (pages,
the API, SPARQL, static files and errors from no blueprint at all)."""

from __future__ import annotations

from flask import Flask, Response, request

__all__ = ["CSP", "allow_cross_origin_reads", "init_app", "secure_headers"]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'self'"
)


def secure_headers(response: Response) -> Response:
    """``response`` with the content-security policy (HTML), frame-busting for browsers
    without CSP 3, no MIME sniffing and a same-origin referrer policy."""
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def allow_cross_origin_reads(response: Response) -> Response:
    """Any origin may read what a GET returns (public data, no cookies or credentials
    involved), as on ``/sparql``: for ``/api`` and the Linked Data URIs."""
    if request.method in ("GET", "HEAD"):
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def content_id(response: Response) -> Response:
    """Which content answered (``/sparql`` sets the one its query process read): after an
    import every endpoint reports the same id within seconds (docs/deploy.md)."""
    from .knowledge import get_graph

    response.headers.setdefault("X-Content-Id", get_graph().store.content_id)
    return response


def init_app(app: Flask) -> None:
    app.after_request(secure_headers)
    app.after_request(content_id)
