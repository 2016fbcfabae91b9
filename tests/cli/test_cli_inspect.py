"""`skillgraph stats | search | show` through the real console script."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SKILLGRAPH = Path(sys.executable).with_name("skillgraph")


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    merged = {**os.environ, **(env or {})}
    return subprocess.run(
        [str(SKILLGRAPH), *args], capture_output=True, text=True, env=merged, timeout=120
    )


@pytest.fixture
def store_path(tiny_store, tmp_path) -> str:
    return str(tmp_path / "tiny-store")


def test_stats_json(store_path):
    proc = run("stats", "--json", "--store", store_path)
    assert proc.returncode == 0, proc.stderr
    stats = json.loads(proc.stdout)
    assert stats["counts"]["roles"] == 3
    assert stats["counts"]["skills"] == 6


def test_stats_text_names_counts_fields_and_attribution(store_path):
    proc = run("stats", "--store", store_path)
    assert proc.returncode == 0, proc.stderr
    assert "roles" in proc.stdout and "administration" in proc.stdout
    assert "data quality:" in proc.stdout
    assert "Tiny example data, CC0." in proc.stdout


def test_store_from_the_environment(store_path):
    proc = run("search", "office", "--json", env={"SKILLGRAPH_STORE": store_path})
    assert proc.returncode == 0, proc.stderr
    assert [h["label"] for h in json.loads(proc.stdout)] == [
        "office clerk",
        "administrative assistant",
        "social media assistant",
    ]


def test_search_text(store_path):
    proc = run("search", "référencement", "--store", store_path)
    assert proc.returncode == 0, proc.stderr
    assert "SEO" in proc.stdout and "skill" in proc.stdout


def test_show(store_path):
    proc = run("show", "clerk", "--store", store_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("office clerk  [role]")
    assert "essential skill (2):" in proc.stdout
    assert "- typing" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "ofice clerk"], "no concept named 'ofice clerk'; did you mean: 'office clerk'"),
        (["show", "office assistant"], "names 2 concepts"),
        (["stats", "--store", "/nonexistent/store"], "no store here"),
    ],
)
def test_errors_are_one_clear_line_and_exit_1(store_path, args, message):
    if "--store" not in args:
        args = [*args, "--store", store_path]
    proc = run(*args)
    assert proc.returncode == 1
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
