"""Programs to buy: the integer program against brute force, budgets, and a case where
the greedy rule covers less."""

from __future__ import annotations

import itertools
import random

import pytest

from skillgraph.team.cohorts import choose_programs, greedy_programs


def brute_force(gaps, teaches, cost, budget):
    """(most weight coverable within budget, least cost for it) over every seat set."""
    seats = [
        (p, i)
        for i, gap in enumerate(gaps)
        for p, skills in enumerate(teaches)
        if set(gap) & set(skills)
    ]
    best = (0.0, 0.0)
    for n in range(len(seats) + 1):
        for chosen in itertools.combinations(seats, n):
            spent = sum(cost[p] for p, _ in chosen)
            if budget is not None and spent > budget + 1e-9:
                continue
            covered = sum(
                w
                for i, gap in enumerate(gaps)
                for s, w in gap.items()
                if any(s in teaches[p] for p, j in chosen if j == i)
            )
            if covered > best[0] + 1e-9 or (abs(covered - best[0]) <= 1e-9 and spent < best[1]):
                best = (covered, spent)
    return best


def test_greedy_covers_less_within_the_budget():
    # Four people, one skill each: a cheap small seat lures the greedy rule, after which
    # neither of the two seats that together use the budget best fits.
    gaps = [{0: 1.0}, {1: 10.0}, {2: 6.0}, {3: 6.0}]
    teaches = [{0}, {1}, {2}, {3}]
    cost = [1.0, 100.0, 50.0, 50.0]
    hours = [1.0] * 4
    best = choose_programs(gaps, teaches, cost, hours, budget=100)
    greedy = greedy_programs(gaps, teaches, cost, hours, budget=100)
    assert best.seats == [(2, 2), (3, 3)] and best.covered == 12.0 and best.cost == 100.0
    assert best.optimal
    assert greedy.covered == 10.0
    assert brute_force(gaps, teaches, cost, 100) == (12.0, 100.0)


def test_without_a_budget_every_coverable_skill_is_covered_at_least_cost():
    gaps = [{0: 1.0, 1: 2.0, 9: 4.0}, {1: 1.0}]
    teaches = [{0, 1}, {0}, {1}]
    cost = [120.0, 50.0, 60.0]
    pick = choose_programs(gaps, teaches, cost, [1.0, 1.0, 1.0])
    assert pick.covered == pick.coverable == 4.0
    assert pick.total == 8.0  # skill 9 is taught by no program
    # Two small programs (50 + 60) beat the one that teaches both (120).
    assert pick.seats == [(1, 0), (2, 0), (2, 1)] and pick.cost == 170.0


def test_a_zero_budget_buys_only_free_programs_and_hours_break_ties():
    gaps = [{0: 1.0, 1: 1.0}]
    teaches = [{0}, {0}, {1}]
    pick = choose_programs(gaps, teaches, [0.0, 0.0, 10.0], [30.0, 5.0, 1.0], budget=0)
    assert pick.seats == [(1, 0)] and pick.cost == 0.0 and pick.covered == 1.0


def test_unknown_prices_count_as_free_and_nothing_to_cover_buys_nothing():
    pick = choose_programs([{0: 1.0}], [{0}], [float("nan")], [float("nan")], budget=0)
    assert pick.seats == [(0, 0)] and pick.cost == 0.0
    none = choose_programs([{}], [{0}], [10.0], [1.0], budget=5)
    assert none.seats == [] and none.covered == 0.0
    with pytest.raises(ValueError):
        choose_programs([{0: 1.0}], [{0}], [1.0], [1.0], budget=-1)


@pytest.mark.parametrize("seed", range(30))
def test_equals_brute_force_and_beats_or_ties_greedy(seed):
    rng = random.Random(seed)
    n_people, n_programs, n_skills = rng.randint(1, 3), rng.randint(1, 4), 4
    gaps = [
        {s: float(rng.randint(1, 5)) for s in rng.sample(range(n_skills), rng.randint(1, 3))}
        for _ in range(n_people)
    ]
    teaches = [set(rng.sample(range(n_skills), rng.randint(1, 2))) for _ in range(n_programs)]
    cost = [float(rng.randint(0, 50)) for _ in range(n_programs)]
    hours = [float(rng.randint(1, 9)) for _ in range(n_programs)]
    budget = rng.choice([None, 0, 20, 40, 80])
    pick = choose_programs(gaps, teaches, cost, hours, budget)
    covered, spent = brute_force(gaps, teaches, cost, budget)
    assert pick.covered == pytest.approx(covered)
    assert pick.cost == pytest.approx(spent)
    assert budget is None or pick.cost <= budget + 1e-9
    greedy = greedy_programs(gaps, teaches, cost, hours, budget)
    assert greedy.covered <= pick.covered + 1e-9
    assert budget is None or greedy.cost <= budget + 1e-9
