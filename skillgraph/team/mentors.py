"""Mentors: each person who moves paired with a colleague who can teach them, at most
``cap`` mentees per mentor.

A colleague qualifies as a mentor for a mentee when they already hold the mentee's target
role, or hold at least ``min_share`` of the weight of the mentee's missing skills.  The
pairing is a capacitated bipartite matching: as many mentees matched as possible, and of
those matchings the one whose mentors know the most of their mentees' gaps (a role holder
first).  It is solved exactly as a minimum-cost maximum flow (networkx's network simplex:
source -> mentee (capacity 1) -> mentor (capacity 1, cost: the share of the gap the mentor
lacks) -> sink (capacity ``cap``)).

Only each mentee's ``ceil(mentees / cap)`` best candidates become edges: that loses
nothing, for those candidates alone have room for every mentee, so an optimal matching
that used a worse candidate could swap it for one of them with room left at no extra
cost.

>>> import numpy as np, scipy.sparse as sp
>>> need = sp.csr_matrix(np.array([[1.0, 1.0, 0.0], [0.0, 1.0, 1.0]]))   # mentees x skills
>>> have = sp.csr_matrix(np.array([[1, 1, 1], [1, 1, 0]], dtype=bool))  # mentors x skills
>>> [(p.mentee, p.mentor) for p in match_mentors(need, [5, 6], have, [9, 9], cap=1)]
[(0, 1), (1, 0)]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx  # type: ignore[import-untyped]
import numpy as np
import scipy.sparse as sp

__all__ = ["MentorPair", "match_mentors"]

#: Shares are compared to this resolution (the flow's costs are integers).
SCALE = 1000
#: Mentees whose candidates are scored at once (bounds the dense block in memory).
BLOCK = 256


@dataclass(frozen=True)
class MentorPair:
    """Mentor ``mentor`` for mentee ``mentee``: the share of the mentee's missing weight
    the mentor has, and whether the mentor holds the mentee's target role."""

    mentee: int
    mentor: int
    share: float
    holds_role: bool


def _candidates(need, mentee_role, have, mentor_role, keep, min_share):
    """``(mentee, mentor, cost, share, holds role)`` of each mentee's ``keep`` best
    qualified mentors."""
    totals = np.asarray(need.sum(axis=1)).ravel()
    have_t = have.astype(np.float64).T.tocsc()
    mentor_role = np.asarray(mentor_role)
    out = []
    for lo in range(0, need.shape[0], BLOCK):
        block = np.asarray((need[lo : lo + BLOCK] @ have_t).todense())
        for r in range(block.shape[0]):
            i = lo + r
            share = block[r] / totals[i] if totals[i] > 0 else np.zeros(block.shape[1])
            holds = mentor_role == mentee_role[i]
            ok = holds | ((share >= min_share - 1e-12) & (totals[i] > 0))
            idx = np.flatnonzero(ok)
            if not len(idx):
                continue
            share = np.where(holds, 1.0, np.minimum(share, 1.0))
            # A role holder costs 0; anyone else 1 + what of the gap they lack.
            cost = np.where(holds[idx], 0, 1 + np.rint((1.0 - share[idx]) * SCALE)).astype(int)
            best = idx[np.lexsort((idx, cost))[:keep]]
            cost_of = dict(zip(idx.tolist(), cost.tolist(), strict=True))
            out.extend((i, int(j), cost_of[int(j)], float(share[j]), bool(holds[j])) for j in best)
    return out


def match_mentors(
    need: sp.csr_matrix,
    mentee_role: Sequence[int],
    have: sp.csr_matrix,
    mentor_role: Sequence[int],
    *,
    cap: int,
    min_share: float = 0.5,
) -> list[MentorPair]:
    """Mentor pairs (see the module docstring), sorted by mentee.

    ``need[i, s]``: the weight of skill ``s`` in mentee ``i``'s gap; ``have[j, s]``:
    whether mentor ``j`` has skill ``s``; ``mentee_role[i]`` / ``mentor_role[j]``: the
    mentee's target role and the mentor's role (any comparable ids).

    >>> need = sp.csr_matrix(np.array([[1.0], [1.0], [1.0]]))
    >>> have = sp.csr_matrix(np.array([[True]]))
    >>> len(match_mentors(need, [0, 0, 0], have, [1], cap=2))
    2
    """
    if cap < 1:
        return []
    n_mentees, n_mentors = need.shape[0], have.shape[0]
    if not n_mentees or not n_mentors:
        return []
    keep = math.ceil(n_mentees / cap)
    edges = _candidates(
        sp.csr_matrix(need, dtype=np.float64),
        list(mentee_role),
        sp.csr_matrix(have),
        mentor_role,
        keep,
        min_share,
    )
    if not edges:
        return []
    g = nx.DiGraph()
    g.add_node("source")
    for i, j, cost, _, _ in edges:
        g.add_edge("source", ("e", i), capacity=1, weight=0)
        g.add_edge(("e", i), ("m", j), capacity=1, weight=cost)
        g.add_edge(("m", j), "sink", capacity=cap, weight=0)
    flow = nx.max_flow_min_cost(g, "source", "sink")
    facts = {(i, j): (share, holds) for i, j, _, share, holds in edges}
    pairs = []
    for (i, j), (share, holds) in facts.items():
        if flow[("e", i)][("m", j)] > 0:
            pairs.append(MentorPair(i, j, share, holds))
    return sorted(pairs, key=lambda p: p.mentee)
