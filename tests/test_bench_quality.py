"""scripts/bench_quality.py: its metrics on hand-made rankings, and a smoke run on real data."""

from __future__ import annotations

import doctest
import importlib.util
import math
import sys

import numpy as np
import pytest
import scipy.sparse as sp

from .helpers import ROOT, SHARED_DATA


def _load():
    # One module object: scripts/bench_levers.py imports it by name too, and doctest only
    # finds the functions of the module that sys.modules holds under their name.
    if "bench_quality" in sys.modules:
        return sys.modules["bench_quality"]
    spec = importlib.util.spec_from_file_location(
        "bench_quality", ROOT / "scripts" / "bench_quality.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_quality"] = module
    spec.loader.exec_module(module)
    return module


bench = _load()


def test_doctests_pass():
    failed, attempted = doctest.testmod(bench)
    assert attempted > 0
    assert failed == 0


def test_judged_list_skips_then_cuts():
    # 7 and 8 share an O*NET code with the start: removed before cutting to 3.
    assert bench.judged([7, 1, 8, 2, 3, 4], skip={7, 8}, k=3) == [1, 2, 3]


def test_metrics_on_a_hand_made_ranking():
    items = [1, 2, 3, 4]  # 4 next steps only; relevant: 2 and 4 (and 9, never offered)
    relevant = {2, 4, 9}
    assert bench.precision_at_k(items, relevant, k=10) == 0.2  # empty places are misses
    assert bench.precision_at_k(items, relevant, k=2) == 0.5
    assert bench.hit_at_k(items, relevant, k=1) == 0.0
    assert bench.hit_at_k(items, relevant, k=2) == 1.0
    dcg = 1 / math.log2(3) + 1 / math.log2(5)
    ideal = 1 + 1 / math.log2(3) + 1 / math.log2(4)
    assert bench.ndcg_at_k(items, relevant, k=10) == pytest.approx(dcg / ideal)
    assert bench.ndcg_at_k([1, 2], set(), k=10) == 0.0


def test_summary_averages_over_roles_and_counts_coverage():
    lists = [[1, 2], [5]]
    result = bench.summarise(lists, raw_lengths=[10, 1], relevant=[{2}, {6}], k=2)
    expected = {"precision": 0.25, "hit": 0.5, "ndcg": 0.5 / math.log2(3)}
    expected["coverage"] = 0.5
    assert {k: v for k, v in result.items() if k != "reached"} == pytest.approx(expected)
    assert math.isnan(result["reached"])  # no codes given


def test_reached_counts_each_reference_occupation_once():
    # Three roles of occupation A in the list reach one occupation, not three.
    codes_of = [{"A"}, {"A"}, {"A"}, {"B"}, {"X"}]
    assert bench.occupations_reached([0, 1, 2], codes_of, {"A", "B"}) == 1
    assert bench.occupations_reached([0, 3, 4], codes_of, {"A", "B"}) == 2
    assert bench.occupations_reached([], codes_of, {"A"}) == 0
    result = bench.summarise([[0, 1], [3]], [10, 10], [{0, 1}, {3}], k=2, reached=[1, 1])
    assert result["precision"] == 0.75
    assert result["reached"] == 1.0


def test_references_skip_pairs_that_share_an_onet_code():
    # roles 0 and 1 both map to A; A's people move to B (role 2) and to A itself.
    onet_of = [{"A"}, {"A"}, {"B"}, set()]
    relevant, skip = bench.references(onet_of, {"A": {"B", "A"}, "B": {"C"}})
    assert relevant == [{2}, {2}, set(), set()]
    assert skip[0] == {0, 1}
    assert skip[3] == {3}


def test_baselines_on_a_tiny_matrix():
    m = sp.csr_matrix(np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 0.0, 1.0]]))
    jac = bench.jaccard_scores(m)
    assert jac[0, 1] == pytest.approx(1 / 3)
    assert jac[0, 2] == 0.0
    cos = bench.cosine_scores(m)
    assert cos[1, 2] == pytest.approx(1 / math.sqrt(2))
    boosted = bench.group_boosted(cos, ["x", "y", "y"])
    assert bench.ranked(boosted[1], exclude={1}, k=2) == [2, 0]
    assert bench.ranked(cos[0], exclude={0}, k=5) == [1, 2]


def test_skips_cleanly_without_the_real_data(monkeypatch, capsys):
    monkeypatch.setattr(bench, "CHANGERS", ROOT / "no-such-folder" / "matrix.tsv")
    assert bench.main(["--taxonomy", "esco"]) == 0
    assert "skipped" in capsys.readouterr().out


def test_real_esco_smoke(esco_store_path):
    if not bench.CHANGERS.exists() or not bench.CROSSWALK.exists():
        pytest.skip(f"career changers / crosswalk not found under {SHARED_DATA}")
    result = bench.evaluate("esco", str(esco_store_path), ["dev"])
    assert result["_counts"]["evaluated"] > 2000
    dev = result["dev"]
    assert 1000 < dev["roles"] < result["_counts"]["evaluated"]
    rankers = dev["rankers"]
    assert set(rankers) == {"ours", *bench.BASELINES}
    assert rankers["random"]["precision"] < rankers["cosine"]["precision"]
    for metrics in rankers.values():
        assert all(0.0 <= metrics[m] <= 1.0 for m in ("precision", "hit", "ndcg", "coverage"))
        assert 0.0 <= metrics["reached"] <= 10.0


def test_real_esco_linked_to_onet(linked_store_path):
    """In a store of ESCO + O*NET + crosswalk, every ranker ranks ESCO roles only, and
    the library's next steps beat the best plain baseline by more than 15% on the held-out
    half, in precision and in distinct occupations reached (README "Career paths")."""
    if not bench.CHANGERS.exists():
        pytest.skip(f"career changers not found under {SHARED_DATA}")
    import skillgraph

    g = skillgraph.open(linked_store_path)
    codes = bench.role_codes(g)
    onet_roles = {uri for uri, c in zip(g.taxonomy.role_uris, codes, strict=True) if "-" in c}
    assert len(onet_roles) > 900
    steps = g.next_steps("data analyst", k=20)
    assert len(steps) == 20 and not {m.role.uri for m in steps} & onet_roles
    result = bench.evaluate("esco-linked", str(linked_store_path), ["heldout"])
    assert result["_counts"]["evaluated"] > 2000
    rankers = result["heldout"]["rankers"]
    for metric in ("precision", "reached"):
        best = max(rankers[b][metric] for b in bench.BASELINES)
        assert rankers["ours"][metric] > 1.15 * best, metric
