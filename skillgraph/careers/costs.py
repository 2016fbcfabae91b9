"""The cost of the cheapest path from each of many starts to each of many targets at once.

A team plan needs the path cost from every person to every needed role: a thousand
people and fifty roles are fifty thousand path requests, but people share roles, so the
distinct starts are far fewer, and one single-source search per start answers every
target together.  The graph searched is the one a path request (``request.request_graph``)
searches, for every request at once:

* the cached transition graph (``CareerModel.adjacency``);
* one extra node per start with EVERY move out of it (``request.start_moves``: its job
  moves and retraining into any role), as a request's start has;
* EVERY viable move into each target (``moves.viable_moves``), as a request's target
  has: those edges lead into the target only, so they are added after the search, as
  ``min(d[u] + cost(u, target))`` over the roles ``u`` that have one.

The searches are one call of scipy's compiled Dijkstra (``scipy.sparse.csgraph``) over
the sparse matrix of that graph, so the answer equals ``CareerModel.paths(...)[0].cost``
(k=1, no constraints) for each pair, at a small fraction of the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra

from .moves import viable_moves
from .request import start_moves

if TYPE_CHECKING:
    from .model import CareerModel, Start

__all__ = ["path_cost_matrix"]

#: Starts searched per Dijkstra call (bounds the distance block held in memory).
BATCH = 256


def _graph_entries(adj) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(rows, columns, costs)`` of an adjacency list ``adj[u] = [(v, cost, x), ...]``."""
    rows = np.repeat(np.arange(len(adj)), [len(a) for a in adj])
    flat = [(v, c) for a in adj for v, c, _ in a]
    cols = np.fromiter((v for v, _ in flat), dtype=np.int64, count=len(flat))
    costs = np.fromiter((c for _, c in flat), dtype=np.float64, count=len(flat))
    return rows, cols, costs


def _cheapest(rows: np.ndarray, cols: np.ndarray, costs: np.ndarray, n: int) -> sp.csr_matrix:
    """The sparse ``n x n`` matrix of the edges, the cheapest of duplicates kept (a sparse
    sum would add them up)."""
    order = np.lexsort((costs, cols, rows))
    rows, cols, costs = rows[order], cols[order], costs[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    return sp.csr_matrix((costs[first], (rows[first], cols[first])), shape=(n, n))


def path_cost_matrix(
    model: CareerModel, starts: Sequence[Start], targets: Sequence[int]
) -> np.ndarray:
    """``cost[i, j]``: the cost of the cheapest path from ``starts[i]`` to role
    ``targets[j]`` (inf where none leads there; 0 where the start is that role).

    >>> import skillgraph
    >>> from skillgraph.taxonomy import Kind
    >>> careers = skillgraph.open().careers
    >>> model = careers.model()
    >>> start = careers.start(model, "administrative assistant")
    >>> target = careers.number("digital marketing specialist", Kind.ROLE)
    >>> cost = path_cost_matrix(model, [start], [target, start.role])
    >>> path = careers.paths("administrative assistant", "digital marketing specialist", k=1)[0]
    >>> bool(abs(cost[0, 0] - path.cost) < 1e-9), float(cost[0, 1])
    (True, 0.0)
    """
    n = len(model.adjacency)
    out = np.full((len(starts), len(targets)), np.inf)
    if not len(starts) or not len(targets):
        return out
    base = _cheapest(*_graph_entries(model.adjacency), n)
    targets_arr = np.asarray(targets, dtype=np.int64)
    # Every viable move into each target, for the last step of every path.
    into = [
        viable_moves(model.req, t, model.params, into=True, fit_ok=model.fits_best_into(t))[:2]
        for t in targets_arr.tolist()
    ]
    for lo in range(0, len(starts), BATCH):
        batch = starts[lo : lo + BATCH]
        m = len(batch)
        # One extra node per start (n + i) holding every move out of it (no duplicates:
        # one entry per role), below the graph's rows.
        cols, costs, lengths = [], [], []
        for start in batch:
            _, job, train, _ = start_moves(model, start)
            moves = np.minimum(job, train)
            if start.role is not None:
                moves[start.role] = np.inf
            reach = np.flatnonzero(np.isfinite(moves))
            cols.append(reach)
            costs.append(moves[reach])
            lengths.append(len(reach))
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        block = sp.csr_matrix(
            (np.concatenate(costs), np.concatenate(cols), indptr), shape=(m, n + m)
        )
        wide = sp.csr_matrix((base.data, base.indices, base.indptr), shape=(n, n + m))
        graph = sp.vstack([wide, block], format="csr")
        dist = dijkstra(graph, directed=True, indices=np.arange(n, n + m))[:, :n]
        block = dist[:, targets_arr]
        for j, (u, c) in enumerate(into):
            if len(u):
                block[:, j] = np.minimum(block[:, j], (dist[:, u] + c).min(axis=1))
        for i, start in enumerate(batch):
            if start.role is not None:
                block[i, targets_arr == start.role] = 0.0
        out[lo : lo + m] = block
    return out
