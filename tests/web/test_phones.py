"""Every page fits a 360 px phone without scrolling sideways (issue 14), in headless
Chromium: a crawl of the default taxonomy's pages, and ESCO's main pages (skipped without
../shared/data); the step and move tables read as cards on a phone."""

from __future__ import annotations

from collections import deque
from urllib.parse import parse_qsl, quote, urlsplit

from .browser import offline_page, served

PHONE = (360, 740)
#: Pages a crawl of the default taxonomy visits at most, and per kind of page (path and
#: sorted parameter names), so that the crawl covers every template without visiting all
#: ~950 concept pages.
CRAWL_LIMIT = 70
PER_SHAPE = 3
SKIP = ("/api", "/static", "/sparql?", "/export/", "/export?")


def _width(page) -> dict:
    """The document's width against the viewport's, and the widest elements if wider."""
    return page.evaluate(
        """() => { const W = window.innerWidth, out = [];
          document.querySelectorAll('body *').forEach(e => {
            const r = e.getBoundingClientRect();
            if (r.right > W + 1 && e.offsetParent !== null)
              out.push(e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(r.right));
          });
          const scroll = document.documentElement.scrollWidth;
          return {scroll: scroll, inner: W, wide: out.slice(0, 5)}; }"""
    )


def _shape(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path
    if path.startswith("/id/"):
        path = "/id/" + path.split("/")[2]  # one shape per kind of concept
    return path + "?" + ",".join(sorted({k for k, _ in parse_qsl(parts.query)}))


def _visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if page.locator("#graph").count():
        page.wait_for_function("() => window.skillgraphStable === true", timeout=20000)


def test_a_crawl_of_the_default_taxonomy_fits_360px(browser):
    page, blocked = offline_page(browser, viewport=PHONE)
    too_wide = {}
    with served(None) as base:
        start = [
            "/",
            "/paths?from=data+analyst&to=machine+learning+engineer",
            "/paths?have=SQL&have=statistics",
            "/next?from=data+analyst",
            "/whatif?learn=SQL",
            "/whatif?from=data+analyst&learn=SQL",
            "/paths?from=administrative+assistant&to=head+of+data&max_reskilling=0&max_steps=1",
            "/sparql",
            "/id/role/data-analyst",
            "/id/skill/sql",
            "/id/field/data-and-ai",
            "/id/program/data-analytics-bootcamp",
        ]
        queue, seen, shapes = deque(start), set(start), {}
        visited = 0
        while queue and visited < CRAWL_LIMIT:
            url = queue.popleft()
            _visit(page, base + url)
            visited += 1
            found = _width(page)
            if found["scroll"] > found["inner"]:
                too_wide[url] = found
            links = page.evaluate(
                "() => Array.from(document.querySelectorAll('a[href^=\"/\"]'),"
                " a => a.getAttribute('href'))"
            )
            for link in links:
                link = link.split("#")[0]
                if not link or link in seen or link.startswith(SKIP) or "format=" in link:
                    continue
                shape = _shape(link)
                if shapes.get(shape, 0) >= PER_SHAPE:
                    continue
                shapes[shape] = shapes.get(shape, 0) + 1
                seen.add(link)
                queue.append(link)
    assert visited >= 40, f"the crawl reached only {visited} pages"
    assert not too_wide, too_wide
    assert not blocked


def test_step_and_move_tables_are_cards_on_a_phone(browser):
    page, _ = offline_page(browser, viewport=PHONE)
    with served(None) as base:
        _visit(page, base + "/paths?from=data+analyst&to=machine+learning+engineer")
        cells = page.evaluate(
            """() => { const row = document.querySelector('table.steps tbody tr');
              const head = document.querySelector('table.steps thead');
              const cost = row.querySelector('td[data-label="cost"]');
              return {row: getComputedStyle(row).display, head: getComputedStyle(head).display,
                      label: getComputedStyle(cost, '::before').content}; }"""
        )
        assert cells == {"row": "block", "head": "none", "label": '"cost"'}
        # At desktop width the same table is a table.
        page.set_viewport_size({"width": 1366, "height": 900})
        assert (
            page.evaluate(
                "() => getComputedStyle(document.querySelector('table.steps tbody tr')).display"
            )
            == "table-row"
        )
        page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
        _visit(page, base + "/next?from=data+analyst")
        assert (
            page.evaluate(
                "() => getComputedStyle(document.querySelector('#moves tbody tr')).display"
            )
            == "block"
        )
        # Chip inputs stay inside the form.
        form = page.locator("form.query").bounding_box()
        for box in page.locator("form.query .ac").all():
            b = box.bounding_box()
            assert b["x"] >= form["x"] and b["x"] + b["width"] <= form["x"] + form["width"] + 0.5


def test_esco_pages_fit_360px(browser, esco_store_path, esco_graph):
    developer = esco_graph.resolve("software developer", kind="role").uri
    manager = esco_graph.resolve("ICT project manager", kind="role").uri
    skill = esco_graph.resolve("use spreadsheets software", kind="skill").uri
    nurse = esco_graph.resolve("nurse responsible for general care", kind="role").uri
    urls = [
        "/",
        f"/paths?from={quote(developer)}&to={quote(manager)}",
        f"/next?from={quote(developer)}",
        f"/whatif?from={quote(developer)}&learn={quote(skill)}",
        f"/whatif?learn={quote(skill)}",
        f"/concept?uri={quote(nurse)}",
        f"/concept?uri={quote(skill)}",
        "/browse",
        "/search?q=nurse",
        "/sparql",
    ]
    page, blocked = offline_page(browser, viewport=PHONE)
    too_wide = {}
    with served(esco_store_path, timeout=240) as base:
        for url in urls:
            _visit(page, base + url)
            found = _width(page)
            if found["scroll"] > found["inner"]:
                too_wide[url] = found
    assert not too_wide, too_wide
    assert not blocked
