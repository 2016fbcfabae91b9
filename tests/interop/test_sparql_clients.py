"""``/sparql`` driven by the SPARQL clients people have: SPARQLWrapper in every return format,
rdflib's ``SPARQLStore`` in both of its formats, rasqal's ``roqet`` and Comunica; plus the
protocol details those clients and query forms (Virtuoso's, YASGUI) depend on."""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.parse
import urllib.request
import warnings

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDF, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from .helpers import require_comunica, require_tool

ESCO = "http://data.europa.eu/esco/"
SG = "https://w3id.org/skillgraph/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
ESCO_LICENCE = "https://eur-lex.europa.eu/eli/dec/2011/833/oj"

SELECT = f"SELECT ?role ?label WHERE {{ ?role a <{SG}Role> ; <{SKOS}prefLabel> ?label }}"
ASK = f"ASK {{ ?role a <{SG}Role> }}"
CONSTRUCT = (
    f"CONSTRUCT {{ ?role <{SKOS}prefLabel> ?label }} "
    f"WHERE {{ ?role a <{SG}Role> ; <{SKOS}prefLabel> ?label }}"
)


def request(url, *, data=None, headers=None, method=None):
    """(status, headers, body) of one HTTP request, errors included."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def get(site, query, accept=None, params=()):
    pairs = [("query", query), *params]
    url = site.sparql + "?" + urllib.parse.urlencode(pairs)
    return request(url, headers={"Accept": accept} if accept else {})


@pytest.fixture(scope="module")
def roles(esco_store):
    """The (role, label) pairs of the ESCO store, read directly."""
    from skillgraph.store import open_store

    return {(s["role"].value, s["label"].value) for s in open_store(esco_store).query(SELECT)}


def _wrapper(site, query, fmt, method):
    client = SPARQLWrapper(site.sparql)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


# ----------------------------------------------------------------- SPARQLWrapper


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select_and_ask_in_every_results_format(esco_site, roles, fmt, method):
    result = _wrapper(esco_site, SELECT, fmt, method).query()
    converted = result.convert()
    if fmt == JSON:
        rows = {(b["role"]["value"], b["label"]["value"]) for b in converted["results"]["bindings"]}
    elif fmt == XML:
        rows = set()
        for node in converted.getElementsByTagName("result"):
            values = {
                b.getAttribute("name"): b.firstChild.firstChild.data
                for b in node.getElementsByTagName("binding")
            }
            rows.add((values["role"], values["label"]))
    else:
        delimiter = "," if fmt == CSV else "\t"
        lines = converted.decode().splitlines()[1:]
        rows = {tuple(line.split(delimiter)) for line in lines}
        if fmt == TSV:
            rows = {(r.strip("<>"), json.loads(label.split("@")[0])) for r, label in rows}
    assert rows == roles and len(rows) == 3

    answer = _wrapper(esco_site, ASK, fmt, method).query().convert()
    if fmt == JSON:
        assert answer["boolean"] is True
    elif fmt == XML:
        assert answer.getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert answer.decode().split()[-1].lower() in ("true", "1")


def _graph_from(converted, fmt) -> rdflib.Graph:
    if isinstance(converted, rdflib.Graph):
        return converted
    text = converted.decode() if isinstance(converted, bytes) else converted
    return rdflib.Graph().parse(data=text, format="turtle")


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, RDF, XML, JSONLD, JSON, CSV, TSV])
def test_sparqlwrapper_construct_and_describe_in_every_return_format(esco_site, roles, fmt, method):
    """SPARQLWrapper sends ``format=rdf+xml&format=application/rdf+xml&output=...`` for
    RDFXML and ``n3`` for N3 (406 before); CSV, TSV and JSON are no graph formats: the
    Accept header it sends with them decides."""
    client = _wrapper(esco_site, CONSTRUCT, fmt, method)
    with warnings.catch_warnings():
        # SPARQLWrapper warns that it sends "*/*" for CSV/TSV/JSON with a graph query, and
        # rdflib's JSON-LD parser warns about ConjunctiveGraph: both are the clients' own.
        warnings.simplefilter("ignore")
        result = client.query()
        content_type = result.info()["content-type"]
        converted = result.convert()
    if fmt in (CSV, TSV):
        # SPARQLWrapper hands back the bytes of whatever graph format "*/*" got.
        assert content_type.startswith("text/turtle")
    if fmt in (JSON, JSONLD):
        # SPARQLWrapper reads JSON-LD into an rdflib graph for both.
        assert content_type.startswith("application/ld+json")
    graph = _graph_from(converted, fmt)
    assert {(str(s), str(o)) for s, _, o in graph} == roles

    client = _wrapper(esco_site, f"DESCRIBE <{sorted(roles)[0][0]}>", fmt, method)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = client.query()
        assert result.response.status == 200
        assert len(result.response.read()) > 100


# ----------------------------------------------------------------- rdflib SPARQLStore


@pytest.mark.parametrize("return_format", ["xml", "json"])
def test_rdflib_sparqlstore_every_query_form(esco_site, roles, return_format):
    """rdflib's SPARQLStore with returnFormat json sends only the SPARQL JSON results type
    for a CONSTRUCT too (406 before): a graph query gets Turtle, as from Fuseki."""
    store = SPARQLStore(esco_site.sparql, returnFormat=return_format)
    graph = rdflib.Graph(store)
    assert {(str(r), str(label)) for r, label in graph.query(SELECT)} == roles
    assert graph.query(ASK).askAnswer is True
    constructed = graph.query(CONSTRUCT).graph
    assert {(str(s), str(o)) for s, _, o in constructed} == roles
    role = sorted(roles)[0][0]
    described = graph.query(f"DESCRIBE <{role}>").graph
    assert (rdflib.URIRef(role), rdflib.RDF.type, rdflib.URIRef(SG + "Role")) in described


# ----------------------------------------------------------------- roqet (rasqal)


def _roqet(site, query, *extra):
    roqet = require_tool("roqet", "scripts/setup-system installs Debian's rasqal-utils")
    return subprocess.run(
        [roqet, "-p", site.sparql, "-e", query, *extra],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_roqet_reads_every_row_of_xml_results_with_a_licence(esco_site, roles):
    """rasqal reads no rows at all from XML results with a ``<link>`` in ``<head>``; the
    ESCO store has a licence link, which now travels in a header instead."""
    run = _roqet(esco_site, SELECT, "-r", "csv")
    assert run.returncode == 0, run.stderr
    rows = {tuple(line.split(",", 1)) for line in run.stdout.splitlines()[1:]}
    assert rows == roles


def test_roqet_accept_header_on_a_graph_query_gets_a_graph(esco_site, roles, listener):
    """roqet asks for SPARQL XML results whatever the query form; a CONSTRUCT answers that
    with a graph instead of 406.  (rasqal 0.9.33 itself reads only variable bindings from a
    remote service: it reads no rows from a graph, nor from the W3C's own ASK example, so
    the graph is checked with the header roqet sends.)"""
    roqet = require_tool("roqet", "scripts/setup-system installs Debian's rasqal-utils")
    subprocess.run(
        [roqet, "-p", listener.url + "sparql", "-e", CONSTRUCT],
        capture_output=True,
        timeout=30,
        check=False,
    )
    sent = b"".join(listener.received).decode("latin-1")
    accept = next(
        line.split(":", 1)[1].strip()
        for line in sent.splitlines()
        if line.lower().startswith("accept:")
    )
    assert "application/sparql-results+xml" in accept
    status, headers, body = get(esco_site, CONSTRUCT, accept=accept)
    assert status == 200
    assert headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert {(str(s), str(o)) for s, _, o in graph} == roles


# ----------------------------------------------------------------- Comunica


def test_comunica_select_ask_and_construct(esco_site, roles):
    comunica = require_comunica()
    source = "sparql@" + esco_site.sparql

    def run(query, *extra):
        done = subprocess.run(
            [comunica, source, query, *extra],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    rows = json.loads(run(SELECT))
    assert {(r["role"], r["label"].split('"')[1]) for r in rows} == roles
    assert run(ASK).strip() == "true"
    graph = rdflib.Graph().parse(data=run(CONSTRUCT, "-t", "text/turtle"), format="turtle")
    assert {(str(s), str(o)) for s, _, o in graph} == roles


# ----------------------------------------------------------------- protocol details


def test_empty_default_graph_uri_is_no_graph(esco_site):
    """Virtuoso's own query form sends ``default-graph-uri=`` (500 before)."""
    for params in (
        [("default-graph-uri", "")],
        [("named-graph-uri", "")],
        [("default-graph-uri", ""), ("named-graph-uri", "")],
    ):
        status, _, body = get(esco_site, ASK, "application/sparql-results+json", params)
        assert status == 200, body
        assert json.loads(body)["boolean"] is True


