"""Hours of learning per skill: the taxonomy's own figure, or an estimate.

The default taxonomy gives each skill its hours (``sg:effortHours``); ESCO and O*NET give
none.  An estimate then starts from ``PathParams.default_skill_hours`` (40) and scales it by
what the source says of the skill, because a transversal skill ("work in teams") is
quicker to pick up than one specific to an occupation ("perform root canal treatment"):

=========================  ======  ===========================  ======
ESCO reuse level           factor  ESCO skill type              factor
=========================  ======  ===========================  ======
transversal                0.5     skill/competence             1.0
cross-sector               1.0     knowledge                    1.25
sector-specific            1.5     (unknown)                    1.0
occupation-specific        2.0
(unknown)                  1.0
=========================  ======  ===========================  ======

So an ESCO skill is estimated at 20 to 100 hours.  These are planning figures, not
measurements: every answer says which hours are estimated.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["REUSE_FACTOR", "TYPE_FACTOR", "skill_hours"]

REUSE_FACTOR = {
    "transversal": 0.5,
    "cross-sector": 1.0,
    "sector-specific": 1.5,
    "occupation-specific": 2.0,
}
TYPE_FACTOR = {"knowledge": 1.25, "skill/competence": 1.0}


def skill_hours(
    hours: np.ndarray,
    default: float,
    skill_type: Sequence[str] | None = None,
    skill_reuse: Sequence[str] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``(hours, estimated)`` per skill: the taxonomy's hours where given (NaN: none),
    else ``default`` scaled by the reuse-level and type factors; ``estimated`` is True
    where the figure is an estimate.

    >>> h, est = skill_hours(np.array([12.0, np.nan, np.nan]), 40.0,
    ...                      ["", "knowledge", ""], ["", "occupation-specific", "transversal"])
    >>> h.tolist(), est.tolist()
    ([12.0, 100.0, 20.0], [False, True, True])
    """
    given = np.asarray(hours, dtype=np.float64)
    estimated = ~np.isfinite(given)
    n = len(given)
    kinds = skill_type if skill_type is not None else [""] * n
    reuse = skill_reuse if skill_reuse is not None else [""] * n
    out = given.copy()
    for i in np.flatnonzero(estimated).tolist():
        out[i] = default * REUSE_FACTOR.get(reuse[i], 1.0) * TYPE_FACTOR.get(kinds[i], 1.0)
    return out, estimated
