"""The real ESCO data on an Oxigraph server answers as the embedded store does (skipped
when ../shared/data is absent)."""

from __future__ import annotations

import random

import pytest

import skillgraph
from skillgraph.errors import SkillgraphError

from ..conftest import ESCO_DIR


@pytest.fixture(scope="module")
def esco_remote(server):
    if not (ESCO_DIR / "occupations_en.csv").is_file():
        pytest.skip(f"real ESCO data not found at {ESCO_DIR} (../shared/data is absent)")
    from skillgraph.formats.esco import import_esco

    import_esco(ESCO_DIR, server.url)
    return skillgraph.open(server.url)


def _stats(graph) -> dict:
    return {k: v for k, v in graph.stats().items() if k not in ("store", "content_id")}


def test_esco_stats_search_show_equal(esco_remote, esco_graph):
    assert _stats(esco_remote) == _stats(esco_graph)
    for text in ("data analyst", "nurse", "welding"):
        assert esco_remote.search(text) == esco_graph.search(text)
    for label in ("data analyst", "accountant", "chef"):
        assert esco_remote.show(label) == esco_graph.show(label)


def test_esco_next_steps_and_paths_equal(esco_remote, esco_graph):
    uris = esco_graph.taxonomy.role_uris
    rng = random.Random(7)
    sample = rng.sample(range(len(uris)), 40)
    for i in sample:
        assert esco_remote.next_steps(uris[i], k=5) == esco_graph.next_steps(uris[i], k=5)
    found = 0
    for a, b in zip(sample[::2], sample[1::2], strict=True):
        try:
            expected = esco_graph.career_paths(uris[a], uris[b], k=3)
        except SkillgraphError:
            continue
        found += 1
        assert esco_remote.career_paths(uris[a], uris[b], k=3) == expected
    assert found > 0
    assert esco_remote.career_paths("shop assistant", "retail department manager", k=3) == (
        esco_graph.career_paths("shop assistant", "retail department manager", k=3)
    )
