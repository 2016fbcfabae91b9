"""`skillgraph team plan` through the real console script, on the docs example."""

from __future__ import annotations

import csv
import io
import json

from ..helpers import ROOT
from .test_careers_cli import run

EXAMPLE = ROOT / "docs" / "team-example"
TEAM, DEMAND = str(EXAMPLE / "team.csv"), str(EXAMPLE / "demand.csv")


def test_text_json_and_csv():
    proc = run("team", "plan", TEAM, "--demand", DEMAND, "--budget", "20000")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Team plan: 25 people, 15 places in 8 needed roles")
    assert "Programs to buy (budget 20,000 EUR" in proc.stdout and "Mentors" in proc.stdout

    proc = run("team", "plan", TEAM, "--demand", DEMAND, "--json", "--mentor-cap", "1")
    data = json.loads(proc.stdout)
    assert data["summary"]["people"] == 25 and data["options"]["mentor_cap"] == 1
    assert len({m["mentor"] for m in data["mentors"]}) == len(data["mentors"])

    proc = run("team", "plan", TEAM, "--demand", DEMAND, "--format", "csv")
    lines = proc.stdout.splitlines()
    rows = list(csv.DictReader(io.StringIO("\n".join(x for x in lines if not x.startswith("#")))))
    assert len([r for r in rows if r["person"]]) == 25
    assert sum(r["plan"] == "hire" for r in rows) == sum(h["count"] for h in data["hires"])
    assert lines[-1].startswith("# skillgraph default taxonomy")

    proc = run("team", "plan", TEAM, "--demand", DEMAND, "--format", "cohorts-csv")
    assert proc.stdout.startswith("program,type,seats,people,skills,")


def test_bad_files_one_error_line_each(tmp_path):
    team = tmp_path / "team.csv"
    team.write_text("person,role\np1,data analist\np2,receptionist\np2,receptionist\n")
    demand = tmp_path / "demand.csv"
    demand.write_text("role,needed\nAI trainer,zero\n")
    proc = run("team", "plan", str(team), "--demand", str(demand))
    assert proc.returncode == 1 and proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"error: {team}:2: role: no role named 'data analist'")
    assert lines[1] == f"error: {team}:4: person: 'p2' is already on line 3"
    assert lines[2] == f"error: {demand}:2: needed: needed must be a whole number (got 'zero')"


def test_missing_file_and_bad_option():
    proc = run("team", "plan", "/nonexistent/team.csv", "--demand", DEMAND)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "error: /nonexistent/team.csv: No such file or directory"
    proc = run("team", "plan", TEAM, "--demand", DEMAND, "--budget", "-5")
    assert proc.returncode == 1 and proc.stderr.startswith("error: budget must be between")
