"""Imported text is data on the SPARQL query page too: results whose labels and IRIs are
hostile markup (and a ``javascript:`` licence IRI) are shown in the results table by a
real headless Chromium without running anything -- with the Content-Security-Policy
bypassed, so that the escaping alone is tested.  Reuses the web tests' browser helpers
(skips without /usr/bin/chromium)."""

from __future__ import annotations

from ..web.browser import launched_browser, offline_page, require_chromium, served
from ..web.conftest import XSS_IMG

QUERY = (
    "SELECT ?s ?label ?licence WHERE { { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> "
    "?label } UNION { ?s <http://purl.org/dc/terms/license> ?licence } }"
)


def test_hostile_results_on_the_query_page_run_nothing(xss_store):
    require_chromium()
    with served(xss_store) as base, launched_browser() as browser:
        page, blocked = offline_page(browser, bypass_csp=True)
        page.goto(base + "/sparql")
        page.wait_for_selector(".CodeMirror")
        page.evaluate("(q) => document.querySelector('.CodeMirror').CodeMirror.setValue(q)", QUERY)
        page.click("#sparql-run")
        page.wait_for_selector("#sparql-table tbody tr")
        table = page.locator("#sparql-table").inner_text()
        assert "clerk " + XSS_IMG in table  # there, as text
        assert page.evaluate("window.__xss") is None
        assert page.locator("#sparql-table img, #sparql-table script").count() == 0
        hrefs = page.locator("#sparql-table a").evaluate_all("as => as.map(a => a.href)")
        assert not [h for h in hrefs if h.lower().startswith("javascript:")], hrefs
        for link in page.locator("#sparql-table a").all()[:30]:
            link.click(modifiers=["Control"])  # a new tab, if anything
        assert page.evaluate("window.__xss") is None
        assert blocked == []
