"""Wages, employment and exposure: the combination rules and the request-time path rules
(wage floor, exposure weight) on hand-built figures with exact answers."""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest

import skillgraph
from skillgraph.careers import Careers
from skillgraph.careers.outlook import (
    WeightedAdjacency,
    below_floor,
    combine,
    exposure_band,
    exposure_costs,
    weighted_median,
)
from skillgraph.careers.paths import k_shortest_paths, shortest_path
from skillgraph.errors import NoPath

WAGE = {"11-1111": 90_000.0, "22-2222": 40_000.0, "33-3333": 60_000.0}
JOBS = {"11-1111": 100.0, "22-2222": 500.0, "33-3333": 300.0}
EXPOSURE = {"11-1111.00": 0.8, "11-1111.01": 0.2, "22-2222.00": 0.1, "33-3333.00": 0.5}


def test_one_code_gives_its_own_figures():
    assert combine(["33-3333.00"], WAGE, JOBS, EXPOSURE) == (60_000.0, 300.0, 0.5)


def test_wage_is_the_employment_weighted_median_and_jobs_the_sum():
    # 40k holds 500 of 900 jobs: more than half, so the weighted median is 40k (the plain
    # median of the three wages would be 60k).
    wage, jobs, _ = combine(["11-1111.00", "22-2222.00", "33-3333.00"], WAGE, JOBS, EXPOSURE)
    assert (wage, jobs) == (40_000.0, 900.0)
    # Without the 22 code, 90k (100 jobs) and 60k (300 jobs): 60k.
    assert combine(["11-1111.00", "33-3333.00"], WAGE, JOBS, EXPOSURE)[:2] == (60_000.0, 400.0)


def test_codes_of_one_soc_code_share_its_employment_and_count_it_once():
    wage, jobs, exposure = combine(["11-1111.00", "11-1111.01", "22-2222.00"], WAGE, JOBS, EXPOSURE)
    assert jobs == 600.0  # 11-1111 counted once
    # 11-1111.00 and .01 weigh 50 each, 22-2222.00 weighs 500:
    # (0.8 * 50 + 0.2 * 50 + 0.1 * 500) / 600 = 100 / 600
    assert exposure == pytest.approx(100 / 600, abs=1e-12)
    assert wage == 40_000.0


def test_unknown_employment_falls_back_to_plain_median_and_mean():
    wage, jobs, exposure = combine(["11-1111.00", "33-3333.00"], WAGE, {}, EXPOSURE)
    assert math.isnan(jobs)
    assert wage == 75_000.0  # plain median of 90k and 60k
    assert exposure == pytest.approx(0.65)  # plain mean of 0.8 and 0.5


def test_nothing_known_is_nan():
    assert all(math.isnan(x) for x in combine(["44-4444.00"], WAGE, JOBS, EXPOSURE))


def test_weighted_median_and_bands():
    assert weighted_median([3.0, 1.0, 2.0], [1, 1, 1]) == 2.0
    assert weighted_median([1.0, 2.0], [1, 3]) == 2.0
    assert [exposure_band(x) for x in (0.0, 0.149, 0.15, 0.399, 0.4, 1.0)] == [
        "low",
        "low",
        "medium",
        "medium",
        "high",
        "high",
    ]


def test_floor_and_costs_leave_unknown_roles_alone():
    wage = np.array([50_000.0, 40_000.0, np.nan, 47_000.0])
    assert below_floor(wage, 0, 0.9).tolist() == [False, True, False, False]
    assert below_floor(wage, 0, 0.95).tolist() == [False, True, False, True]
    assert not below_floor(wage, 2, 0.9).any()  # the start's wage is unknown
    costs = exposure_costs(np.array([0.5, np.nan, 0.1]), 2.0)
    assert costs is not None and costs.tolist() == pytest.approx([1.0, 0.6, 0.2])


def test_weighted_adjacency_moves_the_cheapest_path():
    # 0 -> 1 -> 3 costs 2, 0 -> 2 -> 3 costs 2.5; node 1 is highly exposed.
    adj = [[(1, 1.0, 0), (2, 1.5, 0)], [(3, 1.0, 0)], [(3, 1.0, 0)], []]
    assert shortest_path(adj, 0, 3) == (2.0, [0, 1, 3])
    cost = np.array([0.0, 0.9, 0.1, 0.2])
    weighted = WeightedAdjacency(adj, cost)
    assert shortest_path(weighted, 0, 3) == (pytest.approx(2.8), [0, 2, 3])
    assert [p for _, p in k_shortest_paths(weighted, 0, 3, 2)] == [[0, 2, 3], [0, 1, 3]]


# ---------------------------------------------------------------- on the default taxonomy

START, TARGET = "administrative assistant", "digital marketing specialist"


