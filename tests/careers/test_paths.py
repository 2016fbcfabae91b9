"""Shortest paths, constraints and Yen's alternatives, with networkx as the oracle."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.careers.paths import fewest, k_shortest_paths, path_cost, shortest_path

# 0 -> 1 -> 3 is cheapest (2.0) but crosses a field at 1 -> 3; 0 -> 2 -> 3 (3.0) does not;
# 0 -> 1 -> 2 -> 3 costs 3.25; 0 -> 3 directly (4.5) is one step.  3 -> 0 closes a cycle.
ADJ = [
    [(1, 1.0, 0), (2, 1.5, 0), (3, 4.5, 1)],
    [(3, 1.0, 1), (2, 0.75, 0)],
    [(3, 1.5, 0)],
    [(0, 1.0, 0)],
]


def test_cheapest_path():
    assert shortest_path(ADJ, 0, 3) == (2.0, [0, 1, 3])


def test_constraints():
    assert shortest_path(ADJ, 0, 3, max_reskilling=0) == (3.0, [0, 2, 3])
    assert shortest_path(ADJ, 0, 3, max_steps=1) == (4.5, [0, 3])
    assert shortest_path(ADJ, 0, 3, max_steps=1, max_reskilling=0) is None
    assert shortest_path(ADJ, 0, 3, avoid={1}) == (3.0, [0, 2, 3])
    assert shortest_path(ADJ, 0, 3, avoid={1, 2}) == (4.5, [0, 3])
    assert shortest_path(ADJ, 0, 3, avoid={3}) is None


def test_cycle_and_self():
    assert shortest_path(ADJ, 3, 2) == (2.5, [3, 0, 2])
    assert shortest_path(ADJ, 2, 2) == (0.0, [2])
    assert k_shortest_paths(ADJ, 2, 2, 3) == [(0.0, [2])]


def test_alternatives_in_order():
    found = k_shortest_paths(ADJ, 0, 3, 10)
    assert found == [
        (2.0, [0, 1, 3]),
        (3.0, [0, 2, 3]),
        (3.25, [0, 1, 2, 3]),
        (4.5, [0, 3]),
    ]
    assert k_shortest_paths(ADJ, 0, 3, 2, max_reskilling=0) == [
        (3.0, [0, 2, 3]),
        (3.25, [0, 1, 2, 3]),
    ]
    assert k_shortest_paths(ADJ, 0, 3, 5, max_steps=2) == [
        (2.0, [0, 1, 3]),
        (3.0, [0, 2, 3]),
        (4.5, [0, 3]),
    ]


def test_fewest():
    assert fewest(ADJ, 0, 3, what="steps") == 1
    assert fewest(ADJ, 0, 3, what="reskilling") == 0
    assert fewest(ADJ, 3, 2, what="steps") == 2
    assert fewest([[], []], 0, 1, what="steps") is None


@st.composite
def graphs(draw):
    n = draw(st.integers(2, 8))
    adj = [[] for _ in range(n)]
    for u, v in itertools.permutations(range(n), 2):
        if draw(st.integers(0, 2)) == 0:
            cost = draw(st.integers(1, 20)) / 4  # exact in binary: no rounding ties
            adj[u].append((v, cost, draw(st.integers(0, 1))))
    return adj


def to_networkx(adj):
    g = nx.DiGraph()
    g.add_nodes_from(range(len(adj)))
    for u, edges in enumerate(adj):
        for v, c, x in edges:
            g.add_edge(u, v, weight=c, reskill=x)
    return g


def all_paths(adj, s, t):
    """Every simple path with (cost, reskilling, steps), by brute force."""
    g = to_networkx(adj)
    for nodes in nx.all_simple_paths(g, s, t):
        cost, resk = path_cost(adj, nodes)
        yield cost, resk, len(nodes) - 1, nodes


@settings(max_examples=200, deadline=None)
@given(graphs(), st.data())
def test_shortest_path_matches_networkx(adj, data):
    s = data.draw(st.integers(0, len(adj) - 1))
    t = data.draw(st.integers(0, len(adj) - 1).filter(lambda x: x != s))
    g = to_networkx(adj)
    found = shortest_path(adj, s, t)
    if not nx.has_path(g, s, t):
        assert found is None
        return
    assert found[0] == nx.dijkstra_path_length(g, s, t)
    assert found[1][0] == s and found[1][-1] == t
    assert path_cost(adj, found[1])[0] == found[0]


@settings(max_examples=200, deadline=None)
@given(graphs(), st.data())
def test_yen_matches_networkx_shortest_simple_paths(adj, data):
    s = data.draw(st.integers(0, len(adj) - 1))
    t = data.draw(st.integers(0, len(adj) - 1).filter(lambda x: x != s))
    k = data.draw(st.integers(1, 6))
    g = to_networkx(adj)
    found = k_shortest_paths(adj, s, t, k)
    if not nx.has_path(g, s, t):
        assert found == []
        return
    expected = list(itertools.islice(nx.shortest_simple_paths(g, s, t, weight="weight"), k))
    assert [c for c, _ in found] == [path_cost(adj, p)[0] for p in expected]
    assert len({tuple(p) for _, p in found}) == len(found)


@settings(max_examples=200, deadline=None)
@given(graphs(), st.data())
def test_constrained_alternatives_are_the_cheapest_allowed_paths(adj, data):
    n = len(adj)
    s = data.draw(st.integers(0, n - 1))
    t = data.draw(st.integers(0, n - 1).filter(lambda x: x != s))
    max_r = data.draw(st.none() | st.integers(0, 2))
    max_s = data.draw(st.none() | st.integers(1, 4))
    avoid = set(data.draw(st.lists(st.integers(0, n - 1), max_size=2))) - {s}
    k = data.draw(st.integers(1, 5))
    allowed = sorted(
        (cost, steps, tuple(nodes))
        for cost, resk, steps, nodes in all_paths(adj, s, t)
        if (max_r is None or resk <= max_r)
        and (max_s is None or steps <= max_s)
        and not avoid & set(nodes)
    )
    found = k_shortest_paths(adj, s, t, k, max_reskilling=max_r, max_steps=max_s, avoid=avoid)
    assert [c for c, _ in found] == [c for c, _, _ in allowed[:k]]
    for cost, nodes in found:
        c, resk = path_cost(adj, nodes)
        assert c == cost
        assert max_r is None or resk <= max_r
        assert max_s is None or len(nodes) - 1 <= max_s
        assert not avoid & set(nodes)
        assert len(set(nodes)) == len(nodes)
    first = shortest_path(adj, s, t, max_reskilling=max_r, max_steps=max_s, avoid=avoid)
    assert (first is None) == (not allowed)
    if first is not None:
        assert first[0] == allowed[0][0]


@pytest.mark.parametrize("what", ["steps", "reskilling"])
@settings(max_examples=100, deadline=None)
@given(adj=graphs(), data=st.data())
def test_fewest_matches_brute_force(what, adj, data):
    s = data.draw(st.integers(0, len(adj) - 1))
    t = data.draw(st.integers(0, len(adj) - 1).filter(lambda x: x != s))
    counts = [steps if what == "steps" else resk for _, resk, steps, _ in all_paths(adj, s, t)]
    assert fewest(adj, s, t, what=what) == (min(counts) if counts else None)


def exact_bounds(adj, t, budget):
    """h, h_budget and hops to ``t`` by brute force over all simple paths."""
    n = len(adj)
    h, hops = [float("inf")] * n, [float("inf")] * n
    h_budget = [[float("inf")] * n for _ in range(budget + 1)]
    for v in range(n):
        if v == t:
            h[v], hops[v] = 0.0, 0
            for row in h_budget:
                row[v] = 0.0
            continue
        for cost, resk, steps, _ in all_paths(adj, v, t):
            h[v] = min(h[v], cost)
            hops[v] = min(hops[v], steps)
            for j in range(resk, budget + 1):
                h_budget[j][v] = min(h_budget[j][v], cost)
    return h, h_budget, hops


@settings(max_examples=200, deadline=None)
@given(graphs(), st.data())
def test_bounds_make_the_search_faster_not_different(adj, data):
    n = len(adj)
    s = data.draw(st.integers(0, n - 1))
    t = data.draw(st.integers(0, n - 1).filter(lambda x: x != s))
    max_r = data.draw(st.none() | st.integers(0, 2))
    max_s = data.draw(st.none() | st.integers(1, 4))
    avoid = set(data.draw(st.lists(st.integers(0, n - 1), max_size=2))) - {s}
    k = data.draw(st.integers(1, 5))
    h, h_budget, hops = exact_bounds(adj, t, 2 if max_r is None else max_r)
    kwargs = {"max_reskilling": max_r, "max_steps": max_s, "avoid": avoid}
    plain = k_shortest_paths(adj, s, t, k, **kwargs)
    bounded = k_shortest_paths(adj, s, t, k, h=h, h_budget=h_budget, hops=hops, **kwargs)
    assert [c for c, _ in bounded] == [c for c, _ in plain]
    if max_r is None:
        # A budget table for fewer reskilling steps than allowed must not be used.
        short = [row for row in h_budget[:1]]
        again = k_shortest_paths(adj, s, t, k, h=h, h_budget=short, max_reskilling=1)
        assert [c for c, _ in again] == [
            c for c, _ in k_shortest_paths(adj, s, t, k, max_reskilling=1)
        ]
