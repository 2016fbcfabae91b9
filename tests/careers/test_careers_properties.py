"""Invariants of career paths on random taxonomies (hypothesis).

The model is built from ``Taxonomy.from_records`` (no store: the glue is the same
``CareerModel`` that ``SkillGraph.career_paths`` uses after resolving names).
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from skillgraph.careers import CareerModel, PathParams
from skillgraph.errors import NoPath
from skillgraph.taxonomy import Taxonomy

FIELDS = ["f:1", "f:2", "f:3"]


@st.composite
def taxonomies(draw):
    n_roles = draw(st.integers(2, 10))
    n_skills = draw(st.integers(2, 12))
    n_programs = draw(st.integers(0, 5))
    roles = [
        (f"r:{i}", f"role {i}", draw(st.sampled_from([None, *FIELDS]))) for i in range(n_roles)
    ]
    skills = [
        (
            f"s:{i}",
            f"skill {i}",
            draw(st.sampled_from([None, *FIELDS])),
            draw(st.sampled_from([None, 5.0, 20.0, 60.0])),
        )
        for i in range(n_skills)
    ]
    reqs = draw(
        st.lists(
            st.tuples(st.integers(0, n_roles - 1), st.integers(0, n_skills - 1), st.booleans()),
            min_size=1,
            max_size=40,
        )
    )
    programs = [
        (
            f"p:{i}",
            f"program {i}",
            draw(st.sampled_from([None, 10.0, 50.0])),
            None,
            "course",
            draw(st.sampled_from([None, *FIELDS])),
        )
        for i in range(n_programs)
    ]
    teaches = draw(
        st.lists(
            st.tuples(st.integers(0, max(n_programs - 1, 0)), st.integers(0, n_skills - 1)),
            max_size=15 if n_programs else 0,
        )
    )
    # Some taxonomies rate levels (O*NET-like).
    ratings = None
    if draw(st.booleans()):
        level = st.sampled_from([float("nan"), 1.0, 3.0, 5.0])
        ratings = {(f"r:{r}", f"s:{s}"): (3.0, draw(level)) for r, s, _ in reqs}
    return Taxonomy.from_records(
        roles=roles,
        skills=skills,
        fields=[(f, f) for f in FIELDS],
        requirements=[(f"r:{r}", f"s:{s}", e) for r, s, e in reqs],
        programs=programs,
        teaches=[(f"p:{p}", f"s:{s}") for p, s in teaches],
        ratings=ratings,
    )


params = st.builds(
    PathParams,
    optional_weight=st.sampled_from([0.0, 0.35, 1.0]),
    reskilling_penalty=st.sampled_from([1.0, 1.25, 3.0]),
    min_overlap=st.sampled_from([0.0, 0.2, 0.5]),
    moves_per_role=st.integers(1, 6),
    size_prior=st.sampled_from([0.0, 3.0]),
    reuse_weight=st.sampled_from([0.0, 0.25]),
    program_field_weight=st.sampled_from([0.0, 0.5, 1.0]),
    program_hours_exponent=st.sampled_from([0.5, 1.0]),
)


def query(model, data):
    t = model.taxonomy
    n = t.n_roles
    start_role = data.draw(st.none() | st.integers(0, n - 1), label="start role")
    have = data.draw(st.lists(st.integers(0, t.n_skills - 1), max_size=4), label="have")
    assume(start_role is not None or have)
    start = model.start_for(start_role, have)
    target = data.draw(st.integers(0, n - 1), label="target")
    constraints = {
        "k": data.draw(st.integers(1, 5), label="k"),
        "max_reskilling": data.draw(st.none() | st.integers(0, 2), label="max_reskilling"),
        "max_steps": data.draw(st.none() | st.integers(1, 4), label="max_steps"),
        "avoid": set(data.draw(st.lists(st.integers(0, n - 1), max_size=2), label="avoid"))
        - {target, start_role},
    }
    return start, target, constraints


def field_of(model, concept):
    located = model.taxonomy.locate(concept.uri)
    return int(model.taxonomy.role_field[located[1]])


@settings(max_examples=300, deadline=None)
@given(taxonomies(), params, st.data())
def test_path_invariants(t, p, data):
    model = CareerModel(t, p)
    start, target, c = query(model, data)
    try:
        found = model.paths(start, target, **c)
    except NoPath as exc:
        assert str(exc).startswith("no path from")
        return
    assert 1 <= len(found) <= c["k"]
    costs = [path.cost for path in found]
    assert costs == sorted(costs), "alternatives come cheapest first"
    assert len({tuple(s.target.uri for s in path.steps) for path in found}) == len(found)
    for path in found:
        assert path.cost == pytest.approx(sum(s.cost for s in path.steps), abs=0)
        assert path.hours == pytest.approx(sum(s.hours for s in path.steps))
        assert path.reskilling_steps == sum(s.kind == "reskilling" for s in path.steps)
        if c["max_reskilling"] is not None:
            assert path.reskilling_steps <= c["max_reskilling"]
        if c["max_steps"] is not None:
            assert len(path.steps) <= c["max_steps"]
        if not path.steps:
            continue
        assert path.steps[-1].target == t.concept("role", target)
        visited = [s.target.uri for s in path.steps]
        assert len(set(visited)) == len(visited), "paths are simple"
        avoided = {t.role_uris[a] for a in c["avoid"]}
        assert not avoided & set(visited)
        for step, after in zip(path.steps, path.steps[1:], strict=False):
            assert after.source == step.target
        recommended = [p.program.uri for step in path.steps for p in step.programs]
        assert len(recommended) == len(set(recommended)), "no program twice on a path"
        for step in path.steps:
            assert step.cost > 0
            assert step.kind in ("upskilling", "reskilling")
            assert step.matched == len(step.matched_skills)
            assert step.required == step.matched + len(step.missing_skills)
            essentials = [g.essential for g in step.missing_skills]
            assert essentials == sorted(essentials, reverse=True), "essential first"
            missing = {g.skill.uri for g in step.missing_skills + step.to_deepen}
            assert not {g.skill.uri for g in step.missing_skills} & {
                g.skill.uri for g in step.to_deepen
            }
            for g in step.to_deepen:
                assert g.have_level < g.level and g.weight > 0
            for pick in step.programs:
                assert pick.covers, "a program always teaches something the step needs"
                assert {s.uri for s in pick.covers} <= missing
        if c["max_reskilling"] == 0:
            # An upskilling-only path stays in what the fields and skills say is one field.
            assert all(s.kind != "reskilling" for s in path.steps)


@settings(max_examples=200, deadline=None)
@given(taxonomies(), params, st.data())
def test_next_steps_are_sorted_viable_moves(t, p, data):
    model = CareerModel(t, p)
    role = data.draw(st.integers(0, t.n_roles - 1))
    k = data.draw(st.integers(1, 12))
    moves = model.next_steps(model.start_for(role), k)
    assert len(moves) <= k
    # The best fits first; equal fits, the cheaper first.
    keys = [(-m.fit, m.cost) for m in moves]
    assert keys == sorted(keys)
    by_cost = model.with_params(dataclasses.replace(p, next_by_fit=False))
    costs = [m.cost for m in by_cost.next_steps(by_cost.start_for(role), k)]
    assert costs == sorted(costs)
    assert t.role_uris[role] not in {m.role.uri for m in moves}
    for m in moves:
        assert m.matched / m.required >= 0 if m.required else False
        assert math.isfinite(m.cost) and m.cost > 0
    # Every graph edge out of the role is one of its viable moves, at the same cost.
    everything = {m.role.uri: m.cost for m in model.next_steps(model.start_for(role), 10_000)}
    for v, cost, _ in model.adjacency[role]:
        assert everything[t.role_uris[v]] == pytest.approx(cost)


@settings(max_examples=150, deadline=None)
@given(taxonomies(), params, st.data())
def test_learning_never_makes_a_move_dearer(t, p, data):
    model = CareerModel(t, p)
    role = data.draw(st.integers(0, t.n_roles - 1))
    learn = data.draw(st.lists(st.integers(0, t.n_skills - 1), min_size=1, max_size=3))
    start = model.start_for(role)
    new, cheaper = model.whatif(start, learn, 1000)
    before = model.row(start)
    after = model.row(model.start_for(role, learned=learn))
    # Learning adds to what the start has: coverage never drops, no move gets dearer.
    assert np.all(after.overlap >= before.overlap - 1e-12)
    assert np.all(after.cost <= before.cost + 1e-12)
    assert np.all(after.viable >= before.viable)
    for move in new:
        r = t.locate(move.role.uri)[1]
        assert after.viable[r] and not before.viable[r]
    for change in cheaper:
        assert change.cost_after < change.cost_before
        assert change.saving == pytest.approx(change.cost_before - change.cost_after)
