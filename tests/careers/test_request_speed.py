"""Path requests answered faster at scale (issue 17) give the answers they gave before.

- A target out of reach is answered from the cached graph's strongly connected components
  (``request.unreachable``) without building the request's graph: the answer -- the
  ``NoPath`` and its one line, or the paths -- is the one the full search gives
  (``CareerModel.precheck = False``), for every request option, on random taxonomies, the
  default taxonomy and ESCO; and whenever the precheck says "out of reach", the search's
  exact distance bound of the start is infinite.
- Cheapest paths and alternatives (below) are those of a plain search of the request's
  graph.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import csgraph

import skillgraph
from skillgraph.careers import CareerModel, PathParams
from skillgraph.careers import paths as _paths
from skillgraph.careers.request import request_graph, request_moves, unreachable
from skillgraph.careers.transition_graph import _with_last_row
from skillgraph.errors import NoPath

from .test_transitions import params_strategy, random_taxonomies, taxonomy


def outcome(model: CareerModel, start, target: int, options: dict):
    """The paths (as JSON) or the NoPath (its message and reason) of one request."""
    try:
        found = model.paths(
            start,
            target,
            k=options.get("k", 1),
            max_reskilling=options.get("max_reskilling"),
            max_steps=options.get("max_steps"),
            avoid=set(options.get("avoid", ())),
        )
    except NoPath as e:
        return ("no path", str(e), e.reason)
    return [p.as_dict() for p in found]


def searched(model: CareerModel) -> CareerModel:
    """The same model answering every request by the full search (the oracle)."""
    oracle = copy.copy(model)
    oracle.precheck = False
    return oracle


def same_answers(model: CareerModel, start, target: int, options: dict) -> bool:
    """Checks the answer against the full search's; True when the precheck decided."""
    assert outcome(model, start, target, options) == outcome(
        searched(model), start, target, options
    )
    if start.role == target:
        return False
    moves = request_moves(model, start, target)
    decided = unreachable(model, moves, start, target)
    if decided:
        # Sound: the search's exact bound of the start says out of reach too.
        _, source, bounds = request_graph(model, start, target, moves=moves)
        assert not math.isfinite(bounds["h"][source])
    return decided


options_strategy = st.fixed_dictionaries(
    {},
    optional={
        "k": st.integers(1, 4),
        "max_reskilling": st.integers(0, 2),
        "max_steps": st.integers(1, 4),
        "avoid": st.lists(st.integers(0, 8), max_size=2),
    },
)


@settings(max_examples=400, deadline=None)
@given(
    random_taxonomies(),
    params_strategy,
    st.booleans(),
    st.sampled_from([0.0, 0.9]),
    options_strategy,
    st.data(),
)
def test_random_taxonomies(t, p, retraining, floor, options, data):
    n = t.n_roles
    t.role_wage[:] = data.draw(
        st.lists(st.sampled_from([float("nan"), 30e3, 40e3, 50e3]), min_size=n, max_size=n)
    )
    p = dataclasses.replace(p, retraining=retraining, wage_floor=floor)
    model = CareerModel(t, p)
    options["avoid"] = [a for a in options.get("avoid", ()) if a < n]
    target = data.draw(st.integers(0, n - 1))
    kind = data.draw(st.sampled_from(["role", "profile", "role and skills"]))
    skills = data.draw(st.lists(st.integers(0, t.n_skills - 1), max_size=3))
    role = None if kind == "profile" else data.draw(st.integers(0, n - 1))
    if kind == "profile" and not skills:
        return
    start = model.start_for(role, skills if kind != "role" else ())
    same_answers(model, start, target, options)


@pytest.mark.parametrize("params", [PathParams(), PathParams(retraining=False)])
def test_default_taxonomy_every_pair(params):
    g = skillgraph.open()
    model = g.careers.model(params)
    n = g.taxonomy.n_roles
    rng = random.Random(3)
    for a in range(n):
        for b in range(n):
            options = rng.choice([{}, {"k": 3}, {"max_reskilling": 0}, {"max_steps": 2}])
            same_answers(model, model.start_for(a), b, options)


def test_esco_sample(esco_graph):
    model = esco_graph.careers.model(PathParams(retraining=False))
    n = esco_graph.taxonomy.n_roles
    rng = random.Random(17)
    # Random pairs, and pairs with a side outside the largest component (where targets
    # out of reach are).
    comp = model.graph.components
    apart = np.flatnonzero(comp != np.argmax(np.bincount(comp))).tolist()
    pairs = [(rng.randrange(n), rng.randrange(n)) for _ in range(200)]
    pairs += [(rng.randrange(n), rng.choice(apart)) for _ in range(40)]
    pairs += [(rng.choice(apart), rng.randrange(n)) for _ in range(40)]
    decided = 0
    for a, b in pairs:
        options = rng.choice([{}, {"k": 3}, {"max_reskilling": 1}, {"max_steps": 3}])
        decided += same_answers(model, model.start_for(a), b, options)
    assert decided >= 10


