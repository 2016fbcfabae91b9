"""The endpoint against real clients, on a live gunicorn server (see conftest.py)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from xml.dom.minidom import Document

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, XML, SPARQLWrapper

from skillgraph.sparql.examples import example
from skillgraph.store import open_store

from .helpers import MAX_ROWS, TIMEOUT

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
PREFIXES = (
    "PREFIX sg: <https://w3id.org/skillgraph/ontology#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)
JENA_SELECT_ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "text/tab-separated-values;q=0.7, text/csv;q=0.5, application/json;q=0.2, "
    "application/xml;q=0.2, */*;q=0.1"
)
JENA_GRAPH_ACCEPT = (
    "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.7, "
    "application/ld+json;q=0.5, */*;q=0.1"
)


def request(url, *, data=None, headers=None, method=None, timeout=30):
    """(status, headers, body) of one HTTP request, errors included."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def get(server, query, accept=None, **params):
    url = server.url + "?" + urllib.parse.urlencode({"query": query, **params})
    return request(url, headers={"Accept": accept} if accept else {})


def post_form(server, query, accept=None, **params):
    body = urllib.parse.urlencode({"query": query, **params}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if accept:
        headers["Accept"] = accept
    return request(server.url, data=body, headers=headers)


def expected_rows(store_path: Path, query: str, names: list[str]) -> list[tuple]:
    """Rows straight from the store with pyoxigraph, for comparison."""
    store = open_store(store_path)
    return [
        tuple(None if s[n] is None else s[n].value for n in names)
        for s in store.ox.query(query, use_default_graph_as_union=True)
    ]


# ----------------------------------------------------------------- real clients


def test_sparqlwrapper_json(server, default_store_path):
    query = example("skill-gap").query
    client = SPARQLWrapper(server.url)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    doc = client.query().convert()
    names = doc["head"]["vars"]
    assert names == ["skill", "skillLabel"]
    rows = [tuple(b[n]["value"] for n in names) for b in doc["results"]["bindings"]]
    assert rows == expected_rows(default_store_path, query, names)
    assert rows


def test_sparqlwrapper_xml_by_post(server, default_store_path):
    query = example("field-demand").query
    client = SPARQLWrapper(server.url)
    client.setQuery(query)
    client.setMethod("POST")
    client.setReturnFormat(XML)
    doc = client.query().convert()
    assert isinstance(doc, Document)
    rows = []
    for result in doc.getElementsByTagName("result"):
        row = {}
        for binding in result.getElementsByTagName("binding"):
            value = binding.firstChild
            row[binding.getAttribute("name")] = value.firstChild.data
        rows.append((row["skill"], row["skillLabel"], row["roles"]))
    assert rows == expected_rows(default_store_path, query, ["skill", "skillLabel", "roles"])
    assert len(rows) == 25


def test_rdflib_sparqlstore(server, default_store_path):
    graph = rdflib.Graph(store=SPARQLStore(server.url))
    query = example("roles-needing-skill").query
    rows = [(str(r.role), str(r.roleLabel), str(r.how)) for r in graph.query(query)]
    assert rows == expected_rows(default_store_path, query, ["role", "roleLabel", "how"])
    assert rows
    assert graph.query(example("ask-requires").query).askAnswer is True
    built = graph.query(example("describe-role").query).graph
    assert (None, rdflib.SKOS.prefLabel, rdflib.Literal("data analyst", lang="en")) in built


def test_yasgui_style_form_post_ignores_unknown_parameters(server):
    status, headers, body = post_form(
        server,
        PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?r a sg:Role }",
        accept="application/sparql-results+json,*/*;q=0.9",
        infer="true",
        sameAs="false",
        timeout="0",
    )
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    doc = json.loads(body)
    assert int(doc["results"]["bindings"][0]["n"]["value"]) > 50


