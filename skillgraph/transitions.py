"""The transition graph: which role -> role moves are viable, and how hard each one is.

The model (DESIGN.md section 4).  Each role has a weighted requirement over skills:
``essential_weight`` or ``optional_weight`` per skill, scaled by the source's importance
rating where it has one.  For a move from a start A (a role, or a person's skills) to a
role B:

* ``overlap``  = the weight of B's requirement that A already has.  Where the source
  rates the level of a requirement (O*NET, ``use_levels``), A covers B's skill only as
  far as A's level reaches B's: ``weight * min(1, level_A / level_B)``; a skill whose
  level is not rated on both sides counts in full;
* ``gap``      = 1 - overlap / (B's total weight + ``size_prior``).  The prior acts as
  ``size_prior`` units of requirement the source does not list, so a role that lists two
  skills is never "free" to move into just because those two are covered;
* ``reuse``    = the share of A's own requirement weight that B uses (with levels: up
  to the level B needs, ``min(1, level_B / level_A)``): a move that throws most of A's
  experience away -- or steps down to a role that needs far less of it -- is harder
  than one that builds on it;
* ``cost``     = (``step_cost`` + (1 - ``reuse_weight``) * gap + ``reuse_weight`` *
  (1 - reuse)) * (``reskilling_penalty`` if the move changes field else 1)
  + ``step_down_penalty`` * (the seniority ranks the move steps down, where both roles
  have a rank: ``Taxonomy.role_seniority``; 0 for a step up or sideways).  Without it,
  a step down the ladder is among the cheapest moves (the junior role needs little the
  senior one lacks): a registered nurse's nearest move would be licensed practical nurse.

A move *changes field* (is reskilling) when the two roles' fields differ; "no field" (-1)
counts as a field of its own, so that a role without one is never a free bridge between
two fields and an upskilling-only path stays in one field.  (A bare skill profile whose
skills have no field has no field to leave: none of its moves is reskilling.)  A move is *viable*
when B lists skills and A covers at least ``min_overlap`` of B's weighted requirement.
The graph keeps, of the viable moves, those no costlier than the ``moves_per_role``-th
cheapest move out of A or the ``moves_per_role``-th cheapest move into B, so that long
jumps go through realistic intermediate roles and every role with viable entries stays
reachable.  A path request adds, for itself only, every viable move out of its start and
into its target (``role_moves``: one sparse row or column of the move matrix), so that
pruning never hides a direct move from the person asking.

Everything is computed with scipy.sparse / numpy over the whole role set at once.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from .taxonomy import Taxonomy

if TYPE_CHECKING:
    from .career_params import PathParams

#: Reskilling budgets up to this get exact per-budget bounds (one graph layer per step).
MAX_LAYERED_BUDGET = 4
#: The bound search of a request whose target is surely reachable stops after this many
#: median moves' cost (``TransitionGraph.bound_limit``): a full search costs ~0.5 ms on
#: ESCO, more than the rest of a cheapest-path query, and paths are rarely that long.
BOUND_LIMIT_MOVES = 6.0

__all__ = [
    "MoveRow",
    "Requirements",
    "TransitionGraph",
    "build_transitions",
    "level_shortfall",
    "move_column",
    "move_row",
    "reference_costs",
    "reference_edges",
    "requirements",
    "role_moves",
    "viable_moves",
]


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
    #: Each role's seniority rank (NaN: unknown), or None when no role has one or
    #: step-downs are not penalised.
    role_rank: np.ndarray | None = None

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
    rank = getattr(taxonomy, "role_seniority", None)
    if rank is not None:
        rank = np.asarray(rank, dtype=np.float64)
        if params.step_down_penalty <= 0 or not np.isfinite(rank).any():
            rank = None
    return Requirements(
        weights=weights,
        binary=binary,
        essential=any_essential,
        totals=np.asarray(weights.sum(axis=1)).ravel(),
        role_field=np.asarray(taxonomy.role_field, dtype=np.int64),
        levels=level if use_levels else None,
        role_rank=rank,
    )


def level_shortfall(
    req: Requirements, target: np.ndarray, source: np.ndarray, table=None
) -> np.ndarray:
    """For each pair (``target[i]``, ``source[i]``) of roles, the weight of the target's
    requirement that the source has but at too low a level:
    the sum over skills rated on both sides of ``weight * max(0, 1 - level_s / level_t)``.

    Exact (no binning): per rated skill, one dense outer difference over the roles that
    rate anything (an unrated start gets level +inf, an unrated target weight 0), which
    is faster than scattering each skill's smaller block into place.

    >>> t = Taxonomy.from_records(
    ...     roles=[("r:a", "a", None), ("r:b", "b", None)], skills=[("s:x", "x", None, None)],
    ...     fields=[], requirements=[("r:a", "s:x", True), ("r:b", "s:x", True)],
    ...     ratings={("r:a", "s:x"): (5.0, 2.0), ("r:b", "s:x"): (5.0, 4.0)})
    >>> from skillgraph.careers import PathParams
    >>> req = requirements(t, PathParams(use_ratings=False))
    >>> level_shortfall(req, np.array([1, 0]), np.array([0, 1])).tolist()  # a -> b, b -> a
    [0.5, 0.0]
    """
    out = np.zeros(len(target))
    if req.levels is None or not len(target):
        return out
    where, total = table if table is not None else _shortfall_table(req)
    t, s = where[target], where[source]
    both = (t >= 0) & (s >= 0)
    out[both] = total[t[both], s[both]]
    return out


def _shortfall_table(req: Requirements) -> tuple[np.ndarray, np.ndarray]:
    """``(where, total)``: ``total[where[b], where[a]]`` is ``level_shortfall`` of a -> b
    for roles that rate anything (``where`` is -1 for the others)."""
    w = req.weights
    rated = np.isfinite(req.levels)
    role = np.repeat(np.arange(req.n_roles, dtype=np.int64), np.diff(w.indptr))[rated]
    skill, level, weight = w.indices[rated], req.levels[rated], w.data[rated]
    roles, compact = np.unique(role, return_inverse=True)
    m = len(roles)
    # weight * max(0, 1 - level_a / level_b) = (weight / level_b) * max(0, level_b - level_a)
    total = np.zeros((m, m))
    buf = np.empty((m, m))
    start_level, target_level, per_level = np.empty(m), np.empty(m), np.empty(m)
    order = np.argsort(skill, kind="stable")
    for group in np.split(order, np.flatnonzero(np.diff(skill[order])) + 1):
        if len(group) < 2:
            continue
        at = compact[group]
        start_level.fill(np.inf)
        start_level[at] = level[group]
        target_level.fill(0.0)
        target_level[at] = level[group]
        per_level.fill(0.0)
        per_level[at] = weight[group] / level[group]
        np.subtract.outer(target_level, start_level, out=buf)
        np.maximum(buf, 0.0, out=buf)
        buf *= per_level[:, None]
        total += buf
    where = np.full(req.n_roles, -1, dtype=np.int64)
    where[roles] = np.arange(len(roles))
    return where, total


def _drop(start_rank, target_rank):
    """Ranks down from start to target (0 for a step up or where a rank is unknown)."""
    down = np.asarray(start_rank, dtype=np.float64) - target_rank
    return np.where(down > 0, down, 0.0)  # NaN > 0 is False


def _cost(overlap, reverse, start_total, target_total, reskill, params: PathParams, drop=0.0):
    """The cost formula of the module docstring, over broadcastable arrays; ``drop``:
    the seniority ranks the move steps down (``_drop``)."""
    # Roles that list no skills (total 0) are never viable; keep their cost finite anyway.
    size = target_total + params.size_prior
    gap = 1.0 - overlap / np.where(size > 0, size, 1.0)
    reuse = np.where(start_total > 0, reverse / np.where(start_total > 0, start_total, 1.0), 0.0)
    a = params.reuse_weight
    base = params.step_cost + (1.0 - a) * gap + a * (1.0 - reuse)
    return base * np.where(reskill, params.reskilling_penalty, 1.0) + (
        params.step_down_penalty * drop
    )


def _changes_field(a, b):
    return a != b


@dataclass(eq=False)
class MoveRow:
    """Every move out of one start: cost, viability and kind per target role."""

    cost: np.ndarray
    viable: np.ndarray
    reskill: np.ndarray
    overlap: np.ndarray
    reuse: np.ndarray


def move_row(
    req: Requirements,
    have: np.ndarray,
    field: int | None,
    params: PathParams,
    *,
    own: np.ndarray,
    level: np.ndarray | None = None,
    rank: float | None = None,
) -> MoveRow:
    """The moves out of a start that has the skills ``have`` (a bool vector over skills).

    ``field`` is the start's field (-1: none), or None for a start that has no field to
    leave (then no move is reskilling).
    ``own`` holds the start's own weight per skill (what ``reuse`` is measured against):
    a role's requirement weights, or ones for a bare skill profile.  ``level`` holds the
    start's rated level per skill (NaN: unrated; None: none rated), ``rank`` its
    seniority rank (None: unknown).  For a role this gives exactly the row of the role
    in ``build_transitions``.
    """
    h = have.astype(np.float64)
    overlap = req.weights @ h
    reverse = req.binary @ own
    if req.levels is not None and level is not None:
        w = req.weights
        mine = level[w.indices]
        both = np.isfinite(mine) & np.isfinite(req.levels) & have[w.indices]
        mine, theirs = mine[both], req.levels[both]
        rows = np.repeat(np.arange(req.n_roles), np.diff(w.indptr))[both]
        short = w.data[both] * np.maximum(0.0, 1.0 - mine / theirs)
        overlap = overlap - np.bincount(rows, weights=short, minlength=req.n_roles)
        unused = own[w.indices[both]] * np.maximum(0.0, 1.0 - theirs / mine)
        reverse = reverse - np.bincount(rows, weights=unused, minlength=req.n_roles)
    if field is None:
        reskill = np.zeros(req.n_roles, dtype=bool)
    else:
        reskill = _changes_field(np.int64(field), req.role_field)
    drop = 0.0
    if rank is not None and req.role_rank is not None:
        drop = _drop(rank, req.role_rank)
    cost = _cost(overlap, reverse, float(own.sum()), req.totals, reskill, params, drop)
    viable = (req.totals > 0) & (overlap > 0) & (overlap >= params.min_overlap * req.totals - 1e-12)
    total = float(own.sum())
    reuse = reverse / total if total > 0 else np.zeros_like(reverse)
    return MoveRow(cost=cost, viable=viable, reskill=reskill, overlap=overlap, reuse=reuse)


def _shared(req: Requirements, role: int):
    """Every stored entry of a skill that ``role`` requires, paired with ``role``'s own
    entry of that skill: ``(other role, other weight, other level, own weight, own
    level)`` per pair (levels None when none are used).  Includes ``role`` itself."""
    ptr, entry, holder = req.by_skill
    skills, weights, _ = req.entries_of(role)
    lengths = ptr[skills + 1] - ptr[skills]
    group = np.repeat(np.arange(len(skills)), lengths)
    # The concatenated ranges ptr[s]:ptr[s + 1] of every skill s of the role.
    at = np.arange(len(group)) + np.repeat(ptr[skills] - np.cumsum(lengths) + lengths, lengths)
    e = entry[at]
    other_level = own_level = None
    if req.levels is not None:
        other_level, own_level = req.levels[e], req.levels_of(role)[group]
    return holder[at], req.weights.data[e], other_level, weights[group], own_level


def _short(weight, level_from, level_to):
    """``weight * max(0, 1 - level_from / level_to)`` where both are rated, else 0."""
    both = np.isfinite(level_from) & np.isfinite(level_to)
    out = np.zeros(len(weight))
    out[both] = weight[both] * np.maximum(0.0, 1.0 - level_from[both] / level_to[both])
    return out


def role_moves(req: Requirements, role: int, params: PathParams, *, into: bool) -> MoveRow:
    """Every move out of role ``role`` (``into=False``), or into it from every role
    (``into=True``: entry ``u`` is the move u -> ``role``), with the costs and viability
    rule of ``build_transitions`` -- computed only over the roles that share a skill
    with ``role`` (a sparse row or column of the full move matrix).  A move that is not
    viable has cost inf.

    >>> from skillgraph.careers import PathParams
    >>> t = Taxonomy.from_records(
    ...     roles=[("r:a", "a", "f:1"), ("r:b", "b", "f:1"), ("r:c", "c", "f:2")],
    ...     skills=[("s:x", "x", None, None), ("s:y", "y", None, None)],
    ...     fields=[("f:1", "one"), ("f:2", "two")],
    ...     requirements=[("r:a", "s:x", True), ("r:b", "s:x", True), ("r:b", "s:y", True),
    ...                   ("r:c", "s:y", True)])
    >>> p = PathParams()
    >>> col = role_moves(requirements(t, p), 1, p, into=True)  # a -> b, c -> b
    >>> col.viable.tolist(), col.cost[col.viable].round(3).tolist()
    ([True, False, True], [0.7, 0.875])
    """
    idx, cost, _, cover, used = _moves(req, role, params, into=into)
    n = req.n_roles
    row = MoveRow(
        cost=np.full(n, np.inf),
        viable=np.zeros(n, dtype=bool),
        reskill=_changes_field(req.role_field, np.int64(req.role_field[role])),
        overlap=cover,
        reuse=np.zeros(n),
    )
    row.cost[idx], row.viable[idx] = cost, True
    start_total = req.totals if into else np.full(n, req.totals[role])
    np.divide(used, start_total, out=row.reuse, where=start_total > 0)
    return row


def viable_moves(
    req: Requirements, role: int, params: PathParams, *, into: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(roles, costs, reskill flags)`` of the viable moves of ``role_moves``, only."""
    return _moves(req, role, params, into=into)[:3]


