"""Unknown or broken ``Accept`` headers never make a 500: every route answers with its
default type or a 406 that says what it offers.  Through ``skillgraph serve``."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from .helpers import raw_request

ACCEPTS = [
    "application/x-nonsense",
    "*/*;q=0",
    "text/html;q=0, application/json;q=0",
    "!!!",
    "text/html;q=abc",
    "text/*;level=1;q=0.5, */*;q=0.0001",
    ";;;,,,",
    "application/json;q=1.5",
    "image/png",
    "a" * 4000,
    "text/turtle;q=0.9, " * 200,
    "\u00e9t\u00e9/\u00e9t\u00e9".encode().decode("latin-1"),
]
ROUTES = [
    "/",
    "/search?q=data",
    "/concept?uri=" + quote("data analyst"),
    "/paths?from=" + quote("data analyst") + "&to=" + quote("data scientist"),
    "/api/search?q=data",
    "/api/path?from=" + quote("data analyst") + "&to=" + quote("data scientist"),
    "/api/openapi.json",
    "/api/concept?id=no-such-thing",
    "/id/role/data-analyst",
    "/id/role/no-such-role",
    "/sparql",
    "/sparql?query=" + quote("SELECT * WHERE { ?s ?p ?o } LIMIT 2"),
    "/sparql?query=" + quote("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2"),
    "/sparql?query=" + quote("ASK { ?s ?p ?o }"),
    "/export/turtle?field=" + quote("data and AI"),
    "/static/css/app.css",
    "/no-such-page",
]


@pytest.mark.parametrize("accept", ACCEPTS, ids=lambda a: a[:30])
def test_unknown_accept_types_get_a_default_or_406(live, accept):
    for route in ROUTES:
        status, headers, body = raw_request(live.port, "GET", route, headers={"Accept": accept})
        assert status < 500, (route, accept[:50], status, body[:300])
        assert b"Traceback" not in body
        if status == 406:
            # Only the SPARQL endpoint refuses: it cannot pick a result format.
            assert route.startswith("/sparql?"), route
            assert headers["Content-Type"].startswith("text/plain")
            assert b"no format" in body
        else:
            assert status in (200, 400, 404), (route, accept[:50], status)
            assert headers["Content-Type"]
