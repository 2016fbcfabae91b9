"""Export the store as RDF: Turtle, N-Triples, RDF/XML or JSON-LD (pyoxigraph's writers).

The export is the store's triples (or the closed subset a ``Selection`` keeps, without the
sources' concept schemes) plus one ``skos:ConceptScheme`` describing the export, so that
plain SKOS tools see a scheme: every role, skill, field and group is ``skos:inScheme`` it,
and its top concepts are the fields and every other concept without a ``skos:broader``
concept in the export (ISCO major groups, roles and skills outside any hierarchy, and in a
subset whatever lost its broader concept): no concept is loose, a subset is a
self-contained scheme.  The scheme carries each source's attribution as ``dcterms:rights``
(and ``rdfs:comment``) -- ESCO's and O*NET's licences require the attribution to travel
with their content.

RDF/XML is XML 1.0, which cannot hold most control characters even escaped; ESCO labels
contain a few, and a writer that emits them raw produces a file XML parsers reject.  They
are removed from literals in RDF/XML output only (the other formats escape them).

>>> _xml_safe("tab\\tok, bell\\x07 gone")
'tab\\tok, bell gone'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from ..errors import SkillgraphError
from ..namespace import DCTERMS, RDF, RDFS, SG, SKOS
from .selection import Selection

__all__ = ["PREFIXES", "attributions", "export_scheme", "rdf_triples", "write_rdf"]

PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "sg": str(SG._NS),
    "esco": "http://data.europa.eu/esco/model#",
    "id": "https://w3id.org/skillgraph/id/",
    "onet": "https://w3id.org/skillgraph/onet/",
}
FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
#: Classes whose members are SKOS concepts of the export scheme.
SCHEME_CLASSES = (SG.Role, SG.Skill, SG.Field, SG.SkillGroup, SG.OccupationGroup)
#: Classes whose members a subset may leave out (everything else -- the vocabulary,
#: sources, schemes -- is always kept).
CONCEPT_CLASSES = (*SCHEME_CLASSES, SG.LearningProgram, SG.Requirement)

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PREFIX = "PREFIX sg: <https://w3id.org/skillgraph/ontology#>\n"


def _xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def attributions(store) -> list[dict]:
    """The store's sources (``sg:Source`` nodes, else its metadata) with their attribution."""
    rows = store.query(
        _PREFIX + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?s (SAMPLE(?l) AS ?label) (SAMPLE(?a) AS ?attribution) (SAMPLE(?p) AS ?prefix) "
        "WHERE { ?s a sg:Source OPTIONAL { ?s rdfs:label ?l } OPTIONAL { ?s sg:attribution ?a } "
        "OPTIONAL { ?s sg:uriPrefix ?p } } GROUP BY ?s ORDER BY ?s"
    )
    found = [
        {
            "uri": r[0].value,
            "name": r[1].value if r[1] is not None else r[0].value,
            "attribution": r[2].value if r[2] is not None else None,
            "uri_prefix": r[3].value if r[3] is not None else None,
        }
        for r in rows
    ]
    if found:
        return found
    return [
        {
            "uri": None,
            "name": s.get("name"),
            "attribution": s.get("attribution"),
            "uri_prefix": None,
        }
        for s in store.meta.get("sources", [])
    ]


def attribution_text(store) -> str:
    """All attributions of the store as one paragraph ("" when none is required)."""
    return " ".join(a["attribution"] for a in attributions(store) if a["attribution"])


def _members(store, classes) -> list[str]:
    values = " ".join(f"<{c}>" for c in classes)
    return [
        r[0].value
        for r in store.query(
            f"SELECT DISTINCT ?c WHERE {{ VALUES ?t {{ {values} }} ?c a ?t FILTER(isIRI(?c)) }}"
        )
    ]


def kept_nodes(store, selection: Selection) -> tuple[set[str], set[str]]:
    """``(known, kept)``: the concept nodes a subset may drop, and those it keeps (including
    the rated requirements whose role and skill are both kept)."""
    known = set(_members(store, CONCEPT_CLASSES))
    kept = {uri for uri in known if selection.keeps(uri)}
    for r in store.query(
        _PREFIX + "SELECT ?r ?q ?s WHERE { ?r sg:requirement ?q . ?q sg:requiredSkill ?s }"
    ):
        if r[0].value in kept and r[2].value in kept:
            kept.add(r[1].value)
        else:
            kept.discard(r[1].value)
    return known, kept


