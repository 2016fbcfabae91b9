"""The pages in headless Chromium (Debian's, through Playwright), with every request to
another host blocked and recorded: the graphs draw from the app's own assets, show the
expected nodes, react to clicks, and hostile labels run no script anywhere."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

import skillgraph
from skillgraph.namespace import DATA

from .browser import offline_page, served

ANALYST = str(DATA["role/data-analyst"])
ASSISTANT = str(DATA["role/administrative-assistant"])
GAP_NODES = 8
X = "http://example.org/xss/"


def _stable(page, timeout=15000):
    page.wait_for_function("() => window.skillgraphStable === true", timeout=timeout)


def _nodes(page) -> list[dict]:
    return page.evaluate(
        "window.skillgraphNodes.get().map(n => ({id: n.id, kind: n.kind, uri: n.uri,"
        " label: n.fullLabel, opacity: n.opacity}))"
    )


def _click_node(page, node_id: str) -> None:
    point = page.evaluate(
        """(id) => { const net = window.skillgraph.network;
                     return net.canvasToDOM(net.getPositions([id])[id]); }""",
        node_id,
    )
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def _expected_nodes(path) -> tuple[set, set, set]:
    roles = {path.source.uri} | {s.target.uri for s in path.steps}
    skills = {g.skill.uri for s in path.steps for g in s.missing_skills[:GAP_NODES]}
    programs = {p.program.uri for s in path.steps for p in s.programs}
    return roles, skills, programs


def test_path_finder_draws_roles_programs_and_missing_skills(browser, base):
    page, blocked = offline_page(browser)
    page.goto(f"{base}/paths?from={quote(ASSISTANT)}&to={quote(ANALYST)}&k=3")
    _stable(page)
    nodes = _nodes(page)
    expected = skillgraph.open().careers.paths(ASSISTANT, ANALYST, k=3)
    roles, skills, programs = _expected_nodes(expected[0])
    assert {n["uri"] for n in nodes if n["kind"] == "role"} == roles
    assert {n["uri"] for n in nodes if n["kind"] == "skill"} == skills
    assert {n["uri"] for n in nodes if n["kind"] == "program"} == programs
    assert programs, "the default taxonomy's paths come with learning programs"
    # Upskilling and reskilling edges are drawn differently.
    styles = page.evaluate(
        "window.skillgraphEdges.get().filter(e => e.kind === 'upskilling' ||"
        " e.kind === 'reskilling').map(e => [e.kind, JSON.stringify(e.dashes), e.color.color])"
    )
    by_kind = {kind: (dashes, color) for kind, dashes, color in styles}
    assert set(by_kind) == {s.kind for s in expected[0].steps}
    if len(by_kind) == 2:
        assert by_kind["upskilling"] != by_kind["reskilling"]
    assert page.locator(".legend-edge.edge-reskilling").count() == 1
    assert blocked == []

    # Another alternative: the table and the graph switch, the URL keeps the choice.
    if len(expected) > 1:
        page.click('a[data-alt="1"]')
        page.wait_for_function(
            "() => window.skillgraphNodes && window.location.search.includes('alt=1')"
        )
        _stable(page)
        roles, skills, programs = _expected_nodes(expected[1])
        nodes = _nodes(page)
        assert {n["uri"] for n in nodes if n["kind"] == "role"} == roles
        assert page.locator('section.alternative[data-alt="1"]').is_visible()
        assert not page.locator('section.alternative[data-alt="0"]').is_visible()
        assert parse_qs(urlsplit(page.url).query)["alt"] == ["1"]
    assert blocked == []


def test_clicking_a_node_shows_details_and_highlights_neighbours(browser, base):
    page, blocked = offline_page(browser)
    page.goto(f"{base}/id/role/data-analyst")
    _stable(page)
    nodes = {n["id"]: n for n in _nodes(page)}
    target = next(n for n in nodes.values() if n["kind"] == "skill")
    _click_node(page, target["id"])
    page.wait_for_selector("#node-details h3")
    assert page.locator("#node-details h3").inner_text() == target["label"]
    link = page.locator("#node-details a.details-link").get_attribute("href")
    assert link.startswith("/id/skill/")
    # Neighbours stay, everything else fades.
    neighbours = set(
        page.evaluate("(id) => window.skillgraph.network.getConnectedNodes(id)", target["id"])
    )
    after = {n["id"]: n for n in _nodes(page)}
    for node_id, node in after.items():
        if node_id == target["id"] or node_id in neighbours:
            assert node["opacity"] == 1
        else:
            assert node["opacity"] < 0.5
    # Clicking the empty canvas clears the highlight.
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + 5)
    page.wait_for_function("() => window.skillgraphNodes.get().every(n => n.opacity === 1)")
    assert blocked == []


def test_layout_settles_and_stops(browser, base):
    page, _ = offline_page(browser)
    page.goto(f"{base}/id/skill/sql")
    _stable(page)
    before = page.evaluate("window.skillgraph.network.getPositions()")
    page.wait_for_timeout(800)
    after = page.evaluate("window.skillgraph.network.getPositions()")
    assert before == after


def test_autocomplete_suggests_and_opens_the_concept(browser, base):
    page, blocked = offline_page(browser)
    page.goto(base + "/")
    page.locator("#home-search").press_sequentially("data ana", delay=30)
    page.wait_for_selector(".ac-list li .ac-label")
    labels = page.locator(".ac-list li .ac-label").all_inner_texts()
    assert "data analyst" in labels
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/id/role/**")
    assert page.locator("h1").inner_text() == labels[0]
    assert blocked == []


def test_path_form_with_skills_i_have(browser, base):
    page, blocked = offline_page(browser)
    page.goto(base + "/paths")
    skills = ["SQL", "statistics", "spreadsheet modelling"]
    for n, skill in enumerate(skills, 1):
        page.locator("#have").press_sequentially(skill, delay=30)
        # The list answers what was typed last (regression: a loaded server answered "SQ"
        # after "SQL" was typed, and Enter picked a stale suggestion).
        page.wait_for_selector(f'#have ~ .ac-list[data-query="{skill}"] li .ac-label')
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_function("(n) => document.querySelectorAll('.chip').length === n", arg=n)
    page.locator("#to").press_sequentially("data analyst", delay=30)
    page.wait_for_selector('#to ~ .ac-list[data-query="data analyst"] li .ac-label')
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.click("#path-form button[type=submit]")
    page.wait_for_url("**/paths?**")
    query = parse_qs(urlsplit(page.url).query)
    assert query["to"] == [ANALYST]
    graph = skillgraph.open()
    assert query["have"] == [graph.resolve(s, kind="skill").uri for s in skills]
    _stable(page)
    kinds = {n["kind"] for n in _nodes(page)}
    assert {"profile", "role"} <= kinds
    assert blocked == []


def test_pages_make_no_request_to_other_hosts(browser, base):
    page, blocked = offline_page(browser)
    for url in (
        "/",
        "/browse",
        "/search?q=data",
        "/id/field/data-and-ai",
        f"/paths?from={quote(ASSISTANT)}&to={quote(ANALYST)}",
        "/next?from=data+analyst",
        "/whatif?from=data+analyst&learn=Python",
        "/api",
    ):
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
    page.goto(base + "/browse")
    page.locator("details[data-uri] > summary").first.click()
    page.wait_for_selector("details[data-loaded] li.tree-item")
    assert blocked == []


# ----------------------------------------------------------------- hostile labels


@pytest.fixture(scope="module")
def xss_base(browser, xss_store):
    with served(xss_store) as url:
        yield url


def _assert_nothing_ran(page):
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert page.locator("img").count() == 0


def test_hostile_labels_run_no_script(browser, xss_base):
    # Without the Content-Security-Policy: escaping alone must keep the markup inert.
    page, blocked = offline_page(browser, bypass_csp=True)
    graph_pages = [
        f"/concept?uri={quote(X + 'clerk')}",
        f"/concept?uri={quote(X + 's2')}",
        f"/paths?from={quote(X + 'clerk')}&to={quote(X + 'analyst')}",
        f"/paths?have={quote(X + 's1')}&to={quote(X + 'analyst')}",
        f"/next?from={quote(X + 'clerk')}",
    ]
    tooltips: list[str] = []
    clicked = 0
    for url in graph_pages:
        page.goto(xss_base + url)
        _stable(page)
        for node in _nodes(page):
            # Hover (tooltip) and click (details panel) every node.
            # Centre the view on the node first: a node drawn outside the visible canvas
            # would otherwise be clicked through to the page (a link) and navigate away.
            point = page.evaluate(
                "(id) => { const net = window.skillgraph.network;"
                " const pos = net.getPositions([id])[id];"
                " net.moveTo({position: pos, animation: false});"
                " return net.canvasToDOM(pos); }",
                node["id"],
            )
            box = page.locator("#graph").bounding_box()
            assert 0 < point["x"] < box["width"] and 0 < point["y"] < box["height"], point
            clicked += 1
            page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
            page.wait_for_timeout(250)
            tooltip = page.locator("div.vis-tooltip")
            if tooltip.count() and tooltip.is_visible():
                # Text only: innerText turns newlines into <br>, nothing else is an element.
                assert tooltip.locator(":not(br)").count() == 0
                tooltips.append(tooltip.inner_text())
            page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
            _assert_nothing_ran(page)
        assert page.locator("#node-details img").count() == 0
    # Every node was hovered and clicked; the hostile text reached the tooltips, as text.
    assert clicked >= len(graph_pages)
    assert any("<img src=x" in t for t in tooltips)
    for url in ("/", "/browse", "/search?q=skill", f"/whatif?from={quote(X + 'clerk')}&learn=x"):
        page.goto(xss_base + url)
        page.wait_for_load_state("networkidle")
        _assert_nothing_ran(page)
    # The tree and the autocomplete build their items from the data.
    page.goto(xss_base + "/browse")
    for _ in range(2):  # two levels: fields and schemes, then what they hold
        page.evaluate("document.querySelectorAll('details[data-uri]').forEach(d => d.open = true)")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
    assert "clerk <img" in page.locator("body").inner_text()
    _assert_nothing_ran(page)
    page.goto(xss_base + "/")
    page.locator("#home-search").press_sequentially("skill", delay=20)
    page.wait_for_selector(".ac-list li .ac-label")
    assert any("<img" in t for t in page.locator(".ac-list li").all_inner_texts())
    _assert_nothing_ran(page)
    assert blocked == []
