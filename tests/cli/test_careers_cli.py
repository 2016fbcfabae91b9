"""`skillgraph path | next | whatif` through the real console script.

Uses the hand-written careers fixture (see tests/test_careers.py for the arithmetic) and
the built-in default taxonomy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from skillgraph.store import build_store

from ..helpers import FIXTURES, load_turtle

SKILLGRAPH = Path(sys.executable).with_name("skillgraph")
#: The simple parameters of tests/test_careers.py, as flags.
SIMPLE = [
    "--size-prior", "0", "--reuse-weight", "0", "--optional-weight", "0.5",
    "--reskilling-penalty", "2", "--moves-per-role", "10",
    # The job-move model alone, as in tests/helpers.JOB_MOVES_ONLY.
    "--no-retraining", "--fit-moves", "0", "--job-hours-unit", "inf", "--no-next-by-fit",
    "--field-min-cosine", "0", "--one-field-cosine", "2",
]  # fmt: skip


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SKILLGRAPH_STORE"}
    return subprocess.run(
        [str(SKILLGRAPH), *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("careers-cli") / "store"
    build_store(path, load_turtle(FIXTURES / "careers.ttl"))
    return str(path)


def test_path_table(store):
    proc = run("path", "office clerk", "digital marketer", "--store", store, *SIMPLE)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "path 1: office clerk -> social media assistant -> digital marketer" in out
    assert "path 2: office clerk -> office manager -> digital marketer" in out
    assert "2 of 3 match" in out  # clerk -> social media assistant
    assert "online advertising*, SEO*, spreadsheets" in out
    assert "total: 2 steps, cost 1.725, 1 reskilling, 115 hours of learning" in out
    assert "spreadsheet course; marketing bootcamp" in out
    assert "touch typing course" not in out.split("path 2")[0]
    assert "Careers example data, CC0." in out


def test_path_json_and_constraints(store):
    proc = run(
        "path", "office clerk", "data analyst", "--max-steps", "2", "--k", "1", "--json",
        "--store", store, *SIMPLE,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    (path,) = data["paths"]
    assert [s["target"]["label"] for s in path["steps"]] == ["data entry clerk", "data analyst"]
    assert path["cost"] == pytest.approx(1.4 + 0.1 + 1.5 / 3.5)
    assert path["steps"][0]["kind"] == "reskilling"
    assert data["sources"][0]["attribution"] == "Careers example data, CC0."


def test_path_from_skills_only(store):
    proc = run(
        "path", "-", "digital marketer", "--have", "social media", "--have", "copywriting",
        "--k", "1", "--store", store, *SIMPLE,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "path 1: your skills -> digital marketer" in proc.stdout


def test_path_avoid_and_start_is_target(store):
    proc = run(
        "path", "office clerk", "digital marketer", "--avoid", "social media assistant",
        "--k", "1", "--store", store, *SIMPLE,
    )  # fmt: skip
    assert "office clerk -> office manager -> digital marketer" in proc.stdout
    proc = run("path", "office clerk", "office clerk", "--store", store)
    assert proc.returncode == 0
    assert "already in the target role" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["path", "office clerk", "digital marketer", "--max-reskilling", "0"],
            "error: no path from 'office clerk' to 'digital marketer': reachable with 1 "
            "reskilling step, but max_reskilling=0",
        ),
        (["path", "office clerk", "astronomer", *SIMPLE], "no chain of viable moves leads there"),
        (["path", "ofice clerk", "astronomer"], "did you mean: 'office clerk'"),
        (["next", "-"], "give a start role, or the skills you have"),
        (["next", "office clerk", "--min-overlap", "3"], "min_overlap must be between 0 and 1"),
        (["whatif", "office clerk"], "give skills to learn or programs to take"),
    ],
)
def test_errors_are_one_line_never_a_traceback(store, args, message):
    proc = run(*args, "--store", store)
    assert proc.returncode == 1
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_next_table_and_json(store):
    proc = run("next", "office clerk", "--k", "3", "--store", store, *SIMPLE)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[2].split()[1:3] == ["administrative", "assistant"]
    row = next(line for line in lines if "social media assistant" in line)
    assert row.split()[4:8] == ["reskilling", "1.000", "2", "of"]
    proc = run("next", "office clerk", "--k", "2", "--json", "--store", store, *SIMPLE)
    moves = json.loads(proc.stdout)["moves"]
    assert [m["role"]["label"] for m in moves] == ["administrative assistant", "office manager"]


def test_whatif(store):
    proc = run("whatif", "office clerk", "--learn", "SQL", "--store", store, *SIMPLE)
    assert proc.returncode == 0, proc.stderr
    assert "newly reachable:" in proc.stdout and "data analyst" in proc.stdout
    assert "data entry clerk  1.400        1.000       -0.400" in proc.stdout
    proc = run(
        "whatif", "office clerk", "--program", "social media course", "--json",
        "--store", store, *SIMPLE,
    )  # fmt: skip
    data = json.loads(proc.stdout)
    assert [m["role"]["label"] for m in data["newly_reachable"]] == ["digital marketer"]


def test_whatif_from_skills_alone_and_with_a_skill_already_had():
    proc = run("whatif", "-", "--learn", "SQL")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("from your skills, after learning SQL:")
    assert "newly reachable:" in proc.stdout and "junior data analyst" in proc.stdout
    proc = run("whatif", "data analyst", "--learn", "SQL")
    assert proc.returncode == 0, proc.stderr
    assert "(data analyst already has SQL: learning it changes nothing)" in proc.stdout


def test_default_taxonomy_issue_examples():
    proc = run(
        "path", "administrative assistant", "digital marketing specialist", "--k", "3",
        "--max-reskilling", "1",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("path ") >= 1
    assert "-> digital marketing specialist" in proc.stdout
    proc = run("next", "data analyst", "--k", "10", "--json")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["moves"]) == 10
    proc = run(
        "whatif", "customer service representative", "--learn", "SQL", "--learn",
        "data visualisation",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "after learning SQL, data visualisation" in proc.stdout
