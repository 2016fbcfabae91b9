"""The transition graph: hand-checked costs, and the vectorised build against plain loops."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.careers import PathParams
from skillgraph.careers.build import build_transitions
from skillgraph.careers.moves import move_row
from skillgraph.careers.oracle import reference_edges
from skillgraph.careers.requirements import requirements
from skillgraph.taxonomy import Taxonomy

from ..helpers import JOB_MOVES_ONLY


def taxonomy(roles, requirements_, *, fields=("f:1", "f:2"), ratings=None, n_skills=None):
    skills = (
        sorted({s for _, s, _ in requirements_})
        if n_skills is None
        else [f"s:{i}" for i in range(n_skills)]
    )
    return Taxonomy.from_records(
        roles=roles,
        skills=[(s, s, None, None) for s in skills],
        fields=[(f, f) for f in fields],
        requirements=requirements_,
        ratings=ratings,
    )


def edges(graph):
    return {(u, v): (c, bool(r)) for u in range(graph.n) for v, c, r in graph.adjacency[u]}


def test_the_size_prior_keeps_small_roles_from_being_close_to_everything():
    # a has x, y, z; b lists only x; c lists x, y, z, w.  Without a prior a -> b is nearly free.
    t = taxonomy(
        [("r:a", "a", "f:1"), ("r:b", "b", "f:1"), ("r:c", "c", "f:1")],
        [("r:a", "s:x", True), ("r:a", "s:y", True), ("r:a", "s:z", True), ("r:b", "s:x", True)]
        + [("r:c", s, True) for s in ("s:x", "s:y", "s:z", "s:w")],
    )
    base = {"reuse_weight": 0.0, "step_cost": 0.1, **JOB_MOVES_ONLY}
    flat = edges(
        build_transitions(
            requirements(t, PathParams(**base, size_prior=0)), PathParams(**base, size_prior=0)
        )
    )
    assert flat[0, 1][0] == pytest.approx(0.1)  # b fully covered
    assert flat[0, 2][0] == pytest.approx(0.1 + 0.25)  # 3 of 4
    prior = PathParams(**base, size_prior=3.0)
    shrunk = edges(build_transitions(requirements(t, prior), prior))
    assert shrunk[0, 1][0] == pytest.approx(0.1 + 1 - 1 / 4)  # 1 of (1 + 3)
    assert shrunk[0, 2][0] == pytest.approx(0.1 + 1 - 3 / 7)  # 3 of (4 + 3)
    assert shrunk[0, 2][0] < shrunk[0, 1][0]


def test_reuse_makes_moves_that_waste_experience_dearer():
    # a has x, y, z, w; b needs x only; c needs x, y.  Both b and c are fully covered.
    t = taxonomy(
        [("r:a", "a", None), ("r:b", "b", None), ("r:c", "c", None)],
        [("r:a", s, True) for s in ("s:x", "s:y", "s:z", "s:w")]
        + [("r:b", "s:x", True), ("r:c", "s:x", True), ("r:c", "s:y", True)],
    )
    p = PathParams(size_prior=0.0, reuse_weight=0.5, step_cost=0.1)
    e = edges(build_transitions(requirements(t, p), p))
    assert e[0, 1][0] == pytest.approx(0.1 + 0.5 * 0 + 0.5 * (1 - 1 / 4))
    assert e[0, 2][0] == pytest.approx(0.1 + 0.5 * 0 + 0.5 * (1 - 2 / 4))


def test_no_field_is_a_field_of_its_own():
    # A role without a field is not a free bridge: a -> b and b -> c both change field.
    # (The fields alone decide here: every role lists the same skill.)
    t = taxonomy(
        [("r:a", "a", "f:1"), ("r:b", "b", None), ("r:c", "c", "f:2"), ("r:d", "d", None)],
        [("r:a", "s:x", True), ("r:b", "s:x", True), ("r:c", "s:x", True), ("r:d", "s:x", True)],
    )
    p = PathParams(size_prior=0.0, reuse_weight=0.0, reskilling_penalty=3.0, **JOB_MOVES_ONLY)
    e = edges(build_transitions(requirements(t, p), p))
    assert e[0, 1] == (pytest.approx(0.3), True)
    assert e[1, 2] == (pytest.approx(0.3), True)
    assert e[0, 2] == (pytest.approx(0.3), True)
    assert e[1, 3] == (pytest.approx(0.1), False)


def test_the_skills_say_what_one_field_is():
    # a and b share a field but not their skills; a and c share their skills, not a field.
    t = taxonomy(
        [("r:a", "a", "f:1"), ("r:b", "b", "f:1"), ("r:c", "c", "f:2")],
        [("r:a", "s:x", True), ("r:a", "s:y", True), ("r:b", "s:y", True), ("r:b", "s:z", True)]
        + [("r:b", s, True) for s in ("s:u", "s:v", "s:w")]
        + [("r:c", "s:x", True), ("r:c", "s:y", True)],
    )
    p = PathParams(retraining=False, min_overlap=0.0)
    e = edges(build_transitions(requirements(t, p), p))
    # a -> b: cosine 1 / (sqrt 2 * sqrt 5) = 0.32 >= 0.2 in one field: upskilling.
    assert e[0, 1][1] is False
    # a -> c: other field, cosine 1 >= 0.5: the skills say it is the same line of work.
    assert e[0, 2][1] is False
    strict = PathParams(retraining=False, min_overlap=0.0, field_min_cosine=0.4)
    e = edges(build_transitions(requirements(t, strict), strict))
    assert e[0, 1][1] is True and e[0, 2][1] is False


def test_ratings_scale_weights_and_duplicates_count_once():
    t = taxonomy(
        [("r:a", "a", None)],
        [("r:a", "s:x", True), ("r:a", "s:y", False), ("r:a", "s:x", False)],
        ratings={("r:a", "s:x"): (5.0, 3.0), ("r:a", "s:y"): (2.5, 1.0)},
    )
    req = requirements(t, PathParams(optional_weight=0.5))
    # x: essential (one listing is), 1.0 * 5/5; y: optional 0.5 * 2.5/5.
    assert req.weights.toarray().tolist() == [[1.0, 0.25]]
    assert req.essential.tolist() == [True, False]
    plain = requirements(t, PathParams(optional_weight=0.5, use_ratings=False))
    assert plain.weights.toarray().tolist() == [[1.0, 0.5]]


def test_min_overlap_is_the_viability_threshold():
    t = taxonomy(
        [("r:a", "a", None), ("r:b", "b", None)],
        [("r:a", "s:x", True)] + [("r:b", s, True) for s in ("s:x", "s:y", "s:z", "s:w")],
    )
    loose = PathParams(min_overlap=0.25, **JOB_MOVES_ONLY)
    assert (0, 1) in edges(build_transitions(requirements(t, loose), loose))
    strict = PathParams(min_overlap=0.26, **JOB_MOVES_ONLY)
    assert (0, 1) not in edges(build_transitions(requirements(t, strict), strict))


def test_a_role_row_equals_its_graph_row():
    t = taxonomy(
        [("r:a", "a", "f:1"), ("r:b", "b", "f:2"), ("r:c", "c", "f:1")],
        [
            ("r:a", "s:x", True),
            ("r:a", "s:y", False),
            ("r:b", "s:x", True),
            ("r:b", "s:z", True),
            ("r:c", "s:y", True),
            ("r:c", "s:x", False),
        ],
    )
    p = PathParams()
    req = requirements(t, p)
    graph = edges(build_transitions(req, p))
    have = np.zeros(t.n_skills, dtype=bool)
    have[req.skills_of(0)] = True
    own = req.weights.toarray()[0]
    row = move_row(req, have, int(t.role_field[0]), p, own=own)
    for b in (1, 2):
        assert row.viable[b]
        # An edge is the cheaper of the job move and retraining.
        assert min(row.cost[b], row.training[b]) == pytest.approx(graph[0, b][0])
        assert bool(row.reskill[b]) == graph[0, b][1]


def nurse_and_physician():
    """Same skills, same field; the physician needs x at level 6 where the nurse has 3."""
    reqs = [(r, s, True) for r in ("r:nurse", "r:doctor") for s in ("s:x", "s:y", "s:z")]
    levels = {"r:nurse": (3.0, 4.0, 2.0), "r:doctor": (6.0, 4.0, 1.0)}
    skills = ("s:x", "s:y", "s:z")
    ratings = {
        (r, s): (5.0, lv) for r, lvs in levels.items() for s, lv in zip(skills, lvs, strict=True)
    }
    roles = [("r:nurse", "nurse", "f:1"), ("r:doctor", "doctor", "f:1")]
    return taxonomy(roles, reqs, ratings=ratings)


def test_levels_cover_a_skill_only_as_far_as_the_start_level_reaches():
    t = nurse_and_physician()
    p = PathParams(size_prior=0.0, reuse_weight=0.0, step_cost=0.1)
    graph = edges(build_transitions(requirements(t, p), p))
    # nurse -> doctor: x covered 3/6, y 4/4, z (2 >= 1) in full: 2.5 of 3.
    assert graph[0, 1][0] == pytest.approx(0.1 + 1 - 2.5 / 3)
    # doctor -> nurse: 6 >= 3, 4 >= 4, but z only 1/2: 2.5 of 3 as well.
    assert graph[1, 0][0] == pytest.approx(0.1 + 1 - 2.5 / 3)
    flat = PathParams(size_prior=0.0, reuse_weight=0.0, step_cost=0.1, use_levels=False)
    same = edges(build_transitions(requirements(t, flat), flat))
    assert same[0, 1][0] == pytest.approx(0.1) and same[1, 0][0] == pytest.approx(0.1)
    assert requirements(t, flat).levels is None
    assert requirements(t, p).levels.tolist() == [3.0, 4.0, 2.0, 6.0, 4.0, 1.0]


def test_with_levels_a_target_reuses_the_start_skills_only_up_to_its_own_level():
    t = nurse_and_physician()
    p = PathParams(size_prior=0.0, reuse_weight=1.0, step_cost=0.1)
    graph = edges(build_transitions(requirements(t, p), p))
    # nurse -> doctor: the doctor uses z only at level 1 of the nurse's 2: 2.5 of 3 reused.
    # doctor -> nurse: the nurse uses x only at level 3 of the doctor's 6: 2.5 of 3.
    assert graph[0, 1][0] == pytest.approx(0.1 + 0.5 / 3)
    assert graph[1, 0][0] == pytest.approx(0.1 + 0.5 / 3)


def test_a_start_that_lacks_the_level_can_fall_below_the_viability_threshold():
    t = nurse_and_physician()
    p = PathParams(min_overlap=0.9, **JOB_MOVES_ONLY)
    assert (0, 1) not in edges(build_transitions(requirements(t, p), p))  # 2.5 / 3 < 0.9
    flat = PathParams(min_overlap=0.9, use_levels=False, **JOB_MOVES_ONLY)
    assert (0, 1) in edges(build_transitions(requirements(t, flat), flat))


def test_a_rated_role_row_equals_its_graph_row_and_extra_skills_count_in_full():
    t = nurse_and_physician()
    p = PathParams()
    req = requirements(t, p)
    graph = edges(build_transitions(req, p))
    have = np.zeros(t.n_skills, dtype=bool)
    have[req.skills_of(0)] = True
    level = np.full(t.n_skills, np.nan)
    level[req.skills_of(0)] = req.levels_of(0)
    own = req.weights.toarray()[0]
    row = move_row(req, have, 0, p, own=own, level=level)
    assert min(row.cost[1], row.training[1]) == pytest.approx(graph[0, 1][0])
    assert row.overlap[1] == pytest.approx(2.5)
    # The same skills with no rated level (a skill profile) cover the doctor in full.
    assert move_row(req, have, 0, p, own=own).overlap[1] == pytest.approx(3.0)


@st.composite
def random_taxonomies(draw):
    n_roles = draw(st.integers(1, 9))
    n_skills = draw(st.integers(1, 8))
    roles = [
        (f"r:{i}", f"role {i}", draw(st.sampled_from([None, "f:1", "f:2", "f:3"])))
        for i in range(n_roles)
    ]
    reqs = draw(
        st.lists(
            st.tuples(st.integers(0, n_roles - 1), st.integers(0, n_skills - 1), st.booleans()),
            max_size=30,
        )
    )
    requirements_ = [(f"r:{r}", f"s:{s}", e) for r, s, e in reqs]
    # Some taxonomies rate levels (O*NET-like), some pairs unrated or rated 0.
    ratings = None
    if draw(st.booleans()):
        level = st.sampled_from([float("nan"), 0.0, 1.0, 2.5, 4.0, 7.0])
        ratings = {
            (r, s): (draw(st.sampled_from([float("nan"), 1.0, 3.0, 5.0])), draw(level))
            for r, s, _ in requirements_
        }
    return taxonomy(
        roles, requirements_, fields=("f:1", "f:2", "f:3"), n_skills=n_skills, ratings=ratings
    )


params_strategy = st.builds(
    PathParams,
    optional_weight=st.sampled_from([0.0, 0.25, 0.5, 1.0]),
    reskilling_penalty=st.sampled_from([1.0, 1.5, 2.0]),
    min_overlap=st.sampled_from([0.0, 0.2, 0.5, 1.0]),
    moves_per_role=st.integers(1, 5),
    size_prior=st.sampled_from([0.0, 1.0, 3.0]),
    reuse_weight=st.sampled_from([0.0, 0.25, 1.0]),
    use_levels=st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(random_taxonomies(), params_strategy)
def test_the_vectorised_graph_equals_the_plain_loops(t, p):
    built = edges(build_transitions(requirements(t, p), p))
    expected = reference_edges(t, p)
    assert built.keys() == expected.keys()
    for key, (cost, reskill) in expected.items():
        assert built[key][0] == pytest.approx(cost, rel=1e-12, abs=1e-12)
        assert built[key][1] == reskill


@settings(max_examples=100, deadline=None)
@given(random_taxonomies(), params_strategy, st.data())
def test_search_bounds_are_the_exact_distances(t, p, data):
    import networkx as nx

    graph = build_transitions(requirements(t, p), p)
    target = data.draw(st.integers(0, graph.n - 1))
    budget = data.draw(st.integers(0, 3))
    bounds = graph.bounds(target, max_reskilling=budget, max_steps=5)
    g = nx.DiGraph()
    g.add_nodes_from(range(graph.n))
    layered = nx.DiGraph()
    for u in range(graph.n):
        for v, c, x in graph.adjacency[u]:
            g.add_edge(u, v, weight=c)
            for j in range(x, budget + 1):
                layered.add_edge((u, j), (v, j - x), weight=c)
    dist = nx.single_source_dijkstra_path_length(g.reverse(), target)
    hops = nx.single_source_shortest_path_length(g.reverse(), target)
    for v in range(graph.n):
        assert bounds["h"][v] == pytest.approx(dist.get(v, float("inf")))
        assert bounds["hops"][v] == hops.get(v, float("inf"))
    back = layered.reverse()
    goals = {(target, i) for i in range(budget + 1)} & set(back)
    lengths = nx.multi_source_dijkstra_path_length(back, goals) if goals else {}
    for j in range(budget + 1):
        for v in range(graph.n):
            best = 0.0 if v == target else lengths.get((v, j), float("inf"))
            assert bounds["h_budget"][j][v] == pytest.approx(best)
