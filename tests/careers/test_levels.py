"""Rated levels (O*NET-style) in explained moves: skills held at too low a level.

A nurse and a doctor need the same three skills; the doctor needs x at level 6 where the
nurse has 3, and z at level 1 where the nurse has 2.  No hours are known: 40 per skill.
"""

from __future__ import annotations

import json

import pytest

from skillgraph.careers import CareerModel, PathParams
from skillgraph.taxonomy import Taxonomy

LEVELS = {"r:nurse": (3.0, 4.0, 2.0), "r:doctor": (6.0, 4.0, 1.0)}


def taxonomy() -> Taxonomy:
    skills = ("s:x", "s:y", "s:z")
    return Taxonomy.from_records(
        roles=[("r:nurse", "nurse", "f:1"), ("r:doctor", "doctor", "f:1")],
        skills=[(s, s[2:], None, None) for s in skills],
        fields=[("f:1", "health")],
        requirements=[(r, s, True) for r in LEVELS for s in skills],
        programs=[
            ("p:school", "medical school", 5000.0, None, "degree", "f:1"),
            ("p:other", "unrelated course", 10.0, None, "course", None),
        ],
        teaches=[("p:school", "s:x"), ("p:school", "s:y"), ("p:other", "s:w")],
        ratings={
            (r, s): (5.0, lv)
            for r, lvs in LEVELS.items()
            for s, lv in zip(skills, lvs, strict=True)
        },
    )


def move(model: CareerModel, start: int, target: int):
    [m] = [m for m in model.next_steps(model.start_for(start), 5) if m.role.label == target]
    return m


def test_a_move_lists_the_skills_to_deepen_with_their_share_of_hours():
    model = CareerModel(taxonomy(), PathParams())
    up = move(model, 0, "doctor")
    assert (up.matched, up.required, up.missing_skills) == (3, 3, [])
    assert [(g.skill.label, g.level, g.have_level, g.weight, g.hours) for g in up.to_deepen] == [
        ("x", 6.0, 3.0, 0.5, 20.0)
    ]
    assert up.hours == 20.0
    # Medical school teaches x: it is recommended to deepen it; the unrelated course is not.
    assert [(p.program.label, [c.label for c in p.covers]) for p in up.programs] == [
        ("medical school", ["x"])
    ]
    down = move(model, 1, "nurse")
    assert [(g.skill.label, g.level, g.have_level) for g in down.to_deepen] == [("z", 2.0, 1.0)]
    assert down.hours == pytest.approx(20.0)
    as_json = json.loads(json.dumps(up.as_dict()))
    assert as_json["to_deepen"][0]["level"] == 6.0 and as_json["to_deepen"][0]["have_level"] == 3.0


def test_paths_explain_levels_on_every_step_and_levels_can_be_ignored():
    model = CareerModel(taxonomy(), PathParams())
    no_limits = {"max_reskilling": None, "max_steps": None, "avoid": set()}
    [path] = model.paths(model.start_for(0), 1, k=1, **no_limits)
    assert [g.skill.label for g in path.steps[0].to_deepen] == ["x"]
    assert path.hours == 20.0
    flat = CareerModel(taxonomy(), PathParams(use_levels=False))
    plain = move(flat, 0, "doctor")
    assert plain.to_deepen == [] and plain.hours == 0.0 and plain.programs == []
    assert plain.cost < move(model, 0, "doctor").cost


def test_a_skill_profile_has_no_levels_to_deepen():
    model = CareerModel(taxonomy(), PathParams())
    start = model.start_for(None, [0, 1, 2])
    [m] = [m for m in model.next_steps(start, 5) if m.role.label == "doctor"]
    assert m.to_deepen == [] and m.missing_skills == []
