"""Browser-test helpers: Debian's headless Chromium driven by Playwright, the app served by
gunicorn (as in production), and every request to another host aborted and recorded.

Never run ``playwright install``: the tests use the system Chromium (``scripts/setup-system``
installs it with apt-get) and skip with the reason when it is missing.
"""

from __future__ import annotations

import contextlib
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..servers import free_port, running

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def require_chromium() -> None:
    """Skip the calling test when the system Chromium is not installed."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(
            f"{CHROMIUM} not found: install Debian's chromium (scripts/setup-system does) "
            "to run the browser tests"
        )


@contextlib.contextmanager
def launched_browser():
    """A headless Chromium (Playwright's sync API), closed on exit."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def offline_page(browser, *, viewport=(1400, 1000), bypass_csp=False):
    """A new page whose requests to any non-loopback host are aborted; returns
    ``(page, blocked)`` where ``blocked`` lists the URLs that were attempted.

    ``bypass_csp`` ignores the pages' Content-Security-Policy, to test what they do
    without that second line of defence.  Wait with functions (``"() => ..."``), not
    expression strings: Playwright evaluates those with eval, which the policy forbids.
    """
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]}, bypass_csp=bypass_csp
    )
    blocked: list[str] = []

    def guard(route):
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK:
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    return page, blocked


@contextlib.contextmanager
def served(store: str | Path | None, *, timeout: float = 90.0) -> Iterator[str]:
    """The app served by gunicorn on a free loopback port; yields its base URL."""
    port = free_port()
    env = dict(os.environ)
    env.pop("SKILLGRAPH_STORE", None)
    if store is not None:
        env["SKILLGRAPH_STORE"] = str(store)
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--threads",
        "4",
        "--timeout",
        "120",
        "--preload",
        "skillgraph_web.wsgi:app",
    ]
    base = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        with urllib.request.urlopen(base + "/api/stats", timeout=2) as r:
            return r.status == 200

    with running(argv, env, ready, name="gunicorn", timeout=timeout, stop_timeout=10):
        yield base
