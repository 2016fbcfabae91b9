"""The roles that fit each role best, kept sparse: what the engine holds of the fit
(``careers.fit``) instead of a roles x roles matrix.

The fit of every pair is computed once, a block of start roles at a time (the block's
rows are bit for bit the rows of the whole matrix, ``fit.fit_rows``), and only each role's
``keep`` best fits (with every tie of the last) survive the block.  That is enough for
the two things the model asks of the fit of a role:

- its ``fit_moves`` best fits (``cut``: the job moves viable whatever is covered);
- its best next steps: a role outside the kept ones fits worse than every kept one, so
  when the kept ones hold ``k`` reachable roles, the ``k`` best next steps are among
  them.  Otherwise (a large ``k``) the model computes the role's whole row (one sparse
  row product, ``fit.fit_rows``).
"""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ..taxonomy import Taxonomy
from .fit import FitParts, fit_rows

__all__ = [
    "BLOCK_BYTES",
    "KEEP",
    "THREADS",
    "BestFits",
    "best_fits",
    "model_bytes",
    "role_group_bound",
]

#: The fits kept per role (at least ``fit_moves``): enough for the next steps a page
#: shows without computing a row.
KEEP = 50
#: The memory one block of fit rows may take while it is computed (float64 work arrays).
BLOCK_BYTES = 192 * 2**20
#: Blocks computed at once, in threads (together they take up to ``BLOCK_BYTES``).
THREADS = 2


