"""The plan as CSV: one row per person and per hire, cells defused for spreadsheets."""

from __future__ import annotations

import csv
import io

import skillgraph
from skillgraph.team import PLAN_COLUMNS, cohort_rows, plan_files, plan_rows, to_csv


def test_rows_per_person_and_hire_and_formulas_defused():
    graph = skillgraph.open()
    team = 'person,role\n=HYPERLINK("x"),data analyst\n+1,receptionist\n@me,HR assistant\n'
    demand = "role,needed,hire_cost\nAI trainer,1,\ndata engineer,2,1\n"
    plan = plan_files(graph, team, demand)
    text = to_csv(PLAN_COLUMNS, plan_rows(plan), plan.attribution)
    rows = list(csv.DictReader(io.StringIO("\n".join(
        line for line in text.splitlines() if not line.startswith("#")))))  # fmt: skip
    people = {r["person"]: r for r in rows if r["person"]}
    assert set(people) == {'\'=HYPERLINK("x")', "'+1", "'@me"}
    assert [r["target_role"] for r in rows if r["plan"] == "hire"] == ["data engineer"] * 2
    moved = [r for r in rows if r["plan"] == "move"]
    assert len(moved) == 1 and moved[0]["target_role"] == "AI trainer"
    assert moved[0]["path"].startswith("data analyst > ")
    assert moved[0]["missing_skills"] and float(moved[0]["learning_hours"]) > 0
    assert all(r["hire_eur"] == "1" for r in rows if r["plan"] == "hire")
    assert all(len(row) == len(PLAN_COLUMNS) for row in plan_rows(plan))
    assert {r["plan"] for r in rows} == {"move", "no change", "hire"}
    assert text.splitlines()[-1].startswith("# skillgraph default taxonomy")
    for row in cohort_rows(plan):
        assert int(row[2]) == len(row[3].split("; "))
