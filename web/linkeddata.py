"""Linked Data: concept URIs of our namespace dereference here.

``https://w3id.org/skillgraph/id/<kind>/<slug>`` redirects (through w3id.org) to
``/id/<kind>/<slug>``, which answers by content negotiation: a browser gets the concept
page, an RDF client gets Turtle, JSON-LD, N-Triples or RDF/XML.  ``?format=ttl`` (or
``jsonld``, ``nt``, ``rdf``, ``html``) overrides the ``Accept`` header, for links people
can click.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, request

from skillgraph.errors import InvalidParameter, UnknownConcept
from skillgraph.iri import is_query_iri
from skillgraph.namespace import DATA, DCTERMS, RDFS, SCHEMA, SG, SKOS

from .knowledge import get_graph

bp = Blueprint("linkeddata", __name__)


#: media type -> (pyoxigraph format, short name); the order is the server's preference
#: after HTML when a client accepts several equally.
RDF_TYPES = {
    "text/turtle": (ox.RdfFormat.TURTLE, "ttl"),
    "application/ld+json": (ox.RdfFormat.JSON_LD, "jsonld"),
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, "nt"),
    "application/rdf+xml": (ox.RdfFormat.RDF_XML, "rdf"),
}
_BY_NAME = {short: mime for mime, (_, short) in RDF_TYPES.items()}
_BY_NAME.update(turtle="text/turtle", json="application/ld+json", ntriples="application/n-triples")
PREFIXES = {
    "sg": str(SG._NS),
    "skos": str(SKOS._NS),
    "rdfs": str(RDFS._NS),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    # One prefix per kind: a prefix ending at "id/" would need "role\/x" local names.
    **{kind: f"{DATA}{kind}/" for kind in ("role", "skill", "program", "field", "source")},
}
# Characters that may not appear inside <...> in SPARQL (and so not in our URIs).
#: Incoming links listed in a description (a field can be the field of thousands).
INCOMING_CAP = 1000


def negotiate() -> str:
    """The media type to answer with: ``text/html`` or one of ``RDF_TYPES``."""
    wanted = request.args.get("format", "").strip().lower()
    if wanted:
        if wanted == "html":
            return "text/html"
        if wanted not in _BY_NAME:
            raise InvalidParameter(
                f"parameter 'format' must be one of html, {', '.join(sorted(_BY_NAME))}, "
                f"not {wanted!r}"
            )
        return _BY_NAME[wanted]
    offered = ["text/html", "application/xhtml+xml", *RDF_TYPES]
    best = request.accept_mimetypes.best_match(offered, default="text/html")
    return "text/html" if best in ("text/html", "application/xhtml+xml") else best


def describe(uri: str) -> list[ox.Triple]:
    """The triples about ``uri``: its own statements (with their blank nodes), the labels of
    what it links to, and up to ``INCOMING_CAP`` incoming links with their labels."""
    store = get_graph().store
    node = f"<{uri}>"
    query = f"""
        PREFIX skos: <{SKOS._NS}>
        CONSTRUCT {{ ?s ?p ?o . ?o ?bp ?bo . ?o skos:prefLabel ?ol .
                     ?in ?ip ?s . ?in skos:prefLabel ?il }}
        WHERE {{
          {{ BIND({node} AS ?s) ?s ?p ?o
             OPTIONAL {{ FILTER(isBlank(?o)) ?o ?bp ?bo }}
             OPTIONAL {{ FILTER(isIRI(?o)) ?o skos:prefLabel ?ol }} }}
          UNION
          {{ SELECT ?in ?ip ?s ?il WHERE {{ BIND({node} AS ?s) ?in ?ip ?s
               OPTIONAL {{ ?in skos:prefLabel ?il }} }} LIMIT {INCOMING_CAP} }}
        }}"""
    # Subject by subject, so that Turtle writes each description as one block.
    return sorted(store.query(query), key=lambda t: (t.subject != ox.NamedNode(uri), str(t)))


@bp.get("/id/<path:rest>")
def dereference(rest: str):
    uri = str(DATA) + rest
    graph = get_graph()
    media = negotiate()
    if not is_query_iri(uri) or (graph.taxonomy.locate(uri) is None and not _exists(uri)):
        raise UnknownConcept(uri, graph.suggest(rest.rsplit("/", 1)[-1].replace("-", " ")))
    if media == "text/html":
        from .pages import render_concept

        response = Response(render_concept(uri), mimetype="text/html")
    else:
        fmt = RDF_TYPES[media][0]
        body = ox.serialize(describe(uri), format=fmt, prefixes=_prefixes_for(fmt))
        response = Response(body, mimetype=media)
        if media == "text/turtle":
            response.headers["Content-Type"] = "text/turtle; charset=utf-8"
    response.headers["Vary"] = "Accept"
    return response


def _prefixes_for(fmt) -> dict[str, str] | None:
    return PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None


def _exists(uri: str) -> bool:
    return bool(get_graph().store.query(f"ASK {{ <{uri}> ?p ?o }}"))
