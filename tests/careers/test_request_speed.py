"""Path requests answered faster at scale (issue 17) give the answers they gave before.

- A target out of reach is answered from the cached graph's strongly connected components
  (``request.unreachable``) without building the request's graph: the answer -- the
  ``NoPath`` and its one line, or the paths -- is the one the full search gives
  (``CareerModel.precheck = False``), for every request option, on random taxonomies, the
  default taxonomy and ESCO; and whenever the precheck says "out of reach", the search's
  exact distance bound of the start is infinite.
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

import skillgraph
from skillgraph.careers import CareerModel, PathParams
from skillgraph.careers.request import request_graph, request_moves, unreachable
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
