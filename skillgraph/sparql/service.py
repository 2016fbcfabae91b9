"""The SPARQL 1.1 Service Description of the endpoint (what ``GET /sparql`` returns to RDF
clients): the endpoint, the language, the result formats, the default dataset and the
data's licences and attribution (which XML results cannot carry for every client)."""

from __future__ import annotations

import pyoxigraph as ox

from .results import write_graph

__all__ = ["service_description"]

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
DCTERMS_LICENSE = ox.NamedNode("http://purl.org/dc/terms/license")
DCTERMS_RIGHTS = ox.NamedNode("http://purl.org/dc/terms/rights")

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


def service_description(
    endpoint: str,
    fmt: str = "turtle",
    *,
    triples: int | None = None,
    licences: list[str] | tuple[str, ...] = (),
    attributions: list[str] | tuple[str, ...] = (),
    named_graphs: bool = False,
):
    """The description of the endpoint at ``endpoint`` as RDF in ``fmt`` (bytes).

    ``sd:UnionDefaultGraph`` is claimed only when the store has ``named_graphs`` (all of
    skillgraph's data sits in the default graph).  ``licences`` and ``attributions``
    describe the default dataset (``dcterms:license``, ``dcterms:rights``).

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
    if named_graphs:
        out.append(ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")))
    for link in licences:
        try:
            out.append(ox.Triple(dataset, DCTERMS_LICENSE, ox.NamedNode(link)))
        except ValueError:
            out.append(ox.Triple(dataset, DCTERMS_RIGHTS, ox.Literal(link)))
    out += [ox.Triple(dataset, DCTERMS_RIGHTS, ox.Literal(text)) for text in attributions]
    if triples is not None:
        out.append(ox.Triple(graph, ox.NamedNode(VOID + "triples"), ox.Literal(triples)))
    prefixes = {"sd": SD, "formats": FORMATS, "void": VOID, "dcterms": "http://purl.org/dc/terms/"}
    body, _, _ = write_graph(out, fmt, None, prefixes)
    return body
