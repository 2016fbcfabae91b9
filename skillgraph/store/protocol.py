"""The SPARQL 1.1 protocol as a remote store speaks it: media types, where a store's
metadata lives, and the small text and answer fixes real servers need (Virtuoso's ASK
tables and ``nodeID://`` blank nodes, prologues)."""

from __future__ import annotations

import json
import re
import urllib.parse
from typing import Any

import pyoxigraph as ox

__all__ = [
    "CONTENT_ID",
    "GRAPH_ACCEPT",
    "GRAPH_FORMATS",
    "META_GRAPH",
    "META_JSON",
    "RESULTS_ACCEPT",
    "RESULT_FORMATS",
    "VIRTUOSO_CAP",
    "XML_DECLARATION",
    "as_list",
    "boolean_results",
    "chain",
    "json_blank_nodes",
    "meta_graph_for",
    "meta_quads",
    "query_form",
    "split_prologue",
    "with_param",
]

#: The named graph holding the content id and the import metadata of a remote store.
META_GRAPH = "https://w3id.org/skillgraph/id/store/meta"
CONTENT_ID = "https://w3id.org/skillgraph/id/store/contentId"
META_JSON = "https://w3id.org/skillgraph/id/store/metaJson"
RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
XML_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
GRAPH_ACCEPT = (
    "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5, "
    "application/sparql-results+json;q=0.1"
)
VIRTUOSO_CAP = (
    "SELECT (bif:cfg_item_value(bif:virtuoso_ini_path(), 'SPARQL', 'ResultSetMaxRows') AS ?n) {}"
)
# A prologue item (PREFIX, BASE) or a comment, before the query form's keyword.
_PROLOGUE_ITEM = re.compile(
    r"\s*(?:#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.I
)
_BLANK_LABEL = re.compile(r"[^A-Za-z0-9_]")


def as_list(graphs) -> list:
    if graphs is None:
        return []
    if isinstance(graphs, (list, tuple, set)):
        return [g for g in graphs if isinstance(g, ox.NamedNode)]
    return [graphs] if isinstance(graphs, ox.NamedNode) else []


def with_param(url: str, key: str, value: str | None) -> str:
    extra = key if value is None else urllib.parse.urlencode({key: value})
    return url + ("&" if "?" in url else "?") + extra


def split_prologue(sparql: str) -> tuple[str, str]:
    """``(prologue, rest)``: the PREFIX/BASE declarations (and comments) before the query.

    >>> split_prologue("PREFIX s: <http://x#> # note\\nSELECT ?a { ?a s:b 1 }")
    ('PREFIX s: <http://x#> # note\\n\\n', 'SELECT ?a { ?a s:b 1 }')
    """
    pos = 0
    while (match := _PROLOGUE_ITEM.match(sparql, pos)) and match.end() > pos:
        pos = match.end()
    rest = sparql[pos:].lstrip()
    return sparql[:pos] + "\n", rest


def query_form(sparql: str) -> str | None:
    """The query's form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``), or None.

    >>> query_form("PREFIX c: <http://x/construct#> ask { ?s c:p ?o }")
    'ASK'
    """
    match = re.match(r"[A-Za-z]+", split_prologue(sparql)[1])
    return match.group(0).upper() if match else None


def json_blank_nodes(body: bytes) -> bytes:
    """JSON results whose blank node labels pyoxigraph reads (Virtuoso: ``nodeID://b1``)."""
    doc = json.loads(body)
    for row in (doc.get("results") or {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = _BLANK_LABEL.sub("", term["value"]) or "b"
    return json.dumps(doc).encode("utf-8")


def boolean_results(value: bool):
    """A ``pyoxigraph.QueryBoolean`` (it has no constructor)."""
    text = b'{"head": {}, "boolean": true}' if value else b'{"head": {}, "boolean": false}'
    return ox.parse_query_results(text, ox.QueryResultsFormat.JSON)


def chain(*iterables):
    for iterable in iterables:
        yield from iterable


def meta_graph_for(graph: str | None) -> str:
    """The named graph holding the metadata of the content in ``graph`` (None: the
    default graph), so that one server can hold several stores.

    >>> meta_graph_for("urn:x:esco")
    'https://w3id.org/skillgraph/id/store/meta?graph=urn%3Ax%3Aesco'
    """
    if graph is None:
        return META_GRAPH
    return f"{META_GRAPH}?graph={urllib.parse.quote(graph, safe='')}"


def meta_quads(meta: dict[str, Any], graph_name: str = META_GRAPH) -> list[ox.Quad]:
    node, graph = ox.NamedNode(META_GRAPH), ox.NamedNode(graph_name)
    return [
        ox.Quad(node, ox.NamedNode(CONTENT_ID), ox.Literal(meta["content_id"]), graph),
        ox.Quad(node, ox.NamedNode(META_JSON), ox.Literal(json.dumps(meta)), graph),
    ]


# ----------------------------------------------------------------- the store