@pytest.fixture(scope="module")
def careers_with_figures():
    """The default taxonomy with figures given by hand: every role 50k and exposure 0.3,
    except the ones set by the tests."""
    g = skillgraph.open()
    t = copy.copy(g.careers.taxonomy)
    t.role_wage = np.full(t.n_roles, 50_000.0)
    t.role_exposure = np.full(t.n_roles, 0.3)
    t.role_employment = np.full(t.n_roles, 1000.0)
    return Careers(t, lambda name, kind: g.resolve(name, kind=kind).uri)


def _labels(path):
    return [s.target.label for s in path.steps]


def _number(careers, label):
    return careers.number(label, "role")


def test_wage_floor_is_the_same_as_avoiding_the_roles_below_it(careers_with_figures):
    c = careers_with_figures
    t = c.taxonomy
    k = 3
    before = c.paths(START, TARGET, k=k, params={"max_programs": 0})
    # The second path goes through the executive assistant: make it pay less.
    via = before[1].steps[0].target.label
    t.role_wage[_number(c, via)] = 40_000.0
    try:
        floored = c.paths(START, TARGET, k=k, params={"wage_floor": 0.9, "max_programs": 0})
        avoided = c.paths(START, TARGET, k=k, avoid=[via], params={"max_programs": 0})
        assert [_labels(p) for p in floored] == [_labels(p) for p in avoided]
        assert all(via not in _labels(p) for p in floored)
        assert [p.cost for p in floored] == [p.cost for p in avoided]
        # 0.8 keeps it (40k is 80% of 50k).
        loose = c.paths(START, TARGET, k=k, params={"wage_floor": 0.8, "max_programs": 0})
        assert [_labels(p) for p in loose] == [_labels(p) for p in before]
        # A target below the floor is refused with the reason.
        t.role_wage[_number(c, TARGET)] = 30_000.0
        with pytest.raises(NoPath, match="wage floor"):
            c.paths(START, TARGET, params={"wage_floor": 0.9})
        # Each step carries the wage change from its source.
        step = loose[1].steps[0]
        assert step.outlook is not None and step.outlook.wage_change == -10_000.0
        assert step.outlook.wage_change_share == -0.2
    finally:
        t.role_wage[:] = 50_000.0


def test_exposure_weight_picks_the_path_with_least_cost_plus_weighted_exposure(
    careers_with_figures,
):
    c = careers_with_figures
    t = c.taxonomy
    # Without retraining the cheapest paths have an intermediate role.
    base = {"retraining": False, "max_programs": 0}
    before = c.paths(START, TARGET, k=5, params=base)
    first, second = before[0].steps[0].target.label, before[1].steps[0].target.label
    assert len(before[0].steps) == 2 and first != second
    t.role_exposure[:] = 0.1
    t.role_exposure[_number(c, first)] = 0.9
    weight = 2.0

    def score(path):
        exposure = sum(t.role_exposure[_number(c, s.target.label)] for s in path.steps)
        return path.cost + weight * exposure

    try:
        weighted = c.paths(START, TARGET, k=1, params={**base, "exposure_weight": weight})[0]
        # 1.7 + 2 * (0.9 + 0.1) loses to the second path's cost + 2 * (0.1 + 0.1).
        assert _labels(weighted) == _labels(before[1])
        assert all(score(weighted) <= score(p) + 1e-9 for p in before)
        # The costs shown stay the model's: the same path costs the same.
        assert weighted.cost == pytest.approx(before[1].cost)
        # A weight of 0 changes nothing.
        same = c.paths(START, TARGET, k=5, params={**base, "exposure_weight": 0.0})
        assert [_labels(p) for p in same] == [_labels(p) for p in before]
    finally:
        t.role_exposure[:] = 0.3


def test_figures_reach_every_answer(careers_with_figures):
    c = careers_with_figures
    moves = c.next_steps(START, k=3)
    assert all(m.outlook is not None and m.outlook.wage == 50_000.0 for m in moves)
    d = moves[0].as_dict()["outlook"]
    assert d["exposure_band"] == "medium" and d["median_wage_change"] == 0.0
    path = c.paths(START, TARGET)[0]
    assert path.start_outlook is not None and path.outlook is not None
    assert path.as_dict()["outlook"]["median_wage"] == 50_000.0


def test_parameters_are_checked():
    with pytest.raises(skillgraph.InvalidParameter, match="wage_floor"):
        skillgraph.PathParams(wage_floor=-0.1)
    with pytest.raises(skillgraph.InvalidParameter, match="exposure_weight"):
        skillgraph.PathParams(exposure_weight=-1)
    # They are request-time rules: the transition graph is the same.
    assert skillgraph.PathParams(wage_floor=0.9).graph_key() == skillgraph.PathParams().graph_key()
