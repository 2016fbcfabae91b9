"""The weighted requirement of every role (the rows the move model compares)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from ..taxonomy import Taxonomy
from .hours import skill_hours
from .seniority import role_ranks

if TYPE_CHECKING:
    from .params import PathParams

__all__ = ["Requirements", "level_shortfall", "requirements"]


@dataclass(eq=False)
class Requirements:
    """The weighted requirement of every role.

    ``weights`` (roles x skills, CSR with sorted indices) holds the weight of each
    requirement, ``binary`` the same pattern with ones, ``essential`` the flag of each
    stored entry (parallel to ``weights.data``), ``totals`` the weight sum of each role.
    """

    weights: sp.csr_matrix
    binary: sp.csr_matrix
    essential: np.ndarray
    totals: np.ndarray
    role_field: np.ndarray
    #: The rated level of each stored entry (parallel to ``weights.data``, NaN where
    #: unrated), or None when no entry has a level or levels are not used.
    levels: np.ndarray | None = None
    #: Each role's seniority rank (NaN: unknown; ``seniority.role_ranks``), or None when
    #: no role has one.
    role_rank: np.ndarray | None = None
    #: Hours of learning of each skill (``hours.skill_hours``) and whether each is an
    #: estimate; ``learning`` has ``weights``' pattern with the hours a career changer
    #: spends on each requirement (all of an essential skill's, ``training_optional_share``
    #: of an optional one's), ``learn_totals`` its row sums.
    hours: np.ndarray | None = None
    hours_estimated: np.ndarray | None = None
    learning: sp.csr_matrix | None = None
    learn_totals: np.ndarray | None = None
    #: The L2 norm of each role's weight vector (for the cosines of the field rule).
    norms: np.ndarray | None = None

    @property
    def n_roles(self) -> int:
        return self.weights.shape[0]

    @property
    def n_skills(self) -> int:
        return self.weights.shape[1]

    def skills_of(self, role: int) -> np.ndarray:
        """The skill numbers role ``role`` requires (sorted)."""
        w = self.weights
        return w.indices[w.indptr[role] : w.indptr[role + 1]]

    def entries_of(self, role: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(skills, weights, essential)`` of role ``role``'s requirement."""
        w = self.weights
        a, b = w.indptr[role], w.indptr[role + 1]
        return w.indices[a:b], w.data[a:b], self.essential[a:b]

    @functools.cached_property
    def by_skill(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(ptr, entry, role)``: the stored entries grouped by skill -- those of skill
        ``s`` are ``entry[ptr[s]:ptr[s + 1]]`` (positions in ``weights.data``), held by
        the roles ``role[ptr[s]:ptr[s + 1]]``."""
        w = self.weights
        entry = np.argsort(w.indices, kind="stable")
        role = np.repeat(np.arange(self.n_roles, dtype=np.int64), np.diff(w.indptr))[entry]
        ptr = np.concatenate(([0], np.cumsum(np.bincount(w.indices, minlength=self.n_skills))))
        return ptr.astype(np.int64), entry, role

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("by_skill", None)
        return state

    def levels_of(self, role: int) -> np.ndarray | None:
        """The rated levels of role ``role``'s requirement (NaN: unrated), or None."""
        if self.levels is None:
            return None
        w = self.weights
        return self.levels[w.indptr[role] : w.indptr[role + 1]]


def requirements(taxonomy: Taxonomy, params: PathParams) -> Requirements:
    """The requirement matrix of ``taxonomy`` under ``params``.

    A requirement listed twice counts once, essential if either listing is.  Where the
    source rates importance (O*NET), the weight is scaled by importance / the largest
    importance in the data.

    >>> from skillgraph.careers import PathParams
    >>> t = Taxonomy.from_records(
    ...     roles=[("r:a", "a", None)], skills=[("s:x", "x", None, None), ("s:y", "y", None, None)],
    ...     fields=[], requirements=[("r:a", "s:x", True), ("r:a", "s:y", False)])
    >>> req = requirements(t, PathParams(essential_weight=1.0, optional_weight=0.5))
    >>> req.weights.toarray().tolist(), req.totals.tolist()
    ([[1.0, 0.5]], [1.5])
    """
    n, m = taxonomy.n_roles, taxonomy.n_skills
    role = np.asarray(taxonomy.req_role, dtype=np.int64)
    skill = np.asarray(taxonomy.req_skill, dtype=np.int64)
    essential = np.asarray(taxonomy.req_essential, dtype=bool)
    weight = np.where(essential, params.essential_weight, params.optional_weight)
    importance = np.asarray(taxonomy.req_importance, dtype=np.float64)
    rated = np.isfinite(importance) & (importance > 0)
    if params.use_ratings and rated.any():
        scale = np.ones_like(weight)
        scale[rated] = importance[rated] / importance[rated].max()
        weight = weight * scale
    level = np.asarray(taxonomy.req_level, dtype=np.float64)
    # A level of 0 (O*NET: "not needed at all") asks nothing of the start: unrated.
    level = np.where(np.isfinite(level) & (level > 0), level, np.nan)
    use_levels = params.use_levels and bool(np.isfinite(level).any())
    # Duplicates: keep the strongest listing.  Sort by (role, skill, -weight) and keep firsts.
    order = np.lexsort((-weight, skill, role))
    role, skill, weight, essential = role[order], skill[order], weight[order], essential[order]
    level = level[order]
    first = np.ones(len(role), dtype=bool)
    if len(role):
        first[1:] = (role[1:] != role[:-1]) | (skill[1:] != skill[:-1])
    role, skill, weight, level = role[first], skill[first], weight[first], level[first]
    # Essential if any listing of the pair is essential.
    pair = np.cumsum(first) - 1
    any_essential = np.zeros(len(role), dtype=bool)
    np.logical_or.at(any_essential, pair, essential)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.add.at(indptr, role + 1, 1)
    indptr = np.cumsum(indptr)
    weights = sp.csr_matrix((weight, skill, indptr), shape=(n, m))
    binary = sp.csr_matrix((np.ones(len(skill)), skill, indptr), shape=(n, m))
    ranks = role_ranks(taxonomy.role_seniority, taxonomy.role_labels, taxonomy.role_code)
    rank = ranks if np.isfinite(ranks).any() else None
    hours, estimated = skill_hours(
        taxonomy.skill_hours, params.default_skill_hours, taxonomy.skill_type, taxonomy.skill_reuse
    )
    share = np.where(any_essential, 1.0, params.training_optional_share)
    learning = sp.csr_matrix((hours[skill] * share, skill, indptr), shape=(n, m))
    return Requirements(
        weights=weights,
        binary=binary,
        essential=any_essential,
        totals=np.asarray(weights.sum(axis=1)).ravel(),
        role_field=np.asarray(taxonomy.role_field, dtype=np.int64),
        levels=level if use_levels else None,
        role_rank=rank,
        hours=hours,
        hours_estimated=estimated,
        learning=learning,
        learn_totals=np.asarray(learning.sum(axis=1)).ravel(),
        norms=np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel()),
    )


