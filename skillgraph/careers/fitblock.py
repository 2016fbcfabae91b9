"""Rows of the fit, fast: ``fit._rows`` (the plain dense formula, which the tests keep as
the oracle) without its dense temporaries.

The formula sums, for each pair, the sparse products of the fit's parts (skills, skill
groups, words, occupation groups), the shares and the level penalty, in that order, into
a float64 row, then rounds it to float32.  Here each product is added into the rows at
its stored entries only (``csr_todense`` adds; scaled first where the formula scales it):
a pair a product does not hold gains ``w * 0.0``, which leaves the sum as it is.  The
shares are one sparse difference (the formula's ``x - y`` per pair), and the level
penalty is looked up per pair of distinct levels, computed as the formula does.  So every
value is the one the formula gives, bit for bit (tests/careers/test_fit_block.py, and
the best fits of ESCO scaled 10x), at a fraction of the memory traffic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp
from scipy.sparse import _sparsetools

if TYPE_CHECKING:
    from .fit import FitParts

__all__ = ["block_rows"]


def _add(s: np.ndarray, m: sp.csr_matrix, weight: float | None = None) -> None:
    """``s += weight * m`` at ``m``'s stored entries (``m`` as its own product: no
    duplicates)."""
    m = sp.csr_matrix(m)
    data = m.data if weight is None else weight * m.data
    _sparsetools.csr_todense(
        m.shape[0], m.shape[1], m.indptr, m.indices, np.asarray(data, dtype=np.float64), s
    )


def _shares(parts: FitParts, rows: np.ndarray) -> sp.csr_matrix | None:
    """The formula's ``u * mine / own - c * (covered / total)`` at the pairs that share a
    skill (elsewhere it is 0 - 0)."""
    profile = parts.profile
    if not (profile.w_uses_mine or profile.w_covered):
        return None
    start = parts.weights[rows]
    has = start.copy()
    has.data[:] = 1.0
    mine = sp.csr_matrix(start @ parts.binary_t)
    covered = sp.csr_matrix(has @ parts.weights_t)
    own = np.maximum(parts.own[rows], 1e-12)
    mine.data = profile.w_uses_mine * mine.data / np.repeat(own, np.diff(mine.indptr))
    total = np.maximum(parts.own, 1e-12)
    covered.data = profile.w_covered * (covered.data / total[covered.indices])
    return sp.csr_matrix(mine - covered)


def _penalty(parts: FitParts, rows: np.ndarray) -> np.ndarray | None:
    """The level penalty of the rows' moves (None: 0 for every pair), from a table of
    the distinct levels."""
    profile = parts.profile
    values, inverse = np.unique(parts.level, return_inverse=True)
    up = values[None, :] - values[:, None]
    table = profile.w_up * np.maximum(up, 0) + profile.w_down * np.maximum(-up, 0)
    if not table.any():
        return None
    return table[inverse[rows]][:, inverse]


def block_rows(parts: FitParts, rows: np.ndarray) -> np.ndarray:
    """``fit._rows(parts, rows)``: the fit of the roles ``rows`` to every role (float32;
    -inf into the role itself and into ``parts.empty``).

    >>> from skillgraph.taxonomy import Taxonomy
    >>> from skillgraph.careers.fit import PROFILES, _rows, fit_parts
    >>> t = Taxonomy.from_records(
    ...     roles=[("r:a", "a", None), ("r:b", "b", None), ("r:c", "c", None)],
    ...     skills=[("s:x", "x", None, None), ("s:y", "y", None, None)],
    ...     fields=[], requirements=[("r:a", "s:x", True), ("r:b", "s:x", True),
    ...     ("r:b", "s:y", False), ("r:c", "s:y", True)])
    >>> parts = fit_parts(t, PROFILES["skills"])
    >>> rows = np.array([2, 0])
    >>> block_rows(parts, rows).tobytes() == _rows(parts, rows).tobytes()
    True
    """
    rows = np.asarray(rows, dtype=np.int64)
    profile = parts.profile
    s = np.zeros((len(rows), parts.n))
    _add(s, parts.unit[rows] @ parts.unit_t)
    if parts.group_unit is not None and parts.group_unit_t is not None:
        _add(s, parts.group_unit[rows] @ parts.group_unit_t, profile.w_group_skills)
    if parts.text_unit is not None and parts.text_unit_t is not None:
        _add(s, parts.text_unit[rows] @ parts.text_unit_t, profile.w_text)
    for weight, onehot, onehot_t in parts.same:
        _add(s, onehot[rows] @ onehot_t, weight)
    shares = _shares(parts, rows)
    if shares is not None:
        _add(s, shares)
    penalty = _penalty(parts, rows)
    if penalty is not None:
        s -= penalty
    out = s.astype(np.float32)
    out[np.arange(len(rows)), rows] = -np.inf
    out[:, parts.empty] = -np.inf
    return out
