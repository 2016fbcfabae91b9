"""scripts/bench_levers.py: its pieces on hand-made data, and a run on real ESCO."""

from __future__ import annotations

import importlib.util
import re
import sys

import numpy as np
import pytest

from .helpers import ROOT, SHARED_DATA

sys.path.insert(0, str(ROOT / "scripts"))
_spec = importlib.util.spec_from_file_location("bench_levers", ROOT / "scripts" / "bench_levers.py")
levers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(levers)


def test_precision_skips_then_counts_relevant_in_the_top_ten():
    n = 12
    scores = np.tile(np.arange(n, 0, -1, dtype=float), (n, 1))  # role 0 best, then 1, ...
    skip = np.eye(n, dtype=bool)
    skip[0, 1] = True  # role 1 is skipped for start 0: its place goes to role 11
    relevant = [{1, 2, 11}] + [set() for _ in range(n - 1)]
    assert levers.precision(scores, np.array([0]), skip, relevant) == pytest.approx(0.2)


def test_mobility_prior_favours_the_groups_the_reference_moves_into():
    groups = ["a", "a", "b", "b", "c", "c"]
    n = len(groups)
    skip = np.eye(n, dtype=bool)
    relevant = [{2, 3}, {2}, set(), set(), set(), set()]
    prior = levers.mobility_prior(groups, [0, 1], relevant, skip)
    assert prior[0, 2] > 0 > prior[0, 4]  # group a moves to b, never to c
    assert prior[2, 4] == pytest.approx(0.0)  # no training start in group b: no opinion


def test_skips_cleanly_without_the_real_data(monkeypatch, capsys):
    monkeypatch.setattr(levers.bq, "CHANGERS", ROOT / "no-such-folder" / "matrix.tsv")
    assert levers.main([]) == 0
    assert "skipped" in capsys.readouterr().out


def test_real_esco_run_prints_every_lever(esco_store_path, capsys):
    if not levers.bq.CHANGERS.exists() or not levers.bq.CROSSWALK.exists():
        pytest.skip(f"career changers / crosswalk not found under {SHARED_DATA}")
    assert levers.run(str(esco_store_path), heldout=False) == 0
    out = capsys.readouterr().out
    model = float(re.search(r"the model \(fit\)\s+([\d.]+)", out).group(1))
    baseline = float(re.search(r"best baseline: \S+\s+([\d.]+)", out).group(1))
    assert 0.3 < baseline < model < 0.6
    for name in ("skills LSA", "words LSA", "start's group", "mobility prior (minor)", "variety"):
        line = next(x for x in out.splitlines() if x.startswith(name))
        assert re.search(r"\d\.\d{4} \([+-]\d\.\d{4}\)", line), line
