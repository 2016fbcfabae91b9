"""The move model: which role -> role moves are viable, and how hard each one is.

Each role has a weighted requirement over skills:
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

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .requirements import Requirements

if TYPE_CHECKING:
    from .params import PathParams

__all__ = [
    "MoveRow",
    "changes_field",
    "cosines",
    "learn_row",
    "move_column",
    "move_cost",
    "move_row",
    "ranks_down",
    "role_moves",
    "role_start_row",
    "training_cost",
    "training_row",
    "viable_moves",
]


def ranks_down(start_rank, target_rank):
    """Ranks down from start to target (0 for a step up or where a rank is unknown)."""
    down = np.asarray(start_rank, dtype=np.float64) - target_rank
    return np.where(down > 0, down, 0.0)  # NaN > 0 is False


def move_cost(
    overlap, reverse, start_total, target_total, reskill, params: PathParams, drop=0.0, learn=0.0
):
    """The cost formula of the module docstring, over broadcastable arrays; ``drop``:
    the seniority ranks the move steps down (``ranks_down``); ``learn``: the hours of the
    target's missing skills (learned on the job, ``job_hours_unit``)."""
    # Roles that list no skills (total 0) are never viable; keep their cost finite anyway.
    size = target_total + params.size_prior
    gap = 1.0 - overlap / np.where(size > 0, size, 1.0)
    reuse = np.where(start_total > 0, reverse / np.where(start_total > 0, start_total, 1.0), 0.0)
    a = params.reuse_weight
    base = params.step_cost + (1.0 - a) * gap + a * (1.0 - reuse)
    if math.isfinite(params.job_hours_unit):
        base = base + np.asarray(learn, dtype=np.float64) / params.job_hours_unit
    return base * np.where(reskill, params.reskilling_penalty, 1.0) + (
        params.step_down_penalty * drop
    )


def changes_field(a, b, cos=None, params: PathParams | None = None):
    """Whether a move between roles of fields ``a`` and ``b`` whose requirements have
    cosine ``cos`` changes field (``PathParams.field_min_cosine`` / ``one_field_cosine``;
    without ``cos``, the fields alone decide).

    >>> from skillgraph.careers import PathParams
    >>> changes_field(np.array([1, 1, 1]), 1, np.array([0.1, 0.3, 0.0]), PathParams()).tolist()
    [True, False, True]
    >>> bool(changes_field(1, 2, 0.66, PathParams()))
    False
    """
    if cos is None or params is None:
        return a != b
    cos = np.asarray(cos, dtype=np.float64)
    same = (np.asarray(a) == np.asarray(b)) & (cos >= params.field_min_cosine - 1e-12)
    return ~(same | (cos >= params.one_field_cosine - 1e-12))


def total(x: np.ndarray) -> float:
    """The sum of ``x``'s nonzero entries in order, one after the other: for a role's own
    weights, bit for bit its ``Requirements.totals`` entry (a sparse row's sum).

    >>> total(np.array([0.0, 0.5, 0.0, 1.0]))
    1.5
    """
    nonzero = x[x != 0]
    return float(np.cumsum(nonzero)[-1]) if len(nonzero) else 0.0


def cosines(req: Requirements, own: np.ndarray) -> np.ndarray:
    """The cosine of a start's weight vector ``own`` (over skills) with every role's.
    (Its length is summed like ``Requirements.norms``: a role's own is its norm; and
    without BLAS, whose threads stall a loaded machine for milliseconds.)"""
    if req.norms is None:
        return np.zeros(req.n_roles)
    length = float(np.sqrt(total(own * own)))
    dot = req.weights @ own
    scale = req.norms * length
    return np.divide(dot, scale, out=np.zeros(req.n_roles), where=scale > 0)


def training_cost(learn, params: PathParams, drop=0.0):
    """The cost of a retraining move that takes ``learn`` hours of learning
    (``training_step_cost + learn / training_hours_unit``, plus the step-down penalty).

    >>> from skillgraph.careers import PathParams
    >>> float(training_cost(500.0, PathParams()))
    1.0
    """
    return (
        params.training_step_cost
        + np.asarray(learn, dtype=np.float64) / params.training_hours_unit
        + params.step_down_penalty * drop
    )


def learn_row(req: Requirements, have: np.ndarray) -> np.ndarray:
    """The hours of each role's requirement that a start with ``have`` lacks."""
    if req.learning is None or req.learn_totals is None:
        return np.zeros(req.n_roles)
    return np.maximum(req.learn_totals - req.learning @ have.astype(np.float64), 0.0)


def training_row(req: Requirements, have: np.ndarray, params: PathParams, drop=0.0) -> np.ndarray:
    """The retraining cost from a start that has ``have`` into every role (inf where the
    role lists no skills or retraining is off): the hours of what it lacks."""
    if not params.retraining or req.learning is None:
        return np.full(req.n_roles, np.inf)
    cost = training_cost(learn_row(req, have), params, drop)
    cost[req.totals <= 0] = np.inf
    return cost


