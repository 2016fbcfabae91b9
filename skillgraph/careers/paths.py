"""Shortest paths over a plain adjacency list, with constraints and k alternatives.

The graph is ``adj[u] = [(v, cost, reskill), ...]`` with ``cost > 0`` and ``reskill`` 1
for a move that changes field (0 otherwise).  Plain Python with ``heapq``: for one query
on a graph of a few thousand nodes this beats general graph libraries, whose per-call
set-up costs more than the search itself.

Constraints (``max_reskilling``, ``max_steps``) turn the search into a search over
states (node, reskilling steps used, steps taken); a state is dropped when an already
settled state of the same node used no more of either budget (it was reached no dearer,
so it dominates).  Because every cost is positive the cheapest walk is a simple path.

>>> adj = [[(1, 1.0, 0), (2, 5.0, 1)], [(2, 1.0, 0)], []]
>>> shortest_path(adj, 0, 2)
(2.0, [0, 1, 2])
>>> shortest_path(adj, 0, 2, max_steps=1)
(5.0, [0, 2])
>>> shortest_path(adj, 0, 2, max_steps=1, max_reskilling=0) is None
True
>>> k_shortest_paths(adj, 0, 2, 3)
[(2.0, [0, 1, 2]), (5.0, [0, 2])]
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Collection, Sequence

__all__ = ["Adjacency", "edge", "fewest", "k_shortest_paths", "path_cost", "shortest_path"]

Adjacency = Sequence[Sequence[tuple[int, float, int]]]
_INF = float("inf")


def shortest_path(
    adj: Adjacency,
    source: int,
    target: int,
    *,
    max_reskilling: int | None = None,
    max_steps: int | None = None,
    avoid: Collection[int] = (),
    banned: Collection[tuple[int, int]] = (),
    h: Sequence[float] | None = None,
    h_budget: Sequence[Sequence[float]] | None = None,
    hops: Sequence[float] | None = None,
) -> tuple[float, list[int]] | None:
    """The cheapest path ``(cost, nodes)`` from ``source`` to ``target``, or None.

    ``avoid``: nodes the path may not enter; ``banned``: edges ``(u, v)`` it may not use.
    ``h``: optional lower bounds of the cost from each node to ``target`` (inf where it
    cannot be reached) that never overestimate and satisfy ``h[u] <= cost(u, v) + h[v]``,
    e.g. the exact distances in the unrestricted graph: the search becomes A* and visits
    little more than the path itself.  With constraints, ``h_budget[j][v]`` (a bound on
    the cost from ``v`` with at most ``j`` reskilling steps, for j = 0..max_reskilling)
    replaces ``h``, and ``hops[v]`` (the fewest steps from ``v`` to ``target``) prunes
    states that cannot arrive within ``max_steps``.
    """
    if source == target:
        return (0.0, [source])
    if target in avoid:
        return None
    if h is not None and h[source] == _INF:
        return None
    if max_reskilling is None and max_steps is None:
        return _dijkstra(adj, source, target, avoid, banned, h)
    return _constrained(
        adj, source, target, max_reskilling, max_steps, avoid, banned, h, h_budget, hops
    )


def _dijkstra(adj, source, target, avoid, banned, h):
    dist = {source: 0.0}
    prev: dict[int, int] = {}
    done = set()
    heap = [(0.0, 0.0, source)]
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        _, d, u = pop(heap)
        if u in done:
            continue
        if u == target:
            nodes = [u]
            while u != source:
                u = prev[u]
                nodes.append(u)
            nodes.reverse()
            return (d, nodes)
        done.add(u)
        for v, c, _ in adj[u]:
            if v in done or v in avoid or (banned and (u, v) in banned):
                continue
            nd = d + c
            if nd < dist.get(v, _INF):
                if h is None:
                    push(heap, (nd, nd, v))
                else:
                    hv = h[v]
                    if hv == _INF:
                        continue
                    push(heap, (nd + hv, nd, v))
                dist[v] = nd
                prev[v] = u
    return None


def _constrained(adj, source, target, rmax, smax, avoid, banned, h, h_budget, hops):
    big = 1 << 30
    rmax = big if rmax is None else rmax
    smax = big if smax is None else smax
    if rmax < 0 or smax < 0:
        return None
    if h_budget is not None and rmax >= len(h_budget):
        h_budget = None  # computed for smaller budgets only: it would overestimate
    settled: dict[int, list[tuple[int, int, float]]] = {}
    counter = itertools.count()
    # Entries: (priority, tie, cost, node, reskills used, steps, chain) where chain is
    # (node, parent chain).
    heap = [(0.0, 0, 0.0, source, 0, 0, (source, None))]
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        _, _, d, u, r, s, chain = pop(heap)
        seen = settled.get(u)
        if seen is not None:
            # Dropped when an earlier state of the node had no more cost, reskilling or
            # steps: every way on from here was open to it too.
            if any(r0 <= r and s0 <= s and d0 <= d for r0, s0, d0 in seen):
                continue
            seen.append((r, s, d))
        else:
            settled[u] = [(r, s, d)]
        if u == target:
            return (d, _unwind(chain))
        if s >= smax:
            continue
        for v, c, x in adj[u]:
            nr = r + x
            if nr > rmax or v in avoid or (banned and (u, v) in banned):
                continue
            if hops is not None and s + 1 + hops[v] > smax:
                continue
            if h_budget is not None:
                hv = h_budget[rmax - nr][v]
            elif h is not None:
                hv = h[v]
            else:
                hv = 0.0
            if hv == _INF:
                continue
            nd = d + c
            push(heap, (nd + hv, next(counter), nd, v, nr, s + 1, (v, chain)))
    return None
    settled: dict[int, list[tuple[int, int]]] = {}
    counter = itertools.count()
    # Entries: (priority, tie, cost, node, reskills used, steps, chain) where chain is
    # (node, parent chain).
    heap = [(0.0, 0, 0.0, source, 0, 0, (source, None))]
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        _, _, d, u, r, s, chain = pop(heap)
        seen = settled.get(u)
        if seen is not None:
            if any(r0 <= r and s0 <= s for r0, s0 in seen):
                continue
            seen.append((r, s))
        else:
            settled[u] = [(r, s)]
        if u == target:
            return (d, _unwind(chain))
        if s >= smax:
            continue
        for v, c, x in adj[u]:
            nr = r + x
            if nr > rmax or v in avoid or (banned and (u, v) in banned):
                continue
            hv = 0.0 if h is None else h[v]
            if hv == _INF:
                continue
            nd = d + c
            push(heap, (nd + hv, next(counter), nd, v, nr, s + 1, (v, chain)))
    return None


def _unwind(chain) -> list[int]:
    """The nodes of a search chain ``(node, parent chain)``, from the source on.

    >>> _unwind((2, (1, (0, None))))
    [0, 1, 2]
    """
    nodes = []
    while chain is not None:
        nodes.append(chain[0])
        chain = chain[1]
    nodes.reverse()
    return nodes


def path_cost(adj: Adjacency, nodes: Sequence[int]) -> tuple[float, int]:
    """``(cost, reskilling steps)`` of a path, summed edge by edge in order.

    >>> path_cost([[(1, 0.5, 1)], [(2, 0.25, 0)], []], [0, 1, 2])
    (0.75, 1)
    """
    cost, resk = 0.0, 0
    for u, v in itertools.pairwise(nodes):
        c, x = edge(adj, u, v)
        cost += c
        resk += x
    return cost, resk


def edge(adj: Adjacency, u: int, v: int) -> tuple[float, int]:
    for w, c, x in adj[u]:
        if w == v:
            return c, x
    raise KeyError((u, v))


def k_shortest_paths(
    adj: Adjacency,
    source: int,
    target: int,
    k: int,
    *,
    max_reskilling: int | None = None,
    max_steps: int | None = None,
    avoid: Collection[int] = (),
    h: Sequence[float] | None = None,
    h_budget: Sequence[Sequence[float]] | None = None,
    hops: Sequence[float] | None = None,
) -> list[tuple[float, list[int]]]:
    """Up to ``k`` cheapest simple paths (Yen's algorithm), distinct, cheapest first.

    Ties are broken by fewer steps, then by the node sequence, so the answer is stable.
    ``h``, ``h_budget``, ``hops`` as in ``shortest_path`` (they stay valid bounds when
    nodes and edges are removed).
    """
    first = shortest_path(
        adj,
        source,
        target,
        max_reskilling=max_reskilling,
        max_steps=max_steps,
        avoid=avoid,
        h=h,
        h_budget=h_budget,
        hops=hops,
    )
    if first is None or k <= 0:
        return []
    found = [(path_cost(adj, first[1])[0], first[1])]
    if source == target:
        return found
    seen = {tuple(first[1])}
    # Candidates: (cost, steps, nodes, index where the path leaves the one it came from).
    candidates: list[tuple[float, int, tuple[int, ...], int]] = []
    avoid = set(avoid)
    deviation = 0
    while len(found) < k:
        prev = found[-1][1]
        # Lawler: spurs before the deviation point were tried for the parent path already.
        for i in range(deviation, len(prev) - 1):
            spur, root = prev[i], prev[: i + 1]
            banned = {(spur, p[i + 1]) for _, p in found if len(p) > i + 1 and p[: i + 1] == root}
            _, root_resk = path_cost(adj, root)
            spur_path = shortest_path(
                adj,
                spur,
                target,
                max_reskilling=None if max_reskilling is None else max_reskilling - root_resk,
                max_steps=None if max_steps is None else max_steps - i,
                avoid=avoid | set(root[:-1]),
                banned=banned,
                h=h,
                h_budget=h_budget,
                hops=hops,
            )
            if spur_path is None:
                continue
            nodes = tuple(root[:-1] + spur_path[1])
            if nodes in seen:
                continue
            seen.add(nodes)
            heapq.heappush(candidates, (path_cost(adj, nodes)[0], len(nodes), nodes, i))
        if not candidates:
            break
        cost, _, nodes, deviation = heapq.heappop(candidates)
        found.append((cost, list(nodes)))
    return found


def fewest(adj: Adjacency, source: int, target: int, *, what: str) -> int | None:
    """The fewest ``"steps"`` or ``"reskilling"`` steps any path needs, or None.

    Used to explain why a constrained search found nothing.

    >>> adj = [[(1, 1.0, 1), (2, 9.0, 0)], [(3, 1.0, 0)], [(1, 1.0, 0)], []]
    >>> fewest(adj, 0, 3, what="steps"), fewest(adj, 0, 3, what="reskilling")
    (2, 0)
    """
    # 0-1 BFS: the weight of an edge is 1 per step, or its reskill flag.
    from collections import deque

    dist = {source: 0}
    queue = deque([source])
    while queue:
        u = queue.popleft()
        du = dist[u]
        for v, _, x in adj[u]:
            w = 1 if what == "steps" else x
            if du + w < dist.get(v, _INF):
                dist[v] = du + w
                if w:
                    queue.append(v)
                else:
                    queue.appendleft(v)
    return dist.get(target)
