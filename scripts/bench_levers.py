#!/usr/bin/env python
"""Signals that might lift ESCO's next steps further (issue 10), each measured on top of the model.

    .venv/bin/python scripts/bench_levers.py [--esco-store PATH] [--heldout]

The model's next steps are the roles that fit a start best (``careers.fit``).  This script
takes that fit for every pair of ESCO roles and, for each candidate signal below, adds it
with a range of weights and scores the top 10 against the O*NET Career Changers Matrix
exactly as ``scripts/bench_quality.py`` does (same reference, same skipped pairs, same
halves).  Weights are picked on the tuning half; ``--heldout`` then also scores the best
weight of each signal on the held-out half (look at it last).

Signals (none is in the model; each row says what it would add):

- ``skills LSA``: cosine of the roles in a 100-dimension latent space of their skills
  (truncated SVD of the IDF-weighted roles x skills matrix): related skills count.
- ``words LSA``: the same over the TF-IDF of labels, alternative labels and description.
- ``skills IDF``: cosine of skill vectors weighted by how rare each skill is.
- ``shared neighbours``: how many of the two roles' 10 best fits they share.
- ``popular target``: how well the target fits all roles on average (a hub prior).
- ``start's group``: the mean fit of the start's ISCO unit group into the target.
- ``mobility prior``: how often the reference itself moves a role of the start's ISCO
  group into the target's (sub-major, minor or unit), learned on one part of the tuning
  half and scored on the other (two folds), so it never sees the roles it scores.
- ``variety``: a re-ranking that skips a target too similar (skill cosine) to one already
  in the list (maximal marginal relevance).

The model and the best plain baseline are printed in the same run.  Without
``../shared/data`` the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_quality as bq

WEIGHTS = (-0.5, -0.25, -0.1, 0.05, 0.1, 0.25, 0.5, 1.0)
K = 10


def unit_rows(x) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norm, 1e-12)


def latent_cosine(m: sp.csr_matrix, dims: int = 100) -> np.ndarray:
    u, s, _ = svds(sp.csr_matrix(m, dtype=float), k=dims, random_state=0)
    z = unit_rows(u * s)
    return z @ z.T


def precision(scores: np.ndarray, roles: np.ndarray, skip: np.ndarray, relevant) -> float:
    x = scores[roles].astype(float, copy=True)
    x[skip[roles]] = -np.inf
    top = np.argpartition(-x, K, axis=1)[:, :K]
    found = zip(roles, top, strict=True)
    hits = sum(len(relevant[r].intersection(row.tolist())) for r, row in found)
    return hits / (K * len(roles))


def scaled(lever: np.ndarray, like: np.ndarray) -> np.ndarray:
    """``lever`` rescaled to the spread of the fit, so that one weight grid serves all."""
    off = ~np.eye(len(like), dtype=bool)
    return lever * (like[off].std() / max(lever[off].std(), 1e-12))


def mobility_prior(groups, train, relevant, skip) -> np.ndarray:
    """log(rate of reference moves from group a to group b / overall rate), smoothed."""
    g = np.unique(np.asarray(groups), return_inverse=True)[1]
    size = g.max() + 1
    hits, seen = np.zeros((size, size)), np.zeros((size, size))
    for a in train:
        ok = ~skip[a]
        rel = np.zeros(len(g), dtype=bool)
        rel[list(relevant[a])] = True
        np.add.at(hits, (g[a], g[ok]), rel[ok])
        np.add.at(seen, (g[a], g[ok]), 1.0)
    base = hits.sum() / seen.sum()
    rate = (hits + 5 * base) / (seen + 5)
    return np.log(rate / base)[g][:, g]


def variety(fit, similar, roles, skip, relevant, weight: float) -> float:
    hits = 0
    for a in roles:
        row = fit[a].astype(float, copy=True)
        row[skip[a]] = -np.inf
        pool = list(np.argsort(-row)[:60])
        penalty = np.zeros(len(pool))
        chosen = []
        while len(chosen) < K:
            i = int(np.argmax(row[pool] - weight * penalty))
            b = pool.pop(i)
            penalty = np.delete(penalty, i)
            chosen.append(b)
            if pool:
                penalty = np.maximum(penalty, similar[b, pool])
        hits += len(relevant[a].intersection(int(b) for b in chosen))
    return hits / (K * len(roles))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--esco-store")
    parser.add_argument("--heldout", action="store_true", help="also score the held-out half")
    args = parser.parse_args(argv)
    if not all(p.exists() for p in (bq.CHANGERS, bq.CROSSWALK, bq.SOURCES["esco"])):
        print(f"skipped: the real data is not at {bq.DATA.resolve()} (../shared/data is absent)")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-levers-") as tmp:
        store = args.esco_store or bq.import_store("esco", Path(tmp))
        return run(store, args.heldout)


def run(store: str, heldout: bool) -> int:
    import skillgraph
    from skillgraph.careers.fit import fit_parts, fit_rows, profile_for, tfidf

    g = skillgraph.open(store)
    t = g.taxonomy
    n = t.n_roles
    parts = fit_parts(t, profile_for(t, "esco"))
    fit = fit_rows(parts, np.arange(n))
    onet_of, groups, split = bq.taxonomy_setup("esco", g)
    relevant, skips = bq.references(onet_of, bq.read_changers())
    skip = np.zeros((n, n), dtype=bool)
    for i, s in enumerate(skips):
        skip[i, list(s)] = True
    lists = np.bincount(t.req_role, minlength=n) > 0
    evaluated = [i for i in range(n) if relevant[i] and lists[i]]
    halves = {
        h: np.array([i for i in evaluated if bq.half_of(split[i]) == h]) for h in ("dev", "heldout")
    }
    dev = halves["dev"]
    base = bq.baseline_scores(t, groups)
    best_name = max(
        (b for b in base if b != "random"), key=lambda b: precision(base[b], dev, skip, relevant)
    )

    pairs = np.unique(np.stack([t.req_role, t.req_skill]), axis=1)
    df = np.bincount(pairs[1], minlength=t.n_skills).astype(float)
    idf = np.log(n / np.maximum(df, 1.0))
    idf_weighted = parts.weights @ sp.diags(idf)
    off = fit.copy()
    np.fill_diagonal(off, -np.inf)
    top = np.argpartition(-off, K, axis=1)[:, :K]
    neighbours = np.zeros((n, n))
    np.put_along_axis(neighbours, top, 1.0, axis=1)
    np.fill_diagonal(off, np.nan)
    unit_group = np.unique(np.asarray(groups["unit"]), return_inverse=True)[1]
    onehot = sp.csr_matrix((np.ones(n), (unit_group, np.arange(n))))
    mean_of_group = sp.diags(1 / np.asarray(onehot.sum(axis=1)).ravel()) @ onehot
    levers = {
        "skills LSA": latent_cosine(idf_weighted),
        "words LSA": latent_cosine(tfidf(t.role_text)) if t.role_text else None,
        "skills IDF": bq.cosine_scores(idf_weighted),
        "shared neighbours": (neighbours @ neighbours.T) / K,
        "popular target": np.broadcast_to(np.nanmean(off, axis=0), (n, n)),
        "start's group": np.asarray(mean_of_group @ np.nan_to_num(off))[unit_group],
    }
    ours = {h: precision(fit, r, skip, relevant) for h, r in halves.items()}
    best = {h: precision(base[best_name], r, skip, relevant) for h, r in halves.items()}
    shown = ["dev", "heldout"] if heldout else ["dev"]
    print(f"ESCO: {len(dev)} roles in the tuning half, {len(halves['heldout'])} held out")
    print(f"{'':<28}" + "".join(f"{h:>22}" for h in shown))
    row = "".join(f"{ours[h]:>22.4f}" for h in shown)
    print(f"{'the model (fit)':<28}{row}")
    row = "".join(f"{best[h]:>22.4f}" for h in shown)
    print(f"{'best baseline: ' + best_name:<28}{row}")
    print(f"{'model / baseline':<28}" + "".join(f"{ours[h] / best[h]:>22.3f}" for h in shown))
    print("\nadded to the model (weight chosen on the tuning half; P@10, change vs the model):")

    def report(name: str, weight: float, score) -> None:
        cells = ""
        for h in shown:
            p = score(halves[h])
            cells += f"{p:>12.4f} ({p - ours[h]:+.4f})"
        print(f"{name + f' x {weight:g}':<28}{cells}")

    for name, lever in levers.items():
        if lever is None:
            continue
        lever = scaled(lever, fit)
        weight = max(WEIGHTS, key=lambda w: precision(fit + w * lever, dev, skip, relevant))
        report(name, weight, lambda r, x=lever, w=weight: precision(fit + w * x, r, skip, relevant))

    fold = np.array([int(bq.half_of(split[i], seed=bq.SEED + 1) == "dev") for i in dev])
    for level in ("field", "minor", "unit"):
        scores = []
        for f in (0, 1):
            prior = scaled(mobility_prior(groups[level], dev[fold != f], relevant, skip), fit)
            scores.append(
                {w: precision(fit + w * prior, dev[fold == f], skip, relevant) for w in WEIGHTS}
            )
        weight = max(WEIGHTS, key=lambda w: scores[0][w] + scores[1][w])
        mean = sum(s[weight] * (fold == f).sum() for f, s in enumerate(scores)) / len(dev)
        name = f"mobility prior ({level}) x {weight:g}"
        change = mean - ours["dev"]
        print(f"{name:<28}{mean:>12.4f} ({change:+.4f})   (two folds inside the tuning half)")
    similar = bq.cosine_scores(parts.weights)
    weight = max((0.05, 0.1, 0.2), key=lambda w: variety(fit, similar, dev, skip, relevant, w))
    report("variety", weight, lambda r: variety(fit, similar, r, skip, relevant, weight))
    return 0


if __name__ == "__main__":
    sys.exit(main())
