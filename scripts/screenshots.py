#!/usr/bin/env python
"""Screenshots of the home page, a path-finder result (on a desktop and on a phone), a
role page, a field page and a skills-only what-if, taken with headless Chromium (Debian's)
on the app served by gunicorn, offline (requests to other hosts are blocked; the script
fails if a page tried any).

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
    "field": "/id/field/data-and-ai",
    "whatif": "/whatif?learn=SQL",
}
#: Pages also taken at a phone's width (390 x 844), saved as ``<name>-phone.png``.
PHONE = ("path-finder", "home")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", default=None, help="store (default: the built-in taxonomy)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with served(args.store) as base, launched_browser() as browser:
        page, blocked = offline_page(browser, viewport=(1360, 1500))
        phone, phone_blocked = offline_page(browser, viewport=(390, 844))
        shots = [(page, name, url) for name, url in PAGES.items()]
        shots += [(phone, name + "-phone", PAGES[name]) for name in PHONE]
        for tab, name, url in shots:
            tab.goto(base + url)
            tab.wait_for_load_state("networkidle")
            if tab.locator("#graph").count():
                tab.wait_for_function("() => window.skillgraphStable === true", timeout=20000)
            tab.wait_for_timeout(300)
            target = out / f"{name}.png"
            tab.screenshot(path=str(target), full_page=False)
            print(target)
        blocked += phone_blocked
        if blocked:
            print(f"pages tried to reach other hosts: {blocked}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
