"""Safer roles: the nearest roles less exposed to LLMs that pay no less, with the path to each.

For a start role whose exposure and median wage are known, a role is *safer* when its
exposure score is at least ``min_drop`` lower (0.1: a tenth of the tasks fewer) and its
median wage is not lower.  The nearest are the candidates that fit the start best
(``careers.fit``, as next steps are ranked: how related the two roles are, tuned against
the moves people make; ties by the cost of the direct move); each of the ``SHORTLIST``
times ``k`` nearest gets its cheapest path, and the first ``k`` that have one are the
answer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import InvalidParameter, NoPath
from ..taxonomy import Kind
from .outlook import Figures, figures_of
from .params import ParamsLike
from .results import CareerPath, JSONObject

if TYPE_CHECKING:
    from .engine import Careers, Name

__all__ = ["SHORTLIST", "SaferRoles", "safer_candidates", "safer_roles"]

#: Candidates that get a path: this many times the roles asked for.
SHORTLIST = 3


@dataclass(frozen=True)
class SaferRoles:
    """The answer: the start's figures and the paths to the safer roles, cheapest first."""

    start: Figures
    paths: list[CareerPath]
    min_drop: float

    def as_dict(self) -> JSONObject:
        return {
            "start_outlook": self.start.as_dict(),  # type: ignore[dict-item]
            "min_drop": self.min_drop,
            "paths": [p.as_dict() for p in self.paths],
        }


def safer_candidates(
    exposure: np.ndarray, wage: np.ndarray, start: int, min_drop: float
) -> np.ndarray:
    """The roles with exposure at least ``min_drop`` below the start's and a median wage
    no lower (a bool mask; roles with an unknown figure are not candidates).

    >>> e = np.array([0.6, 0.3, 0.55, 0.2, np.nan])
    >>> w = np.array([50.0, 60.0, 70.0, 40.0, 90.0])
    >>> safer_candidates(e, w, 0, 0.1).tolist()
    [False, True, False, False, False]
    """
    with np.errstate(invalid="ignore"):
        mask = (exposure <= exposure[start] - min_drop + 1e-12) & (wage >= wage[start])
    mask[start] = False
    return np.asarray(mask, dtype=bool)


def safer_roles(
    careers: Careers,
    start: Name,
    *,
    k: int = 5,
    min_drop: float = 0.1,
    params: ParamsLike = None,
) -> SaferRoles:
    """The ``k`` nearest safer roles of ``start`` with the cheapest path to each."""
    if not 0 <= min_drop <= 1 or math.isnan(min_drop):
        raise InvalidParameter(f"min_drop must be between 0 and 1 (got {min_drop!r})")
    if not 1 <= k <= 50:
        raise InvalidParameter(f"k must be between 1 and 50 (got {k!r})")
    t = careers.taxonomy
    role = careers.number(start, Kind.ROLE)
    figures = figures_of(t, role)
    if figures.exposure is None or figures.wage is None:
        raise InvalidParameter(
            f"{t.role_labels[role]!r} has no known exposure and median wage: "
            "import the crosswalk, oews and exposure data (see the README)"
        )
    assert t.role_exposure is not None and t.role_wage is not None
    mask = safer_candidates(t.role_exposure, t.role_wage, role, min_drop)
    model = careers.model(params)
    begin = model.start_for(role)
    fit = model.fit_row(begin)
    row = model.row(begin)
    direct = np.where(row.viable, row.cost, np.inf)
    if row.training is not None:
        direct = np.minimum(direct, row.training)
    idx = np.flatnonzero(mask & np.isfinite(direct) & np.isfinite(fit))
    idx = idx[np.lexsort((idx, direct[idx], -fit[idx]))][: SHORTLIST * k]
    found: list[tuple[float, CareerPath]] = []
    for target in idx.tolist():
        try:
            path = careers.paths(t.role_uris[role], t.role_uris[target], k=1, params=params)[0]
        except NoPath:
            continue
        found.append((float(fit[target]), path))
    found.sort(key=lambda x: (-x[0], x[1].cost))
    return SaferRoles(figures, [p for _, p in found[:k]], min_drop)
    return SaferRoles(figures, found[:k], min_drop)