@dataclass(eq=False)
class MoveRow:
    """Every move out of one start: cost, viability and kind per target role."""

    cost: np.ndarray
    viable: np.ndarray
    reskill: np.ndarray
    overlap: np.ndarray
    reuse: np.ndarray
    #: The cost of retraining into each role (``training_cost``; inf where impossible:
    #: the role lists no skills, or ``retraining`` is off).
    training: np.ndarray | None = None


def move_row(
    req: Requirements,
    have: np.ndarray,
    field: int | None,
    params: PathParams,
    *,
    own: np.ndarray,
    level: np.ndarray | None = None,
    rank: float | None = None,
    fit_ok: np.ndarray | None = None,
) -> MoveRow:
    """The moves out of a start that has the skills ``have`` (a bool vector over skills).

    ``field`` is the start's field (-1: none), or None for a start that has no field to
    leave (then no move is reskilling).
    ``own`` holds the start's own weight per skill (what ``reuse`` is measured against):
    a role's requirement weights, or ones for a bare skill profile.  ``level`` holds the
    start's rated level per skill (NaN: unrated; None: none rated), ``rank`` its
    seniority rank (None: unknown).  ``fit_ok`` marks the roles that fit the start best
    (``careers.fit``): a job move into them is viable whatever the start covers.  For a
    role this gives exactly the row of the role in ``build_transitions``.
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
        reskill = changes_field(np.int64(field), req.role_field, cosines(req, own), params)
    drop = 0.0
    if rank is not None and req.role_rank is not None:
        drop = ranks_down(rank, req.role_rank)
    learn = learn_row(req, have)
    own_total = total(own)
    cost = move_cost(overlap, reverse, own_total, req.totals, reskill, params, drop, learn)
    viable = (req.totals > 0) & (overlap > 0) & (overlap >= params.min_overlap * req.totals - 1e-12)
    if fit_ok is not None:
        viable |= fit_ok & (req.totals > 0)
    reuse = reverse / own_total if own_total > 0 else np.zeros_like(reverse)
    training = training_row(req, have, params, drop)
    return MoveRow(
        cost=cost, viable=viable, reskill=reskill, overlap=overlap, reuse=reuse, training=training
    )


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
    levels, role_levels = req.levels, req.levels_of(role)
    if levels is not None and role_levels is not None:  # both or neither
        other_level, own_level = levels[e], role_levels[group]
    return holder[at], req.weights.data[e], other_level, weights[group], own_level, e, group


def _short(weight, level_from, level_to):
    """``weight * max(0, 1 - level_from / level_to)`` where both are rated, else 0."""
    both = np.isfinite(level_from) & np.isfinite(level_to)
    out = np.zeros(len(weight))
    out[both] = weight[both] * np.maximum(0.0, 1.0 - level_from[both] / level_to[both])
    return out


def role_moves(
    req: Requirements,
    role: int,
    params: PathParams,
    *,
    into: bool,
    fit_ok: np.ndarray | None = None,
) -> MoveRow:
    """Every move out of role ``role`` (``into=False``), or into it from every role
    (``into=True``: entry ``u`` is the move u -> ``role``), with the costs and viability
    rule of ``build_transitions`` -- computed only over the roles that share a skill
    with ``role`` (a sparse row or column of the full move matrix).  A move that is not
    viable has cost inf.

    >>> from skillgraph.careers import PathParams
    >>> from skillgraph.careers.requirements import requirements
    >>> from skillgraph.taxonomy import Taxonomy
    >>> t = Taxonomy.from_records(
    ...     roles=[("r:a", "a", "f:1"), ("r:b", "b", "f:1"), ("r:c", "c", "f:2")],
    ...     skills=[("s:x", "x", None, None), ("s:y", "y", None, None)],
    ...     fields=[("f:1", "one"), ("f:2", "two")],
    ...     requirements=[("r:a", "s:x", True), ("r:b", "s:x", True), ("r:b", "s:y", True),
    ...                   ("r:c", "s:y", True)])
    >>> p = PathParams()
    >>> col = role_moves(requirements(t, p), 1, p, into=True)  # a -> b, c -> b
    >>> col.viable.tolist(), col.cost[col.viable].round(3).tolist()  # y's 40 h: + 0.02
    ([True, False, True], [0.72, 0.72])

    (c -> b changes no field: c's one skill is half of b's, cosine 0.71 >= one_field_cosine.)
    """
    idx, cost, _, cover, used, _, cos = _moves(req, role, params, into=into, fit_ok=fit_ok)
    n = req.n_roles
    row = MoveRow(
        cost=np.full(n, np.inf),
        viable=np.zeros(n, dtype=bool),
        reskill=changes_field(req.role_field, np.int64(req.role_field[role]), cos, params),
        overlap=cover,
        reuse=np.zeros(n),
    )
    row.cost[idx], row.viable[idx] = cost, True
    start_total = req.totals if into else np.full(n, req.totals[role])
    np.divide(used, start_total, out=row.reuse, where=start_total > 0)
    return row


def viable_moves(
    req: Requirements,
    role: int,
    params: PathParams,
    *,
    into: bool,
    fit_ok: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(roles, costs, reskill flags)`` of every move a path may take out of ``role``
    (``into=False``) or into it (``into=True``) between roles that share a skill: the
    viable job moves of ``role_moves`` and, with ``retraining``, retraining moves, each
    pair at the cheaper of the two.  (Retraining from scratch, between roles that share
    nothing, is only ever worth it from a path's start: ``training_row``.)"""
    idx, cost, reskill, _, _, train, cos = _moves(req, role, params, into=into, fit_ok=fit_ok)
    if train is None:
        return idx, cost, reskill
    best = train.copy()
    best[idx] = np.minimum(best[idx], cost)
    best[role] = np.inf
    every = np.flatnonzero(np.isfinite(best))
    flags = changes_field(req.role_field[every], req.role_field[role], cos[every], params)
    return every, best[every], flags


