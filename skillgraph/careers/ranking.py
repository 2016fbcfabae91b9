"""Next steps: the roles that fit a start best, ranked (cheap: no explanation) and then
explained.  Grouping by occupation (``careers.kinds``) ranks far down the list and
explains only the places it keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .moves import MoveRow
from .start import Start

if TYPE_CHECKING:
    from .model import CareerModel
    from .results import Move

__all__ = ["Ranked", "explained", "ranked_roles"]


class Ranked(NamedTuple):
    """A start's move row, and roles that fit it best with their fits, best first."""

    row: MoveRow
    roles: np.ndarray
    fits: np.ndarray


def ranked_roles(model: CareerModel, start: Start, k: int) -> Ranked:
    """The ``k`` roles that fit the start best (ties: the cheaper first, then the lower
    number), each reachable by a job move or by retraining."""
    row = model.row(start)
    # ``move_row`` always fills ``training`` (inf where retraining is impossible).
    training = row.training if row.training is not None else np.full(len(row.cost), np.inf)
    reachable = row.viable | np.isfinite(training)
    if start.role is not None:
        reachable[start.role] = False
    if model.params.next_by_fit and start.role is not None:
        # The kept best fits, when they hold k reachable roles, hold the k best: a role
        # outside them fits worse than each of them (``best_fits``).
        kept, fits = model.fits.row(start.role)
        ok = reachable[kept]
        if ok.sum() >= k:
            return _first(model, row, training, kept[ok].astype(np.int64), fits[ok], k)
    fit = model.fit_row(start)
    idx = np.flatnonzero(reachable & np.isfinite(fit))
    return _first(model, row, training, idx, fit[idx], k)


def _first(model: CareerModel, row: MoveRow, training, idx, fit, k: int) -> Ranked:
    """The first ``k`` of the roles ``idx`` (fits ``fit``) by fit, cost, number."""
    cost = np.minimum(np.where(row.viable, row.cost, np.inf)[idx], training[idx])
    if model.params.next_by_fit:
        order = np.lexsort((idx, cost, -fit))[:k]
    else:
        order = np.lexsort((idx, cost))[:k]
    return Ranked(row, idx[order], fit[order])


def explained(model: CareerModel, start: Start, ranked: Ranked) -> list[Move]:
    """The moves into ``ranked``'s roles, explained, in its order."""
    pairs = zip(ranked.roles, ranked.fits, strict=True)
    return [model.move(start, ranked.row, int(r), float(f)) for r, f in pairs]
