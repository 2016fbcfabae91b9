"""Two taxonomies in one store: ESCO and O*NET describe the same world of work twice, and
the official crosswalk links them (``skillgraph import crosswalk``).

In such a store:

- a move goes between roles of one taxonomy: an ESCO occupation does not "move" to its own
  O*NET description, and the two list skills in different vocabularies, so their skill
  terms would never meet anyway;
- each taxonomy's roles are fitted with their own profile (``careers.fit``: ESCO roles by
  ISCO groups and skills, O*NET roles by rated importance and words);
- an ESCO role also takes the fit of the O*NET occupations it is linked to: the *linked
  fit* of a move a -> b is the mean, over the O*NET occupations x of a and y of b, of how
  far y stands out among x's best moves (the O*NET fit, as a z-score, kept for x's
  ``best`` best targets and 0 for the rest).  O*NET rates how important each skill is and
  how much preparation each occupation takes, which ESCO does not; measured against what
  people actually do (``scripts/bench_quality.py --taxonomy esco-linked``), it is the
  strongest signal ESCO roles have.

A role's *scheme* comes from its code: ESCO (``2511.1``), O*NET-SOC (``15-2051.00``) or
other.  Roles of other schemes (a user's own job titles) move to and from any role.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

__all__ = [
    "ESCO",
    "ESCO_CODE",
    "ONET",
    "ONET_CODE",
    "OTHER",
    "Linked",
    "link_matrix",
    "linked_best",
    "role_schemes",
]

ESCO, ONET, OTHER = 0, 1, 2
#: An ESCO occupation code (ISCO-08 unit group and more: ``2511.1``) and an O*NET-SOC code.
ESCO_CODE = re.compile(r"\d{4}(\.\d+)*\Z")
ONET_CODE = re.compile(r"\d\d-\d{4}\.\d\d\Z")


def role_schemes(codes: Sequence[str]) -> np.ndarray:
    """Each role's scheme (``ESCO``, ``ONET`` or ``OTHER``) from its code.

    >>> role_schemes(["2511.1", "15-2051.00", "", "J-12"]).tolist()
    [0, 1, 2, 2]
    """
    return np.array(
        [ESCO if ESCO_CODE.match(c) else ONET if ONET_CODE.match(c) else OTHER for c in codes],
        dtype=np.int8,
    )


def link_matrix(codes: Sequence[str], links: Sequence[str], schemes: np.ndarray) -> sp.csr_matrix:
    """Roles x roles: row a holds, each with weight 1 / (their number), the roles of
    another scheme whose code is among a's linked codes (``links``: space-separated).

    >>> m = link_matrix(["2511.1", "15-2051.00", "15-2051.01"],
    ...                 ["15-2051.00 15-2051.01", "15-2051.00", ""], role_schemes(
    ...                 ["2511.1", "15-2051.00", "15-2051.01"]))
    >>> m.toarray().tolist()
    [[0.0, 0.5, 0.5], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    by_code: dict[str, int] = {c: i for i, c in enumerate(codes) if c}
    rows, cols = [], []
    for a, linked in enumerate(links):
        targets = {by_code[c] for c in linked.split() if c in by_code}
        for x in sorted(targets):
            if schemes[x] != schemes[a]:
                rows.append(a)
                cols.append(x)
    n = len(codes)
    m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    counts = np.asarray(m.sum(axis=1)).ravel()
    return sp.csr_matrix(sp.diags(1.0 / np.maximum(counts, 1.0)) @ m)


def linked_best(
    fit_rows: Callable[[np.ndarray], np.ndarray],
    roles: np.ndarray,
    n: int,
    best: int,
    block: int = 512,
) -> sp.csr_matrix:
    """Roles x roles, nonzero only among ``roles``: each one's ``best`` best fits among
    ``roles`` (``fit_rows(rows)`` gives rows of the fit), as z-scores over every finite fit
    among ``roles``; 0 elsewhere.

    >>> fit = np.array([[-np.inf, 3.0, 1.0], [2.0, -np.inf, 0.0], [1.0, 1.0, -np.inf]])
    >>> z = linked_best(lambda rows: fit[rows], np.arange(3), 3, best=1)
    >>> [[round(float(v), 2) for v in row] for row in z.toarray()]
    [[0.0, 1.77, 0.0], [0.71, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    roles = np.asarray(roles, dtype=np.int64)
    if not len(roles) or best <= 0:
        return sp.csr_matrix((n, n))
    total = squares = count = 0.0
    for start in range(0, len(roles), block):
        f = fit_rows(roles[start : start + block])[:, roles].astype(np.float64)
        ok = np.isfinite(f)
        total += f[ok].sum()
        squares += (f[ok] ** 2).sum()
        count += ok.sum()
    mean = total / max(count, 1.0)
    sd = np.sqrt(max(squares / max(count, 1.0) - mean**2, 0.0)) or 1.0
    keep = min(best, len(roles))
    rows, cols, vals = [], [], []
    for start in range(0, len(roles), block):
        part = roles[start : start + block]
        z = (fit_rows(part)[:, roles].astype(np.float64) - mean) / sd
        top = np.argpartition(-z, keep - 1, axis=1)[:, :keep]
        val = np.take_along_axis(z, top, axis=1)
        # Only moves better than the average pair count: an unknown fit is no evidence.
        ok = np.isfinite(val) & (val > 0)
        rows.append(np.repeat(part, keep)[ok.ravel()])
        cols.append(roles[top].ravel()[ok.ravel()])
        vals.append(val.ravel()[ok.ravel()])
    r, c, v = (np.concatenate(x) for x in (rows, cols, vals))
    return sp.csr_matrix((v, (r, c)), shape=(n, n))


@dataclass(eq=False)
class Linked:
    """What a store of several schemes adds to the fit: the schemes, the fit rows of each
    scheme whose profile is not the main one, and the linked fit of the roles with links."""

    schemes: np.ndarray
    #: scheme -> a function giving rows of the fit under that scheme's profile.
    rows_by_scheme: dict[int, Callable[[np.ndarray], np.ndarray]]
    weight: float
    link: sp.csr_matrix  # roles x roles (``link_matrix``)
    link_t: sp.csr_matrix
    best: sp.csr_matrix  # roles x roles (``linked_best``)

    def rows(self, rows: np.ndarray, main: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """Rows of the fit: each under its scheme's profile, plus the linked fit, and
        -inf into the roles of another of ESCO and O*NET.

        >>> schemes = role_schemes(["1111.1", "2222.2", "11-1111.00"])
        >>> none = sp.csr_matrix((3, 3))
        >>> lk = Linked(schemes, {}, 1.0, none, none, none)
        >>> lk.rows(np.array([0, 2]), lambda r: np.zeros((len(r), 3), np.float32)).tolist()
        [[0.0, 0.0, -inf], [-inf, -inf, 0.0]]
        """
        rows = np.asarray(rows, dtype=np.int64)
        mine = self.schemes[rows]
        # Each row is computed once, under its own scheme's profile.
        own = np.isin(mine, list(self.rows_by_scheme))
        out = np.empty((len(rows), len(self.schemes)), dtype=np.float32)
        if not own.all():
            out[~own] = main(rows[~own])
        for scheme, fit in self.rows_by_scheme.items():
            at = np.flatnonzero(mine == scheme)
            if len(at):
                out[at] = fit(rows[at])
        if self.weight and self.link.nnz:
            extra = (self.link[rows] @ self.best @ self.link_t).toarray()
            out += (self.weight * extra).astype(out.dtype)
        apart = (mine[:, None] != self.schemes[None, :]) & (mine[:, None] != OTHER)
        apart &= self.schemes[None, :] != OTHER
        out[apart] = -np.inf
        return out
