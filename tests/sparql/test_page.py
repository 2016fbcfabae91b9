"""The query page in a real headless Chromium (Debian's), served by gunicorn, offline."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.web.browser import launched_browser, offline_page, served

SCREENSHOT_DIR = os.environ.get("SKILLGRAPH_SCREENSHOTS")


def test_example_click_shows_results_table(default_store_path):
    with served(default_store_path) as base, launched_browser() as browser:
        page, blocked = offline_page(browser)
        page.goto(base + "/sparql")
        # The editor is CodeMirror (vendored) and highlights SPARQL keywords.
        page.wait_for_selector(".CodeMirror")
        assert page.locator(".CodeMirror .cm-keyword").count() > 0
        assert page.locator(".sparql-example").count() >= 10

        page.get_by_role("button", name="Roles that need a skill").click()
        page.wait_for_selector("#sparql-table tbody tr")
        headers = page.locator("#sparql-table th").all_inner_texts()
        assert headers == ["role", "roleLabel", "how"]
        labels = page.locator("#sparql-table tbody tr td:nth-child(2)").all_inner_texts()
        assert any(label.startswith("data scientist") for label in labels)
        # Role URIs link to their concept pages.
        href = page.locator("#sparql-table tbody tr td:first-child a").first.get_attribute("href")
        assert href.startswith("/id/role/")
        assert "rows in" in page.locator("#sparql-status").inner_text()
        if SCREENSHOT_DIR:
            page.screenshot(path=str(Path(SCREENSHOT_DIR) / "sparql-page.png"), full_page=True)

        # A malformed query shows the parser's message.
        page.evaluate(
            "document.querySelector('.CodeMirror').CodeMirror.setValue('SELECT * WHERE { ?s ')"
        )
        page.click("#sparql-run")
        page.wait_for_selector("#sparql-error:not([hidden])")
        assert "malformed query (line 1" in page.locator("#sparql-error").inner_text()

        # Download as JSON posts the query with format=json.
        page.get_by_role("button", name="Skill gap between two roles").click()
        page.wait_for_selector("#sparql-table tbody tr")
        with page.expect_download() as info:
            page.get_by_role("button", name="Download JSON").click()
        download = info.value
        assert download.suggested_filename == "results.srj"
        doc = json.loads(Path(download.path()).read_text())
        assert doc["head"]["vars"] == ["skill", "skillLabel"]
        assert doc["results"]["bindings"]
        assert blocked == []