def _moves(req: Requirements, role: int, params: PathParams, *, into: bool):
    n = req.n_roles
    other, w_other, l_other, w_own, l_own = _shared(req, role)
    if into:  # other -> role: other covers role's weight; role uses other's.
        cover = np.bincount(other, weights=w_own, minlength=n)
        used = np.bincount(other, weights=w_other, minlength=n)
        if l_own is not None:
            cover -= np.bincount(other, weights=_short(w_own, l_other, l_own), minlength=n)
            used -= np.bincount(other, weights=_short(w_other, l_own, l_other), minlength=n)
        need = params.min_overlap * req.totals[role]
    else:  # role -> other
        cover = np.bincount(other, weights=w_other, minlength=n)
        used = np.bincount(other, weights=w_own, minlength=n)
        if l_own is not None:
            cover -= np.bincount(other, weights=_short(w_other, l_own, l_other), minlength=n)
            used -= np.bincount(other, weights=_short(w_own, l_other, l_own), minlength=n)
        need = params.min_overlap * req.totals
    # A role shares a skill only with roles that list skills: no total here is 0.
    ok = (cover > 0) & (cover >= need - 1e-12)
    ok[role] = False
    idx = np.flatnonzero(ok)
    totals = req.totals
    if into:
        start_total, target_total = totals[idx], totals[role]
    else:
        start_total, target_total = totals[role], totals[idx]
    reskill = req.role_field[idx] != req.role_field[role]
    drop = 0.0
    if req.role_rank is not None:
        rank = req.role_rank
        drop = _drop(rank[idx], rank[role]) if into else _drop(rank[role], rank[idx])
    cost = _cost(cover[idx], used[idx], start_total, target_total, reskill, params, drop)
    return idx, cost, reskill, cover, used