def role_start_row(
    req: Requirements, role: int, params: PathParams, fit_ok: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(job, training, reskill)`` over every role for a path that starts in ``role``:
    the viable job moves' costs (inf where none), retraining costs (from scratch where
    the two share nothing), and whether each move changes field -- from the sparse row of
    ``role`` alone (no product over the whole requirement matrix)."""
    n = req.n_roles
    idx, cost, _, _, _, shared_train, cos = _moves(req, role, params, into=False, fit_ok=fit_ok)
    job = np.full(n, np.inf)
    if shared_train is None:
        job[idx] = cost
        train = np.full(n, np.inf)
    else:
        # viable_moves' rule: each role at the cheaper of its job move and retraining.
        job[idx] = cost
        drop = 0.0 if req.role_rank is None else ranks_down(req.role_rank[role], req.role_rank)
        train = training_cost(req.learn_totals, params, drop)
        train[req.totals <= 0] = np.inf
        train = np.minimum(train, shared_train)
    train[role] = np.inf
    job[role] = np.inf
    reskill = changes_field(req.role_field, req.role_field[role], cos, params)
    return job, train, reskill


def _moves(
    req: Requirements,
    role: int,
    params: PathParams,
    *,
    into: bool,
    fit_ok: np.ndarray | None = None,
):
    n = req.n_roles
    other, w_other, l_other, w_own, l_own, entry, group = _shared(req, role)
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
    if fit_ok is not None:
        # The best-fitting roles are job moves whatever is covered (``fit_ok``: the roles
        # this role fits best, or, into it, the roles it is among the best fits of).
        ok |= fit_ok & ((req.totals[role] > 0) if into else (req.totals > 0))
    ok[role] = False
    idx = np.flatnonzero(ok)
    totals = req.totals
    if into:
        start_total, target_total = totals[idx], totals[role]
    else:
        start_total, target_total = totals[role], totals[idx]
    dot = np.bincount(other, weights=w_other * w_own, minlength=n)
    cos = np.zeros(n)
    if req.norms is not None:
        scale = req.norms * req.norms[role]
        np.divide(dot, scale, out=cos, where=scale > 0)
    reskill = changes_field(req.role_field[idx], req.role_field[role], cos[idx], params)
    drop = 0.0
    if req.role_rank is not None:
        rank = req.role_rank
        drop = ranks_down(rank[idx], rank[role]) if into else ranks_down(rank[role], rank[idx])
    learn = None
    if req.learning is not None and req.learn_totals is not None:  # both or neither
        # What the target lists, less the hours of the skills the start already has.
        learning = req.learning
        if into:
            own = learning.data[learning.indptr[role] : learning.indptr[role + 1]]
            shared = np.bincount(other, weights=own[group], minlength=n)
            learn = np.maximum(req.learn_totals[role] - shared, 0.0)
        else:
            shared = np.bincount(other, weights=learning.data[entry], minlength=n)
            learn = np.maximum(req.learn_totals - shared, 0.0)
    cost = move_cost(
        cover[idx],
        used[idx],
        start_total,
        target_total,
        reskill,
        params,
        drop,
        0.0 if learn is None else learn[idx],
    )
    train = None
    if params.retraining and learn is not None:
        # Retraining between roles that share a skill.
        sharing = np.zeros(n, dtype=bool)
        sharing[other] = True
        sharing[role] = False
        # A role whose requirement weighs nothing lists no skills: nothing to train for.
        sharing &= (req.totals[role] > 0) if into else (req.totals > 0)
        drop_all = 0.0
        if req.role_rank is not None:
            rank = req.role_rank
            drop_all = ranks_down(rank, rank[role]) if into else ranks_down(rank[role], rank)
        train = np.where(sharing, training_cost(learn, params, drop_all), np.inf)
    return idx, cost, reskill, cover, used, train, cos


def move_column(req: Requirements, target: int, params: PathParams) -> MoveRow:
    """Every move into ``target``: ``role_moves(req, target, params, into=True)``."""
    return role_moves(req, target, params, into=True)
