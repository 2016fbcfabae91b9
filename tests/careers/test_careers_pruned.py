"""Pruning must not hide direct moves: a request sees every viable move out of its start
and into its target, whatever the graph kept (``careers.request.request_graph``).

The oracle is networkx over the cached graph plus the complete start row and target
column from ``transitions.reference_costs`` (plain Python loops).
"""

from __future__ import annotations

import dataclasses
import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.careers import CareerModel, PathParams
from skillgraph.careers.fit import best_cut, fit_matrix
from skillgraph.careers.moves import role_moves
from skillgraph.careers.oracle import reference_costs
from skillgraph.careers.requirements import requirements
from skillgraph.errors import NoPath
from skillgraph.taxonomy import Taxonomy

from ..helpers import JOB_MOVES_ONLY
from .test_transitions import params_strategy, random_taxonomies

# cost(X -> Y) = (0.1 + 1 - covered / |Y|) * (2 if the fields differ)
P = PathParams(
    **JOB_MOVES_ONLY,
    size_prior=0.0,
    reuse_weight=0.0,
    step_cost=0.1,
    reskilling_penalty=2.0,
    min_overlap=0.2,
    moves_per_role=1,
)
A, B, C, D = range(4)


def fixture() -> Taxonomy:
    # a {p q r s}, b {p u v w}, c {p q r s t} (another field), d {u v w y}.
    # a -> c 0.3*2 = 0.6 (a's cheapest out), a -> b 0.1 + 3/4 = 0.85 (viable, pruned);
    # d -> b 0.35 (b's cheapest in); c -> a 0.2, c -> b (0.1 + 3/4) * 2 = 1.7 (pruned).
    skills = {"a": "pqrs", "b": "puvw", "c": "pqrst", "d": "uvwy"}
    fields = {"a": "f:1", "b": "f:1", "c": "f:2", "d": "f:1"}
    return Taxonomy.from_records(
        roles=[(f"r:{r}", r, fields[r]) for r in "abcd"],
        skills=[(f"s:{s}", s, None, None) for s in "pqrstuvwy"],
        fields=[("f:1", "one"), ("f:2", "two")],
        requirements=[(f"r:{r}", f"s:{s}", True) for r, ss in skills.items() for s in ss],
    )


def kept(model):
    return {(u, v) for u in range(model.graph.n) for v, _, _ in model.adjacency[u]}


def ask(model, start, target, k=3, max_reskilling=None, max_steps=None, avoid=()):
    return model.paths(
        model.start_for(start),
        target,
        k=k,
        max_reskilling=max_reskilling,
        max_steps=max_steps,
        avoid=set(avoid),
    )


def route(path):
    return [s.target.label for s in path.steps]


def test_a_pruned_direct_move_is_found_with_its_exact_cost():
    model = CareerModel(fixture(), P)
    assert (A, B) not in kept(model) and (C, B) not in kept(model)
    assert (A, C) in kept(model) and (D, B) in kept(model)
    # In the graph alone a cannot reach b at all.
    assert not nx.has_path(nx.DiGraph(list(kept(model))), A, B)
    found = model.paths(
        model.start_for(A), B, k=3, max_reskilling=None, max_steps=None, avoid=set()
    )
    assert [(route(p), p.cost) for p in found] == [
        (["b"], pytest.approx(0.85, abs=1e-12)),
        # the target's complete column: c -> b is pruned but reaches b after a -> c
        (["c", "b"], pytest.approx(0.6 + 1.7, abs=1e-12)),
    ]
    assert [s.kind for s in found[1].steps] == ["reskilling", "reskilling"]
    assert found[0].steps[0].matched == 1 and found[0].steps[0].required == 4
    # Constraints hold over the added moves too.
    only = ask(model, A, B, max_reskilling=0)
    assert [route(p) for p in only] == [["b"]]
    two = ask(model, A, B, max_steps=2, avoid={C})
    assert [route(p) for p in two] == [["b"]]
    with pytest.raises(NoPath, match="max_reskilling=0"):
        ask(model, C, B, max_reskilling=0)
    # The cached graph is untouched by the request.
    assert (A, B) not in kept(model) and (C, B) not in kept(model)


