"""Answers do not depend on the order a store returns rows in (servers differ: Virtuoso
returned the default taxonomy's requirements and labels in another order than Oxigraph,
and graph exports and the label a search shows differed)."""

from __future__ import annotations

import io

import pyoxigraph as ox

import skillgraph
from skillgraph.formats.exporters import export
from skillgraph.store import Store


class ReversedStore(Store):
    """The same data, every table of rows that is not sorted returned in reverse order."""

    def query(self, sparql: str, **kwargs):
        result = self.ox.query(sparql, **kwargs)
        if not isinstance(result, ox.QuerySolutions) or "ORDER BY" in sparql.upper():
            return result
        variables = [v.value for v in result.variables]
        rows = list(result)[::-1]
        return _Solutions(variables, rows)


class _Solutions(list):
    def __init__(self, variables, rows):
        super().__init__(rows)
        self.variables = [ox.Variable(v) for v in variables]


def test_search_and_exports_ignore_the_store_order():
    plain = skillgraph.open()
    store = plain.store
    reversed_graph = skillgraph.open(ReversedStore(store.ox, dict(store.meta)))
    assert reversed_graph.store is not store
    for text in ("market", "data", "manager"):
        assert reversed_graph.search(text) == plain.search(text)
    for fmt in ("graphml", "cytoscape"):
        outputs = []
        for graph in (reversed_graph, plain):
            out = io.BytesIO()
            export(graph, fmt, out)
            outputs.append(out.getvalue())
        assert outputs[0] == outputs[1], fmt
