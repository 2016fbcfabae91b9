"""The transition graph: the kept moves of every role, and the A* bounds of a request."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from .moves import changes_field, move_cost, ranks_down, training_cost
from .requirements import Requirements, level_shortfall, shortfall_table

if TYPE_CHECKING:
    from .params import PathParams

__all__ = ["BOUND_LIMIT_MOVES", "MAX_LAYERED_BUDGET", "TransitionGraph", "build_transitions"]


#: Reskilling budgets up to this get exact per-budget bounds (one graph layer per step).
MAX_LAYERED_BUDGET = 4
#: The bound search of a request whose target is surely reachable stops after this many
#: median moves' cost (``TransitionGraph.bound_limit``): a full search costs ~0.5 ms on
#: ESCO, more than the rest of a cheapest-path query, and paths are rarely that long.
BOUND_LIMIT_MOVES = 6.0


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


def _aligned(m: sp.csr_matrix, row: np.ndarray, col: np.ndarray, n: int) -> np.ndarray:
    """``m[row[i], col[i]]`` for every pair (0 where ``m`` holds nothing), by key lookup
    over ``m``'s CSR entries."""
    m.sort_indices()
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(m.indptr))
    keys = rows * n + m.indices
    wanted = row.astype(np.int64) * n + col
    if not len(keys):
        return np.zeros(len(wanted))
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[at] == wanted, m.data[at], 0.0)


def build_transitions(
    req: Requirements,
    params: PathParams,
    fit_pairs: tuple[np.ndarray, np.ndarray] | None = None,
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
    of an unknown skill / 1000): learning ``y`` takes a -> b, b -> a needs nothing.

    >>> g = build_transitions(requirements(t, PathParams()), PathParams())
    >>> [(u, v, round(c, 3), r) for u in range(g.n) for v, c, r in g.adjacency[u]]
    [(0, 1, 0.54, 0), (1, 0, 0.5, 0), (1, 2, 0.5, 0), (2, 1, 0.54, 0)]
    """
    n = req.n_roles
    totals = req.totals
    # by_target[b, a] = overlap of a -> b (b's requirement weight that a has).  The
    # transpose of a CSR product comes out with sorted indices, which the lookup of the
    # reverse overlap below relies on.
    by_target = (req.binary @ req.weights.T).T.tocsr()
    retraining = params.retraining and req.learning is not None
    if retraining:
        # Every pair that shares a skill, even one whose shared weight is 0 (optional
        # skills weighted 0): retraining between them still counts what is shared.
        pairs = (req.binary @ req.binary.T).T.tocsr()
        per_target = np.diff(pairs.indptr)
        target = np.repeat(np.arange(n, dtype=np.int64), per_target)
        source = pairs.indices.astype(np.int64)
        overlap = _aligned(by_target, target, source, n)
    else:
        per_target = np.diff(by_target.indptr)
        target = np.repeat(np.arange(n, dtype=np.int64), per_target)
        source = by_target.indices.astype(np.int64)
        overlap = by_target.data
    table = shortfall_table(req) if req.levels is not None else None
    if table is not None:
        # A skill held at a lower level than the target's covers only part of it.
        overlap = overlap - level_shortfall(req, target, source, table)
    # Roles without skills have no entries (nothing overlaps them), so no total is 0 here.
    threshold = np.repeat(params.min_overlap * totals - 1e-12, per_target)
    distinct = source != target
    viable = (overlap > 0) & (overlap >= threshold) & distinct
    if fit_pairs is not None and len(fit_pairs[0]):
        # Best-fitting pairs are viable job moves; those that share no skill join the
        # pairs with nothing covered.
        keys = target * n + source
        fit_keys = np.unique(fit_pairs[1].astype(np.int64) * n + fit_pairs[0])
        viable |= np.isin(keys, fit_keys) & distinct
        fresh = fit_keys[~np.isin(fit_keys, keys)]
        if len(fresh):
            target = np.concatenate((target, fresh // n))
            source = np.concatenate((source, fresh % n))
            overlap = np.concatenate((overlap, np.zeros(len(fresh))))
            viable = np.concatenate((viable, fresh // n != fresh % n))
            distinct = np.concatenate((distinct, fresh // n != fresh % n))
    learn = train = None
    if req.learning is not None and req.learn_totals is not None:  # both or neither
        # The hours of the target's requirement the start lacks (a pair the product holds
        # shares a skill; a best-fitting pair that shares none lacks everything).
        shared = _aligned((req.binary @ req.learning.T).tocsr(), source, target, n)
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
    reverse = _aligned(by_target, source, target, n)
    target, source, overlap, reverse = target[keep], source[keep], overlap[keep], reverse[keep]
    viable = viable[keep]
    if table is not None:
        # The target uses the start's skill only up to the level it needs itself.
        reverse = reverse - level_shortfall(req, source, target, table)
    field = req.role_field
    cos = np.zeros(len(source))
    if req.norms is not None:
        dot = _aligned((req.weights @ req.weights.T).tocsr(), source, target, n)
        scale = req.norms[source] * req.norms[target]
        np.divide(dot, scale, out=cos, where=scale > 0)
    reskill = changes_field(field[source], field[target], cos, params)
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
    source, target, cost, reskill = source[fine], target[fine], cost[fine], reskill[fine]
    k = params.moves_per_role
    rank = np.empty(len(cost), dtype=np.int64)
    rank[np.argsort(cost, kind="stable")] = np.arange(len(cost))
    out_thr = _kth_smallest(source, rank, cost, n, k)
    in_thr = _kth_smallest(target, rank, cost, n, k)
    # Ties at the k-th cost are kept (within float noise: the same cost summed in another
    # order must not decide).
    keep = (cost <= out_thr[source] + 1e-9) | (cost <= in_thr[target] + 1e-9)
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