def test_a_skill_profile_gets_every_viable_move_too():
    model = CareerModel(fixture(), P)
    # p q r s without a field: like a, but never reskilling (c costs 0.3, c -> a 0.2).
    start = model.start_for(None, [0, 1, 2, 3])
    found = model.paths(start, B, k=3, max_reskilling=None, max_steps=None, avoid=set())
    assert [(route(p), p.cost) for p in found] == [
        (["b"], pytest.approx(0.85, abs=1e-12)),
        (["a", "b"], pytest.approx(0.1 + 0.85, abs=1e-12)),
        (["c", "a", "b"], pytest.approx(0.3 + 0.2 + 0.85, abs=1e-12)),
    ]


# ---------------------------------------------------------------- the oracle


def fit_pairs(model):
    """The job moves viable because the target fits the source best (``careers.fit``),
    from the dense reference fit (not the model's kept best fits)."""
    fit = fit_matrix(model.taxonomy, model.profile)
    fit[:, model.req.totals <= 0] = -np.inf
    src, dst = np.nonzero(fit >= best_cut(fit, model.params.fit_moves)[:, None])
    return set(zip(src.tolist(), dst.tolist(), strict=True))


def oracle_graph(model, t, p, start, target):
    """networkx: the graph's edges + every move out of start (retraining from scratch
    included) and into target, from the plain-loop oracle."""
    g = nx.DiGraph()
    g.add_nodes_from(range(t.n_roles))
    for u in range(model.graph.n):
        for v, c, x in model.adjacency[u]:
            g.add_edge(u, v, weight=c, reskill=x)
    pairs = fit_pairs(model)
    for (u, v), (c, x) in reference_costs(t, p, fit_pairs=pairs).items():
        if v == target:
            g.add_edge(u, v, weight=c, reskill=int(x))
    for (u, v), (c, x) in reference_costs(
        t, p, [start], fit_pairs=pairs, from_scratch=True
    ).items():
        g.add_edge(u, v, weight=c, reskill=int(x))
    return g


def cap_bounds(model, data):
    """Sometimes a small cost limit for the bound searches (``bound_limit``): answers
    must not change, only the work."""
    limit = data.draw(st.sampled_from([None, 0.05, 0.4, 1.5]), label="bound limit")
    if limit is not None:
        model.graph.__dict__["bound_limit"] = limit


@settings(max_examples=200, deadline=None)
@given(random_taxonomies(), params_strategy, st.data())
def test_the_cheapest_path_is_networkx_over_graph_plus_complete_start_and_target(t, p, data):
    model = CareerModel(t, p)
    cap_bounds(model, data)
    start = data.draw(st.integers(0, t.n_roles - 1))
    target = data.draw(st.integers(0, t.n_roles - 1))
    if start == target:
        return
    g = oracle_graph(model, t, p, start, target)
    try:
        found = model.paths(
            model.start_for(start), target, k=1, max_reskilling=None, max_steps=None, avoid=set()
        )
    except NoPath:
        assert not nx.has_path(g, start, target)
        return
    assert found[0].cost == pytest.approx(nx.dijkstra_path_length(g, start, target), rel=1e-9)


@settings(max_examples=200, deadline=None)
@given(random_taxonomies(), params_strategy, st.data())
def test_constrained_alternatives_over_the_complete_start_and_target(t, p, data):
    # Alternatives are exact over job moves (retraining into roles on the way is limited
    # to ALTERNATIVES_SLACK times the direct move, a heuristic, tested apart).
    p = dataclasses.replace(p, retraining=False)
    model = CareerModel(t, p)
    cap_bounds(model, data)
    n = t.n_roles
    start = data.draw(st.integers(0, n - 1))
    target = data.draw(st.integers(0, n - 1))
    if start == target:
        return
    max_r = data.draw(st.none() | st.integers(0, 2))
    max_s = data.draw(st.none() | st.integers(1, 4))
    avoid = set(data.draw(st.lists(st.integers(0, n - 1), max_size=2))) - {start, target}
    k = data.draw(st.integers(1, 4))
    g = oracle_graph(model, t, p, start, target)
    allowed = []
    for nodes in nx.all_simple_paths(g, start, target, cutoff=max_s or n):
        edges = [g.edges[u, v] for u, v in itertools.pairwise(nodes)]
        if avoid & set(nodes) or (max_r is not None and sum(e["reskill"] for e in edges) > max_r):
            continue
        allowed.append(sum(e["weight"] for e in edges))
    allowed.sort()
    try:
        found = model.paths(
            model.start_for(start), target, k=k, max_reskilling=max_r, max_steps=max_s, avoid=avoid
        )
    except NoPath:
        assert not allowed
        return
    assert [f.cost for f in found] == pytest.approx(allowed[:k], rel=1e-9)