def move_column(req: Requirements, target: int, params: PathParams) -> MoveRow:
    """Every move into ``target``: ``role_moves(req, target, params, into=True)``."""
    return role_moves(req, target, params, into=True)


@dataclass(eq=False)
class TransitionGraph:
    """The viable moves kept as edges, in CSR form (row = source role).

    ``in_threshold[b]`` is the cost of the ``moves_per_role``-th cheapest viable move into
    ``b`` (inf when fewer exist): a virtual start node gets an edge to ``b`` when its move
    is at most that costly, the same rule roles follow.
    """

    indptr: np.ndarray
    indices: np.ndarray
    cost: np.ndarray
    reskill: np.ndarray
    in_threshold: np.ndarray
    key: str = ""

    @property
    def n(self) -> int:
        return len(self.indptr) - 1

    @property
    def n_edges(self) -> int:
        return len(self.indices)

    @functools.cached_property
    def adjacency(self) -> list[list[tuple[int, float, int]]]:
        """``adjacency[u]`` = [(v, cost, 1 if reskilling else 0), ...], for ``paths``."""
        targets = self.indices.tolist()
        costs = self.cost.tolist()
        flags = self.reskill.astype(np.int8).tolist()
        ptr = self.indptr.tolist()
        edges = list(zip(targets, costs, flags, strict=True))
        return [edges[ptr[u] : ptr[u + 1]] for u in range(self.n)]

    @functools.cached_property
    def _reverse(self) -> sp.csr_matrix:
        forward = sp.csr_matrix((self.cost, self.indices, self.indptr), shape=(self.n, self.n))
        return forward.T.tocsr()

    def in_sources(self, target: int) -> np.ndarray:
        """The roles with an edge into ``target``."""
        r = self._reverse
        return r.indices[r.indptr[target] : r.indptr[target + 1]]

    def distances_to(self, target: int) -> np.ndarray:
        """The cost of the cheapest path from every role to ``target`` (inf: none).

        One Dijkstra over the reversed graph in compiled code: the exact bound that makes
        ``paths`` searches A* (``h``).
        """
        return csgraph.dijkstra(self._reverse, directed=True, indices=target)

    def bounds(
        self,
        target: int,
        *,
        max_reskilling: int | None = None,
        max_steps: int | None = None,
        extra: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
        limit: float | None = None,
    ) -> dict:
        """Lower bounds for the searches in ``paths`` (keyword arguments ``h``,
        ``h_budget``, ``hops``) for paths to ``target`` under these constraints.

        ``extra`` = ``(sources, costs, reskill flags)``: moves into ``target`` that are
        not edges of the graph, added for this request only (the graph is not changed).
        ``limit``: search ``h`` only up to this cost and give farther nodes ``limit``
        -- still a consistent lower bound, but no longer inf where the target cannot
        be reached (so only for a target known to be reachable).
        """
        cap = np.inf if limit is None else float(limit)
        n = self.n
        if extra is not None and len(extra[0]):
            # Search the reversed graph from a super node whose edges are every move into
            # the target (the graph's and the extra ones): its distance to v is v's
            # distance to the target.  A copy of the cached matrix with its empty last
            # row filled in is cheaper than inserting moves into the target's row.
            r = self._reverse
            a, b = r.indptr[target], r.indptr[target + 1]
            sources = np.concatenate((r.indices[a:b], extra[0])).astype(np.int64)
            costs = np.concatenate((r.data[a:b], extra[1]))
            flags = np.concatenate((self._reverse_flags[a:b], extra[2])).astype(np.int64)
            reverse = _with_last_row(self._plus(0), sources, costs)
            h = csgraph.dijkstra(reverse, directed=True, indices=n, limit=cap)[:n]
        else:
            sources = None
            reverse = self._reverse
            h = csgraph.dijkstra(reverse, directed=True, indices=target, limit=cap)
        h[target] = 0.0
        if limit is not None:
            np.minimum(h, cap, out=h)
        out: dict = {"h": h.tolist()}
        if max_reskilling is not None and max_reskilling <= MAX_LAYERED_BUDGET:
            layers = max_reskilling + 1
            if sources is not None:
                cols, vals = [], []
                for j in range(layers):
                    ok = j + flags < layers
                    cols.append((j + flags[ok]) * n + sources[ok])
                    vals.append(costs[ok])
                layered = _with_last_row(
                    self._plus(layers), np.concatenate(cols), np.concatenate(vals)
                )
                dist = csgraph.dijkstra(layered, directed=True, indices=layers * n)
                dist = dist[:-1].reshape(layers, n)
            else:
                goals = [j * n + target for j in range(layers)]
                dist = csgraph.dijkstra(
                    self._layered(layers), directed=True, indices=goals, min_only=True
                ).reshape(layers, n)
            dist[:, target] = 0.0
            out["h_budget"] = [row.tolist() for row in dist]
        if max_steps is not None:
            hops = csgraph.dijkstra(
                reverse,
                directed=True,
                indices=target if sources is None else n,
                unweighted=True,
            )[:n]
            hops[target] = 0.0
            out["hops"] = hops.tolist()
        return out

    @functools.cached_property
    def components(self) -> np.ndarray:
        """Each role's strongly connected component: roles of one component reach
        each other."""
        forward = sp.csr_matrix((self.cost, self.indices, self.indptr), shape=(self.n, self.n))
        return csgraph.connected_components(forward, directed=True, connection="strong")[1]

    @functools.cached_property
    def bound_limit(self) -> float:
        """A cost limit for ``bounds``: ``BOUND_LIMIT_MOVES`` median moves."""
        return BOUND_LIMIT_MOVES * float(np.median(self.cost)) if self.n_edges else 1.0

    @functools.cached_property
    def _reverse_flags(self) -> np.ndarray:
        """The reskilling flag of each entry of ``_reverse`` (same order)."""
        flags = sp.csr_matrix(
            (self.reskill.astype(np.float64) + 1.0, self.indices, self.indptr),
            shape=(self.n, self.n),
        ).T.tocsr()
        assert np.array_equal(flags.indices, self._reverse.indices)
        return flags.data.astype(np.int64) - 1

    def _plus(self, layers: int) -> sp.csr_matrix:
        """The reversed graph (``layers`` 0) or layered graph with an empty last row."""
        cache = self.__dict__.setdefault("_plus_cache", {})
        if layers not in cache:
            m = self._reverse if layers == 0 else self._layered(layers)
            size = m.shape[0] + 1
            indptr = np.concatenate((m.indptr, [m.nnz])).astype(m.indices.dtype)
            cache[layers] = sp.csr_matrix((m.data, m.indices, indptr), shape=(size, size))
        return cache[layers]

    def _layered(self, layers: int) -> sp.csr_matrix:
        """The reversed graph over (role, reskilling steps left): node ``j * n + role``."""
        cache = self.__dict__.setdefault("_layered_cache", {})
        if layers not in cache:
            n = self.n
            source = np.repeat(np.arange(n, dtype=np.int64), np.diff(self.indptr))
            flag = self.reskill.astype(np.int64)
            rows, cols, costs = [], [], []
            for j in range(layers):
                ok = flag <= j
                rows.append(j * n + source[ok])
                cols.append((j - flag[ok]) * n + self.indices[ok])
                costs.append(self.cost[ok])
            size = layers * n
            forward = sp.csr_matrix(
                (np.concatenate(costs), (np.concatenate(rows), np.concatenate(cols))),
                shape=(size, size),
            )
            cache[layers] = forward.T.tocsr()
        return cache[layers]

    def __getstate__(self):
        state = dict(self.__dict__)
        for derived in (
            "adjacency",
            "_reverse",
            "_layered_cache",
            "_plus_cache",
            "_reverse_flags",
            "components",
            "bound_limit",
        ):
            state.pop(derived, None)
        return state


