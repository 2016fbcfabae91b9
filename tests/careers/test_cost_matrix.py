"""``Careers.cost_matrix``: the cost of the cheapest path from many starts to many targets
in one batched search equals, pair by pair, what a path request answers."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

import skillgraph
from skillgraph.errors import InvalidParameter, NoPath, UnknownConcept


def _path_cost(careers, role, target, have) -> float:
    try:
        return careers.paths(role, target, k=1, have=have)[0].cost
    except NoPath:
        return math.inf


def _check_pairs(careers, starts, targets, pairs) -> None:
    matrix = careers.cost_matrix(starts, targets)
    assert matrix.shape == (len(starts), len(targets))
    for i, j in pairs:
        role, have = starts[i]
        expected = _path_cost(careers, role, targets[j], have)
        assert matrix[i, j] == pytest.approx(expected, rel=1e-12, abs=1e-12), (role, have, j)


def test_equals_path_requests_on_the_default_taxonomy():
    careers = skillgraph.open().careers
    roles = careers.taxonomy.role_labels
    rng = random.Random(7)
    starts = [(r, ()) for r in rng.sample(roles, 25)]
    starts += [(r, rng.sample(careers.taxonomy.skill_labels, 2)) for r in rng.sample(roles, 10)]
    starts += [(None, ["SQL", "Python"])]
    pairs = [(i, j) for i in range(len(starts)) for j in range(len(roles))]
    _check_pairs(careers, starts, roles, pairs)


def test_shared_starts_are_answered_alike_and_a_start_in_its_target_costs_nothing():
    careers = skillgraph.open().careers
    starts = [("data analyst", ()), ("Data Analyst", ()), ("data analyst", ["SQL", "sql"])]
    m = careers.cost_matrix(starts, ["machine-learning engineer", "data analyst"])
    assert m[0].tolist() == m[1].tolist()
    assert m[0, 1] == 0.0 and m[2, 1] == 0.0
    assert 0 < m[0, 0] < math.inf


def test_edge_cases():
    careers = skillgraph.open().careers
    assert careers.cost_matrix([], ["data analyst"]).shape == (0, 1)
    assert careers.cost_matrix([("data analyst", ())], []).shape == (1, 0)
    with pytest.raises(InvalidParameter):
        careers.cost_matrix([(None, ())], ["data analyst"])
    with pytest.raises(UnknownConcept):
        careers.cost_matrix([("data analist", ())], ["data analyst"])


def test_equals_path_requests_on_esco(esco_graph):
    careers = esco_graph.careers
    t = careers.taxonomy
    rng = random.Random(3)
    targets = rng.sample(t.role_uris, 20)
    starts = [(r, ()) for r in rng.sample(t.role_uris, 40)]
    starts += [(rng.choice(t.role_uris), rng.sample(t.skill_uris, 3)) for _ in range(20)]
    pairs = [(rng.randrange(len(starts)), rng.randrange(len(targets))) for _ in range(150)]
    _check_pairs(careers, starts, targets, pairs)
    assert np.isfinite(careers.cost_matrix(starts[:5], targets)).any()
