"""Skill gaps and the greedy program cover."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.careers.gaps import cover_programs, skill_gap


def test_gap_orders_essential_first_then_by_weight():
    have = np.zeros(10, dtype=bool)
    have[9] = True
    hours = np.arange(10, dtype=float) * 2
    gap = skill_gap(
        np.array([3, 5, 7, 9]),
        np.array([0.5, 1.0, 1.0, 0.8]),
        np.array([False, True, False, False]),
        have,
        hours,
    )
    assert gap.matched.tolist() == [9]
    assert gap.missing.tolist() == [5, 7, 3]
    assert gap.essential.tolist() == [True, False, False]
    assert gap.weight.tolist() == [1.0, 1.0, 0.5]
    assert gap.hours.tolist() == [10.0, 14.0, 6.0]
    assert gap.total_hours == 30.0


def test_nothing_missing():
    have = np.ones(4, dtype=bool)
    gap = skill_gap(np.array([1, 2]), np.ones(2), np.ones(2, dtype=bool), have, np.ones(4))
    assert gap.matched.tolist() == [1, 2] and len(gap.missing) == 0 and gap.total_hours == 0


def test_cover_prefers_weight_per_hour_and_stops_when_nothing_is_taught():
    picks = cover_programs(
        {1: 1.0, 2: 1.0, 3: 1.0, 4: 1.0},
        {10: {1, 2, 3}, 11: {1}, 12: {4, 99}, 13: {99}},
        {10: 30.0, 11: 5.0, 12: 8.0, 13: 1.0},
    )
    # 11: 1/5 = 0.2, 12: 1/8, 10: 3/30 = 0.1 -> 11, then 12, then 10 for {2, 3} (2/30).
    assert picks == [(11, [1]), (12, [4]), (10, [2, 3])]


def test_cover_limit_and_no_programs():
    assert cover_programs({1: 1.0}, {}, {}) == []
    assert cover_programs({}, {10: {1}}, {10: 1.0}) == []
    picks = cover_programs({1: 1.0, 2: 1.0}, {10: {1}, 11: {2}}, {10: 1.0, 11: 1.0}, limit=1)
    assert picks == [(10, [1])]


def test_cover_weighs_relevance_and_hours_exponent():
    missing = {1: 1.0, 2: 1.0, 3: 1.0}
    teaches = {10: {1, 2, 3}, 11: {1}, 12: {2}}
    hours = {10: 100.0, 11: 10.0, 12: 10.0}
    # Per hour: 11 and 12 (0.1) beat 10 (0.03); 10 then covers 3.
    assert cover_programs(missing, teaches, hours) == [(11, [1]), (12, [2]), (10, [3])]
    # Square root of hours: 10 scores 3 / 10 = 0.3 against 1 / sqrt(10) = 0.32 -- still
    # behind, but an off-field 11 (relevance 0.5) drops to 0.16.
    relevance = {10: 1.0, 11: 0.5, 12: 1.0}
    assert cover_programs(missing, teaches, hours, relevance=relevance, hours_exponent=0.5) == [
        (12, [2]),
        (10, [1, 3]),
    ]
    # Relevance 0: never picked, even when it is the only program left for a skill.
    assert cover_programs({1: 1.0}, {11: {1}}, {11: 1.0}, relevance={11: 0.0}) == []


@settings(max_examples=200, deadline=None)
@given(
    missing=st.dictionaries(st.integers(0, 9), st.sampled_from([0.25, 0.5, 1.0]), max_size=8),
    teaches=st.dictionaries(
        st.integers(100, 110), st.sets(st.integers(0, 12), max_size=5), max_size=8
    ),
    hours=st.lists(st.floats(0.5, 100), min_size=11, max_size=11),
    relevance=st.lists(st.sampled_from([0.0, 0.1, 0.5, 1.0]), min_size=11, max_size=11),
    exponent=st.sampled_from([0.0, 0.5, 1.0]),
)
def test_every_pick_teaches_a_missing_skill_and_covers_are_disjoint(
    missing, teaches, hours, relevance, exponent
):
    program_hours = {p: hours[p - 100] for p in teaches}
    fit = {p: relevance[p - 100] for p in teaches}
    picks = cover_programs(missing, teaches, program_hours, relevance=fit, hours_exponent=exponent)
    covered = []
    for program, skills in picks:
        assert skills, "a program that teaches nothing needed is never picked"
        assert set(skills) <= teaches[program] & missing.keys()
        covered += skills
    assert len(covered) == len(set(covered))
    # Greedy stops only when nothing left is taught (or at the limit of 5 picks).
    if len(picks) < 5:
        left = missing.keys() - set(covered)
        assert not any(left & s for p, s in teaches.items() if p not in dict(picks) and fit[p] > 0)
    assert all(fit[p] > 0 for p, _ in picks)
    assert len({p for p, _ in picks}) == len(picks)
