"""The graph of one path request: the cached transition graph plus every viable move out of
the request's start and into its target, and the A* bounds of the search over it.

The cached graph keeps each role's ``moves_per_role`` cheapest moves out and in; a viable
direct move from the person's start or into their target must never be hidden by that
pruning, so each request adds them, for itself only (the cached lists are never changed).
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import TYPE_CHECKING

import numpy as np

from .moves import viable_moves
from .transition_graph import TransitionGraph

if TYPE_CHECKING:
    from .model import CareerModel, Start

__all__ = ["request_graph"]


def request_graph(
    model: CareerModel,
    start: Start,
    target: int,
    *,
    max_reskilling: int | None = None,
    max_steps: int | None = None,
    avoid: Collection[int] = (),
) -> tuple[list, int, dict]:
    """``(adjacency, source node, search bounds)`` for paths from ``start`` to
    ``target``: the cached graph plus, for this request only, EVERY viable move out
    of the start and into the target.

    The graph keeps each role's ``moves_per_role`` cheapest moves out and in, which
    keeps long jumps going through realistic intermediate roles; but a viable direct
    move from the start or into the target must not be hidden by it (a pruned
    direct move is usually cheaper than the detour the graph offers).  Both are one
    sparse row / column of the move matrix (``role_moves``).  A virtual start (a
    skill profile, or a role plus extra skills) is node ``len(graph)``.  The cached
    adjacency lists are shared, never changed: the rows that change are copies.
    ``avoid``: the roles the search will avoid (they only decide whether the cheaper,
    capped bounds are safe: see ``TransitionGraph.bounds``).
    """
    base = model.adjacency
    n = len(base)
    if start.virtual:
        source = n
        start_edges = model.virtual_edges(start)
    else:
        source = start.role
        idx, cost, flag = viable_moves(model.req, source, model.params, into=False)
        # Moves that are edges keep the graph's cost (the same number, summed in
        # another order): paths through them cost what they cost in the graph.
        known = {v: (v, c, x) for v, c, x in base[source]}
        start_edges = [
            known.get(v) or (v, c, x)
            for v, c, x in zip(idx.tolist(), cost.tolist(), flag.astype(int).tolist(), strict=True)
        ]
    new, new_cost, new_flag = viable_moves(model.req, target, model.params, into=True)
    # Moves that are edges already, and the start's own (they are start_edges).
    edge = np.zeros(n + 1, dtype=bool)
    edge[model.graph.in_sources(target)] = True
    edge[source] = not start.virtual
    fresh = ~edge[new]
    new, new_cost, new_flag = new[fresh], new_cost[fresh], new_flag[fresh]
    adj = list(base)
    for u, c, x in zip(new.tolist(), new_cost.tolist(), new_flag.tolist(), strict=True):
        adj[u] = [*adj[u], (target, c, int(x))]
    extra = (new, new_cost, new_flag)
    if start.virtual:
        adj.append(start_edges)
    else:
        adj[source] = start_edges
    limit = None
    if (
        max_reskilling is None
        and max_steps is None
        and not avoid
        and not (start.virtual and start.role is not None)  # its role is avoided
        and _surely_reaches(model.graph, start_edges, target, new)
    ):
        # A cheaper, capped bound (TransitionGraph.bounds): safe when the target is
        # reachable, for then the search ends on a path, never exploring everything.
        limit = model.graph.bound_limit
    bounds = model.graph.bounds(
        target, max_reskilling=max_reskilling, max_steps=max_steps, extra=extra, limit=limit
    )
    if start.virtual:
        for values in [bounds["h"], *bounds.get("h_budget", ()), bounds.get("hops", [])]:
            values.append(0.0)
    # The start's own bounds, over its complete moves (the graph's pruned row may
    # reach the target through none of them).
    h = bounds["h"]
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


def _surely_reaches(graph: TransitionGraph, start_edges, target: int, new: np.ndarray) -> bool:
    """True when the start has a move into a component of the graph from which a
    move leads into ``target`` (then a path exists, whatever the bounds)."""
    moves = [v for v, _, _ in start_edges]
    if target in moves:
        return True
    scc = graph.components
    first = set(scc[moves].tolist())
    last = scc[np.concatenate((graph.in_sources(target), new))]
    return any(c in first for c in set(last.tolist()))
