"""The real ESCO data on a real Virtuoso, with its stock row cap of 10,000, answers as the
local store it was dumped from (skipped when ../shared/data is absent).

ESCO has 450,952 triples and 123,788 requirements: every large read crosses the cap many
times, so this is where paging is really exercised.
"""

from __future__ import annotations

import random

import pytest

import skillgraph
from skillgraph.errors import SkillgraphError

from . import virtuoso as vt
from .helpers import load_into_virtuoso, run, run_json, start_virtuoso


@pytest.fixture(scope="module")
def stock_virtuoso(_local_cache, tmp_path_factory):
    running = start_virtuoso(tmp_path_factory, vt.STOCK_MAX_ROWS)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def esco_url(stock_virtuoso, esco_store_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("esco-dump")
    return load_into_virtuoso(stock_virtuoso, str(esco_store_path), folder, "esco")


@pytest.fixture(scope="module")
def esco_virtuoso(esco_url):
    return skillgraph.open(esco_url)


def _stats(graph) -> dict:
    return {k: v for k, v in graph.stats().items() if k != "store"}


def test_esco_stats_search_show_equal(esco_virtuoso, esco_graph):
    assert len(esco_virtuoso.store) == len(esco_graph.store) > 40 * vt.STOCK_MAX_ROWS
    assert _stats(esco_virtuoso) == _stats(esco_graph)
    assert _stats(esco_virtuoso)["counts"]["requirements"] > 10 * vt.STOCK_MAX_ROWS
    for text in ("data analyst", "nurse", "welding"):
        assert esco_virtuoso.search(text) == esco_graph.search(text)
    for label in ("data analyst", "accountant", "chef"):
        assert esco_virtuoso.show(label) == esco_graph.show(label)


def test_esco_next_steps_and_paths_equal(esco_virtuoso, esco_graph):
    uris = esco_graph.taxonomy.role_uris
    assert esco_virtuoso.taxonomy.role_uris == uris
    rng = random.Random(7)
    sample = rng.sample(range(len(uris)), 40)
    for i in sample:
        assert esco_virtuoso.next_steps(uris[i], k=5) == esco_graph.next_steps(uris[i], k=5)
    found = 0
    for a, b in zip(sample[::2], sample[1::2], strict=True):
        try:
            expected = esco_graph.career_paths(uris[a], uris[b], k=3)
        except SkillgraphError:
            continue
        found += 1
        assert esco_virtuoso.career_paths(uris[a], uris[b], k=3) == expected
    assert found > 0


def test_esco_commands_equal(esco_url, esco_store_path, esco_virtuoso):
    # The library fixture built the cache: these runs read it, as a second user would.
    for args in (
        ["search", "data analyst"],
        ["show", "data analyst", "--json"],
        ["path", "software developer", "data scientist", "--json"],
        ["next", "software developer", "--json"],
    ):
        remote, here = run(*args, "--store", esco_url), run(*args, "--store", str(esco_store_path))
        assert (remote.returncode, remote.stdout, remote.stderr) == (
            here.returncode,
            here.stdout,
            here.stderr,
        ), args
    stats = run_json("stats", "--store", esco_url)
    assert stats["counts"] == run_json("stats", "--store", str(esco_store_path))["counts"]


def test_esco_export_equal(esco_url, esco_store_path, tmp_path):
    # The whole graph, 46 pages of 10,000 rows.
    lines = []
    for name, where in (("remote", esco_url), ("here", str(esco_store_path))):
        out = tmp_path / f"{name}.nt"
        proc = run("export", "--format", "ntriples", "-o", str(out), "--store", where)
        assert proc.returncode == 0, proc.stderr
        text = out.read_text(encoding="utf-8")
        assert "_:" not in text  # no blank nodes: equal as sets of lines is equal as RDF
        lines.append(set(text.splitlines()))
    assert len(lines[0]) > 450_000
    assert lines[0] == lines[1]


def test_esco_construct_beyond_the_cap_fails_in_one_line(esco_url):
    proc = run(
        "sparql",
        "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t }",
        "--format",
        "ntriples",
        "--store",
        esco_url,
    )
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert f"ResultSetMaxRows = {vt.STOCK_MAX_ROWS}" in lines[0]