def test_jena_style_accept_with_q_values(server):
    status, headers, body = get(server, example("fields").query, accept=JENA_SELECT_ACCEPT)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert headers["Vary"] == "Accept"
    # q-values, not order: TSV at 0.9 beats CSV at 1.0 only when it is higher.
    status, headers, body = get(
        server, example("fields").query, accept="text/csv;q=0.4, text/tab-separated-values"
    )
    assert headers["Content-Type"].startswith("text/tab-separated-values")
    lines = body.decode().splitlines()
    assert lines[0].split("\t") == ["?field", "?fieldLabel", "?roles"]
    status, headers, body = get(server, example("describe-role").query, accept=JENA_GRAPH_ACCEPT)
    assert headers["Content-Type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=body.decode(), format="turtle")) > 10


@pytest.mark.parametrize(
    ("fmt", "media_type", "rdflib_format"),
    [
        ("turtle", "text/turtle", "turtle"),
        ("ntriples", "application/n-triples", "nt"),
        ("rdfxml", "application/rdf+xml", "xml"),
        ("jsonld", "application/ld+json", "json-ld"),
    ],
)
def test_construct_in_every_rdf_format(server, fmt, media_type, rdflib_format):
    query = example("describe-role").query
    status, headers, body = get(server, query, accept=media_type)
    assert status == 200
    assert headers["Content-Type"].startswith(media_type)
    by_accept = _parse(body, rdflib_format)
    status, _, body = get(server, query, format=fmt)
    by_param = _parse(body, rdflib_format)
    assert len(by_accept) == len(by_param) == int(headers["X-SPARQL-Rows"]) > 10


def _parse(body: bytes, rdflib_format: str) -> rdflib.Graph:
    if rdflib_format != "json-ld":
        return rdflib.Graph().parse(data=body, format=rdflib_format)
    # rdflib's JSON-LD parser warns (ConjunctiveGraph); PyLD is an independent reader.
    from pyld import jsonld

    nquads = jsonld.to_rdf(json.loads(body), {"format": "application/n-quads"})
    return rdflib.Graph().parse(data=nquads, format="nt")


def test_csv_and_direct_post(server, default_store_path):
    query = example("upskilling").query
    body = query.encode()
    status, headers, data = request(
        server.url + "?format=csv",
        data=body,
        headers={"Content-Type": "application/sparql-query"},
    )
    assert status == 200
    assert headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(data.decode())))
    names = rows[0]
    expected = expected_rows(default_store_path, query, names)
    assert [tuple(r) for r in rows[1:]] == [tuple(v or "" for v in row) for row in expected]


def test_long_query_by_get_and_by_post(server):
    # Roughly 24 kB of query, 30 kB once URL-encoded: far past gunicorn's default 4 kB line.
    labels = " ".join(f'"no such label {i}"@en' for i in range(900))
    query = (
        PREFIXES + "SELECT ?r WHERE { VALUES ?l { " + labels + ' "data analyst"@en } '
        "?r skos:prefLabel ?l }"
    )
    assert len(urllib.parse.quote(query)) > 20_000
    for status, _, body in (get(server, query), post_form(server, query)):
        assert status == 200, body
        bindings = json.loads(body)["results"]["bindings"]
        assert [b["r"]["value"] for b in bindings] == [
            "https://w3id.org/skillgraph/id/role/data-analyst"
        ]


# ----------------------------------------------------------------- protocol details


def test_service_description_for_rdf_clients_and_page_for_browsers(server):
    status, headers, body = request(server.url, headers={"Accept": "text/turtle"})
    assert status == 200
    graph = rdflib.Graph().parse(data=body.decode(), format="turtle")
    endpoint = rdflib.URIRef(server.url)
    assert (endpoint, SD.endpoint, endpoint) in graph
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Query) in graph
    status, headers, body = request(
        server.url, headers={"Accept": "application/rdf+xml;q=0.9, text/html;q=0.5"}
    )
    assert headers["Content-Type"].startswith("application/rdf+xml")
    status, headers, body = request(
        server.url, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    )
    assert headers["Content-Type"].startswith("text/html")
    assert b"Skill gap between two roles" in body


