"""Linked Data: concept URIs of our namespace and the vocabulary dereference here.

``https://w3id.org/skillgraph/id/<kind>/<slug>`` redirects (through w3id.org) to
``/id/<kind>/<slug>``, and the vocabulary's namespace ``https://w3id.org/skillgraph/ontology``
to ``/ontology``.  Both answer by content negotiation (``skillgraph.sparql.negotiate``, the
same rules as ``/sparql``): a browser gets the page, an RDF client gets Turtle (also for N3
and TriG), JSON-LD (also for ``application/json``), N-Triples (also for ``text/plain``) or
RDF/XML.  ``?format=ttl`` (or ``jsonld``, ``nt``, ``rdf``, ``html``) overrides the
``Accept`` header, for links people can click.  Read-only cross-origin GETs are allowed.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from skillgraph.errors import InvalidParameter, UnknownConcept
from skillgraph.iri import is_query_iri
from skillgraph.namespace import DATA, DCTERMS, RDFS, SCHEMA, SG, SKOS
from skillgraph.sparql.negotiate import GRAPH_FORMATS, HTML, Format, choose_page_or_graph

from .knowledge import get_graph
from .security import allow_cross_origin_reads

bp = Blueprint("linkeddata", __name__)


bp.after_request(allow_cross_origin_reads)


#: graph format name -> pyoxigraph format (the formats of ``GRAPH_FORMATS``).
OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
FORMAT_NAMES = ("html", *sorted(f.extension for f in GRAPH_FORMATS))
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


def negotiate() -> Format:
    """``HTML`` or the graph format to answer with (``?format=`` wins over Accept)."""
    wanted = request.args.get("format", "").strip()
    chosen = choose_page_or_graph(request.headers.get("Accept"), wanted or None)
    if chosen is None:
        raise InvalidParameter(
            f"parameter 'format' must be one of {', '.join(FORMAT_NAMES)}, not {wanted!r}"
        )
    return chosen


def rdf_response(triples, fmt: Format) -> Response:
    """``triples`` written in graph format ``fmt``, with its media type."""
    ox_format = OX_FORMATS[fmt.name]
    body = ox.serialize(triples, format=ox_format, prefixes=_prefixes_for(ox_format))
    return Response(body, content_type=fmt.content_type)


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
    fmt = negotiate()
    if not is_query_iri(uri) or (graph.taxonomy.locate(uri) is None and not _exists(uri)):
        raise UnknownConcept(uri, graph.suggest(rest.rsplit("/", 1)[-1].replace("-", " ")))
    if fmt is HTML:
        from .pages import render_concept

        response = Response(render_concept(uri), mimetype="text/html")
    else:
        response = rdf_response(describe(uri), fmt)
    response.headers["Vary"] = "Accept"
    return response


@bp.get("/ontology")
def ontology():
    """The vocabulary at its namespace: the page for people, the ontology for RDF clients."""
    from skillgraph.store import ontology_bytes

    fmt = negotiate()
    triples = list(ox.parse(ontology_bytes("skillgraph.ttl"), format=ox.RdfFormat.TURTLE))
    if fmt is HTML:
        response = Response(
            render_template("ontology.html", **vocabulary_terms(triples)), mimetype="text/html"
        )
    else:
        response = rdf_response(triples, fmt)
    response.headers["Vary"] = "Accept"
    return response


def vocabulary_terms(triples) -> dict:
    """The ontology's classes and properties for the page: term, label, comment, links."""
    owl = "http://www.w3.org/2002/07/owl#"
    rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    about: dict[str, dict] = {}
    for t in triples:
        if isinstance(t.subject, ox.NamedNode) and t.subject.value.startswith(str(SG._NS)):
            about.setdefault(t.subject.value, {"links": []})
            entry = about[t.subject.value]
            p, o = t.predicate.value, t.object
            if p == rdf_type:
                entry.setdefault("types", []).append(o.value)
            elif p == rdfs + "label":
                entry["label"] = o.value
            elif p == rdfs + "comment":
                entry["comment"] = o.value
            elif isinstance(o, ox.NamedNode):
                entry["links"].append((p.rsplit("#", 1)[-1].rsplit("/", 1)[-1], o.value))
    classes, properties = [], []
    for uri, entry in sorted(about.items()):
        item = {"uri": uri, "name": uri.rsplit("#", 1)[-1], **entry}
        types = entry.get("types", [])
        if owl + "Class" in types:
            classes.append(item)
        elif any(t.endswith("Property") for t in types):
            properties.append(item)
    return {"namespace": str(SG._NS), "classes": classes, "properties": properties}


def _prefixes_for(fmt) -> dict[str, str] | None:
    """Prefixes for the formats that abbreviate (pyoxigraph writes JSON-LD expanded)."""
    return PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None


def _exists(uri: str) -> bool:
    return bool(get_graph().store.query(f"ASK {{ <{uri}> ?p ?o }}"))
