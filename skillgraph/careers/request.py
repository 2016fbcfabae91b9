"""The graph of one path request: the cached transition graph plus every viable move out of
the request's start and into its target, and the A* bounds of the search over it.

The cached graph keeps each role's ``moves_per_role`` cheapest moves out and in; a viable
direct move from the person's start or into their target must never be hidden by that
pruning, so each request adds them, for itself only (the cached lists are never changed).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .moves import (
    role_start_row,
    viable_moves,
)

if TYPE_CHECKING:
    from .model import CareerModel, Start

__all__ = [
    "RequestAdjacency",
    "RequestMoves",
    "request_graph",
    "request_moves",
    "start_moves",
    "unreachable",
]

Row = list[tuple[int, float, int]]


def start_moves(model: CareerModel, start: Start) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """``(source node, job, training, reskill)``: every move out of ``start`` as arrays
    over the roles -- its viable job moves' costs (inf where none; a virtual start's
    computed on the fly), retraining into any role, and whether each move changes field.
    A virtual start (a skill profile, or a role plus extra skills) is node
    ``len(model.adjacency)``."""
    n = len(model.adjacency)
    if start.virtual or start.role is None:  # a start with no role is always virtual
        # The start's row already holds its retraining costs and field changes.
        row = model.row(start)
        job = np.where(row.viable, row.cost, np.inf)
        train = row.training if row.training is not None else np.full(n, np.inf)
        return n, job, train, row.reskill
    job, train, reskill = role_start_row(
        model.req, start.role, model.params, model.fits_best(start)
    )
    return start.role, job, train, reskill


@dataclass(frozen=True, eq=False)
class RequestMoves:
    """The moves a request adds to the cached graph: every move out of its start
    (``start_moves``) and every viable move into its target (``viable_moves``)."""

    source: int
    job: np.ndarray
    train: np.ndarray
    reskill: np.ndarray
    into: tuple[np.ndarray, np.ndarray, np.ndarray]


def request_moves(model: CareerModel, start: Start, target: int) -> RequestMoves:
    """The moves out of ``start`` and into ``target`` a path request adds."""
    source, job, train, reskill = start_moves(model, start)
    into = viable_moves(
        model.req, target, model.params, into=True, fit_ok=model.fits_best_into(target)
    )
    return RequestMoves(source, job, train, reskill, into)


def unreachable(model: CareerModel, moves: RequestMoves, start: Start, target: int) -> bool:
    """True when no chain of moves leads from the start to ``target`` in the request's
    graph (``request_graph``), decided without building it: from the cached graph's
    strongly connected components (``TransitionGraph.component_reach``).

    The request's graph is part of the cached graph plus the start's moves plus every
    viable move into the target; when no role the start moves to reaches, in the cached
    graph, a role that moves into the target, the target is out of reach -- whatever the
    request's limits, which only take moves away.  False when it cannot tell (then the
    search decides).
    """
    graph = model.graph
    reach = graph.component_reach
    if reach is None:
        return False
    out = np.minimum(moves.job, moves.train)
    if start.role is not None:
        out[start.role] = np.inf
    if math.isfinite(float(out[target])):
        return False
    comp = graph.components
    first = np.flatnonzero(np.isfinite(out))
    last = np.concatenate((graph.in_sources(target), moves.into[0]))
    if not len(first) or not len(last):
        return True
    reached = reach[np.unique(comp[first])].any(axis=0)
    return not bool(reached[comp[last]].any())


def request_graph(
    model: CareerModel,
    start: Start,
    target: int,
    *,
    max_reskilling: int | None = None,
    max_steps: int | None = None,
    avoid: Collection[int] = (),
    k: int = 1,
    moves: RequestMoves | None = None,
) -> tuple[RequestAdjacency, int, dict]:
    """``(adjacency, source node, search bounds)`` for paths from ``start`` to
    ``target``: the cached graph plus, for this request only, EVERY viable move out
    of the start and into the target.

    The graph keeps each role's ``moves_per_role`` cheapest moves out and in, which
    keeps long jumps going through realistic intermediate roles; but a viable direct
    move from the start or into the target must not be hidden by it (a pruned
    direct move is usually cheaper than the detour the graph offers).  Both are one
    sparse row / column of the move matrix (``role_moves``).  A virtual start (a
    skill profile, or a role plus extra skills) is node ``len(graph)``.  The cached
    adjacency lists are shared, never changed: the request's rows are read through them
    (``RequestAdjacency``).
    ``avoid``: the roles the search will avoid (they only decide whether the cheaper,
    capped bounds are safe: see ``TransitionGraph.bounds``).  ``moves``: the request's
    ``request_moves``, when already computed.
    """
    base = model.adjacency
    n = len(base)
    if moves is None:
        moves = request_moves(model, start, target)
    source, job, train, reskill = moves.source, moves.job, moves.train, moves.reskill
    out = np.minimum(job, train)
    if start.role is not None:
        out[start.role] = np.inf
    # The direct move bounds every path worth showing -- unless a constraint forbids the
    # direct move itself (a field change under max_reskilling=0).
    direct = float(out[target])
    direct_ok = max_reskilling is None or max_reskilling > 0 or not reskill[target]
    # For the cheapest path alone (k=1) no path through a move that, with a lower bound
    # of the rest of the way, costs the direct move's cost or more can win: such moves
    # are left out (exact).  For alternatives every job move stays, and the retraining
    # moves into roles on the way that can lead to a path within ALTERNATIVES_SLACK
    # times the direct move's cost (retraining reaches every role: all of them would
    # make each alternative search scan thousands of moves).
    finite = direct_ok and math.isfinite(direct)
    ceiling = direct if finite and k == 1 else math.inf
    training_ceiling = direct * (1.0 if k == 1 else ALTERNATIVES_SLACK) if finite else math.inf
    new, new_cost, new_flag = moves.into
    if math.isfinite(ceiling):
        cheap = new_cost < ceiling
        new, new_cost, new_flag = new[cheap], new_cost[cheap], new_flag[cheap]
    # Moves that are edges already, and the start's own (they are the start's edges).
    edge = np.zeros(n + 1, dtype=bool)
    edge[model.graph.in_sources(target)] = True
    edge[source] = not start.virtual
    fresh = ~edge[new]
    new, new_cost, new_flag = new[fresh], new_cost[fresh], new_flag[fresh]
    extra = (new, new_cost, new_flag)
    limit = None
    if (
        max_reskilling is None
        and max_steps is None
        and not avoid
        and not (start.virtual and start.role is not None)  # its role is avoided
        and math.isfinite(direct)
    ):
        # A cheaper, capped bound (TransitionGraph.bounds): safe when the target is
        # reachable (the direct move reaches it), for then the search ends on a path.  For
        # the cheapest path alone nothing beyond the direct move's cost matters; for
        # alternatives, a cap at the training ceiling keeps the same start edges (a move
        # whose bound reaches the cap costs more than the ceiling with it).
        limit = min(model.graph.bound_limit, training_ceiling)
    arrays = model.graph.bounds(
        target,
        max_reskilling=max_reskilling,
        max_steps=max_steps,
        extra=extra,
        limit=limit,
        lists=False,
    )
    # The start's edges: the job moves below the ceiling, the retraining moves below the
    # training ceiling (a role reached by both is judged by its cheaper move).
    rest = out + arrays["h"]
    bounds = {key: value.tolist() for key, value in arrays.items()}
    h = bounds["h"]
    keep = np.flatnonzero(np.where(job <= train, rest < ceiling, rest < training_ceiling))
    if math.isfinite(direct) and not np.isin(target, keep):
        keep = np.append(keep, target)
    if start.virtual:
        start_edges = list(
            zip(keep.tolist(), out[keep].tolist(), reskill[keep].astype(int).tolist(), strict=True)
        )
    else:
        # Moves that are edges keep the graph's cost (the same number, summed in another
        # order): paths through them cost what they cost in the graph.
        known = {v: (v, c, x) for v, c, x in base[source] if c <= out[v]}
        start_edges = [
            known.get(v) or (v, c, x)
            for v, c, x in zip(
                keep.tolist(), out[keep].tolist(), reskill[keep].astype(int).tolist(), strict=True
            )
        ]
    moves_in = zip(new_cost.tolist(), new_flag.tolist(), strict=True)
    into = dict(zip(new.tolist(), moves_in, strict=True))
    adj = RequestAdjacency(base, target, into, source, start_edges)
    if start.virtual:
        for values in [h, *bounds.get("h_budget", ()), bounds.get("hops", [])]:
            values.append(0.0)
    # The start's own bounds, over its complete moves (the graph's pruned row may
    # reach the target through none of them).
    h[source] = min((c + h[v] for v, c, _ in start_edges), default=math.inf)
    layers = bounds.get("h_budget", ())
    for j, row_j in enumerate(layers):
        row_j[source] = min(
            (c + layers[j - x][v] for v, c, x in start_edges if x <= j), default=math.inf
        )
    if "hops" in bounds:
        hops = bounds["hops"]
        hops[source] = min((1 + hops[v] for v, _, _ in start_edges), default=math.inf)
    return adj, source, bounds


class RequestAdjacency(Sequence[Row]):
    """The cached adjacency lists ``base`` with one request's moves, a row built when a
    search first reads it (a search reads few): the row of a role in ``into`` ends with
    its move into ``target`` (``into[role] = (cost, reskill)``), and the start
    ``source`` has ``start_edges`` (a virtual start is node ``len(base)``).

    >>> adj = RequestAdjacency([[(1, 1.0, 0)], [], []], 2, {0: (5.0, 1)}, 3, [(0, 2.0, 0)])
    >>> len(adj), adj[0], adj[1], adj[3]
    (4, [(1, 1.0, 0), (2, 5.0, 1)], [], [(0, 2.0, 0)])
    """

    def __init__(
        self,
        base: Sequence[Row],
        target: int,
        into: dict[int, tuple[float, int]],
        source: int,
        start_edges: Row,
    ):
        self._base, self._target, self._into = base, target, into
        self._rows: dict[int, Row] = {source: start_edges}
        self._n = max(len(base), source + 1)

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, u):
        if isinstance(u, slice):
            return [self[i] for i in range(self._n)[u]]
        row = self._rows.get(u)
        if row is None:
            if not 0 <= u < len(self._base):
                raise IndexError(u)
            row = self._base[u]
            move = self._into.get(u)
            if move is not None:
                row = self._rows[u] = [*row, (self._target, move[0], int(move[1]))]
        return row


#: Alternatives (k > 1) through retraining into a role on the way are those that can cost
#: at most this many times the direct move.
ALTERNATIVES_SLACK = 1.5