@settings(max_examples=150, deadline=None)
@given(random_taxonomies(), params_strategy, st.data())
def test_role_rows_and_columns_are_the_plain_loops(t, p, data):
    # role_moves holds job moves: compare with the oracle's job moves.
    p = dataclasses.replace(p, retraining=False)
    role = data.draw(st.integers(0, t.n_roles - 1))
    req = requirements(t, p)
    moves = reference_costs(t, p)
    out = role_moves(req, role, p, into=False)
    into = role_moves(req, role, p, into=True)
    assert {v for (u, v) in moves if u == role} == set(out.viable.nonzero()[0].tolist())
    assert {u for (u, v) in moves if v == role} == set(into.viable.nonzero()[0].tolist())
    for (u, v), (cost, reskill) in moves.items():
        if u == role:
            assert out.cost[v] == pytest.approx(cost, rel=1e-12, abs=1e-12)
            assert bool(out.reskill[v]) == reskill
        if v == role:
            assert into.cost[u] == pytest.approx(cost, rel=1e-12, abs=1e-12)
            assert bool(into.reskill[u]) == reskill


@settings(max_examples=100, deadline=None)
@given(random_taxonomies(), params_strategy, st.data())
def test_bounds_with_extra_moves_are_the_exact_distances(t, p, data):
    model = CareerModel(t, p)
    graph = model.graph
    target = data.draw(st.integers(0, graph.n - 1))
    budget = data.draw(st.integers(0, 3))
    col = role_moves(model.req, target, p, into=True)
    col.viable[graph.in_sources(target)] = False
    new = col.viable.nonzero()[0]
    extra = (new, col.cost[new], col.reskill[new])
    bounds = graph.bounds(target, max_reskilling=budget, max_steps=5, extra=extra)
    g = nx.DiGraph()
    g.add_nodes_from(range(graph.n))
    edges = [(u, v, c, x) for u in range(graph.n) for v, c, x in graph.adjacency[u]]
    edges += [(int(u), target, float(c), int(x)) for u, c, x in zip(*extra, strict=True)]
    layered = nx.DiGraph()
    for u, v, c, x in edges:
        g.add_edge(u, v, weight=c)
        for j in range(x, budget + 1):
            layered.add_edge((u, j), (v, j - x), weight=c)
    dist = nx.single_source_dijkstra_path_length(g.reverse(), target)
    hops = nx.single_source_shortest_path_length(g.reverse(), target)
    limit = data.draw(st.sampled_from([0.05, 0.5, 2.0]))
    capped = graph.bounds(target, extra=extra, limit=limit)["h"]
    for v in range(graph.n):
        assert bounds["h"][v] == pytest.approx(dist.get(v, float("inf")))
        assert bounds["hops"][v] == hops.get(v, float("inf"))
        assert capped[v] == pytest.approx(min(dist.get(v, float("inf")), limit))
    back = layered.reverse()
    goals = {(target, i) for i in range(budget + 1)} & set(back)
    lengths = nx.multi_source_dijkstra_path_length(back, goals) if goals else {}
    for j in range(budget + 1):
        for v in range(graph.n):
            best = 0.0 if v == target else lengths.get((v, j), float("inf"))
            assert bounds["h_budget"][j][v] == pytest.approx(best)
