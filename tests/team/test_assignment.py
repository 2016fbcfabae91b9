"""The team assignment: exact on hand-built cases and against brute force, dearer when
greedy, hire-versus-train trade-offs, and wished-for roles within the tolerance."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pytest

from skillgraph.team.assignment import (
    greedy_assignment,
    optimal_assignment,
    plan_cost,
    with_wishes,
)

INF = math.inf


def brute_force(cost: np.ndarray, needed: list[int], hire: list[float]) -> float:
    """The least total over every way to fill the places (people or hires)."""
    n_people = cost.shape[0]
    places = [r for r, d in enumerate(needed) for _ in range(d)]
    best = INF
    # Each place gets a person (distinct) or a hire (-1).
    options = [*range(n_people), -1]
    for choice in itertools.product(options, repeat=len(places)):
        people = [c for c in choice if c >= 0]
        if len(people) != len(set(people)):
            continue
        total = sum(hire[r] if c < 0 else cost[c, r] for c, r in zip(choice, places, strict=True))
        best = min(best, total)
    return best


def test_greedy_is_dearer_on_the_two_by_two_case():
    # Person 0 is cheapest into role 0 (1), but only person 0 can go to role 1 cheaply.
    cost = np.array([[1.0, 2.0], [2.0, 100.0]])
    best = optimal_assignment(cost, [1, 1], [50.0, 50.0])
    greedy = greedy_assignment(cost, [1, 1], [50.0, 50.0])
    assert best.role_of.tolist() == [1, 0] and best.cost == 4.0
    assert greedy.cost == 51.0 and greedy.hires.tolist() == [0, 1]
    assert brute_force(cost, [1, 1], [50.0, 50.0]) == 4.0


def test_a_chain_where_greedy_pays_three_times_over():
    # Three people, three roles: greedy takes the diagonal's 1s and is forced into 10s.
    cost = np.array([[1.0, 2.0, INF], [INF, 1.0, 2.0], [2.0, INF, 10.0]])
    hire = [30.0, 30.0, 30.0]
    best = optimal_assignment(cost, [1, 1, 1], hire)
    greedy = greedy_assignment(cost, [1, 1, 1], hire)
    assert best.cost == 6.0 == brute_force(cost, [1, 1, 1], hire)
    assert best.role_of.tolist() == [1, 2, 0]
    assert greedy.cost == 12.0


@pytest.mark.parametrize(("train", "hire", "moved"), [(10.0, 20.0, True), (30.0, 20.0, False)])
def test_hire_or_train(train, hire, moved):
    a = optimal_assignment(np.array([[train]]), [1], [hire])
    assert bool(a.role_of[0] == 0) is moved
    assert a.hires.tolist() == [0 if moved else 1]
    assert a.cost == min(train, hire)


def test_hire_or_train_for_several_places_of_one_role():
    # Three places; training costs 5, 15, 25; a hire 20: two train, one is hired.
    a = optimal_assignment(np.array([[5.0], [15.0], [25.0]]), [3], [20.0])
    assert a.role_of.tolist() == [0, 0, -1] and a.hires.tolist() == [1]
    assert a.cost == 40.0


def test_unreachable_roles_are_hired_and_extra_places_too():
    cost = np.array([[INF, 3.0], [INF, 4.0]])
    a = optimal_assignment(cost, [2, 3], [100.0, 10.0])
    assert a.hires.tolist() == [2, 1]
    assert sorted(a.role_of.tolist()) == [1, 1]
    assert a.cost == 200.0 + 10.0 + 7.0


def test_a_person_already_in_a_role_fills_it_for_nothing_or_moves_on_if_that_is_cheaper():
    # Person 0 holds role 0 (cost 0) but is the only one who can reach role 1 cheaply.
    cost = np.array([[0.0, 1.0], [5.0, INF]])
    a = optimal_assignment(cost, [1, 1], [100.0, 100.0])
    assert a.role_of.tolist() == [1, 0] and a.cost == 6.0


def test_no_places_and_no_people():
    a = optimal_assignment(np.zeros((3, 2)), [0, 0], [1.0, 1.0])
    assert a.role_of.tolist() == [-1, -1, -1] and a.cost == 0.0
    a = optimal_assignment(np.zeros((0, 1)), [2], [5.0])
    assert a.hires.tolist() == [2] and a.cost == 10.0


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        optimal_assignment(np.array([[-1.0]]), [1], [1.0])
    with pytest.raises(ValueError):
        optimal_assignment(np.array([[1.0]]), [1], [INF])
    with pytest.raises(ValueError):
        optimal_assignment(np.array([[1.0, 2.0]]), [1], [1.0])


@pytest.mark.parametrize("seed", range(40))
def test_optimal_equals_brute_force_and_greedy_is_never_cheaper(seed):
    rng = random.Random(seed)
    n_people, n_roles = rng.randint(0, 4), rng.randint(1, 3)
    needed = [rng.randint(0, 2) for _ in range(n_roles)]
    while sum(needed) > 4:
        needed[rng.randrange(n_roles)] = 0
    cost = np.array(
        [[rng.choice([INF, 0.0, *range(1, 30)]) for _ in range(n_roles)] for _ in range(n_people)]
    ).reshape(n_people, n_roles)
    hire = [float(rng.randint(5, 40)) for _ in range(n_roles)]
    best = optimal_assignment(cost, needed, hire)
    greedy = greedy_assignment(cost, needed, hire)
    assert best.cost == pytest.approx(brute_force(cost, needed, hire))
    assert best.cost <= greedy.cost + 1e-9
    for a in (best, greedy):
        # Every place filled exactly, no person twice.
        filled = np.bincount(a.role_of[a.role_of >= 0], minlength=n_roles) + a.hires
        assert filled.tolist() == needed
        assert a.cost == pytest.approx(plan_cost(cost, hire, a.role_of, a.hires))


def test_a_wish_within_the_tolerance_is_granted_and_one_beyond_it_is_not():
    # Person 0 wishes role 1; person 1 is the cheaper fit for role 1.
    cost = np.array([[10.0, 10.5], [10.0, 10.0]])
    within = with_wishes(cost, [1, -1], 0.1)
    a = optimal_assignment(within, [1, 1], [100.0, 100.0])
    assert a.role_of.tolist() == [1, 0]
    cost_far = np.array([[10.0, 13.0], [10.0, 10.0]])
    beyond = optimal_assignment(with_wishes(cost_far, [1, -1], 0.1), [1, 1], [100.0, 100.0])
    assert beyond.role_of.tolist() == [0, 1]


@pytest.mark.parametrize("seed", range(25))
def test_wishes_cost_at_most_the_tolerance_more_than_the_optimum(seed):
    rng = random.Random(100 + seed)
    n_people, n_roles = rng.randint(2, 6), rng.randint(1, 4)
    cost = np.array([[rng.uniform(1, 20) for _ in range(n_roles)] for _ in range(n_people)])
    needed = [rng.randint(0, 2) for _ in range(n_roles)]
    hire = [rng.uniform(5, 30) for _ in range(n_roles)]
    wish = [rng.choice([-1, *range(n_roles)]) for _ in range(n_people)]
    tolerance = rng.choice([0.0, 0.05, 0.2, 0.5])
    plain = optimal_assignment(cost, needed, hire)
    wished = optimal_assignment(with_wishes(cost, wish, tolerance), needed, hire)
    true_cost = plan_cost(cost, hire, wished.role_of, wished.hires)
    assert true_cost <= (1 + tolerance) * plain.cost + 1e-9
    discounted = with_wishes(cost, wish, tolerance)
    # The plan is the optimum of the discounted costs: the plain optimum is no better there.
    assert wished.cost <= plan_cost(discounted, hire, plain.role_of, plain.hires) + 1e-9
    if tolerance == 0.0:
        assert true_cost == pytest.approx(plain.cost)
