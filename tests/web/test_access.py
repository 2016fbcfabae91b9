"""Accessibility and drawings in headless Chromium (issue 14): axe-core finds no serious
or critical violation on the main pages; the autocomplete names its highlighted option;
a skip link; distinct titles; legends list only what is drawn; no two node labels overlap
on the default taxonomy's concept pages; long paths stay legible; a path prints."""

from __future__ import annotations

from pathlib import Path

import pytest

import skillgraph

from .browser import offline_page

AXE = Path(__file__).resolve().parents[2] / ".node" / "node_modules" / "axe-core" / "axe.min.js"
LONG_PATH = "/paths?from=administrative+assistant&to=head+of+data&max_reskilling=0"


def _visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if page.locator("#graph").count():
        page.wait_for_function("() => window.skillgraphStable === true", timeout=20000)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/paths?from=data+analyst&to=machine+learning+engineer",
        "/next?from=data+analyst",
        "/whatif?from=administrative+assistant&learn=SQL",
        "/whatif?learn=SQL",
        "/id/role/data-analyst",
        "/sparql",
        "/browse",
    ],
)
def test_axe_finds_no_serious_violation(browser, base, url):
    if not AXE.exists():
        pytest.skip(f"{AXE} missing: run scripts/setup-node (npm package axe-core)")
    # axe is injected as a script: the pages' CSP (rightly) refuses inline scripts.
    page, blocked = offline_page(browser, viewport=(1366, 900), bypass_csp=True)
    _visit(page, base + url)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3)
                  .map(n => n.target.join(' ')).join(', '))"""
    )
    assert found == [], found
    assert not blocked


def test_autocomplete_names_the_highlighted_option(browser, base):
    page, _ = offline_page(browser)
    _visit(page, base + "/paths")
    box = page.locator("#to")
    box.click()
    box.type("data")
    page.wait_for_selector("#to ~ ul.ac-list li[role=option]")
    page.wait_for_function(
        "() => document.querySelector('#to ~ ul.ac-list').getAttribute('data-query') === 'data'"
    )
    for n in (1, 2):
        box.press("ArrowDown")
        state = page.evaluate(
            """() => { const input = document.getElementById('to');
                 const id = input.getAttribute('aria-activedescendant');
                 const li = id && document.getElementById(id);
                 return {id: id, selected: li && li.getAttribute('aria-selected'),
                         index: li && li.getAttribute('data-index'),
                         controls: input.getAttribute('aria-controls'),
                         list: li && li.parentNode.id}; }"""
        )
        assert state["selected"] == "true" and state["index"] == str(n - 1), state
        assert state["controls"] == state["list"]
    box.press("Escape")
    assert box.get_attribute("aria-activedescendant") is None


def test_a_skip_link_leads_to_the_content(browser, base):
    page, _ = offline_page(browser)
    _visit(page, base + "/next?from=data+analyst")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    assert page.locator("a.skip").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_titles_say_which_question(browser, base):
    page, _ = offline_page(browser)
    titles = []
    for url in (
        "/paths?from=data+analyst&to=machine+learning+engineer",
        "/paths?from=administrative+assistant&to=data+analyst",
        "/paths?have=SQL&to=data+analyst",
        "/paths",
        "/next?from=data+analyst",
        "/whatif?learn=SQL",
        "/id/role/data-analyst",
    ):
        page.goto(base + url)
        titles.append(page.title())
    assert len(set(titles)) == len(titles), titles
    assert "data analyst to machine-learning engineer" in titles[0]


@pytest.mark.parametrize(
    "url",
    [
        "/id/role/data-analyst",
        "/id/skill/sql",
        "/paths?from=data+analyst&to=machine+learning+engineer",
        "/next?from=data+analyst",
        "/whatif?learn=SQL",
    ],
)
def test_legends_list_only_what_is_drawn(browser, base, url):
    page, _ = offline_page(browser)
    _visit(page, base + url)
    found = page.evaluate(
        """() => {
          const nodes = new Set(window.skillgraphNodes.get().map(n => n.kind));
          const edges = new Set(window.skillgraphEdges.get().map(e => e.kind));
          const kind = (el, prefix) => Array.from(el.classList).find(c => c.startsWith(prefix))
              .slice(prefix.length);
          const n = Array.from(document.querySelectorAll('.legend-node'), el => kind(el, 'kind-'));
          const e = Array.from(document.querySelectorAll('.legend-edge'), el => kind(el, 'edge-'));
          return {legendNodes: n, legendEdges: e,
                  nodes: Array.from(nodes), edges: Array.from(edges)};
        }"""
    )
    assert found["legendNodes"], found
    assert set(found["legendNodes"]) <= set(found["nodes"]), found
    # "step down" is drawn as the class pair "edge-step down".
    drawn = {k.split(" ")[0] for k in found["edges"]}
    assert set(found["legendEdges"]) <= drawn, found


def _concept_pages() -> list[str]:
    graph = skillgraph.open()
    t = graph.taxonomy
    from skillgraph_web.urls import concept_url

    uris = list(t.field_uris) + t.role_uris[:: max(1, len(t.role_uris) // 6)]
    uris += t.skill_uris[:: max(1, len(t.skill_uris) // 6)]
    uris += [graph.resolve("SQL", kind="skill").uri, graph.resolve("data analyst").uri]
    fans = ["/next?from=data+analyst", "/next?have=SQL", "/whatif?learn=SQL"]
    return [concept_url(u) for u in dict.fromkeys(uris)] + fans


def test_no_two_labels_overlap_on_concept_and_next_step_pages(browser, base):
    page, _ = offline_page(browser)
    overlaps = {}
    for url in _concept_pages():
        _visit(page, base + url)
        found = page.evaluate(
            """() => { const net = window.skillgraph.network;
              const ids = window.skillgraphNodes.getIds();
              const boxes = ids.map(id => [id, net.getBoundingBox(id)]);
              const out = [];
              for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i][1], b = boxes[j][1];
                if (a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
                    a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
                  out.push(boxes[i][0] + ' / ' + boxes[j][0]);
              }
              return {n: ids.length, overlaps: out.slice(0, 5)}; }"""
        )
        assert found["n"] > 1, url
        if found["overlaps"]:
            overlaps[url] = found["overlaps"]
    assert not overlaps, overlaps


@pytest.mark.parametrize("width", [1366, 390])
def test_a_long_path_keeps_its_labels_legible(browser, base, width):
    page, _ = offline_page(browser, viewport=(width, 900))
    _visit(page, base + LONG_PATH)
    steps = page.locator("section.alternative:not([hidden]) table.steps tbody tr").count()
    assert steps >= 4, "the example path should be long"
    found = page.evaluate(
        """() => { const net = window.skillgraph.network;
          const ids = window.skillgraphNodes.getIds();
          let top = Infinity, bottom = -Infinity;
          ids.forEach(id => { const b = net.getBoundingBox(id);
            top = Math.min(top, b.top); bottom = Math.max(bottom, b.bottom); });
          let left = Infinity, right = -Infinity;
          ids.forEach(id => { const b = net.getBoundingBox(id);
            left = Math.min(left, b.left); right = Math.max(right, b.right); });
          const graph = document.getElementById('graph');
          return {scale: net.getScale(), height: graph.clientHeight, width: graph.clientWidth,
                  drawn: (bottom - top) * net.getScale(), wide: (right - left) * net.getScale(),
                  hint: !document.getElementById('graph-scroll-hint').hidden}; }"""
    )
    # Role labels are 20 px on the canvas: at 0.6 they are still 12 px on screen.
    assert found["scale"] >= 0.6, found
    # No empty bands: the canvas is about as tall as the drawing.
    assert found["height"] <= found["drawn"] + 160, found
    # On a desktop the path wraps into rows and fits; on a phone it is dragged, and the
    # page says so.
    if width > 1000:
        assert found["wide"] <= found["width"] + 1 and not found["hint"], found
    else:
        assert found["hint"] == (found["wide"] > found["width"] + 1), found


def test_a_path_prints_its_steps_without_the_form_or_drawing(browser, base):
    page, _ = offline_page(browser)
    _visit(page, base + "/paths?from=data+analyst&to=machine+learning+engineer")
    assert page.locator("#print-path").is_visible()
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => { const d = s => { const el = document.querySelector(s);
                                    return el ? getComputedStyle(el).display : null; };
          return {form: d('form.query'), graph: d('.graph-wrap'), nav: d('header.top'),
                  table: d('section.alternative:not([hidden]) table.steps'),
                  title: d('section.alternative:not([hidden]) h2.print-only'),
                  other: d('section.alternative[hidden]')}; }"""
    )
    assert shown["form"] == shown["graph"] == shown["nav"] == shown["other"] == "none", shown
    assert shown["table"] == "table" and shown["title"] == "block", shown
    # On paper the plan fits the page: nothing wider than the printed body.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