@pytest.mark.parametrize("name", ["default-graph-uri", "named-graph-uri"])
def test_relative_graph_uri_is_a_400_naming_it(esco_site, name):
    status, headers, body = get(esco_site, ASK, params=[(name, "graphs/g1")])
    assert status == 400
    assert headers["Content-Type"].startswith("text/plain")
    assert b"<graphs/g1> is not an absolute IRI" in body


def test_head_answers_like_get(esco_site):
    for url in (esco_site.sparql, esco_site.sparql + "?" + urllib.parse.urlencode({"query": ASK})):
        status, headers, body = request(url, method="HEAD")
        assert status == 200
        assert body == b""
        _, headers_get, _ = request(url)
        assert headers["Content-Type"] == headers_get["Content-Type"]


def test_attribution_headers_are_exposed_and_licence_is_linked(esco_site):
    status, headers, body = get(esco_site, SELECT, "application/sparql-results+xml")
    assert status == 200
    assert b"<link" not in body
    exposed = {h.strip() for h in headers["Access-Control-Expose-Headers"].split(",")}
    assert {"X-Data-Attribution", "Link", "X-SPARQL-Rows"} <= exposed
    assert headers["X-Data-Attribution"].startswith("ESCO (c) European Union")
    assert headers["Link"] == f'<{ESCO_LICENCE}>; rel="license"'
    # JSON results keep the licence in their head, where the format defines it.
    _, _, body = get(esco_site, SELECT, "application/sparql-results+json")
    assert json.loads(body)["head"]["link"] == [ESCO_LICENCE]


def test_service_description_claims_no_union_graph_and_names_the_licence(esco_site):
    status, _, body = request(esco_site.sparql, headers={"Accept": "text/turtle"})
    assert status == 200
    graph = rdflib.Graph().parse(data=body, format="turtle")
    service = rdflib.URIRef(esco_site.sparql)
    assert (service, SD.feature, SD.UnionDefaultGraph) not in graph
    dataset = graph.value(service, SD.defaultDataset)
    licence = rdflib.URIRef("http://purl.org/dc/terms/license")
    assert graph.value(dataset, licence) == rdflib.URIRef(ESCO_LICENCE)
