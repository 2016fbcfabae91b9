"""Seniority: a move down the ladder costs ``step_down_penalty`` per rank."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillgraph
from skillgraph.careers import CareerModel, PathParams
from skillgraph.careers.build import build_transitions
from skillgraph.careers.moves import role_moves
from skillgraph.careers.oracle import reference_costs, reference_edges
from skillgraph.careers.requirements import requirements
from skillgraph.store import build_store
from skillgraph.taxonomy import Taxonomy

from ..helpers import JOB_MOVES_ONLY, load_turtle
from .test_transitions import params_strategy, random_taxonomies

# cost(X -> Y) = 0.1 + 1 - covered / |Y|  (+ 0.1 per rank down)
P = PathParams(**JOB_MOVES_ONLY, size_prior=0.0, reuse_weight=0.0, step_cost=0.1, min_overlap=0.2)
JUNIOR, SENIOR, UNRANKED, LEAD = range(4)


def ladder(**params) -> tuple[Taxonomy, CareerModel]:
    # junior {x y} rank 1, senior {x y z w} rank 3, unranked {x y z}, lead {x y z w v} rank 5
    skills = {"junior": "xy", "senior": "xyzw", "unranked": "xyz", "lead": "xyzwv"}
    t = Taxonomy.from_records(
        roles=[(f"r:{r}", r, "f:1") for r in skills],
        skills=[(f"s:{s}", s, None, None) for s in "xyzwv"],
        fields=[("f:1", "one")],
        requirements=[(f"r:{r}", f"s:{s}", True) for r, ss in skills.items() for s in ss],
        seniority={"r:junior": 1, "r:senior": 3, "r:lead": 5},
    )
    return t, CareerModel(t, PathParams(**{**P.as_dict(), **params}))


def costs(model, role):
    moves = model.next_steps(model.start_for(role), 10)
    return {m.role.label: m.cost for m in moves}


def test_a_step_down_costs_the_penalty_per_rank_and_a_step_up_nothing():
    t, model = ladder()
    assert t.role_seniority.tolist()[:2] == [1.0, 3.0] and np.isnan(t.role_seniority[2])
    assert costs(model, SENIOR) == pytest.approx(
        {
            "junior": 0.1 + 0.0 + 0.1 * 2,  # covers all of junior, two ranks down
            "unranked": 0.1 + 0.0,  # no rank: no penalty
            "lead": 0.1 + 1 / 5,  # a step up
        }
    )
    assert costs(model, LEAD)["junior"] == pytest.approx(0.1 + 0.1 * 4)
    assert costs(model, JUNIOR) == pytest.approx(
        {"senior": 0.1 + 2 / 4, "unranked": 0.1 + 1 / 3, "lead": 0.1 + 3 / 5}
    )
    # The graph's edges carry the same costs; 0 turns the term off.
    edges = {(u, v): c for u in range(4) for v, c, _ in model.adjacency[u]}
    assert edges[SENIOR, JUNIOR] == pytest.approx(0.3)
    _, flat = ladder(step_down_penalty=0.0)
    assert costs(flat, SENIOR)["junior"] == pytest.approx(0.1)
    assert costs(ladder(step_down_penalty=0.25)[1], LEAD)["junior"] == pytest.approx(1.1)


def test_a_path_takes_a_dearer_step_down_only_when_nothing_is_cheaper():
    _, model = ladder(step_down_penalty=1.0)
    # lead -> senior (2 ranks down: 0.1 + 2) is dearer than lead -> unranked (0.1).
    [path] = model.paths(
        model.start_for(LEAD), SENIOR, k=1, max_reskilling=None, max_steps=None, avoid=set()
    )
    assert [s.target.label for s in path.steps] == ["unranked", "senior"]
    assert path.cost == pytest.approx(0.1 + (0.1 + 1 / 4))


def test_without_ranks_nothing_changes():
    t, _ = ladder()
    t.role_seniority = np.full(t.n_roles, np.nan)  # as on ESCO
    assert requirements(t, P).role_rank is None
    plain = PathParams(**{**P.as_dict(), "step_down_penalty": 0.0})
    a = build_transitions(requirements(t, P), P)
    b = build_transitions(requirements(t, plain), plain)
    assert a.cost.tolist() == b.cost.tolist() and a.indices.tolist() == b.indices.tolist()


TURTLE = """
@prefix sg: <https://w3id.org/skillgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix e: <http://example.org/rank/> .
e:a a sg:Role ; skos:prefLabel "a"@en ; sg:seniority 2 ; sg:preparationLevel 4 .
e:b a sg:Role ; skos:prefLabel "b"@en ; sg:preparationLevel 3 .
e:c a sg:Role ; skos:prefLabel "c"@en .
"""


def test_the_rank_is_read_from_seniority_else_the_preparation_level(tmp_path):
    source = tmp_path / "rank.ttl"
    source.write_text(TURTLE)
    g = skillgraph.open(build_store(tmp_path / "store", load_turtle(source)))
    t = g.taxonomy
    rank = dict(zip(t.role_labels, t.role_seniority.tolist(), strict=True))
    assert rank["a"] == 2.0 and rank["b"] == 3.0 and np.isnan(rank["c"])


def test_the_default_taxonomy_has_ranks():
    t = skillgraph.open().taxonomy
    ranks = t.role_seniority[np.isfinite(t.role_seniority)]
    assert len(ranks) and set(ranks.tolist()) <= {1.0, 2.0, 3.0, 4.0, 5.0}


@st.composite
def ranked(draw):
    t = draw(random_taxonomies())
    rank = st.sampled_from([float("nan"), 1.0, 2.0, 3.0, 5.0])
    t.role_seniority = np.array([draw(rank) for _ in range(t.n_roles)])
    return t


penalties = st.sampled_from([0.0, 0.1, 0.5])


@settings(max_examples=150, deadline=None)
@given(ranked(), params_strategy, penalties, st.data())
def test_the_vectorised_costs_with_ranks_are_the_plain_loops(t, p, penalty, data):
    # Job moves: role_moves and a start's row hold those (retraining has its own tests).
    p = PathParams(**{**p.as_dict(), "step_down_penalty": penalty, "retraining": False})
    req = requirements(t, p)
    built = {
        (u, v): c
        for g in [build_transitions(req, p)]
        for u in range(g.n)
        for v, c, _ in g.adjacency[u]
    }
    expected = reference_edges(t, p)
    assert built.keys() == expected.keys()
    for key, (cost, _) in expected.items():
        assert built[key] == pytest.approx(cost, rel=1e-12, abs=1e-12)
    role = data.draw(st.integers(0, t.n_roles - 1))
    moves = reference_costs(t, p)
    out = role_moves(req, role, p, into=False)
    into = role_moves(req, role, p, into=True)
    model = CareerModel(t, p)
    row = model.row(model.start_for(role))
    for (u, v), (cost, _) in moves.items():
        if u == role:
            assert out.cost[v] == pytest.approx(cost, rel=1e-12, abs=1e-12)
            assert row.cost[v] == pytest.approx(cost, rel=1e-12, abs=1e-12)
        if v == role:
            assert into.cost[u] == pytest.approx(cost, rel=1e-12, abs=1e-12)
