"""Who moves into which needed role, and which needs are hired: an assignment problem.

``cost[i, r]`` is what moving person ``i`` into needed role ``r`` costs (inf where no
path leads there; 0 for a person already in ``r``), ``needed[r]`` how many people ``r``
needs and ``hire[r]`` what hiring one costs.  The plan fills every needed place, each
with one person or one hire, no person in two places, at the least total cost.

That is a linear assignment (a minimum-cost bipartite matching) solved exactly by
``scipy.optimize.linear_sum_assignment``: one row per needed place, one column per
person plus, for each role, ``needed[r]`` hire columns open to that role's places only.
The greedy alternative -- take the cheapest remaining (person, role) pair, or the hire,
again and again -- is ``greedy_assignment``, the baseline the benchmark and the tests
compare with; it can be far dearer (``examples``: two people, two roles).

Wished-for roles: ``with_wishes`` divides the cost of each person's move into their
wished-for role by ``1 + tolerance`` before the optimisation.  The plan then grants a
wish whenever it costs at most ``tolerance`` (a share) more than the best alternative,
and its true cost is never more than ``1 + tolerance`` times the optimum (each term of
the discounted objective is at least the true one divided by ``1 + tolerance``).

>>> import numpy as np
>>> cost = np.array([[1.0, 2.0], [2.0, 100.0]])     # people x roles
>>> best = optimal_assignment(cost, [1, 1], [50.0, 50.0])
>>> best.role_of.tolist(), best.hires.tolist(), best.cost
([1, 0], [0, 0], 4.0)
>>> greedy = greedy_assignment(cost, [1, 1], [50.0, 50.0])
>>> greedy.role_of.tolist(), greedy.hires.tolist(), greedy.cost
([0, -1], [0, 1], 51.0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

__all__ = ["Assignment", "greedy_assignment", "optimal_assignment", "plan_cost", "with_wishes"]


@dataclass(frozen=True)
class Assignment:
    """``role_of[i]``: the needed role person ``i`` fills (-1: none); ``hires[r]``: how
    many are hired for role ``r``; ``cost``: the total under the costs it was made for."""

    role_of: np.ndarray
    hires: np.ndarray
    cost: float


def _checked(cost: np.ndarray, needed: Sequence[int], hire: Sequence[float]):
    cost = np.asarray(cost, dtype=np.float64)
    need = np.asarray(needed, dtype=np.int64)
    hire_cost = np.asarray(hire, dtype=np.float64)
    if cost.ndim != 2 or cost.shape[1] != len(need) or len(hire_cost) != len(need):
        raise ValueError(
            "cost must be people x roles, with one needed count and hire cost per role"
        )
    if (need < 0).any() or not np.isfinite(hire_cost).all() or (hire_cost < 0).any():
        raise ValueError("needed counts and hire costs must be finite and not negative")
    if np.isnan(cost).any() or (cost < 0).any():
        raise ValueError("costs must not be negative or NaN")
    return cost, need, hire_cost


def plan_cost(cost: np.ndarray, hire: Sequence[float], role_of: np.ndarray, hires) -> float:
    """The total of a plan under ``cost`` and ``hire``.

    >>> plan_cost(np.array([[3.0]]), [10.0], np.array([0]), np.array([2]))
    23.0
    """
    cost = np.asarray(cost, dtype=np.float64)
    moved = np.flatnonzero(np.asarray(role_of) >= 0)
    total = float(cost[moved, np.asarray(role_of)[moved]].sum()) if len(moved) else 0.0
    return total + float(np.dot(np.asarray(hires, dtype=np.float64), np.asarray(hire)))


def optimal_assignment(
    cost: np.ndarray, needed: Sequence[int], hire: Sequence[float]
) -> Assignment:
    """The cheapest way to fill every needed place by moves or hires (exact).

    >>> optimal_assignment(np.array([[5.0], [1.0]]), [1], [3.0]).role_of.tolist()
    [-1, 0]
    >>> optimal_assignment(np.array([[5.0], [4.0]]), [1], [3.0]).hires.tolist()
    [1]
    >>> optimal_assignment(np.zeros((0, 1)), [2], [3.0]).cost
    6.0
    """
    cost, need, hire_cost = _checked(cost, needed, hire)
    n_people, n_roles = cost.shape
    slot_role = np.repeat(np.arange(n_roles), need)
    n_slots = len(slot_role)
    role_of = np.full(n_people, -1, dtype=np.int64)
    hires = np.zeros(n_roles, dtype=np.int64)
    if n_slots == 0:
        return Assignment(role_of, hires, 0.0)
    # Rows: places; columns: people, then each place's role's hire columns.
    matrix = np.full((n_slots, n_people + n_slots), np.inf)
    matrix[:, :n_people] = cost[:, slot_role].T
    same_role = slot_role[:, None] == slot_role[None, :]
    matrix[:, n_people:] = np.where(same_role, hire_cost[slot_role][:, None], np.inf)
    rows, cols = linear_sum_assignment(matrix)
    for slot, col in zip(rows.tolist(), cols.tolist(), strict=True):
        r = int(slot_role[slot])
        if col < n_people:
            role_of[col] = r
        else:
            hires[r] += 1
    return Assignment(role_of, hires, plan_cost(cost, hire_cost, role_of, hires))


def greedy_assignment(cost: np.ndarray, needed: Sequence[int], hire: Sequence[float]) -> Assignment:
    """The greedy baseline: again and again the cheapest remaining option -- a free
    person into a role with places left, or a hire for such a role (which then fills all
    of its places).  Ties go to the move, then to the lower numbers.

    >>> greedy_assignment(np.array([[5.0], [1.0]]), [1], [3.0]).role_of.tolist()
    [-1, 0]
    """
    cost, need, hire_cost = _checked(cost, needed, hire)
    n_people, n_roles = cost.shape
    role_of = np.full(n_people, -1, dtype=np.int64)
    hires = np.zeros(n_roles, dtype=np.int64)
    left = need.copy()
    people, roles = np.nonzero(np.isfinite(cost))
    values = cost[people, roles]
    # Options: (cost, 0 for a move / 1 for a hire, person, role).
    option_cost = np.concatenate([values, hire_cost])
    kind = np.concatenate([np.zeros(len(values)), np.ones(n_roles)])
    who = np.concatenate([people, np.full(n_roles, -1)])
    what = np.concatenate([roles, np.arange(n_roles)])
    free = np.ones(n_people, dtype=bool)
    for k in np.lexsort((who, what, kind, option_cost)).tolist():
        r = int(what[k])
        if left[r] == 0:
            continue
        if kind[k]:
            hires[r] += left[r]
            left[r] = 0
        elif free[who[k]]:
            i = int(who[k])
            role_of[i], free[i] = r, False
            left[r] -= 1
    return Assignment(role_of, hires, plan_cost(cost, hire_cost, role_of, hires))


def with_wishes(cost: np.ndarray, wish: Sequence[int], tolerance: float) -> np.ndarray:
    """``cost`` with each person's move into their wished-for role (``wish[i]``, -1 for
    none) divided by ``1 + tolerance``: the optimisation then prefers a wish that costs at
    most ``tolerance`` more.

    >>> with_wishes(np.array([[1.1, 1.0]]), [0], 0.1).round(6).tolist()
    [[1.0, 1.0]]
    """
    if tolerance < 0:
        raise ValueError("the tolerance must not be negative")
    out = np.array(cost, dtype=np.float64)
    for i, r in enumerate(wish):
        if r >= 0:
            out[i, r] /= 1.0 + tolerance
    return out
