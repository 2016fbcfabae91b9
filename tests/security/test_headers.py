"""Security headers on every response, whichever blueprint (or none) answers it: HTML gets
a Content-Security-Policy that runs only the app's own scripts and forbids framing by
other sites (plus X-Frame-Options for browsers without CSP 3); every response gets
``X-Content-Type-Options: nosniff``, so a label that looks like HTML inside JSON, CSV or
Turtle is never sniffed into a page.  Checked through ``skillgraph serve``."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from .helpers import raw_request

HTML_PAGES = [
    "/",
    "/search?q=data",
    "/concept?uri=" + quote("data analyst"),
    "/browse",
    "/paths?from=" + quote("data analyst") + "&to=" + quote("data scientist"),
    "/next?from=" + quote("data analyst"),
    "/whatif?from=" + quote("data analyst") + "&learn=SQL",
    "/export",
    "/sparql",  # the query page
    "/api",  # the API's HTML description
    "/id/role/data-analyst",
    "/no-such-page",  # 404 from no blueprint at all
    "/concept?uri=" + quote("no such concept"),  # 404 from a view
    "/paths?from=a&to=b&k=abc",  # 400
    "/sparql?query=" + quote("SELECT"),  # a text/plain 400, still nosniff
]
OTHER = [
    "/api/search?q=data",
    "/api/openapi.json",
    "/api/no-such-endpoint",
    "/sparql?query=" + quote("ASK { ?s ?p ?o }"),
    "/export/turtle",
    "/id/role/data-analyst?format=ttl",
    "/static/css/app.css",
    "/static/js/app.js",
    "/static/no-such-file.js",
]


def _directives(csp: str) -> dict[str, list[str]]:
    out = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


@pytest.mark.parametrize("target", HTML_PAGES)
def test_html_pages_carry_the_policy(live, target):
    status, headers, _ = raw_request(live.port, "GET", target, headers={"Accept": "text/html"})
    assert status < 500
    assert headers["X-Content-Type-Options"] == "nosniff"
    if not headers["Content-Type"].startswith("text/html"):
        return
    csp = _directives(headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no inline script, no eval, no other host
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] in (["'self'"], ["'none'"])
    assert headers["X-Frame-Options"] in ("SAMEORIGIN", "DENY")


@pytest.mark.parametrize("target", OTHER)
def test_every_other_response_is_nosniff(live, target):
    status, headers, _ = raw_request(live.port, "GET", target)
    assert status < 500
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers.get("Server", "").startswith("gunicorn") or "Server" not in headers
    assert "Traceback" not in headers.get("X-Error", "")


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("target", ["/api/search?q=x", "/", "/id/role/data-analyst", "/export"])
def test_methods_not_allowed_say_which_are(live, method, target):
    """Found by schemathesis: the app's error pages dropped ``Allow`` from 405s."""
    status, headers, body = raw_request(live.port, method, target)
    assert status == 405, body[:200]
    assert "GET" in {m.strip() for m in headers["Allow"].split(",")}
    assert headers["X-Content-Type-Options"] == "nosniff"
