"""Building the transition graph: every viable move between roles, costed and pruned to
each role's ``moves_per_role`` cheapest moves out and in -- a block of target roles at a
time, so that no roles x roles product is ever held whole (issue 17).

Per block of targets the sparse products of the block's requirement rows with every
role's give each pair that shares a skill (the same sums, in the same order, as the
products over all roles: the costs are bit for bit those of one whole product).  A
block knows its targets' moves in completely, so their in-threshold is exact; of the
moves out of a source it sees only some, so it keeps each source's ``moves_per_role``
cheapest of the block (the global ones are among them) and the final cut is taken
over what the blocks kept.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from .moves import changes_field, move_cost, ranks_down, training_cost
from .requirements import Requirements, level_shortfall
from .transition_graph import TransitionGraph

if TYPE_CHECKING:
    from .params import PathParams

__all__ = ["BLOCK_PAIRS", "aligned", "build_transitions"]

#: The role pairs one block may hold at most (its products and per-pair arrays).
BLOCK_PAIRS = 500_000
#: Blocks computed at once.
THREADS = 2
#: Two costs within this of each other are the same cost (summed in another order).
_TIE = 1e-9


def _kth_smallest(
    group: np.ndarray, cost: np.ndarray, n: int, k: int, order: np.ndarray | None = None
) -> np.ndarray:
    """Per group 0..n-1, the k-th smallest ``cost`` of its entries (inf if it has fewer);
    ``order``: ``np.argsort(cost)`` if known.

    >>> _kth_smallest(np.array([0, 0, 0, 1]), np.array([3.0, 1.0, 2.0, 5.0]), 3, 2).tolist()
    [2.0, inf, inf]
    """
    # Only the values count, not which of equal costs is k-th: so an unstable sort of
    # the costs ranks them, and one sort of the integer keys (group, rank) -- values, not
    # an argsort -- puts each group's costs in order.
    out = np.full(n, np.inf)
    if not len(cost):
        return out
    if order is None:
        order = np.argsort(cost)
    ordered = cost[order]
    rank = np.empty(len(cost), dtype=np.int64)
    rank[order] = np.arange(len(cost))
    keys = np.sort(group.astype(np.int64) * len(cost) + rank)
    counts = np.bincount(group, minlength=n)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    full = counts >= k
    out[full] = ordered[keys[starts[full] + k - 1] % len(cost)]
    return out


def _on(m: sp.csr_matrix, pattern: sp.csr_matrix, local: np.ndarray, source: np.ndarray):
    """``m``'s values at the entries of ``pattern`` (``(local, source)``, in its stored
    order): the products of one block share their pattern and the order it is stored in
    (the same rows and columns are visited) unless a sum is exactly 0 -- then by lookup."""
    if (
        m.nnz == pattern.nnz
        and np.array_equal(m.indptr, pattern.indptr)
        and np.array_equal(m.indices, pattern.indices)
    ):
        return m.data
    return aligned(m, local, source)


def aligned(m: sp.csr_matrix, row: np.ndarray, col: np.ndarray) -> np.ndarray:
    """``m[row[i], col[i]]`` for every pair (0 where ``m`` holds nothing), by key lookup
    over ``m``'s CSR entries."""
    m.sort_indices()
    width = m.shape[1]
    rows = np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(m.indptr))
    keys = rows * width + m.indices
    wanted = row.astype(np.int64) * width + col
    if not len(keys):
        return np.zeros(len(wanted))
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[at] == wanted, m.data[at], 0.0)


def _extended(
    a: sp.csr_matrix,
    b: sp.csr_matrix,
    b_t: sp.csr_matrix,
    pattern: sp.csr_matrix,
    local: np.ndarray,
    source: np.ndarray,
) -> np.ndarray:
    """``(a @ b.T)[local[i], source[i]]``: from the product for the pattern's entries,
    then one row dot product each for the best-fit pairs appended after them (``local``
    and ``source`` cover both; the same sums in the same order as the product's)."""
    cut = pattern.nnz
    head = _on(a @ b_t, pattern, local[:cut], source[:cut])
    if len(local) == cut:
        return head
    tail = np.asarray(a[local[cut:]].multiply(b[source[cut:]]).sum(axis=1)).ravel()
    return np.concatenate((head, tail))


