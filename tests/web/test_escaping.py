"""Imported text is data, never markup: on a taxonomy whose labels, descriptions and
attribution are hostile markup, no page holds any of it unescaped -- in the HTML, in JSON
inside <script>, or in a link.  (test_browser.py checks that nothing runs in a browser.)"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from .conftest import XSS_HREF, XSS_IMG

X = "http://example.org/xss/"
PAGES = [
    "/",
    "/browse",
    "/search?q=skill",
    "/search?q=clerk",
    f"/concept?uri={quote(X + 'clerk')}",
    f"/concept?uri={quote(X + 'lead')}",
    f"/concept?uri={quote(X + 's2')}",
    f"/concept?uri={quote(X + 'p1')}",
    f"/concept?uri={quote(X + 'fa')}",
    f"/concept?uri={quote(X + 'group')}",
    f"/concept?uri={quote(X + 'scheme')}",
    f"/paths?from={quote(X + 'clerk')}&to={quote(X + 'analyst')}",
    f"/paths?have={quote(X + 's1')}&to={quote(X + 'analyst')}",
    f"/paths?from={quote(X + 'clerk')}&to={quote(X + 'analyst')}&avoid={quote(X + 'lead')}",
    f"/next?from={quote(X + 'clerk')}",
    f"/whatif?from={quote(X + 'clerk')}&learn={quote(X + 's4')}",
    "/concept?uri=" + quote(XSS_IMG),
    "/paths?from=" + quote(XSS_IMG) + "&to=" + quote(XSS_IMG),
]
# What would be live markup if any label were pasted into the page unescaped.
LIVE = [
    re.compile(r"<img\b", re.I),
    re.compile(r"<script>window", re.I),
    re.compile(r"onmouseover\s*=\s*\"window", re.I),
    re.compile(r"onerror\s*=\s*\"window", re.I),
    re.compile(r"href\s*=\s*\"?javascript:", re.I),
]


@pytest.mark.parametrize("url", PAGES)
def test_no_live_markup_from_the_data(xss_client, url):
    r = xss_client.get(url, follow_redirects=True)
    assert r.status_code in (200, 404), r.data[:300]
    page = r.get_data(as_text=True)
    for pattern in LIVE:
        assert not pattern.search(page), (pattern.pattern, url)
    # Every <script> element's body is ours: only the graph data is JSON, and it must be
    # parseable JSON with < > & escaped.
    for body in re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S):
        if body.strip().startswith(("{", "[")):
            assert "<" not in body and ">" not in body
            json.loads(body)


def test_the_data_really_is_in_the_pages(xss_client):
    """The pages show the hostile labels as text (escaped), so the test above bites."""
    page = xss_client.get(f"/concept?uri={quote(X + 'clerk')}").get_data(as_text=True)
    assert "clerk &lt;img src=x onerror=" in page
    assert "&lt;a href=" in page  # the description, as text
    drawing = xss_client.get(f"/api/concept/graph?id={quote(X + 'clerk')}").get_json()
    labels = {n["fullLabel"] for n in drawing["nodes"]}
    assert "clerk " + XSS_IMG in labels
    # Tooltips are plain strings (vis-network shows those with innerText).
    assert all(isinstance(n["title"], str) for n in drawing["nodes"])
    attribution = xss_client.get("/").get_data(as_text=True)
    assert "attribution &lt;a href=" in attribution
    assert XSS_HREF not in attribution


def test_search_api_returns_labels_as_data(xss_client):
    body = xss_client.get("/api/search?q=clerk").get_json()
    assert body["results"][0]["label"] == "clerk " + XSS_IMG