def _with_last_row(m: sp.csr_matrix, cols: np.ndarray, vals: np.ndarray) -> sp.csr_matrix:
    """A copy of ``m`` (whose last row is empty) with ``(cols, vals)`` as its last row."""
    indptr = m.indptr.copy()
    indptr[-1] += len(cols)
    return sp.csr_matrix(
        (
            np.concatenate((m.data, vals)),
            np.concatenate((m.indices, cols.astype(m.indices.dtype))),
            indptr,
        ),
        shape=m.shape,
    )


def _kth_smallest(group: np.ndarray, rank: np.ndarray, cost: np.ndarray, n: int, k: int):
    """Per group 0..n-1, the k-th smallest ``cost`` of its entries (inf if it has fewer).

    ``rank`` is each entry's position in the order of ``cost``: sorting the integer keys
    (group, rank) is cheaper than a two-key lexsort of floats.
    """
    order = np.argsort(group * len(rank) + rank)
    counts = np.bincount(group, minlength=n)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    out = np.full(n, np.inf)
    full = counts >= k
    out[full] = cost[order[starts[full] + k - 1]]
    return out


def build_transitions(req: Requirements, params: PathParams) -> TransitionGraph:
    """The transition graph of all roles, computed with sparse matrix products.

    >>> from skillgraph.careers import PathParams
    >>> t = Taxonomy.from_records(
    ...     roles=[("r:a", "a", "f:1"), ("r:b", "b", "f:1"), ("r:c", "c", "f:2")],
    ...     skills=[("s:x", "x", None, None), ("s:y", "y", None, None)],
    ...     fields=[("f:1", "one"), ("f:2", "two")],
    ...     requirements=[("r:a", "s:x", True), ("r:b", "s:x", True), ("r:b", "s:y", True),
    ...                   ("r:c", "s:y", True)])
    >>> g = build_transitions(requirements(t, PathParams()), PathParams())
    >>> [(u, v, round(c, 3), r) for u in range(g.n) for v, c, r in g.adjacency[u]]
    [(0, 1, 0.7, 0), (1, 0, 0.787, 0), (1, 2, 0.984, 1), (2, 1, 0.875, 1)]
    """
    n = req.n_roles
    totals = req.totals
    # by_target[b, a] = overlap of a -> b (b's requirement weight that a has).  The
    # transpose of a CSR product comes out with sorted indices, which the lookup of the
    # reverse overlap below relies on.
    by_target = (req.binary @ req.weights.T).T.tocsr()
    per_target = np.diff(by_target.indptr)
    target = np.repeat(np.arange(n, dtype=np.int64), per_target)
    source = by_target.indices.astype(np.int64)
    overlap = by_target.data
    table = _shortfall_table(req) if req.levels is not None else None
    if table is not None:
        # A skill held at a lower level than the target's covers only part of it.
        overlap = overlap - level_shortfall(req, target, source, table)
    # Roles without skills have no entries (nothing overlaps them), so no total is 0 here.
    threshold = np.repeat(params.min_overlap * totals - 1e-12, per_target)
    viable = (overlap > 0) & (overlap >= threshold) & (source != target)
    # reverse[a -> b] = overlap of b -> a = the part of a's own requirement b uses, found
    # at (a, b) in the transpose.  Both overlaps are nonzero for the same pairs (they
    # share a skill) unless zero weights were dropped: then look each one up by key.
    by_source = by_target.T.tocsr()
    if np.array_equal(by_source.indptr, by_target.indptr) and np.array_equal(
        by_source.indices, by_target.indices
    ):
        reverse = by_source.data[viable]
    else:
        keys = target * n + source
        wanted = (source * n + target)[viable]
        at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        reverse = np.where(keys[at] == wanted, by_target.data[at], 0.0)
    target, source, overlap = target[viable], source[viable], overlap[viable]
    if table is not None:
        # The target uses the start's skill only up to the level it needs itself.
        reverse = reverse - level_shortfall(req, source, target, table)
    field = req.role_field
    reskill = _changes_field(field[source], field[target])
    drop = 0.0
    if req.role_rank is not None:
        drop = _drop(req.role_rank[source], req.role_rank[target])
    cost = _cost(overlap, reverse, totals[source], totals[target], reskill, params, drop)
    k = params.moves_per_role
    rank = np.empty(len(cost), dtype=np.int64)
    rank[np.argsort(cost, kind="stable")] = np.arange(len(cost))
    out_thr = _kth_smallest(source, rank, cost, n, k)
    in_thr = _kth_smallest(target, rank, cost, n, k)
    keep = (cost <= out_thr[source]) | (cost <= in_thr[target])
    source, target, cost, reskill = source[keep], target[keep], cost[keep], reskill[keep]
    order = np.lexsort((target, source))
    source, target, cost, reskill = source[order], target[order], cost[order], reskill[order]
    indptr = np.concatenate(([0], np.cumsum(np.bincount(source, minlength=n))))
    return TransitionGraph(
        indptr=indptr.astype(np.int64),
        indices=target,
        cost=cost,
        reskill=reskill,
        in_threshold=in_thr,
        key=params.graph_key(),
    )