def build_transitions(
    req: Requirements,
    params: PathParams,
    fit_pairs: tuple[np.ndarray, np.ndarray] | None = None,
    block_pairs: int = BLOCK_PAIRS,
) -> TransitionGraph:
    """The transition graph of all roles, computed with sparse matrix products.

    ``fit_pairs`` = ``(sources, targets)``: the job moves viable because the target fits
    the source best (``careers.fit``), whatever the source covers of it.

    >>> from skillgraph.careers import PathParams
    >>> from skillgraph.careers.requirements import requirements
    >>> from skillgraph.taxonomy import Taxonomy
    >>> t = Taxonomy.from_records(
    ...     roles=[("r:a", "a", "f:1"), ("r:b", "b", "f:1"), ("r:c", "c", "f:2")],
    ...     skills=[("s:x", "x", None, None), ("s:y", "y", None, None)],
    ...     fields=[("f:1", "one"), ("f:2", "two")],
    ...     requirements=[("r:a", "s:x", True), ("r:b", "s:x", True), ("r:b", "s:y", True),
    ...                   ("r:c", "s:y", True)])
    >>> jobs = PathParams(retraining=False)  # job moves only (40 h learned at work: + 0.02)
    >>> g = build_transitions(requirements(t, jobs), jobs)
    >>> [(u, v, round(c, 3), r) for u in range(g.n) for v, c, r in g.adjacency[u]]
    [(0, 1, 0.72, 0), (1, 0, 0.787, 0), (1, 2, 0.787, 0), (2, 1, 0.72, 0)]

    (b and c share half their skills, cosine 0.71: one field whatever their groups.)

    With retraining, a pair may be joined by the cheaper retraining move (0.5 + 40 hours
    of an unknown skill / 1000): learning ``y`` takes a -> b, b -> a needs nothing.  One
    target per block gives the same graph.

    >>> g = build_transitions(requirements(t, PathParams()), PathParams(), block_pairs=1)
    >>> [(u, v, round(c, 3), r) for u in range(g.n) for v, c, r in g.adjacency[u]]
    [(0, 1, 0.54, 0), (1, 0, 0.5, 0), (1, 2, 0.5, 0), (2, 1, 0.54, 0)]
    """
    n = req.n_roles
    k = params.moves_per_role
    fit_keys = np.zeros(0, dtype=np.int64)
    if fit_pairs is not None and len(fit_pairs[0]):
        fit_keys = np.unique(fit_pairs[1].astype(np.int64) * n + fit_pairs[0])
    # A bound on the pairs a block of targets shares skills with: a skill held by c
    # roles joins each of them to at most c others.
    held = np.bincount(req.weights.indices, minlength=req.n_skills).astype(np.float64)
    per_role = np.bincount(
        np.repeat(np.arange(n), np.diff(req.weights.indptr)),
        weights=held[req.weights.indices],
        minlength=n,
    )
    transposed = _Transposed(req)
    bounds = []
    first = 0
    while first < n:
        last = first + 1
        budget = per_role[first]
        while last < n and budget + per_role[last] <= block_pairs:
            budget += per_role[last]
            last += 1
        bounds.append((first, last))
        first = last

    def moves(bound: tuple[int, int]) -> tuple[np.ndarray, ...]:
        first, last = bound
        lo, hi = np.searchsorted(fit_keys, [first * n, last * n])
        return _block_moves(req, params, slice(first, last), fit_keys[lo:hi], transposed)

    in_thr = np.full(n, np.inf)
    # What the blocks kept: (source, target, cost, reskill, passed its target's cut).
    kept: list[tuple[np.ndarray, ...]] = []
    # An upper bound of each source's k-th cheapest move: the k-th of what is kept.
    running = np.full(n, np.inf)
    since = 0
    # The blocks' moves are computed THREADS at a time (the products and numpy release
    # the GIL), and taken in block order: the same graph as one at a time.
    with ThreadPoolExecutor(THREADS) as pool:
        pending: dict[int, Future] = {
            i: pool.submit(moves, bounds[i]) for i in range(min(THREADS, len(bounds)))
        }
        for i, (first, last) in enumerate(bounds):
            s, t, c, x = pending.pop(i).result()
            if i + THREADS < len(bounds):
                pending[i + THREADS] = pool.submit(moves, bounds[i + THREADS])
            block = slice(first, last)
            # The block's targets are complete: their in-threshold is exact.
            order = np.argsort(c)
            in_thr[block] = _kth_smallest(t - first, c, last - first, k, order)
            inside = c <= in_thr[t] + _TIE
            # Of each source, the k cheapest of the block (the global k-th is among
            # them), and none dearer than the k-th of all kept so far.
            out_local = np.minimum(_kth_smallest(s, c, n, k, order), running)
            keep = (c <= out_local[s] + _TIE) | inside
            kept.append((s[keep], t[keep], c[keep], x[keep], inside[keep]))
            since += int(keep.sum())
            if since > 2 * n * k:  # compact: memory stays O(roles x k), not O(blocks)
                kept = [tuple(np.concatenate(part) for part in zip(*kept, strict=True))]
                s, t, c, x, inside = kept[0]
                running = _kth_smallest(s, c, n, k)
                keep = (c <= running[s] + _TIE) | inside
                kept = [(s[keep], t[keep], c[keep], x[keep], inside[keep])]
                since = 0
    if kept:
        source, target, cost, reskill, _ = (
            np.concatenate(part) for part in zip(*kept, strict=True)
        )
    else:
        source, target = np.zeros(0, np.int64), np.zeros(0, np.int64)
        cost, reskill = np.zeros(0), np.zeros(0, bool)
    out_thr = _kth_smallest(source, cost, n, k)
    # Ties at the k-th cost are kept (within float noise: the same cost summed in another
    # order must not decide).
    keep = (cost <= out_thr[source] + _TIE) | (cost <= in_thr[target] + _TIE)
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


