"""The vocabulary's alignments, materialised: data typed and linked with ESCO's terms as well
as skillgraph's, so that someone who knows ESCO can query with ESCO's vocabulary.

The ontology (``ontology/skillgraph.ttl``) declares ``sg:Role owl:equivalentClass
esco:Occupation``, ``sg:essentialSkill owl:equivalentProperty esco:relatedEssentialSkill``
and so on.  Oxigraph does no OWL reasoning, so without help ``?o a esco:Occupation`` finds
nothing on an ESCO store.  Every store is built with the entailed statements written out
(both directions of each equivalence), once, at import: queries then cost nothing extra,
whatever the client (SPARQL, Linked Data, exports).  The cost is one statement per typed
concept and per role-skill link: on ESCO v1.1.1, 140,691 statements more (+31%), the
import 1.2 times as long (9.3 s against 7.7 s) and the store 84 MB on disk instead of 70
(``scripts/bench_alignment.py`` measures it).

>>> store = ox.Store()
>>> role = ox.NamedNode("http://example.org/clerk")
>>> store.add(ox.Quad(role, RDF_TYPE, ox.NamedNode(SG + "Role")))
>>> materialise_alignments(store)
1
>>> sorted(q.object.value for q in store.quads_for_pattern(role, RDF_TYPE, None))
['http://data.europa.eu/esco/model#Occupation', 'https://w3id.org/skillgraph/ontology#Role']
>>> bool(store.query("ASK { ?o a <http://data.europa.eu/esco/model#Occupation> }"))
True
>>> materialise_alignments(store)  # idempotent
0
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pyoxigraph as ox

__all__ = ["equivalences", "materialise_alignments"]

SG = "https://w3id.org/skillgraph/ontology#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@cache
def equivalences() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """``(classes, properties)``: the ``(ours, theirs)`` IRI pairs the ontology declares
    equivalent (``owl:equivalentClass``, ``owl:equivalentProperty``).

    >>> classes, properties = equivalences()
    >>> (SG + "Role", "http://data.europa.eu/esco/model#Occupation") in classes
    True
    >>> esco = "http://data.europa.eu/esco/model#"
    >>> (SG + "essentialSkill", esco + "relatedEssentialSkill") in properties
    True
    """

    classes, properties = [], []
    for triple in ox.parse(
        (resources.files("skillgraph.ontology") / "skillgraph.ttl").read_bytes(),
        format=ox.RdfFormat.TURTLE,
    ):
        if not (
            isinstance(triple.subject, ox.NamedNode) and isinstance(triple.object, ox.NamedNode)
        ):
            continue
        pair = (triple.subject.value, triple.object.value)
        if triple.predicate.value == OWL + "equivalentClass":
            classes.append(pair)
        elif triple.predicate.value == OWL + "equivalentProperty":
            properties.append(pair)
    return tuple(sorted(classes)), tuple(sorted(properties))


def materialise_alignments(store: ox.Store) -> int:
    """Add to ``store``'s default graph what the equivalences entail; returns how many
    statements were new.  Safe to run again (a second run adds nothing).

    Statements are read pattern by pattern and written with ``bulk_extend`` (several times
    faster than SPARQL ``INSERT ... WHERE`` on an on-disk store).
    """
    before = len(store)
    default = ox.DefaultGraph()
    classes, properties = equivalences()
    new: list[ox.Quad] = []
    for ours, theirs in classes:
        for a, b in ((ours, theirs), (theirs, ours)):
            target = ox.NamedNode(b)
            new += [
                ox.Quad(q.subject, RDF_TYPE, target, default)
                for q in store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(a), default)
            ]
    for ours, theirs in properties:
        for a, b in ((ours, theirs), (theirs, ours)):
            target = ox.NamedNode(b)
            new += [
                ox.Quad(q.subject, target, q.object, default)
                for q in store.quads_for_pattern(None, ox.NamedNode(a), None, default)
            ]
    if new:
        store.bulk_extend(new)
    return len(store) - before
