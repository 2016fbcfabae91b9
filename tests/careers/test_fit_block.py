"""Rows of the fit are computed without dense temporaries (``careers.fitblock``, issue
17): every value is the plain dense formula's (``fit._rows``, the oracle) bit for bit --
on random taxonomies under each profile, on the default taxonomy (which rates seniority:
a level penalty) and on real ESCO roles (ISCO levels, occupation groups, words); and the
k-th smallest cost per group the graph build takes is the plain definition's."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import skillgraph
from skillgraph.careers.build import _kth_smallest
from skillgraph.careers.fit import PROFILES, _rows, fit_parts
from skillgraph.careers.fitblock import block_rows

from .test_transitions import random_taxonomies


def same_rows(parts, rows) -> None:
    rows = np.asarray(rows, dtype=np.int64)
    fast, plain = block_rows(parts, rows), _rows(parts, rows)
    assert fast.dtype == plain.dtype == np.float32
    assert fast.tobytes() == plain.tobytes()


@settings(max_examples=300, deadline=None)
@given(random_taxonomies(), st.sampled_from(sorted(PROFILES)), st.data())
def test_random_taxonomies_bit_for_bit(t, profile, data):
    empty = np.array(data.draw(st.lists(st.booleans(), min_size=t.n_roles, max_size=t.n_roles)))
    parts = fit_parts(t, PROFILES[profile], empty)
    rows = data.draw(st.lists(st.integers(0, t.n_roles - 1), max_size=12))
    same_rows(parts, rows)


def test_default_taxonomy_bit_for_bit():
    t = skillgraph.open().taxonomy
    for name, profile in PROFILES.items():
        parts = fit_parts(t, profile)
        if name == "skills":
            assert np.ptp(parts.level) > 0  # the level penalty is exercised
        same_rows(parts, np.arange(t.n_roles))


def test_esco_bit_for_bit(esco_graph):
    t = esco_graph.taxonomy
    rng = np.random.default_rng(17)
    for name in ("esco", "skills"):
        parts = fit_parts(t, PROFILES[name])
        same_rows(parts, rng.choice(t.n_roles, 400, replace=False))
        same_rows(parts, np.arange(150))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.sampled_from([0.5, 1.0, 1.5, 2.0, 7.25]))),
    st.integers(1, 4),
)
def test_kth_smallest_is_the_plain_definition(entries, k):
    group = np.array([g for g, _ in entries], dtype=np.int64)
    cost = np.array([c for _, c in entries], dtype=np.float64)
    got = _kth_smallest(group, cost, 6, k)
    for g in range(6):
        mine = sorted(c for h, c in entries if h == g)
        assert got[g] == (mine[k - 1] if len(mine) >= k else np.inf)