class _Transposed:
    """The requirement matrices transposed once (CSR), for the products of each block."""

    def __init__(self, req: Requirements):
        self.binary = req.binary.T.tocsr()
        self.weights = req.weights.T.tocsr()


def _block_moves(
    req: Requirements,
    params: PathParams,
    block: slice,
    fit_keys: np.ndarray,
    transposed: _Transposed,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(sources, targets, costs, reskill flags)`` of every move into the targets of
    ``block`` that a path may take (finite cost): viable job moves and, with
    ``retraining``, retraining between roles that share a skill, each pair at the
    cheaper of the two.  ``fit_keys``: ``target * n + source`` of the block's best-fit
    pairs (viable job moves whatever is covered)."""
    n = req.n_roles
    first = block.start
    totals = req.totals
    # by_target[b, a] = overlap of a -> b (b's requirement weight that a has).
    by_target = req.weights[block] @ transposed.binary
    retraining = params.retraining and req.learning is not None
    # Every pair that shares a skill, even one whose shared weight is 0 (optional skills
    # weighted 0): retraining between them still counts what is shared.
    pattern = req.binary[block] @ transposed.binary if retraining else by_target
    per_target = np.diff(pattern.indptr)
    local = np.repeat(np.arange(len(per_target), dtype=np.int64), per_target)
    source = pattern.indices.astype(np.int64)
    overlap = _on(by_target, pattern, local, source)
    target = local + first
    short_out = None
    if req.levels is not None:
        # A skill held at a lower level than the target's covers only part of it; and
        # (below) the target uses a start's skill only up to the level it needs itself.
        both = level_shortfall(
            req, np.concatenate((target, source)), np.concatenate((source, target))
        )
        overlap = overlap - both[: len(target)]
        short_out = both[len(target) :]
    # Roles without skills have no entries (nothing overlaps them), so no total is 0 here.
    threshold = np.repeat(params.min_overlap * totals[block] - 1e-12, per_target)
    distinct = source != target
    viable = (overlap > 0) & (overlap >= threshold) & distinct
    if len(fit_keys):
        # Best-fitting pairs are viable job moves; those that share no skill join the
        # pairs with nothing covered.
        keys = target * n + source
        at = np.minimum(np.searchsorted(fit_keys, keys), len(fit_keys) - 1)
        best = fit_keys[at] == keys
        viable |= best & distinct
        found = np.zeros(len(fit_keys), dtype=bool)
        found[at[best]] = True
        fresh = fit_keys[~found]
        if len(fresh):
            target = np.concatenate((target, fresh // n))
            source = np.concatenate((source, fresh % n))
            overlap = np.concatenate((overlap, np.zeros(len(fresh))))
            if short_out is not None:
                more = level_shortfall(req, fresh % n, fresh // n)
                short_out = np.concatenate((short_out, more))
            viable = np.concatenate((viable, fresh // n != fresh % n))
            distinct = np.concatenate((distinct, fresh // n != fresh % n))
    local = target - first
    learn = train = None
    if req.learning is not None and req.learn_totals is not None:  # both or neither
        # The hours of the target's requirement the start lacks (a pair the product holds
        # shares a skill; a best-fitting pair that shares none lacks everything).
        shared = _extended(
            req.learning[block], req.binary, transposed.binary, pattern, local, source
        )
        learn = np.maximum(req.learn_totals[target] - shared, 0.0)
    if retraining and learn is not None:
        drop = 0.0
        if req.role_rank is not None:
            drop = ranks_down(req.role_rank[source], req.role_rank[target])
        # A role whose requirement weighs nothing lists no skills: nothing to train for.
        train = np.where(totals[target] > 0, training_cost(learn, params, drop), np.inf)
        keep = distinct & np.isfinite(train) | viable
    else:
        keep = viable
    # reverse[a -> b] = overlap of b -> a = the part of a's own requirement b uses.
    reverse = _extended(req.binary[block], req.weights, transposed.weights, pattern, local, source)
    dot = None
    if req.norms is not None:
        dot = _extended(
            req.weights[block], req.weights, transposed.weights, pattern, local, source
        )[keep]
    target, source, overlap, reverse = target[keep], source[keep], overlap[keep], reverse[keep]
    viable = viable[keep]
    if short_out is not None:
        reverse = reverse - short_out[keep]
    cos = np.zeros(len(source))
    if dot is not None and req.norms is not None:
        scale = req.norms[source] * req.norms[target]
        np.divide(dot, scale, out=cos, where=scale > 0)
    reskill = changes_field(req.role_field[source], req.role_field[target], cos, params)
    drop = 0.0
    if req.role_rank is not None:
        drop = ranks_down(req.role_rank[source], req.role_rank[target])
    cost = move_cost(
        overlap,
        reverse,
        totals[source],
        totals[target],
        reskill,
        params,
        drop,
        0.0 if learn is None else learn[keep],
    )
    cost = np.where(viable, cost, np.inf)
    if train is not None:
        cost = np.minimum(cost, train[keep])
    fine = np.isfinite(cost)
    return source[fine], target[fine], cost[fine], reskill[fine]
