"""Mentors: a capacitated matching, checked against brute force, caps and thresholds."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
import scipy.sparse as sp

from skillgraph.team.mentors import SCALE, match_mentors


def _costs(need, mentee_role, have, mentor_role, min_share):
    need, have = np.asarray(need, dtype=float), np.asarray(have, dtype=bool)
    out = {}
    for i in range(need.shape[0]):
        total = need[i].sum()
        for j in range(have.shape[0]):
            if mentee_role[i] == mentor_role[j]:
                out[i, j] = 0
            elif total > 0:
                share = need[i][have[j]].sum() / total
                if share >= min_share - 1e-12:
                    out[i, j] = 1 + round((1 - share) * SCALE)
    return out


def brute_force(need, mentee_role, have, mentor_role, cap, min_share):
    """(most mentees matched, least cost) over every assignment."""
    costs = _costs(need, mentee_role, have, mentor_role, min_share)
    n, m = len(need), len(have)
    best = (0, 0)
    for choice in itertools.product([-1, *range(m)], repeat=n):
        if any(c >= 0 and (i, c) not in costs for i, c in enumerate(choice)):
            continue
        if any(choice.count(j) > cap for j in range(m)):
            continue
        matched = sum(c >= 0 for c in choice)
        cost = sum(costs[i, c] for i, c in enumerate(choice) if c >= 0)
        if matched > best[0] or (matched == best[0] and cost < best[1]):
            best = (matched, cost)
    return best, costs


def test_each_mentor_takes_at_most_the_cap_and_role_holders_come_first():
    need = sp.csr_matrix(np.ones((5, 2)))
    have = sp.csr_matrix(np.array([[True, True], [True, False]]))
    # Mentor 0 holds every mentee's target role (7); mentor 1 has half of each gap.
    pairs = match_mentors(need, [7] * 5, have, [7, 3], cap=2, min_share=0.5)
    assert len(pairs) == 4
    by_mentor = [sum(p.mentor == j for p in pairs) for j in range(2)]
    assert by_mentor == [2, 2]
    assert all(p.holds_role for p in pairs if p.mentor == 0)
    assert {p.share for p in pairs if p.mentor == 1} == {0.5}


def test_below_the_share_no_mentor_and_a_cap_of_zero_none_at_all():
    need = sp.csr_matrix(np.array([[1.0, 3.0]]))
    have = sp.csr_matrix(np.array([[True, False]]))
    assert match_mentors(need, [1], have, [2], cap=3, min_share=0.3) == []
    assert len(match_mentors(need, [1], have, [2], cap=3, min_share=0.25)) == 1
    assert match_mentors(need, [1], have, [1], cap=0) == []


@pytest.mark.parametrize("seed", range(30))
def test_equals_brute_force(seed):
    rng = random.Random(seed)
    n, m, k = rng.randint(1, 5), rng.randint(1, 3), 4
    need = [[float(rng.choice([0, 0, 1, 2])) for _ in range(k)] for _ in range(n)]
    have = [[rng.random() < 0.5 for _ in range(k)] for _ in range(m)]
    mentee_role = [rng.randint(0, 3) for _ in range(n)]
    mentor_role = [rng.randint(0, 3) for _ in range(m)]
    cap = rng.randint(1, 2)
    (matched, cost), costs = brute_force(need, mentee_role, have, mentor_role, cap, 0.4)
    pairs = match_mentors(
        sp.csr_matrix(np.array(need)), mentee_role, sp.csr_matrix(np.array(have)), mentor_role,
        cap=cap, min_share=0.4,
    )  # fmt: skip
    assert len(pairs) == matched
    assert sum(costs[p.mentee, p.mentor] for p in pairs) == cost
    assert len({p.mentee for p in pairs}) == len(pairs)
    assert all(sum(q.mentor == p.mentor for q in pairs) <= cap for p in pairs)