def reference_costs(
    taxonomy: Taxonomy, params: PathParams, sources: Iterable[int] | None = None
) -> dict[tuple[int, int], tuple[float, bool]]:
    """Every viable move out of ``sources`` (default: all roles), with plain Python sets.

    The readable statement of the model, used as the oracle in tests and as the baseline
    in ``scripts/bench_paths.py``.  Returns ``{(a, b): (cost, reskilling)}``.
    """
    req = requirements(taxonomy, params)
    weight, level = [], []
    for r in range(taxonomy.n_roles):
        skills, weights, _ = req.entries_of(r)
        weight.append(dict(zip(skills.tolist(), weights.tolist(), strict=True)))
        levels = req.levels_of(r)
        rated = {} if levels is None else dict(zip(skills.tolist(), levels.tolist(), strict=True))
        level.append({s: v for s, v in rated.items() if not math.isnan(v)})

    def covered(a: int, b: int, s: int) -> float:
        if s in level[a] and s in level[b]:
            return min(1.0, level[a][s] / level[b][s])
        return 1.0

    total = [sum(w.values()) for w in weight]
    field = taxonomy.role_field.tolist()
    rank = taxonomy.role_seniority.tolist()
    a_ = params.reuse_weight
    viable: dict[tuple[int, int], tuple[float, bool]] = {}
    for a in range(taxonomy.n_roles) if sources is None else sources:
        wa = weight[a]
        has = set(wa)
        for b, wb in enumerate(weight):
            if a == b or total[b] <= 0:
                continue
            shared = has & wb.keys()
            overlap = sum(wb[s] * covered(a, b, s) for s in shared)
            if overlap <= 0 or overlap < params.min_overlap * total[b] - 1e-12:
                continue
            gap = 1 - overlap / (total[b] + params.size_prior or 1.0)
            used = sum(wa[s] * covered(b, a, s) for s in shared)
            reuse = used / total[a] if total[a] > 0 else 0.0
            reskill = field[a] != field[b]
            cost = params.step_cost + (1 - a_) * gap + a_ * (1 - reuse)
            cost *= params.reskilling_penalty if reskill else 1.0
            if rank[a] > rank[b]:  # False where either is NaN
                cost += params.step_down_penalty * (rank[a] - rank[b])
            viable[a, b] = (cost, reskill)
    return viable


def reference_edges(
    taxonomy: Taxonomy, params: PathParams
) -> dict[tuple[int, int], tuple[float, bool]]:
    """The same graph as ``build_transitions``, from ``reference_costs`` with plain loops."""
    viable = reference_costs(taxonomy, params)
    k = params.moves_per_role
    out: dict[int, list[float]] = {}
    into: dict[int, list[float]] = {}
    for (a, b), (cost, _) in viable.items():
        out.setdefault(a, []).append(cost)
        into.setdefault(b, []).append(cost)

    def kth(costs: list[float]) -> float:
        return sorted(costs)[k - 1] if len(costs) >= k else math.inf

    out_thr = {a: kth(c) for a, c in out.items()}
    in_thr = {b: kth(c) for b, c in into.items()}
    return {(a, b): v for (a, b), v in viable.items() if v[0] <= out_thr[a] or v[0] <= in_thr[b]}