@dataclass(eq=False)
class BestFits:
    """Per start role (CSR rows), the roles it fits best and their fit, best first (ties
    by role number); ``cut[a]`` is a's ``fit_moves``-th best fit (+inf: none)."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray
    cut: np.ndarray

    @property
    def n(self) -> int:
        return len(self.indptr) - 1

    def row(self, role: int) -> tuple[np.ndarray, np.ndarray]:
        """``(roles, fits)`` kept for ``role``, best first."""
        a, b = self.indptr[role], self.indptr[role + 1]
        return self.indices[a:b], self.values[a:b]

    def best(self, role: int) -> np.ndarray:
        """The roles whose fit from ``role`` is at least its cut (its ``fit_moves`` best,
        more on ties)."""
        roles, fits = self.row(role)
        return roles[fits >= self.cut[role]]

    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """``(sources, targets)`` of every best-fit pair (``best`` of every role)."""
        source = np.repeat(np.arange(self.n, dtype=np.int64), np.diff(self.indptr))
        ok = self.values >= self.cut[source]
        return source[ok], self.indices[ok].astype(np.int64)

    @functools.cached_property
    def _into(self) -> sp.csr_matrix:
        source, target = self.pairs()
        ones = np.ones(len(source), dtype=np.int8)
        return sp.csr_matrix((ones, (target, source)), shape=(self.n, self.n))

    def best_into(self, target: int) -> np.ndarray:
        """The roles among whose best fits ``target`` is."""
        m = self._into
        return m.indices[m.indptr[target] : m.indptr[target + 1]]

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_into", None)
        return state


def best_fits(
    parts: FitParts, fit_moves: int, keep: int = KEEP, block_bytes: int = BLOCK_BYTES
) -> BestFits:
    """Each role's ``max(keep, fit_moves)`` best fits (ties at the last included) and its
    ``fit_moves``-th best fit, computed in blocks of roles.

    >>> from skillgraph.taxonomy import Taxonomy
    >>> from skillgraph.careers.fit import PROFILES, fit_parts
    >>> t = Taxonomy.from_records(
    ...     roles=[("r:a", "a", None), ("r:b", "b", None), ("r:c", "c", None)],
    ...     skills=[("s:x", "x", None, None), ("s:y", "y", None, None)],
    ...     fields=[], requirements=[("r:a", "s:x", True), ("r:b", "s:x", True),
    ...     ("r:b", "s:y", True), ("r:c", "s:y", True)])
    >>> b = best_fits(fit_parts(t, PROFILES["skills"]), fit_moves=1, keep=1, block_bytes=1)
    >>> b.row(0)[0].tolist(), b.best(1).tolist(), b.best_into(1).tolist()
    ([1], [0, 2], [0, 2])
    """
    n = parts.n
    keep = max(keep, fit_moves)
    # The blocks computed at once share ``block_bytes``.
    size = max(1, min(n, block_bytes // THREADS // max(1, n * 8 * 6)))
    blocks = [np.arange(first, min(n, first + size)) for first in range(0, n, size)]
    work = functools.partial(_block, parts, fit_moves, keep)
    # Blocks are independent (the products and numpy release the GIL): one per core.
    with ThreadPoolExecutor(max(1, min(THREADS, len(blocks)))) as pool:
        done = list(pool.map(work, blocks))
    indptr = np.zeros(n + 1, dtype=np.int64)
    for rows, (counts, _, _, _) in zip(blocks, done, strict=True):
        indptr[rows + 1] = counts
    return BestFits(
        indptr=np.cumsum(indptr),
        indices=np.concatenate([d[1] for d in done]) if done else np.zeros(0, np.int32),
        values=np.concatenate([d[2] for d in done]) if done else np.zeros(0, np.float32),
        cut=np.concatenate([d[3] for d in done]) if done else np.zeros(0, np.float32),
    )


def _block(parts: FitParts, fit_moves: int, keep: int, rows: np.ndarray):
    """For a block of start roles: the count of kept fits per role, their roles and fits
    (best first, ties by role) and each role's ``fit_moves``-th best fit.  What
    ``best_cut(fit, keep)`` and ``best_cut(fit, fit_moves)`` give, from one partition:
    the ``m``-th best of a row is the ``m``-th of its ``keep`` best (``m <= keep``)."""
    fit = fit_rows(parts, rows)
    n = fit.shape[1]
    m = min(keep, n)
    if m == 0:
        floor = cut = np.full(len(rows), np.inf, dtype=np.float32)
    else:
        top = -np.partition(-fit, m - 1, axis=1)[:, :m]
        top = -np.sort(-top, axis=1)
        floor = top[:, m - 1].copy()
        cut = top[:, min(fit_moves, m) - 1].copy() if fit_moves > 0 else np.full_like(floor, np.inf)
        short = ~np.isfinite(floor)
        if short.any():  # fewer than m finite fits: every finite one is among the best
            least = np.where(np.isfinite(fit[short]), fit[short], np.inf).min(axis=1)
            floor[short] = least
            if fit_moves > 0:
                cut[short] = np.where(np.isfinite(cut[short]), cut[short], least)
    # A fit is never +inf or NaN, and the floor never -inf: at or above it is finite.
    r, c = np.nonzero(fit >= floor[:, None])
    v = fit[r, c]
    order = np.lexsort((c, -v, r))
    counts = np.bincount(r, minlength=len(rows))
    return counts, c[order].astype(np.int32), v[order], cut.astype(np.float32)


def model_bytes(n_roles: int, n_requirements: int, n_role_groups: int, moves_per_role: int) -> int:
    """About the peak memory a career model of this size takes to build: the blocks of
    fit rows and of role pairs (fixed), the kept best fits and moves, the sparse roles x
    skill groups part of the fit (``n_role_groups``: at most one entry per requirement
    and group of its skill: 184,914 on ESCO) and the requirement matrices.  (At
    10x ESCO: about 0.8 GB, where 0.5 GB is measured; at 30x about 1.3 GB, where 1.1 GB
    was measured; at 100x about 3.2 GB.)

    It counted roles x groups once, as if each role touched every group: scaled ESCO
    has a broader skill per copy, so at 30x that said 72 GB and refused to build.

    >>> round(model_bytes(30_070, 1_237_880, 1_850_000, 12) / 2**30, 1)
    0.8
    >>> round(model_bytes(90_210, 3_713_640, 5_550_000, 12) / 2**30, 1)
    1.3
    """
    from .build import BLOCK_PAIRS

    fixed = 2 * BLOCK_BYTES + BLOCK_PAIRS * 240
    per_role = KEEP * 8 + moves_per_role * 2 * 150
    return int(fixed + n_roles * per_role + n_requirements * 100 + n_role_groups * 24)


def role_group_bound(t: Taxonomy) -> int:
    """At most how many (role, skill group) entries the fit's group part holds: each
    requirement counts once per group of its skill (cheap: no product is formed).

    >>> from types import SimpleNamespace as T
    >>> role_group_bound(T(req_skill=np.array([0, 0, 1]), broader_skill=np.array([0, 0, 1]),
    ...     n_skills=2))
    5
    """
    if t.broader_skill is None or not len(t.broader_skill):
        return 0
    per_skill = np.bincount(t.broader_skill, minlength=t.n_skills)
    return int(per_skill[t.req_skill].sum())
