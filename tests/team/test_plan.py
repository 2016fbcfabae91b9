"""Team plans on the built-in default taxonomy, from the docs example: every place filled,
costs from the career engine, budgets, mentor caps, hire-versus-train, no step downs."""

from __future__ import annotations

import csv
import json
import math
from collections import Counter

import pytest

import skillgraph
from skillgraph.team import PlanOptions, plan_files
from skillgraph.team.results import ALREADY_THERE

from ..helpers import ROOT

EXAMPLE = ROOT / "docs" / "team-example"


@pytest.fixture(scope="module")
def graph():
    return skillgraph.open()


def _rows() -> list[dict[str, str]]:
    text = (EXAMPLE / "team.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def _plan(graph, **options):
    return plan_files(
        graph,
        (EXAMPLE / "team.csv").read_bytes(),
        (EXAMPLE / "demand.csv").read_bytes(),
        PlanOptions(**options),
    )


def test_every_place_is_filled_once_at_the_engines_costs(graph):
    plan = _plan(graph)
    demand = {"digital marketing specialist": 3, "social media coordinator": 1,
              "content marketing specialist": 2, "customer support specialist": 2,
              "customer success manager": 2, "account manager": 1,
              "machine-learning engineer": 3, "AI trainer": 1}  # fmt: skip
    filled = Counter(m.target.label for m in plan.moves)
    for h in plan.hires:
        filled[h.role.label] += h.count
    assert filled == demand
    people = [m.person for m in plan.moves] + [p for p, _ in plan.unplaced]
    assert len(people) == len(set(people)) == 25
    unit = plan.summary["cost_unit_eur"]
    assert unit == 40 * 1000
    skills = {row["person"]: [s for s in row["skills"].split(";") if s] for row in _rows()}
    for m in plan.moves:
        if m.kind == ALREADY_THERE:
            assert m.source == m.target and m.effort_eur == 0
            continue
        path = graph.career_paths(m.source.uri, m.target.uri, k=1, have=skills[m.person])[0]
        assert m.cost == pytest.approx(path.cost)
        assert m.effort_eur == pytest.approx(m.cost * unit)
        assert m.hours == path.hours and m.weeks == pytest.approx(m.hours / m.hours_per_week)
    assert plan.summary["objective_eur"] <= plan.summary["greedy_objective_eur"] + 1e-6
    total = plan.summary["effort_eur"] + plan.summary["hire_eur"]
    assert plan.summary["plan_eur"] == pytest.approx(total)
    json.dumps(plan.as_dict())


def test_the_seed_cases_show(graph):
    moves = {m.person: m for m in _plan(graph).moves}
    assert moves["adm-01"].target.label == "digital marketing specialist"
    assert moves["adm-01"].wish_granted and moves["adm-01"].kind == "reskilling"
    assert moves["tec-01"].target.label == "customer success manager"
    assert moves["ana-04"].target.label == "machine-learning engineer"
    assert moves["ana-04"].kind == "upskilling" and moves["ana-04"].mentor == "lead-03"


@pytest.mark.parametrize("budget", [0.0, 3000.0, 20000.0])
def test_programs_stay_within_the_budget_and_more_money_covers_more(graph, budget):
    plan = _plan(graph, budget=budget)
    bigger = _plan(graph, budget=budget * 2 + 1000)
    assert plan.summary["programs_eur"] <= budget + 1e-6
    cohort_cost = sum(c.cost_each * len(c.people) for c in plan.cohorts)
    assert cohort_cost == pytest.approx(plan.summary["programs_eur"])
    assert bigger.summary["covered_weight"] >= plan.summary["covered_weight"] - 1e-9
    unlimited = _plan(graph)
    assert unlimited.summary["covered_weight"] == pytest.approx(
        unlimited.summary["coverable_weight"]
    )


@pytest.mark.parametrize("cap", [0, 1, 2])
def test_mentor_caps(graph, cap):
    plan = _plan(graph, mentor_cap=cap)
    per_mentor = Counter(m.mentor for m in plan.mentors)
    assert all(n <= cap for n in per_mentor.values())
    moving = {m.person for m in plan.moves if m.kind != ALREADY_THERE}
    assert {m.mentee for m in plan.mentors} <= moving
    assert not ({m.mentor for m in plan.mentors} & moving)
    if cap:
        assert plan.mentors


def test_cheap_hires_replace_training_and_dear_ones_train_everyone_who_can(graph):
    team = "person,role\na,data analyst\nb,administrative assistant\n"
    cheap = plan_files(
        graph, team, "role,needed,hire_cost\nAI trainer,1,100\nSEO specialist,1,100\n"
    )
    assert [h.count for h in cheap.hires] == [1, 1] and cheap.summary["moves"] == 0
    dear = plan_files(graph, team, "role,needed\nAI trainer,1\nSEO specialist,1\n",
                      PlanOptions(hire_eur=1e7))  # fmt: skip
    assert dear.summary["hires"] == 0
    assert {(m.person, m.target.label) for m in dear.moves} == {
        ("a", "AI trainer"),
        ("b", "SEO specialist"),
    }


def test_no_step_down_unless_wished_or_allowed(graph):
    team = "person,role,wish\nboss,digital marketing manager,\n"
    demand = "role,needed,hire_cost\ndigital marketing specialist,1,1000000\n"
    kept = plan_files(graph, team, demand)
    assert kept.summary["hires"] == 1 and kept.summary["moves"] == 0
    allowed = plan_files(graph, team, demand, PlanOptions(step_down=True))
    assert allowed.summary["moves"] == 1
    wished = plan_files(graph, team.replace(",\n", ",digital marketing specialist\n"), demand)
    assert wished.summary["moves"] == 1 and wished.moves[0].wish_granted


def test_unreachable_needs_are_hired(graph):
    # A person with no path anywhere useful still leaves every place filled.
    plan = plan_files(graph, "person,role\nx,receptionist\n", "role,needed\nhead of data,2\n",
                      PlanOptions(hire_eur=1.0))  # fmt: skip
    assert plan.summary["hires"] == 2 and math.isclose(plan.summary["hire_eur"], 2.0)