def test_two_islands_answer_in_one_line():
    """Two groups of roles that share no skill, by job moves alone: the precheck rules the
    other group out and the answer is the search's one line."""
    t = taxonomy(
        [("r:a", "a", "f:1"), ("r:b", "b", "f:1"), ("r:c", "c", "f:2"), ("r:d", "d", "f:2")],
        [
            *[("r:a", "s:x", True), ("r:a", "s:y", True), ("r:b", "s:x", True)],
            *[("r:b", "s:y", False), ("r:c", "s:z", True), ("r:c", "s:w", True)],
            *[("r:d", "s:z", True), ("r:d", "s:w", False)],
        ],
    )
    model = CareerModel(t, PathParams(retraining=False, fit_moves=1))
    reach = model.graph.component_reach
    assert reach is not None and np.all(reach.diagonal()) and reach.sum() == 2
    for a, b in ((0, 2), (3, 1)):
        start = model.start_for(a)
        assert unreachable(model, request_moves(model, start, b), start, b)
        with pytest.raises(NoPath, match=r"^no path from .* no chain of viable moves leads there$"):
            model.paths(start, b, k=1, max_reskilling=None, max_steps=None, avoid=set())
        same_answers(model, start, b, {"k": 2})
    assert not unreachable(
        model, request_moves(model, model.start_for(0), 1), model.start_for(0), 1
    )


# ------------------------------------------------------------------ cheapest paths, k paths
#
# - The request's graph read through ``RequestAdjacency`` and searched with its capped
#   bounds gives the paths a plain search (Dijkstra / Yen with no bounds at all) gives over
#   the same rows copied into plain lists: costs and roles, for k = 1, 3, 5 and the
#   request options.
# - The bounds computed with the super node's row in spare room are the distances of a
#   fresh copy of the matrix with that row (``_with_last_row``), every budget and steps.


def plain_paths(adj, source: int, target: int, k: int, options: dict):
    rows = [list(adj[u]) for u in range(len(adj))]
    return _paths.k_shortest_paths(
        rows,
        source,
        target,
        k,
        max_reskilling=options.get("max_reskilling"),
        max_steps=options.get("max_steps"),
        avoid=set(options.get("avoid", ())),
    )


def check_paths(model: CareerModel, a: int, b: int, options: dict) -> None:
    start, k = model.start_for(a), options.get("k", 1)
    constraints = {key: options.get(key) for key in ("max_reskilling", "max_steps")}
    avoid = set(options.get("avoid", ()))
    adj, source, bounds = request_graph(model, start, b, k=k, avoid=avoid, **constraints)
    found = _paths.k_shortest_paths(adj, source, b, k, avoid=avoid, **constraints, **bounds)
    plain = plain_paths(adj, source, b, k, options)
    assert [c for c, _ in found] == pytest.approx([c for c, _ in plain], abs=1e-12)
    # The same roles, where no two paths cost the same.
    costs = [c for c, _ in plain]
    if len(set(costs)) == len(costs):
        assert [p for _, p in found] == [p for _, p in plain]


def test_paths_equal_a_plain_search_default_taxonomy():
    g = skillgraph.open()
    model = g.careers.model()
    n = g.taxonomy.n_roles
    rng = random.Random(8)
    for _ in range(300):
        a, b = rng.sample(range(n), 2)
        options = rng.choice(
            [{}, {"k": 3}, {"k": 5}, {"k": 3, "max_reskilling": 1}, {"k": 2, "max_steps": 2}]
        )
        if rng.random() < 0.2:
            options = {**options, "avoid": [rng.randrange(n)]}
        if b not in options.get("avoid", ()):
            check_paths(model, a, b, options)


def test_paths_equal_a_plain_search_esco(esco_graph):
    model = esco_graph.careers.model()
    n = esco_graph.taxonomy.n_roles
    rng = random.Random(9)
    for _ in range(40):
        a, b = rng.sample(range(n), 2)
        check_paths(model, a, b, rng.choice([{}, {"k": 3}, {"k": 5}]))


@pytest.mark.parametrize("budget", [None, 0, 2])
def test_bounds_in_spare_room_equal_a_copy(budget):
    g = skillgraph.open()
    graph = g.careers.model().graph
    n = graph.n
    rng = np.random.default_rng(4)
    for target in range(0, n, 7):
        sources = rng.choice(n, size=5, replace=False)
        extra = (sources, rng.uniform(0.1, 3.0, 5), rng.integers(0, 2, 5).astype(bool))
        got = graph.bounds(target, max_reskilling=budget, max_steps=3, extra=extra)
        r = graph._reverse
        a, b = r.indptr[target], r.indptr[target + 1]
        cols = np.concatenate((r.indices[a:b], extra[0])).astype(np.int64)
        vals = np.concatenate((r.data[a:b], extra[1]))
        copy_ = _with_last_row(graph._plus(0), cols, vals)
        h = csgraph.dijkstra(copy_, directed=True, indices=n)[:n]
        h[target] = 0.0
        assert got["h"] == h.tolist()
        hops = csgraph.dijkstra(copy_, directed=True, indices=n, unweighted=True)[:n]
        hops[target] = 0.0
        assert got["hops"] == hops.tolist()
        as_arrays = graph.bounds(
            target, max_reskilling=budget, max_steps=3, extra=extra, lists=False
        )
        assert {key: value.tolist() for key, value in as_arrays.items()} == got
