"""Next steps of many roles at once (issue 17): the moves of a block of start roles into
their kept best fits (``best_fits``) as sparse products, not one full move row per role.

For each start only its kept best fits are candidates: when they hold ``k`` reachable
roles, its ``k`` next steps are among them (``CareerModel.next_steps``).  Their moves are
costed with the sums of ``moves.move_row``, taken in the same order (a sparse product of
the block's requirement rows with every role's adds the same terms in the same order as
``move_row``'s product of a role's skills with every requirement row), so the answers
are the ones ``next_steps`` gives role by role; a start whose kept fits hold fewer than
``k`` reachable roles, or a taxonomy that rates levels, goes through ``next_steps``.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..taxonomy import Kind
from .build import aligned
from .explain import GapCache
from .moves import changes_field, move_cost, ranks_down, total, training_cost
from .start import Start

if TYPE_CHECKING:
    from .model import CareerModel
    from .results import Move

__all__ = ["BLOCK_ROLES", "bulk", "next_steps_many"]

#: Start roles costed together (their products with their candidates are held at once).
BLOCK_ROLES = 64


def next_steps_many(model: CareerModel, roles: Sequence[int], k: int) -> list[list[Move]]:
    """``[model.next_steps(model.start_for(r), k) for r in roles]``, in blocks."""
    out: list[list[Move]] = []
    roles = list(roles)
    cache = GapCache()
    with bulk():
        for first in range(0, len(roles), BLOCK_ROLES):
            out.extend(_block(model, np.asarray(roles[first : first + BLOCK_ROLES]), k, cache))
    return out


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """No cyclic garbage collection for the time of a ``with`` block that builds millions
    of small objects with no cycles among them (moves, gaps): the collector would walk
    every one of them again and again (about 40% of the time of next steps for 30,000
    roles).  It runs again after the block (if it was on)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _block(model: CareerModel, roles: np.ndarray, k: int, cache: GapCache) -> list[list[Move]]:
    req, params, fits = model.req, model.params, model.fits
    if req.levels is not None or not params.next_by_fit or not len(roles):
        return [model.next_steps(model.start_for(int(r)), k) for r in roles]
    # The candidates: each start's kept best fits, as (start row in the block, role).
    lengths = fits.indptr[roles + 1] - fits.indptr[roles]
    row = np.repeat(np.arange(len(roles), dtype=np.int64), lengths)
    at = np.arange(len(row)) + np.repeat(fits.indptr[roles] - np.cumsum(lengths) + lengths, lengths)
    target = fits.indices[at].astype(np.int64)
    fit = fits.values[at]
    source = roles[row]
    have, own = req.binary[roles], req.weights[roles]
    # move_row: overlap = weights @ have, reverse = binary @ own, learn = learning @ have,
    # the cosine's dot = weights @ own -- here as the block's products with the block's
    # candidate roles only, read at the pairs.  (A product sums the terms of an entry in
    # the order of the left row's entries, whichever other columns the right side has.)
    cands, local = np.unique(target, return_inverse=True)

    def product(left, right) -> np.ndarray:
        return aligned(left @ right[cands].T, row, local)

    overlap = product(have, req.weights)
    reverse = product(own, req.binary)
    totals = req.totals
    # The start's own total and length as move_row sums them (``moves.total``).
    w = req.weights
    own_total, own_length = np.empty(len(roles)), np.empty(len(roles))
    for i, role in enumerate(roles.tolist()):
        data = w.data[w.indptr[role] : w.indptr[role + 1]]
        own_total[i], own_length[i] = total(data), np.sqrt(total(data * data))
    start_total = own_total[row]
    cos = np.zeros(len(row))
    if req.norms is not None:  # moves.cosines
        dot = product(own, req.weights)
        scale = req.norms[target] * own_length[row]
        np.divide(dot, scale, out=cos, where=scale > 0)
    reskill = changes_field(req.role_field[source], req.role_field[target], cos, params)
    drop = 0.0
    if req.role_rank is not None:
        drop = ranks_down(req.role_rank[source], req.role_rank[target])
    learn = np.zeros(len(row))
    if req.learning is not None and req.learn_totals is not None:
        shared = product(have, req.learning)
        learn = np.maximum(req.learn_totals[target] - shared, 0.0)
    cost = move_cost(overlap, reverse, start_total, totals[target], reskill, params, drop, learn)
    best = np.zeros(len(row), dtype=bool)
    best[np.flatnonzero(fit >= fits.cut[source])] = True  # fits_best: viable whatever
    alive = totals[target] > 0
    viable = alive & (overlap > 0) & (overlap >= params.min_overlap * totals[target] - 1e-12)
    viable = (viable | (best & alive)) & (target != source)
    train = np.full(len(row), np.inf)
    if params.retraining and req.learning is not None:
        train = np.where(alive, training_cost(learn, params, drop), np.inf)
    train[target == source] = np.inf
    reachable = viable | np.isfinite(train)
    counts = np.bincount(row[reachable], minlength=len(roles))
    answers: list[list[Move]] = []
    bounds = np.concatenate(([0], np.cumsum(lengths)))
    # One skill vector for every start of the block (set and cleared around each):
    # what the explanations read of a role's start (``start_for``, without levels).
    have = np.zeros(req.n_skills, dtype=bool)
    unused = np.zeros(0)
    taxonomy = model.taxonomy
    for i, role in enumerate(roles.tolist()):
        if counts[i] < k:
            answers.append(model.next_steps(model.start_for(role), k))
            continue
        skills = req.skills_of(role)
        have[skills] = True
        model.explainer.start(cache, have)
        start = Start(
            taxonomy.concept(Kind.ROLE, role),
            role,
            have,
            unused,
            int(taxonomy.role_field[role]),
            False,
            [],
        )
        a, b = bounds[i], bounds[i + 1]
        ok = np.flatnonzero(reachable[a:b]) + a
        job = np.where(viable[ok], cost[ok], np.inf)
        both = np.minimum(job, train[ok])
        order = np.lexsort((target[ok], both, -fit[ok]))[:k]
        answers.append(
            [
                model.move_of(
                    start,
                    int(target[j]),
                    float(job[o]),
                    float(train[j]),
                    bool(reskill[j]),
                    float(fit[j]),
                    cache,
                )
                for o, j in zip(order.tolist(), ok[order].tolist(), strict=True)
            ]
        )
        have[skills] = False
    return answers
