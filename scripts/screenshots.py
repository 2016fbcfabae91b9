#!/usr/bin/env python
"""Screenshots of the home page, a path-finder result and a role page, taken with headless
Chromium (Debian's) on the app served by gunicorn, offline (requests to other hosts are
blocked; the script fails if a page tried any).

    .venv/bin/python scripts/screenshots.py [--store PATH] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web.browser import launched_browser, offline_page, served  # noqa: E402

PAGES = {
    "home": "/",
    "path-finder": "/paths?"
    + urlencode(
        {
            "from": "https://w3id.org/skillgraph/id/role/administrative-assistant",
            "to": "https://w3id.org/skillgraph/id/role/data-analyst",
            "k": 3,
        }
    ),
    "role": "/id/role/data-analyst",
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", default=None, help="store (default: the built-in taxonomy)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with served(args.store) as base, launched_browser() as browser:
        page, blocked = offline_page(browser, viewport=(1360, 1500))
        for name, url in PAGES.items():
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            if page.locator("#graph").count():
                page.wait_for_function("() => window.skillgraphStable === true", timeout=20000)
            page.wait_for_timeout(300)
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=False)
            print(target)
        if blocked:
            print(f"pages tried to reach other hosts: {blocked}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