def level_shortfall(
    req: Requirements, target: np.ndarray, source: np.ndarray, block_bytes: int = 64 * 2**20
) -> np.ndarray:
    """For each pair (``target[i]``, ``source[i]``) of roles, the weight of the target's
    requirement that the source has but at too low a level:
    the sum over skills rated on both sides of ``weight * max(0, 1 - level_s / level_t)``.

    Exact (no binning), a block of target roles at a time (never roles x roles): per
    rated skill, one dense outer difference of the block's targets with every role that
    rates anything (an unrated start gets level +inf, an unrated target weight 0), which
    is faster than scattering each skill's smaller block into place.

    >>> t = Taxonomy.from_records(
    ...     roles=[("r:a", "a", None), ("r:b", "b", None)], skills=[("s:x", "x", None, None)],
    ...     fields=[], requirements=[("r:a", "s:x", True), ("r:b", "s:x", True)],
    ...     ratings={("r:a", "s:x"): (5.0, 2.0), ("r:b", "s:x"): (5.0, 4.0)})
    >>> from skillgraph.careers import PathParams
    >>> req = requirements(t, PathParams(use_ratings=False))
    >>> level_shortfall(req, np.array([1, 0]), np.array([0, 1])).tolist()  # a -> b, b -> a
    [0.5, 0.0]
    >>> level_shortfall(req, np.array([1, 0]), np.array([0, 1]), block_bytes=1).tolist()
    [0.5, 0.0]
    """
    out = np.zeros(len(target))
    if req.levels is None or not len(target):
        return out
    w, levels = req.weights, req.levels
    rated = np.isfinite(levels)
    role = np.repeat(np.arange(req.n_roles, dtype=np.int64), np.diff(w.indptr))[rated]
    skill, level, weight = w.indices[rated], levels[rated], w.data[rated]
    roles, compact = np.unique(role, return_inverse=True)
    m = len(roles)
    where = np.full(req.n_roles, -1, dtype=np.int64)
    where[roles] = np.arange(m)
    t, s = where[target], where[source]
    pair = np.flatnonzero((t >= 0) & (s >= 0))
    if not len(pair):
        return out
    order = np.argsort(skill, kind="stable")
    groups = [g for g in np.split(order, np.flatnonzero(np.diff(skill[order])) + 1) if len(g) > 1]
    size = max(1, min(m, block_bytes // max(1, m * 8 * 2)))
    start_level = np.empty(m)
    for first in range(0, m, size):
        last = min(m, first + size)
        in_block = pair[(t[pair] >= first) & (t[pair] < last)]
        if not len(in_block):
            continue
        # weight * max(0, 1 - level_a / level_b) = (weight / level_b) * max(0, level_b - level_a)
        total = np.zeros((last - first, m))
        buf = np.empty((last - first, m))
        target_level, per_level = np.empty(last - first), np.empty(last - first)
        for group in groups:
            at = compact[group]
            mine = (at >= first) & (at < last)
            if not mine.any():
                continue
            start_level.fill(np.inf)
            start_level[at] = level[group]
            target_level.fill(0.0)
            target_level[at[mine] - first] = level[group[mine]]
            per_level.fill(0.0)
            per_level[at[mine] - first] = weight[group[mine]] / level[group[mine]]
            np.subtract.outer(target_level, start_level, out=buf)
            np.maximum(buf, 0.0, out=buf)
            buf *= per_level[:, None]
            total += buf
        out[in_block] = total[t[in_block] - first, s[in_block]]
    return out
