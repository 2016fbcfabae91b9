"""The example queries give the same rows on Oxigraph as on a plain rdflib Graph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare

from skillgraph.sparql import check_query, execute
from skillgraph.sparql.examples import EXAMPLES
from skillgraph.store import DEFAULT_FILES, ontology_bytes, open_default

NUMERIC = ("#integer", "#decimal", "#double", "#float")


@pytest.fixture(scope="module")
def engines():
    graph = rdflib.Graph()
    for name in DEFAULT_FILES:
        graph.parse(data=ontology_bytes(name), format="turtle")
    return open_default().ox, graph


def _ox(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        if term.datatype.value.endswith(NUMERIC):
            # Engines may print a decimal with different digits; compare the numbers.
            return round(float(term.value), 6)
        return (term.value, term.language)
    return term.value


def _rdflib(term):
    if term is None:
        return None
    if isinstance(term, rdflib.Literal):
        if term.datatype is not None and str(term.datatype).endswith(NUMERIC):
            return round(float(term), 6)
        return (str(term), term.language)
    return str(term)


def test_there_are_at_least_ten_examples_with_distinct_slugs():
    assert len(EXAMPLES) >= 10
    assert len({e.slug for e in EXAMPLES}) == len(EXAMPLES)


# The examples over wages and exposure need figures, which the default taxonomy has not:
# tests/formats/test_outlook_imports.py runs them on both engines over a store with figures.
@pytest.mark.parametrize(
    "example", [e for e in EXAMPLES if not e.needs_figures], ids=lambda e: e.slug
)
def test_example_same_answer_on_oxigraph_and_rdflib(engines, example):
    store, graph = engines
    checked = check_query(example.query)
    mine = store.query(example.query, use_default_graph_as_union=True)
    theirs = graph.query(example.query)
    if checked.kind == "boolean":
        assert bool(mine) == theirs.askAnswer
        return
    if checked.kind == "graph":
        mine_graph = rdflib.Graph().parse(
            data=ox.serialize(list(mine), format=ox.RdfFormat.N_TRIPLES).decode(),
            format="nt",
        )
        assert len(mine_graph) > 0
        assert rdflib.compare.isomorphic(mine_graph, theirs.graph)
        return
    names = [v.value for v in mine.variables]
    mine_rows = [tuple(_ox(s[n]) for n in names) for s in mine]
    theirs_rows = [tuple(_rdflib(r[n]) for n in names) for r in theirs]
    # Every example orders its rows totally, so order must agree too.
    assert mine_rows == theirs_rows
    assert mine_rows, f"{example.slug} found nothing in the default taxonomy"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.slug)
def test_example_runs_through_execute(engines, example):
    answer = execute(engines[0], example.query)
    assert answer.body
    assert not answer.truncated
