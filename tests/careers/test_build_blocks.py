"""The transition graph is built a block of target roles at a time (``careers.build``)
and the level shortfall a block of rated roles at a time (issue 17): any block size gives
the graph of one block over all roles, bit for bit, on random taxonomies (zero weights,
rated levels, ties) and on real ESCO data.  (That one block is the model's graph is what
the oracle tests in test_transitions.py and test_careers_pruned.py check.)"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillgraph
from skillgraph.careers import CareerModel, PathParams
from skillgraph.careers.build import build_transitions
from skillgraph.careers.requirements import level_shortfall, requirements

from .test_transitions import params_strategy, random_taxonomies

FIELDS = ("indptr", "indices", "cost", "reskill", "in_threshold")


def same_graph(a, b) -> None:
    for name in FIELDS:
        assert np.array_equal(getattr(a, name), getattr(b, name)), name


@settings(max_examples=300, deadline=None)
@given(
    random_taxonomies(),
    params_strategy,
    st.integers(1, 40),
    st.sampled_from([None, 0.0]),
    st.booleans(),
)
def test_any_block_size_gives_the_same_graph(t, p, block_pairs, optional, retraining):
    if optional is not None:
        p = dataclasses.replace(p, optional_weight=optional)
    p = dataclasses.replace(p, retraining=retraining)
    model = CareerModel(t, p)
    pairs = model.fits.pairs()
    whole = build_transitions(model.req, p, pairs, block_pairs=10**12)
    same_graph(build_transitions(model.req, p, pairs, block_pairs=block_pairs), whole)
    same_graph(model.graph, whole)


@settings(max_examples=200, deadline=None)
@given(random_taxonomies(), params_strategy, st.data())
def test_level_shortfall_by_blocks_is_the_same(t, p, data):
    req = requirements(t, dataclasses.replace(p, use_levels=True))
    n = t.n_roles
    pairs = st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=20)
    chosen = data.draw(pairs)
    target = np.array([a for a, _ in chosen], dtype=np.int64)
    source = np.array([b for _, b in chosen], dtype=np.int64)
    whole = level_shortfall(req, target, source, block_bytes=2**40)
    assert np.array_equal(level_shortfall(req, target, source, block_bytes=1), whole)
    # The plain definition: the sum over skills rated on both sides.
    if req.levels is not None:
        for i, (a, b) in enumerate(chosen):
            want = 0.0
            skills_a, weights_a, _ = req.entries_of(a)
            levels_a, levels_b = req.levels_of(a), req.levels_of(b)
            skills_b = list(req.skills_of(b))
            for s, w, level in zip(skills_a, weights_a, levels_a, strict=True):
                if s in skills_b and np.isfinite(level):
                    other = levels_b[skills_b.index(s)]
                    if np.isfinite(other):
                        want += w * max(0.0, 1.0 - other / level)
            assert whole[i] == pytest.approx(want, abs=1e-12)


def test_default_taxonomy_in_small_blocks():
    g = skillgraph.open()
    for params in (PathParams(), PathParams(retraining=False)):
        model = g.careers.model(params)
        same_graph(build_transitions(model.req, params, model.fits.pairs(), 5_000), model.graph)


def test_esco_in_small_blocks(esco_graph):
    model = esco_graph.careers.model()
    blocked = build_transitions(model.req, model.params, model.fits.pairs(), 200_000)
    same_graph(blocked, model.graph)