def test_cors(server):
    status, headers, _ = request(
        server.url,
        method="OPTIONS",
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "content-type" in headers["Access-Control-Allow-Headers"].lower()
    _, headers, _ = get(server, "ASK { ?s ?p ?o }")
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_not_acceptable(server):
    status, _, body = get(server, "ASK { ?s ?p ?o }", accept="image/png")
    assert status == 406
    assert b"no format" in body


def test_malformed_query_gets_400_with_position(server):
    status, headers, body = get(server, "SELECT * WHERE {\n  ?s ?p \n}")
    assert status == 400
    assert headers["Content-Type"].startswith("text/plain")
    assert body.startswith(b"malformed query (line ")


# ----------------------------------------------------------------- attacks


def test_updates_are_refused_and_change_nothing(server, default_store_path):
    before = len(open_store(default_store_path))
    insert = "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }"
    answers = [
        get(server, insert),
        post_form(server, "DROP ALL"),
        request(
            server.url,
            data=urllib.parse.urlencode({"update": "DROP ALL"}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        ),
        request(
            server.url,
            data=b"CLEAR DEFAULT",
            headers={"Content-Type": "application/sparql-update"},
        ),
    ]
    for status, _, body in answers:
        assert status == 403
        assert b"read-only" in body
    assert len(open_store(default_store_path)) == before
    status, _, body = get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", format="csv")
    assert body.decode().split()[1] == str(before)


def test_service_never_reaches_the_listener(server, listener):
    queries = [
        f"SELECT * WHERE {{ SERVICE <{listener.url}sparql> {{ ?s ?p ?o }} }}",
        f"ASK {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{listener.url}> {{ ?s ?p ?x }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o }} # SERVICE <{listener.url}>",
    ]
    for query in queries[:-1]:
        status, _, body = post_form(server, query)
        assert status == 403, body
        assert b"SERVICE is not allowed" in body
    # In a comment the word is harmless and the query runs.
    assert post_form(server, queries[-1])[0] == 200
    time.sleep(0.5)
    assert listener.received == []
    # The listener does hear requests that are made: the silence above means something.
    request(listener.url, timeout=5)
    assert len(listener.received) == 1


def test_unchecked_oxigraph_would_call_service(listener):
    """Why the check matters: left alone, the engine does make the request."""
    import pyoxigraph as ox

    # The listener's empty answer is no SPARQL result, so the engine fails after asking.
    with contextlib.suppress(OSError, SyntaxError, ValueError):
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"))
    deadline = time.monotonic() + 5
    while not listener.received and time.monotonic() < deadline:
        time.sleep(0.1)
    assert listener.received, "pyoxigraph did not call the SERVICE endpoint"
    assert listener.received[0].split(b" ")[0] in (b"GET", b"POST")


def test_from_never_loads_files_or_urls(server, listener):
    for iri in ("file:///etc/passwd", listener.url + "data.ttl"):
        for query in (
            f"SELECT * FROM <{iri}> WHERE {{ ?s ?p ?o }}",
            f"SELECT * FROM NAMED <{iri}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        ):
            status, _, body = get(server, query)
            assert status == 403, body
            assert b"nothing is ever loaded" in body
        status, _, body = get(server, "SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": iri})
        assert status == 403
    time.sleep(0.5)
    assert listener.received == []


def test_oxigraph_itself_does_not_fetch_from_iris(listener):
    """Why refusing unknown graphs is enough: Oxigraph treats FROM as graph selection."""
    import pyoxigraph as ox

    store = ox.Store()
    rows = list(store.query(f"SELECT * FROM <{listener.url}x.ttl> WHERE {{ ?s ?p ?o }}"))
    assert rows == []
    time.sleep(0.3)
    assert listener.received == []


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / 100


def test_runaway_query_is_stopped_while_other_requests_are_answered(server):
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    outcome = {}

    def slow():
        started = time.monotonic()
        outcome["answer"] = get(server, cartesian)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    status, _, body = get(server, "ASK { ?s ?p ?o }")
    quick = time.monotonic() - started
    assert status == 200 and b"true" in body
    assert quick < TIMEOUT
    assert thread.is_alive(), "the cartesian product should still be running"
    thread.join(timeout=30)
    status, _, body = outcome["answer"]
    assert status == 503
    assert b"was stopped" in body
    assert TIMEOUT <= outcome["seconds"] < TIMEOUT + 5
    # The work really stopped: nothing under the server keeps burning CPU.  The worker
    # that replaces the stopped one spends a moment importing; a runaway query would burn
    # a whole CPU second every second, so wait (a few seconds at most) for a quiet one.
    for _ in range(8):
        processes = _descendants(server.pid)
        before = _cpu_seconds(processes)
        time.sleep(1.0)
        burnt = _cpu_seconds(processes) - before
        if burnt < 0.5:
            break
    assert burnt < 0.5
    # And the server still answers.
    assert get(server, "ASK { ?s ?p ?o }")[0] == 200


def test_result_is_capped_at_the_row_limit(server):
    status, headers, body = get(server, "SELECT * WHERE { ?s ?p ?o }", format="json")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    assert headers["X-SPARQL-Truncated"] == "true"
    assert headers["X-SPARQL-Row-Limit"] == str(MAX_ROWS)
    status, headers, body = get(server, "CONSTRUCT WHERE { ?s ?p ?o }", format="ntriples")
    assert len(body.decode().strip().splitlines()) == MAX_ROWS
    assert headers["X-SPARQL-Truncated"] == "true"
    _, headers, _ = get(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    assert headers["X-SPARQL-Truncated"] == "false"


def test_query_length_cap(server):
    query = "SELECT * WHERE { ?s ?p ?o }" + "#" * 60_000
    status, _, body = post_form(server, query)
    assert status == 413
    assert b"too long" in body
