"""The app through Flask's test client: the factory, every route, parameters and errors,
the OpenAPI document, Linked Data and attribution."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
import rdflib
from skillgraph_web import BLUEPRINTS, create_app
from skillgraph_web.knowledge import get_graph

import skillgraph
from skillgraph.namespace import DATA, SKOS

ANALYST = str(DATA["role/data-analyst"])
ASSISTANT = str(DATA["role/administrative-assistant"])


# ----------------------------------------------------------------- the factory


def test_factory_defaults_and_test_config(monkeypatch):
    monkeypatch.delenv("SKILLGRAPH_STORE", raising=False)
    plain = create_app()
    assert not plain.testing
    assert plain.config["STORE"] is None
    configured = create_app({"TESTING": True})
    assert configured.testing
    # One blueprint per concern, all registered.
    assert {bp.name for bp in BLUEPRINTS} == set(configured.blueprints)
    with configured.app_context():
        assert get_graph().store.is_default


def test_settings_are_read_once_from_the_environment(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_SPARQL_TIMEOUT", "2.5")
    monkeypatch.setenv("SKILLGRAPH_STORE", "")
    app = create_app({"TESTING": True})
    assert app.config["SPARQL_TIMEOUT"] == 2.5
    assert app.config["STORE"] is None
    # Read at creation: a later change of the environment does not reach the app.
    monkeypatch.setenv("SKILLGRAPH_SPARQL_TIMEOUT", "9")
    assert app.config["SPARQL_TIMEOUT"] == 2.5


def test_factory_reads_the_store_from_the_environment(monkeypatch, careers_store):
    monkeypatch.setenv("SKILLGRAPH_STORE", str(careers_store))
    app = create_app({"TESTING": True})
    with app.app_context():
        assert get_graph().store.path == careers_store
        assert get_graph().resolve("office clerk").uri == "http://example.org/careers/clerk"


# ----------------------------------------------------------------- routes, table-driven

PAGES = [
    # (url, words the page must contain)
    ("/", ["Where can your skills take you?", "Try a career path"]),
    ("/search?q=data+ana", ["data analyst"]),
    ("/browse", ["Fields", "data and AI"]),
    (f"/concept?uri={quote(ANALYST)}", ["data analyst", "Neighbourhood", "essential skill"]),
    ("/id/role/data-analyst", ["data analyst", "graph-data"]),
    ("/id/skill/sql", ["SQL"]),
    ("/id/field/data-and-ai", ["data and AI"]),
    ("/paths", ["Path finder", "Examples"]),
    (
        f"/paths?from={quote(ASSISTANT)}&to={quote(ANALYST)}",
        ["Cheapest path", "graph-data-0", "skills match", "hours of learning"],
    ),
    ("/paths?from=administrative+assistant&to=data+analyst&k=1", ["Cheapest path"]),
    ("/next", ["Next steps"]),
    ("/next?from=data+analyst", ["fit", "most related first", "graph-data"]),
    ("/whatif", ["What if"]),
    (
        "/whatif?from=administrative+assistant&learn=SQL&learn=statistics",
        ["Newly reachable", "Cheaper moves", "graph-data", "a move made cheaper"],
    ),
    ("/api", ["JSON API", "/api/path"]),
]


@pytest.mark.parametrize(("url", "words"), PAGES)
def test_pages(client, url, words):
    r = client.get(url)
    assert r.status_code == 200, r.data[:500]
    assert r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    for word in words:
        assert word in page, word


API = [
    # (url, a key the JSON must hold)
    ("/api/search?q=data+ana", "results"),
    ("/api/search?q=sql&kind=skill&limit=3", "results"),
    (f"/api/concept?id={quote(ANALYST)}", "outgoing"),
    ("/api/concept?id=SQL&kind=skill", "incoming"),
    ("/api/concept/graph?id=data+analyst&cap=5", "nodes"),
    ("/api/browse", "fields"),
    (f"/api/browse/children?id={quote(str(DATA['field/data-and-ai']))}", "items"),
    ("/api/stats", "counts"),
    ("/api/sources", "sources"),
    ("/api/path?from=administrative+assistant&to=data+analyst", "paths"),
    ("/api/path?from=administrative+assistant&to=data+analyst&graph=1", "graphs"),
    ("/api/next?from=data+analyst&k=3", "moves"),
    ("/api/next?have=SQL&have=statistics&graph=true", "graph"),
    ("/api/whatif?from=administrative+assistant&learn=SQL", "newly_reachable"),
    ("/api/whatif?from=administrative+assistant&learn=SQL&graph=1", "graph"),
    ("/api/examples", "examples"),
    ("/api/openapi.json", "paths"),
]


@pytest.mark.parametrize(("url", "key"), API)
def test_api(client, url, key):
    r = client.get(url)
    assert r.status_code == 200, r.data[:500]
    assert r.mimetype == "application/json"
    assert key in r.get_json()


ERRORS = [
    # (url, status, error code, text in the message)
    ("/api/search", 400, "invalid_parameter", "'q' is required"),
    ("/api/search?q=x&limit=0", 400, "invalid_parameter", "'limit' must be between 1 and 100"),
    ("/api/search?q=x&limit=ten", 400, "invalid_parameter", "'limit' must be an integer"),
    ("/api/search?q=x&kind=planet", 400, "invalid_parameter", "'kind' must be one of"),
    ("/api/concept", 400, "invalid_parameter", "'id' is required"),
    ("/api/concept?id=data+analyts", 404, "unknown_concept", "data analyst"),
    ("/api/concept/graph?id=SQL&cap=100000", 400, "invalid_parameter", "'cap'"),
    ("/api/browse/children?id=no+such+thing+at+all", 404, "unknown_concept", "no concept"),
    ("/api/path?to=data+analyst", 400, "invalid_parameter", "start role"),
    ("/api/path?from=data+analyst", 400, "invalid_parameter", "'to' is required"),
    ("/api/path?from=data+analyst&to=data+analyts", 404, "unknown_concept", "data analyst"),
    ("/api/path?from=data+analyst&to=SQL", 404, "unknown_concept", "no role named 'SQL'"),
    ("/api/path?from=x&to=y&k=0", 400, "invalid_parameter", "'k' must be between 1 and 10"),
    ("/api/path?from=x&to=y&max_steps=0", 400, "invalid_parameter", "'max_steps'"),
    ("/api/path?from=x&to=y&max_reskilling=-1", 400, "invalid_parameter", "'max_reskilling'"),
    ("/api/path?from=x&to=y&graph=maybe", 400, "invalid_parameter", "'graph'"),
    ("/api/next", 400, "invalid_parameter", "start role"),
    ("/api/next?from=data+analyst&k=51", 400, "invalid_parameter", "'k'"),
    ("/api/whatif?from=data+analyst", 400, "invalid_parameter", "skills to learn"),
    ("/api/whatif?from=data+analyst&learn=no+such+skill+zz", 404, "unknown_concept", "skill"),
    ("/api/nothing-here", 404, "not_found", ""),
    ("/id/role/no-such-role", 404, "unknown_concept", "no concept"),
]


@pytest.mark.parametrize(("url", "status", "code", "text"), ERRORS)
def test_api_errors(client, url, status, code, text):
    r = client.get(url, headers={"Accept": "application/json"})
    assert r.status_code == status, r.data[:500]
    body = r.get_json()
    assert body["error"] == code
    assert body["status"] == status
    assert text in body["message"]


def test_unknown_concept_comes_with_suggestions(client):
    body = client.get("/api/concept?id=data+analyts").get_json()
    assert "data analyst" in body["suggestions"]


def test_no_path_is_an_answer_with_the_reason(client):
    # Retraining reaches any role in one step, but that step changes field; staying in
    # the field takes more than one step: together the constraints leave no path.
    q = "from=administrative+assistant&to=head+of+data&max_reskilling=0&max_steps=1"
    r = client.get(f"/api/path?{q}")
    assert r.status_code == 200
    body = r.get_json()
    assert body["paths"] == []
    assert body["no_path"]["reason"] == "the constraints together exclude every path"
    page = client.get(f"/paths?{q}")
    assert "No path:" in page.get_data(as_text=True)


def test_page_errors_are_html_with_suggestions(client):
    r = client.get("/concept?uri=data+analyts")
    assert r.status_code == 404
    assert r.mimetype == "text/html"
    assert "Did you mean" in r.get_data(as_text=True)
    assert client.get("/paths?from=x&to=y&k=zero").status_code == 400


def test_a_bad_name_in_a_form_is_shown_on_the_form(client):
    r = client.get("/paths?from=data+analyts&to=data+analyst")
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    assert 'id="problem"' in page
    assert "no role named" in page
    # A suggestion re-runs the query with the name replaced.
    assert 'href="/paths?to=data+analyst&amp;from=data+analyst"' in page


# ----------------------------------------------------------------- the answers


def test_path_api_matches_the_library():
    app = create_app({"TESTING": True})
    client = app.test_client()
    body = client.get(f"/api/path?from={quote(ASSISTANT)}&to={quote(ANALYST)}&k=3").get_json()
    g = skillgraph.open()
    expected = g.careers.paths(ASSISTANT, ANALYST, k=3)
    assert len(body["paths"]) == len(expected)
    for got, want in zip(body["paths"], expected, strict=True):
        assert [s["target"]["uri"] for s in got["steps"]] == [s.target.uri for s in want.steps]
        assert got["cost"] == pytest.approx(want.cost)
        assert got["hours"] == pytest.approx(want.hours)
        assert got["steps"][0]["target"]["url"].startswith("/id/role/")


def test_path_constraints_reach_the_library(client):
    base = "/api/path?from=administrative+assistant&to=data+analyst"
    free = client.get(base + "&k=5").get_json()["paths"]
    assert 1 <= len(free) <= 5
    # Forbidding the first path's middle roles changes the answer and avoids them.
    middle = [s["target"]["uri"] for s in free[0]["steps"][:-1]]
    if middle:
        avoid = "".join(f"&avoid={quote(u)}" for u in middle)
        other = client.get(base + avoid).get_json()
        for path in other["paths"]:
            assert not {s["target"]["uri"] for s in path["steps"]} & set(middle)
    no_reskilling = client.get(base + "&max_reskilling=0").get_json()
    for path in no_reskilling["paths"]:
        assert path["reskilling_steps"] == 0
    short = client.get(base + "&max_steps=2").get_json()
    for path in short["paths"]:
        assert len(path["steps"]) <= 2


def test_path_from_skills_starts_at_the_profile(client):
    body = client.get(
        "/api/path?have=SQL&have=statistics&have=spreadsheet+modelling&to=data+analyst"
    ).get_json()
    assert body["from"] is None
    assert [h["label"] for h in body["have"]] == ["SQL", "statistics", "spreadsheet modelling"]
    first = body["paths"][0]["steps"][0]
    assert first["source"]["kind"] == "profile"
    assert "url" not in first["source"]


def test_path_drawing_holds_roles_gaps_and_programs(client):
    body = client.get("/api/path?from=administrative+assistant&to=data+analyst&graph=1")
    body = body.get_json()
    path, drawing = body["paths"][0], body["graphs"][0]
    nodes = {n["id"]: n for n in drawing["nodes"]}
    role_uris = {n["uri"] for n in nodes.values() if n["kind"] == "role"}
    assert role_uris == {ASSISTANT} | {s["target"]["uri"] for s in path["steps"]}
    for i, step in enumerate(path["steps"]):
        for gap in step["missing_skills"][:8]:
            assert nodes[f"{i}|{gap['skill']['uri']}"]["kind"] == "skill"
        for pick in step["programs"]:
            assert nodes[f"{i}|{pick['program']['uri']}"]["kind"] == "program"
    kinds = {e["kind"] for e in drawing["edges"]}
    assert {s["kind"] for s in path["steps"]} <= kinds
    assert drawing["options"]["physics"]["enabled"] is False


def test_alternatives_are_switchable_and_in_the_url(client):
    r = client.get("/paths?from=administrative+assistant&to=data+analyst&k=3&alt=1")
    page = r.get_data(as_text=True)
    tabs = {m.group(1): m.group(0) for m in re.finditer(r'<a [^>]*data-alt="(\d)"[^>]*>', page)}
    assert set(tabs) == {"0", "1", "2"}
    assert 'aria-selected="true"' in tabs["1"]
    assert 'aria-selected="false"' in tabs["0"]
    assert "alt=2" in tabs["2"]  # each tab is a shareable URL
    sections = re.findall(r'<section class="alternative" data-alt="(\d)" ?(hidden)?', page)
    assert sections == [("0", "hidden"), ("1", ""), ("2", "hidden")]
    bad = client.get("/paths?from=administrative+assistant&to=data+analyst&k=3&alt=3")
    assert bad.status_code == 400


def test_neighbourhood_is_capped_visibly(client):
    body = client.get("/api/concept/graph?id=data+analyst&cap=3").get_json()
    assert body["meta"]["shown"] == 3
    assert body["meta"]["total"] > 3
    assert len(body["nodes"]) == 4
    page = client.get("/id/role/data-analyst?cap=3").get_data(as_text=True)
    assert f"showing 3 of {body['meta']['total']} related concepts" in page


def test_search_matches_alternative_labels(client):
    g = skillgraph.open()
    shown = g.show(ANALYST)
    alt = shown["alt_labels"][0]
    body = client.get(f"/api/search?q={quote(alt)}&kind=role").get_json()
    assert body["results"][0]["uri"] == ANALYST
    assert body["results"][0]["matched"] == alt


def test_browse_children_lists_the_members_of_a_field(client):
    field = str(DATA["field/data-and-ai"])
    body = client.get(f"/api/browse/children?id={quote(field)}").get_json()
    assert ANALYST in {item["uri"] for item in body["items"]}
    assert body["total"] >= len(body["items"])


# ----------------------------------------------------------------- OpenAPI


def test_every_api_route_is_in_the_openapi_document(app):
    doc = app.test_client().get("/api/openapi.json").get_json()
    documented = set(doc["paths"])
    for rule in app.url_map.iter_rules():
        path = rule.rule
        if path.startswith("/api/") and "GET" in rule.methods:
            assert path in documented, f"{path} is not in the OpenAPI document"
    assert "/id/{path}" in documented
    # And every documented /api path is a route.
    routes = {rule.rule for rule in app.url_map.iter_rules()}
    for path in documented:
        if path.startswith("/api/"):
            assert path in routes, path


def test_openapi_parameters_are_the_ones_the_views_read(client):
    doc = client.get("/api/openapi.json").get_json()
    names = {p["name"] for p in doc["paths"]["/api/path"]["get"]["parameters"]}
    assert names == {
        "from", "have", "to", "k", "max_reskilling", "max_steps", "avoid", "graph",
        "wage_floor", "exposure_weight",
    }  # fmt: skip


# ----------------------------------------------------------------- Linked Data

NEGOTIATION = [
    # (Accept header, expected media type)
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("text/turtle", "text/turtle"),
    ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("text/turtle;q=0.5, application/ld+json", "application/ld+json"),
    ("*/*", "text/html"),
]


@pytest.mark.parametrize(("accept", "media"), NEGOTIATION)
def test_linked_data_content_negotiation(client, accept, media):
    r = client.get("/id/role/data-analyst", headers={"Accept": accept})
    assert r.status_code == 200
    assert r.mimetype == media
    assert "Accept" in r.headers["Vary"]


def _jsonld_as_ntriples(text: str) -> str:
    # pyld is an independent JSON-LD reader (rdflib's plugin warns on every use).
    from pyld import jsonld

    return jsonld.to_rdf(json.loads(text), {"format": "application/n-quads"})


@pytest.mark.parametrize(
    ("fmt", "parser"),
    [("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt"), ("rdf", "xml")],
)
def test_linked_data_is_rdf_about_the_concept(client, fmt, parser):
    r = client.get(f"/id/role/data-analyst?format={fmt}")
    g = rdflib.Graph()
    text = r.get_data(as_text=True)
    if parser == "json-ld":
        text, parser = _jsonld_as_ntriples(text), "nt"
    g.parse(data=text, format=parser)
    me = rdflib.URIRef(ANALYST)
    assert (me, SKOS.prefLabel, rdflib.Literal("data analyst", lang="en")) in g
    essential = rdflib.URIRef("https://w3id.org/skillgraph/ontology#essentialSkill")
    store = skillgraph.open()
    expected = {
        rdflib.URIRef(row[0].value)
        for row in store.store.query(f"SELECT ?s WHERE {{ <{ANALYST}> <{essential}> ?s }}")
    }
    assert set(g.objects(me, essential)) == expected


def test_linked_data_rejects_unknown_formats(client):
    assert client.get("/id/role/data-analyst?format=pdf").status_code == 400


# ----------------------------------------------------------------- attribution


def test_pages_with_attributed_content_say_so(careers_client):
    attribution = "Careers example data, CC0."
    for url in (
        "/concept?uri=http://example.org/careers/clerk",
        "/paths?from=office+clerk&to=data+analyst",
        "/",
        "/browse",
    ):
        r = careers_client.get(url)
        assert r.status_code == 200, url
        assert attribution in r.get_data(as_text=True), url
    assert attribution in json.dumps(careers_client.get("/api/sources").get_json())


def test_concept_json_names_its_source(careers_client):
    body = careers_client.get("/api/concept?id=office+clerk").get_json()
    assert body["source"]["attribution"] == "Careers example data, CC0."


# ----------------------------------------------------------------- the bare app

BARE = ["/", "/browse", "/search?q=anything", "/paths", "/next", "/whatif", "/api"]


@pytest.mark.parametrize("url", BARE)
def test_bare_app_pages(bare_client, url):
    assert bare_client.get(url).status_code == 200


def test_bare_app_answers_empty_not_broken(bare_client):
    assert bare_client.get("/api/search?q=data").get_json()["results"] == []
    assert bare_client.get("/api/examples").get_json()["examples"] == []
    assert bare_client.get("/api/path?from=a&to=b").status_code == 404


@pytest.mark.parametrize("url", ["/", "/paths", "/id/role/data-analyst", "/browse", "/api"])
def test_html_pages_forbid_inline_scripts_and_other_hosts(client, url):
    policy = client.get(url).headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_path_page_carries_each_alternative_graph_once(client):
    # Regression: the first alternative's drawing was embedded twice (100 KB on long paths).
    html = client.get("/paths?from=administrative+assistant&to=data+analyst&k=3").get_data(
        as_text=True
    )
    assert 'id="graph-data"' not in html
    assert html.count('id="graph-data-0"') == 1
    assert html.count("data-graph-current") == 1