def export_scheme(store, selection: Selection, kept: set[str] | None = None) -> list[ox.Triple]:
    """The triples of the concept scheme that describes this export."""
    scheme = ox.NamedNode(f"https://w3id.org/skillgraph/export/{store.content_id}")
    a = ox.NamedNode(str(RDF.type))
    title = f"skillgraph export of {selection.description}"
    out = [
        ox.Triple(scheme, a, ox.NamedNode(str(SKOS.ConceptScheme))),
        ox.Triple(scheme, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal(title, language="en")),
        ox.Triple(scheme, ox.NamedNode(str(DCTERMS.title)), ox.Literal(title, language="en")),
    ]
    for source in attributions(store):
        if source["attribution"]:
            text = ox.Literal(source["attribution"], language="en")
            out.append(ox.Triple(scheme, ox.NamedNode(str(DCTERMS.rights)), text))
            out.append(ox.Triple(scheme, ox.NamedNode(str(RDFS.comment)), text))
        if source["uri"]:
            out.append(
                ox.Triple(scheme, ox.NamedNode(str(DCTERMS.source)), ox.NamedNode(source["uri"]))
            )
    in_scheme = ox.NamedNode(str(SKOS.inScheme))
    members = {
        uri
        for uri in _members(store, SCHEME_CLASSES)
        if (kept is None and selection.keeps(uri)) or (kept is not None and uri in kept)
    }
    broader: dict[str, set[str]] = {}
    for r in store.query(f"SELECT ?c ?b WHERE {{ ?c <{SKOS.broader}> ?b }}"):
        broader.setdefault(r[0].value, set()).add(r[1].value)
    fields = set(_members(store, (SG.Field,)))
    for uri in sorted(members):
        node = ox.NamedNode(uri)
        out.append(ox.Triple(node, in_scheme, scheme))
        if uri in fields or not broader.get(uri, set()) & members:
            out.append(ox.Triple(scheme, ox.NamedNode(str(SKOS.hasTopConcept)), node))
            out.append(ox.Triple(node, ox.NamedNode(str(SKOS.topConceptOf)), scheme))
    return out


def rdf_triples(store, selection: Selection) -> Iterator[ox.Triple | ox.Quad]:
    """The exported statements: the kept content of the default graph, then the scheme."""
    quads = store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())
    if selection.everything:
        yield from quads
        yield from export_scheme(store, selection)
        return
    known, kept = kept_nodes(store, selection)
    # A subset is one self-contained scheme, the export's: the sources' schemes would hold
    # concepts whose broader concepts the subset leaves out (loose concepts to SKOS tools).
    dropped = known - kept
    # (ESCO names schemes by skos:inScheme without always declaring them.)
    dropped |= {
        r[0].value
        for r in store.query(
            f"""SELECT DISTINCT ?s WHERE {{
                  {{ ?s a <{SKOS.ConceptScheme}> }} UNION {{ ?c <{SKOS.inScheme}> ?s }}
                  UNION {{ ?c <{SKOS.topConceptOf}> ?s }} UNION {{ ?s <{SKOS.hasTopConcept}> ?c }}
                  FILTER(isIRI(?s)) }}"""
        )
    }
    for q in quads:
        s, o = q.subject, q.object
        if isinstance(s, ox.NamedNode) and s.value in dropped:
            continue
        if isinstance(o, ox.NamedNode) and o.value in dropped:
            continue
        yield q
    yield from export_scheme(store, selection, kept)


def _as_triples(statements: Iterable) -> Iterator[ox.Triple]:
    for q in statements:
        yield q.triple if isinstance(q, ox.Quad) else q


_NCNAME_TAIL = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")


def _splittable(predicate: str) -> bool:
    """Whether RDF/XML can write ``predicate`` as an element name (namespace + local name).

    >>> _splittable("http://www.w3.org/2004/02/skos/core#prefLabel"), _splittable("http://x/1")
    (True, False)
    """
    return _NCNAME_TAIL.search(predicate) is not None


def _xml_clean(statements: Iterable[ox.Triple]) -> Iterator[ox.Triple]:
    checked: set[str] = set()
    for t in statements:
        p = t.predicate.value
        if p not in checked:
            # pyoxigraph would write an element named "oxprefix:", which is not XML.
            if not _splittable(p):
                raise SkillgraphError(
                    f"cannot write rdfxml: the predicate <{p}> does not end in an XML name "
                    "(use turtle, ntriples or jsonld)"
                )
            checked.add(p)
        o = t.object
        if isinstance(o, ox.Literal) and _XML_ILLEGAL.search(o.value):
            if o.language:
                o = ox.Literal(_xml_safe(o.value), language=o.language)
            else:
                o = ox.Literal(_xml_safe(o.value), datatype=o.datatype)
            t = ox.Triple(t.subject, t.predicate, o)
        yield t


def write_rdf(store, selection: Selection, out: BinaryIO, fmt: str) -> None:
    """Write the export in ``fmt`` (a key of ``FORMATS``) to the binary stream ``out``."""
    statements = _as_triples(rdf_triples(store, selection))
    if fmt == "rdfxml":
        statements = _xml_clean(statements)
    prefixes = PREFIXES if fmt in ("turtle", "rdfxml") else None
    try:
        ox.serialize(statements, out, FORMATS[fmt], prefixes=prefixes)
    except ValueError as exc:  # e.g. a predicate IRI RDF/XML cannot split into a QName
        raise SkillgraphError(f"cannot write {fmt}: {exc}") from exc
