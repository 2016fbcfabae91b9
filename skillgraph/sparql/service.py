"""The SPARQL 1.1 Service Description of the endpoint (what ``GET /sparql`` returns to RDF
clients): the endpoint, the language, the result formats and the default dataset."""

from __future__ import annotations

import pyoxigraph as ox

from .results import write_graph

__all__ = ["service_description"]

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")

_RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "RDF_XML",
    "JSON-LD",
)


def service_description(endpoint: str, fmt: str = "turtle", *, triples: int | None = None):
    """The description of the endpoint at ``endpoint`` as RDF in ``fmt`` (bytes).

    >>> text = service_description("http://localhost/sparql").decode()
    >>> "sd:SPARQL11Query" in text or "sparql-service-description#SPARQL11Query" in text
    True
    """
    service = ox.NamedNode(endpoint)
    dataset = ox.BlankNode()
    graph = ox.BlankNode()

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    out = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, DCTERMS_TITLE, ox.Literal("skillgraph SPARQL endpoint (read-only)")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), graph),
        ox.Triple(graph, RDF_TYPE, sd("Graph")),
    ]
    out += [
        ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + name))
        for name in _RESULT_FORMATS
    ]
    if triples is not None:
        out.append(ox.Triple(graph, ox.NamedNode(VOID + "triples"), ox.Literal(triples)))
    prefixes = {"sd": SD, "formats": FORMATS, "void": VOID, "dcterms": "http://purl.org/dc/terms/"}
    body, _, _ = write_graph(out, fmt, None, prefixes)
    return body
