"""The transition graph: the kept moves of every role, and the A* bounds of a request."""

from __future__ import annotations

import contextlib
import functools
import threading
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

__all__ = ["BOUND_LIMIT_MOVES", "MAX_LAYERED_BUDGET", "MAX_REACH_COMPONENTS", "TransitionGraph"]


#: Reskilling budgets up to this get exact per-budget bounds (one graph layer per step).
MAX_LAYERED_BUDGET = 4
#: The bound search of a request whose target is surely reachable stops after this many
#: median moves' cost (``TransitionGraph.bound_limit``): a full search costs ~0.5 ms on
#: ESCO, more than the rest of a cheapest-path query, and paths are rarely that long.
BOUND_LIMIT_MOVES = 6.0
#: ``TransitionGraph.component_reach`` is kept for graphs of at most this many strongly
#: connected components (a components x components table of bools: 16 MB at most).
MAX_REACH_COMPONENTS = 4096


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
        lists: bool = True,
    ) -> dict:
        """Lower bounds for the searches in ``paths`` (keyword arguments ``h``,
        ``h_budget``, ``hops``) for paths to ``target`` under these constraints, as
        lists (``lists=False``: as numpy arrays).

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
            # distance to the target.  The cached matrix with its empty last row filled
            # in (in spare room, not a copy) is cheaper than inserting moves into the
            # target's row.
            r = self._reverse
            a, b = r.indptr[target], r.indptr[target + 1]
            sources = np.concatenate((r.indices[a:b], extra[0])).astype(np.int64)
            costs = np.concatenate((r.data[a:b], extra[1]))
            flags = np.concatenate((self._reverse_flags[a:b], extra[2])).astype(np.int64)
            with self._last_row(0, sources, costs) as plus:
                h = csgraph.dijkstra(plus, directed=True, indices=n, limit=cap)[:n]
        else:
            sources = None
            h = csgraph.dijkstra(self._reverse, directed=True, indices=target, limit=cap)
        h[target] = 0.0
        if limit is not None:
            np.minimum(h, cap, out=h)
        out: dict = {"h": h}
        if max_reskilling is not None and max_reskilling <= MAX_LAYERED_BUDGET:
            layers = max_reskilling + 1
            if sources is not None:
                cols, vals = [], []
                for j in range(layers):
                    ok = j + flags < layers
                    cols.append((j + flags[ok]) * n + sources[ok])
                    vals.append(costs[ok])
                with self._last_row(layers, np.concatenate(cols), np.concatenate(vals)) as plus:
                    dist = csgraph.dijkstra(plus, directed=True, indices=layers * n)
                dist = dist[:-1].reshape(layers, n)
            else:
                goals = [j * n + target for j in range(layers)]
                dist = csgraph.dijkstra(
                    self._layered(layers), directed=True, indices=goals, min_only=True
                ).reshape(layers, n)
            dist[:, target] = 0.0
            out["h_budget"] = dist
        if max_steps is not None:
            if sources is None:
                hops = csgraph.dijkstra(
                    self._reverse, directed=True, indices=target, unweighted=True
                )
            else:
                with self._last_row(0, sources, costs) as plus:
                    hops = csgraph.dijkstra(plus, directed=True, indices=n, unweighted=True)[:n]
            hops[target] = 0.0
            out["hops"] = hops
        return {key: value.tolist() for key, value in out.items()} if lists else out

    @functools.cached_property
    def components(self) -> np.ndarray:
        """Each role's strongly connected component: roles of one component reach
        each other."""
        forward = sp.csr_matrix((self.cost, self.indices, self.indptr), shape=(self.n, self.n))
        return csgraph.connected_components(forward, directed=True, connection="strong")[1]

    @functools.cached_property
    def component_reach(self) -> np.ndarray | None:
        """``reach[a, b]``: a chain of edges leads from the roles of component ``a``
        (``components``) to those of ``b`` (every component reaches itself); None when
        there are more than ``MAX_REACH_COMPONENTS`` components.

        >>> g = TransitionGraph(np.array([0, 1, 2, 2]), np.array([1, 0]), np.ones(2),
        ...     np.zeros(2, dtype=bool), np.full(3, np.inf))
        >>> reach = g.component_reach
        >>> a, c = g.components[0], g.components[2]
        >>> bool(reach[a, a]), bool(reach[a, c]), bool(reach[c, a])
        (True, False, False)
        """
        comp = self.components
        size = int(comp.max()) + 1 if self.n else 0
        if size > MAX_REACH_COMPONENTS:
            return None
        source = np.repeat(np.arange(self.n), np.diff(self.indptr))
        a, b = comp[source], comp[self.indices]
        across = a != b
        dag = sp.csr_matrix(
            (np.ones(int(across.sum())), (a[across], b[across])), shape=(size, size)
        )
        reach = np.zeros((size, size), dtype=bool)
        for c in range(size):
            reach[c, csgraph.breadth_first_order(dag, c, return_predecessors=False)] = True
        return reach

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

    @contextlib.contextmanager
    def _last_row(self, layers: int, cols: np.ndarray, vals: np.ndarray):
        """``_plus(layers)`` with ``(cols, vals)`` as its last row, for the time of a
        ``with`` block: written into spare room after the matrix's own entries (no copy of
        the matrix; one request at a time per matrix)."""
        m = self._plus(layers)
        spare = self.__dict__.setdefault("_spare", {})
        if layers not in spare:
            room = m.shape[0]
            data = np.concatenate((m.data, np.zeros(room)))
            indices = np.concatenate((m.indices, np.zeros(room, dtype=m.indices.dtype)))
            spare[layers] = (data, indices, threading.Lock())
        data, indices, lock = spare[layers]
        nnz, end = m.nnz, m.nnz + len(cols)
        if end > len(data):  # more entries than rows: never for a row of distinct columns
            yield _with_last_row(m, cols, vals)
            return
        with lock:
            data[nnz:end] = vals
            indices[nnz:end] = cols
            indptr = m.indptr.copy()
            indptr[-1] = end
            yield sp.csr_matrix((data[:end], indices[:end], indptr), shape=m.shape)

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
            "_spare",
            "_reverse_flags",
            "components",
            "component_reach",
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
