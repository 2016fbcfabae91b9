"""The engine keeps each role's best fits sparse (``careers.best_fits``) instead of the
dense roles x roles fit (issue 17).  The oracle is the dense fit (``fit.fit_matrix``,
which the engine never builds): the same best-fit pairs and cuts, the same rows, and
the same next steps, on the default taxonomy and on a sample of real ESCO roles -- for
a k the kept fits answer and for a k beyond them (a computed row)."""

from __future__ import annotations

import random

import numpy as np
import pytest

import skillgraph
from skillgraph.careers import CareerModel, PathParams
from skillgraph.careers.best_fits import KEEP, best_fits
from skillgraph.careers.fit import best_cut, fit_matrix, fit_parts, fit_rows


def dense(model: CareerModel) -> np.ndarray:
    fit = fit_matrix(model.taxonomy, model.profile)
    fit[:, model.req.totals <= 0] = -np.inf
    return fit


def dense_next_steps(model: CareerModel, fit: np.ndarray, role: int, k: int):
    """Next steps restated over the dense fit row: (role, fit) pairs."""
    start = model.start_for(role)
    row = model.row(start)
    training = row.training if row.training is not None else np.full(len(row.cost), np.inf)
    reachable = row.viable | np.isfinite(training)
    reachable[role] = False
    idx = np.flatnonzero(reachable & np.isfinite(fit[role]))
    cost = np.minimum(np.where(row.viable, row.cost, np.inf)[idx], training[idx])
    order = np.lexsort((idx, cost, -fit[role][idx]))[:k]
    return [(int(idx[i]), float(fit[role][idx[i]])) for i in order]


def ours(model: CareerModel, role: int, k: int):
    t = model.taxonomy
    number = {uri: i for i, uri in enumerate(t.role_uris)}
    return [(number[m.role.uri], m.fit) for m in model.next_steps(model.start_for(role), k)]


def check_against_dense(model: CareerModel, roles, ks=(10, KEEP + 30)):
    fit = dense(model)
    cut = best_cut(fit, model.params.fit_moves)
    assert np.array_equal(model.fits.cut, cut)
    src, dst = np.nonzero(fit >= cut[:, None])
    mine = model.fits.pairs()
    assert set(zip(src.tolist(), dst.tolist(), strict=True)) == set(
        zip(mine[0].tolist(), mine[1].tolist(), strict=True)
    )
    for role in roles:
        assert np.array_equal(model.fit_row(model.start_for(role)), fit[role])
        for k in ks:
            assert ours(model, role, k) == dense_next_steps(model, fit, role, k), (role, k)


def test_default_taxonomy_next_steps_equal_the_dense_fit():
    g = skillgraph.open()
    model = g.careers.model()
    check_against_dense(model, range(g.taxonomy.n_roles))


def test_blocks_of_any_size_give_the_same_fits():
    g = skillgraph.open()
    model = g.careers.model()
    parts = fit_parts(g.taxonomy, model.profile, model.req.totals <= 0)
    whole = best_fits(parts, 15, keep=20, block_bytes=2**40)
    for block_bytes in (1, 8 * 6 * g.taxonomy.n_roles * 7):
        blocked = best_fits(parts, 15, keep=20, block_bytes=block_bytes)
        for name in ("indptr", "indices", "values", "cut"):
            assert np.array_equal(getattr(blocked, name), getattr(whole, name)), name
    rows = np.array([3, 0, 7])
    assert np.array_equal(fit_rows(parts, rows), fit_rows(parts, np.arange(10))[rows])


def test_kept_fits_hold_ties_and_fall_back_to_a_row():
    g = skillgraph.open()
    model = g.careers.model()
    fit = dense(model)
    fits = model.fits
    for role in range(g.taxonomy.n_roles):
        roles, values = fits.row(role)
        finite = fit[role][np.isfinite(fit[role])]
        # Everything at or above the last kept value is kept (ties included).
        assert len(roles) == int((finite >= values.min()).sum()) if len(roles) else True
        assert len(roles) >= min(KEEP, len(finite))
        assert np.array_equal(values, fit[role][roles])


def test_profile_fits_best_equals_the_dense_rule():
    g = skillgraph.open()
    model = g.careers.model()
    start = model.start_for(None, extra=[0, 5, 9, 40])
    row = model.fit_row(start)
    assert np.array_equal(
        model.fits_best(start), row >= best_cut(row[None, :], model.params.fit_moves)[0]
    )


@pytest.mark.parametrize("params", [PathParams(), PathParams(retraining=False)])
def test_esco_sample_next_steps_equal_the_dense_fit(esco_graph, params):
    model = esco_graph.careers.model(params)
    roles = random.Random(17).sample(range(esco_graph.taxonomy.n_roles), 60)
    check_against_dense(model, roles)


def test_onet_sample_next_steps_equal_the_dense_fit(onet_dir, tmp_path):
    from skillgraph.formats.onet import import_onet

    import_onet(onet_dir, tmp_path / "onet")
    g = skillgraph.open(tmp_path / "onet")
    model = g.careers.model()
    roles = random.Random(5).sample(range(g.taxonomy.n_roles), 40)
    check_against_dense(model, roles)
