"""``skillgraph sparql`` through the real CLI entry point, and the worker limits it relies on."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest

from skillgraph.cli import main
from skillgraph.sparql.examples import example
from skillgraph.store import open_store


def test_example_by_name_as_csv(default_store_path, capsys):
    assert main(["sparql", "skill-gap", "--store", str(default_store_path), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    expected = [
        [s["skill"].value, s["skillLabel"].value]
        for s in open_store(default_store_path).ox.query(
            example("skill-gap").query, use_default_graph_as_union=True
        )
    ]
    assert rows[0] == ["skill", "skillLabel"]
    assert rows[1:] == expected and expected


def test_query_from_file_and_stdin(default_store_path, tmp_path, capsys, monkeypatch):
    path = tmp_path / "q.rq"
    path.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert main(["sparql", f"@{path}", "--store", str(default_store_path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"head": {}, "boolean": True}
    monkeypatch.setattr("sys.stdin", io.StringIO("SELECT ?s WHERE { ?s ?p ?o } LIMIT 7"))
    assert main(["sparql", "-", "--store", str(default_store_path)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 2 + 7  # header, rule, rows
    assert "(7 rows)" in captured.err


def test_update_and_timeout_are_errors(default_store_path, capsys):
    assert main(["sparql", "DROP ALL", "--store", str(default_store_path)]) == 1
    assert "read-only" in capsys.readouterr().err
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    assert main(["sparql", slow, "--store", str(default_store_path), "--timeout", "1"]) == 1
    assert "was stopped" in capsys.readouterr().err


def test_row_cap_warns(default_store_path, capsys):
    args = ["sparql", "SELECT * WHERE { ?s ?p ?o }", "--store", str(default_store_path)]
    assert main([*args, "--format", "tsv", "--max-rows", "3"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 1 + 3
    assert "first 3 rows" in captured.err


def test_memory_hungry_query_is_stopped_and_the_runner_recovers(default_store_path):
    from skillgraph.sparql import QueryOutOfMemory, QueryRunner

    runner = QueryRunner(str(default_store_path), size=1, timeout=60, memory_mb=900)
    try:
        started = time.monotonic()
        with pytest.raises(QueryOutOfMemory, match="900 MB"):
            runner.run("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?f ?i")
        assert time.monotonic() - started < 60
        assert runner.run("ASK { ?s ?p ?o }").body == b'{"head":{},"boolean":true}'
    finally:
        runner.close()
