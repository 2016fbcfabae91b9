"""The alignments are materialised inside Oxigraph (``CONSTRUCT``, N-Triples, bulk load;
issue 17): the statements are exactly those the plain term-by-term copy writes -- on real
ESCO data and on statements with blank nodes and literals."""

from __future__ import annotations

import pyoxigraph as ox

from skillgraph.store.alignment import RDF_TYPE, equivalences, materialise_alignments


def plain(store: ox.Store) -> None:
    """The term-by-term copy (what materialise_alignments wrote before)."""
    default = ox.DefaultGraph()
    classes, properties = equivalences()
    new = []
    for ours, theirs in classes:
        for a, b in ((ours, theirs), (theirs, ours)):
            new += [
                ox.Quad(q.subject, RDF_TYPE, ox.NamedNode(b), default)
                for q in store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(a), default)
            ]
    for ours, theirs in properties:
        for a, b in ((ours, theirs), (theirs, ours)):
            new += [
                ox.Quad(q.subject, ox.NamedNode(b), q.object, default)
                for q in store.quads_for_pattern(None, ox.NamedNode(a), None, default)
            ]
    store.bulk_extend(new)


def both_ways(quads: list[ox.Quad]) -> None:
    a, b = ox.Store(), ox.Store()
    a.bulk_extend(quads)
    b.bulk_extend(quads)
    plain(a)
    added = materialise_alignments(b)
    assert set(b) == set(a)
    assert added == len(a) - len(quads)
    assert materialise_alignments(b) == 0


def test_blank_nodes_literals_and_graphs():
    classes, properties = equivalences()
    role, esco_role = classes[0]
    prop, esco_prop = properties[0]
    x, blank, other = ox.NamedNode("http://example.org/x"), ox.BlankNode("b1"), ox.BlankNode()
    graph = ox.NamedNode("http://example.org/g")
    quads = [
        ox.Quad(x, RDF_TYPE, ox.NamedNode(role)),
        ox.Quad(blank, RDF_TYPE, ox.NamedNode(esco_role)),
        ox.Quad(x, ox.NamedNode(prop), blank),
        ox.Quad(other, ox.NamedNode(esco_prop), x),
        ox.Quad(x, ox.NamedNode(prop), ox.Literal('a "quoted"\ttab\nline', language="fr")),
        ox.Quad(
            x,
            ox.NamedNode(esco_prop),
            ox.Literal("4.50", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
        ),
        ox.Quad(x, ox.NamedNode(prop), ox.Literal("ünïcode ✓")),
        ox.Quad(x, RDF_TYPE, ox.NamedNode(role), graph),  # other graphs are left alone
    ]
    both_ways(quads)


def test_real_esco(esco_graph):
    """ESCO's statements without the entailed ones, materialised both ways."""
    classes, properties = equivalences()
    theirs = {b for _, b in classes} | {b for _, b in properties}
    quads = [
        q
        for q in esco_graph.store.ox.quads_for_pattern(None, None, None, None)
        if q.predicate.value not in theirs and q.object.value not in theirs
    ]
    both_ways(quads)
