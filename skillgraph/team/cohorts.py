"""Which learning programs to buy, for whom: the most missing skill weight within a budget.

Each person who moves lacks some skills, each with a weight (how much the target role
needs it: ``SkillGap.weight``).  A *seat* is one program for one person; it covers the
skills of that person's gap the program teaches and costs the program's price.  The
seats bought for one program form its *cohort*.  The question is a budgeted maximum
coverage over people x skills (a weighted set cover when there is no budget), NP-hard
in general.

It is solved exactly as an integer program by ``scipy.optimize.milp`` (HiGHS), in two
stages: the most weight coverable within the budget, then the cheapest seats (fewest
hours on ties) that cover that much.  The instances are small -- only seats whose
program teaches some of the person's gap are variables, one per (program, person),
and one coverage variable per (person, skill) -- so HiGHS proves the optimum in well
under a second for hundreds of people; past ``time_limit`` the best solution found is
kept and ``optimal`` says so.  We chose the integer program over the greedy rule
because the greedy rule's guarantee (``1 - 1/e`` of the best coverage, with Khuller,
Moss and Naor's best-single-set check) leaves real money on the table for exactly the
small cohorts teams buy; ``greedy_programs`` is kept as the baseline the tests compare
with.

>>> gaps = [{0: 1.0, 1: 1.0}, {0: 3.0}]             # person -> {skill: weight}
>>> teaches = [{0, 1}, {0}, {1}]                      # program -> skills
>>> pick = choose_programs(gaps, teaches, [300.0, 100.0, 100.0], [10.0, 5.0, 8.0], budget=200)
>>> pick.seats, pick.covered, pick.cost
([(1, 0), (1, 1)], 4.0, 200.0)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

__all__ = ["ProgramChoice", "choose_programs", "greedy_programs"]

#: Seconds each stage of the integer program may take.
TIME_LIMIT = 10.0
#: Hours count this much (per hour) against cost when two choices cost the same.
HOURS_TIE = 1e-4


@dataclass(frozen=True)
class ProgramChoice:
    """The seats bought: ``(program, person)`` pairs, sorted; the weight they cover, the
    weight any program could cover, all missing weight; their cost and hours."""

    seats: list[tuple[int, int]]
    covered: float
    coverable: float
    total: float
    cost: float
    hours: float
    optimal: bool
    method: str


def _candidates(gaps, teaches) -> tuple[list[tuple[int, int]], list[list[int]], list]:
    """The seats worth a variable, and for each (person, skill) element the seats that
    cover it: ``(seats, covers, elements)``."""
    by_skill: dict[int, list[int]] = {}
    for p, skills in enumerate(teaches):
        for s in skills:
            by_skill.setdefault(s, []).append(p)
    seats: dict[tuple[int, int], int] = {}
    elements: list[tuple[int, int, float]] = []
    covers: list[list[int]] = []
    for i, gap in enumerate(gaps):
        for s, w in sorted(gap.items()):
            programs = by_skill.get(s, [])
            if not programs or w <= 0:
                continue
            elements.append((i, s, float(w)))
            covers.append([seats.setdefault((p, i), len(seats)) for p in programs])
    return list(seats), covers, elements


def _price(values: Sequence[float]) -> np.ndarray:
    """Program prices or hours, unknown (NaN) as 0."""
    out = np.asarray(values, dtype=np.float64)
    return np.where(np.isfinite(out), out, 0.0)


def _result(seats, chosen, elements, covers, gaps, cost, hours, optimal, method):
    picked = {seats[k] for k in chosen}
    covered = sum(w for (_, _, w), cov in zip(elements, covers, strict=True) if set(cov) & chosen)
    return ProgramChoice(
        seats=sorted(picked),
        covered=float(covered),
        coverable=float(sum(w for _, _, w in elements)),
        total=float(sum(sum(g.values()) for g in gaps)),
        cost=float(sum(cost[p] for p, _ in picked)),
        hours=float(sum(hours[p] for p, _ in picked)),
        optimal=optimal,
        method=method,
    )


def choose_programs(
    gaps: Sequence[Mapping[int, float]],
    teaches: Sequence[set[int] | frozenset[int]],
    cost: Sequence[float],
    hours: Sequence[float],
    budget: float | None = None,
    *,
    time_limit: float = TIME_LIMIT,
) -> ProgramChoice:
    """The seats that cover the most missing weight within ``budget`` (None: no limit),
    and of those the cheapest (see the module docstring).

    >>> choose_programs([{0: 1.0}], [{1}], [10.0], [1.0]).seats
    []
    >>> choose_programs([{0: 2.0}], [{0}, {0}], [50.0, 20.0], [1.0, 9.0]).seats
    [(1, 0)]
    """
    price, length = _price(cost), _price(hours)
    seats, covers, elements = _candidates(gaps, teaches)
    if budget is not None and budget < 0:
        raise ValueError("the budget must not be negative")
    if not seats:
        return _result(seats, set(), elements, covers, gaps, price, length, True, "milp")
    n_x, n_y = len(seats), len(elements)
    seat_cost = np.array([price[p] for p, _ in seats])
    seat_hours = np.array([length[p] for p, _ in seats])
    weight = np.array([w for _, _, w in elements])
    # y_e <= sum of the seats that cover e:  y_e - sum x_k <= 0.
    rows = [e for e, cov in enumerate(covers) for _ in cov]
    cols = [k for cov in covers for k in cov]
    cover = sp.hstack(
        [
            sp.csr_matrix((-np.ones(len(rows)), (rows, cols)), shape=(n_y, n_x)),
            sp.identity(n_y, format="csr"),
        ]
    ).tocsr()
    constraints = [LinearConstraint(cover, -np.inf, 0.0)]
    if budget is not None:
        money = sp.csr_matrix(np.concatenate([seat_cost, np.zeros(n_y)])[None, :])
        constraints.append(LinearConstraint(money, -np.inf, float(budget)))
    integrality = np.concatenate([np.ones(n_x), np.zeros(n_y)])
    bounds = Bounds(0.0, 1.0)
    options = {"time_limit": time_limit, "disp": False}
    optimal = True
    goal = float(weight.sum())
    if budget is not None and float(seat_cost.sum()) > budget:
        first = milp(
            np.concatenate([np.zeros(n_x), -weight]),
            integrality=integrality,
            bounds=bounds,
            constraints=constraints,
            options=options,
        )
        if first.x is None:  # nothing found in time: the greedy answer stands in
            return greedy_programs(gaps, teaches, cost, hours, budget)
        optimal = first.status == 0
        goal = float(weight @ first.x[n_x:])
    reach = sp.csr_matrix(np.concatenate([np.zeros(n_x), weight])[None, :])
    constraints.append(LinearConstraint(reach, goal - 1e-7 * max(1.0, goal), np.inf))
    second = milp(
        np.concatenate([seat_cost + HOURS_TIE * seat_hours, np.zeros(n_y)]),
        integrality=integrality,
        bounds=bounds,
        constraints=constraints,
        options=options,
    )
    if second.x is None:
        return greedy_programs(gaps, teaches, cost, hours, budget)
    chosen = {k for k in range(n_x) if second.x[k] > 0.5}
    optimal = optimal and second.status == 0
    return _result(seats, chosen, elements, covers, gaps, price, length, optimal, "milp")


def greedy_programs(
    gaps: Sequence[Mapping[int, float]],
    teaches: Sequence[set[int] | frozenset[int]],
    cost: Sequence[float],
    hours: Sequence[float],
    budget: float | None = None,
) -> ProgramChoice:
    """The greedy baseline: again and again the affordable seat with the most newly
    covered weight per EUR (free seats first), then the better of that and the best
    single seat (Khuller, Moss and Naor's rule for budgeted coverage).

    >>> gaps = [{0: 1.0, 1: 1.0}, {0: 3.0}]
    >>> greedy_programs(gaps, [{0, 1}, {0}, {1}], [300.0, 100.0, 100.0], [1.0] * 3, 200).seats
    [(1, 0), (1, 1)]
    """
    price, length = _price(cost), _price(hours)
    seats, covers, elements = _candidates(gaps, teaches)
    limit = math.inf if budget is None else float(budget)
    covered_by: list[set[int]] = [set() for _ in seats]
    for e, cov in enumerate(covers):
        for k in cov:
            covered_by[k].add(e)
    weight = [w for _, _, w in elements]

    def gain(k: int, done: set[int]) -> float:
        return sum(weight[e] for e in covered_by[k] - done)

    chosen: set[int] = set()
    done: set[int] = set()
    spent = 0.0
    while True:
        best, best_key = None, None
        for k, (p, _) in enumerate(seats):
            if k in chosen or spent + price[p] > limit + 1e-9:
                continue
            g = gain(k, done)
            if g <= 0:
                continue
            key = (math.inf if price[p] <= 0 else g / price[p], g, -k)
            if best_key is None or key > best_key:
                best, best_key = k, key
        if best is None:
            break
        chosen.add(best)
        done |= covered_by[best]
        spent += price[seats[best][0]]
    single = [k for k, (p, _) in enumerate(seats) if price[p] <= limit + 1e-9]
    if single:
        top = max(single, key=lambda k: (gain(k, set()), -price[seats[k][0]], -k))
        if gain(top, set()) > sum(weight[e] for e in done) + 1e-12:
            chosen = {top}
    return _result(seats, chosen, elements, covers, gaps, price, length, False, "greedy")
