"""Why no path answers a request: the one line a person reads instead of a path."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..errors import NoPath
from . import paths as _paths

if TYPE_CHECKING:
    from .model import CareerModel
    from .start import Start

__all__ = ["check_floor", "no_path"]


def check_floor(model: CareerModel, floor: np.ndarray, target: int) -> None:
    """Raise the ``NoPath`` of a target paid below the wage floor (``floor``: the roles
    below it, ``outlook.below_floor``)."""
    if floor[target]:
        raise NoPath(
            f"{model.taxonomy.role_labels[target]!r} pays less than the wage floor "
            f"({model.params.wage_floor:.0%} of the start's median wage)",
            reason="the target's median wage is below the wage floor",
        )


def no_path(
    model: CareerModel,
    adj: _paths.Adjacency,
    source: int,
    start: Start,
    target: int,
    max_reskilling: int | None,
    max_steps: int | None,
    avoid: set[int],
    reachable: bool = True,
) -> NoPath:
    """The ``NoPath`` for a request that found nothing, naming the first reason that
    holds: the target lists no skills, the start has none, nothing leads there, or which
    of the request's limits (avoided roles, reskilling steps, steps) excludes every path."""
    t = model.taxonomy
    a, b = start.concept.label, t.role_labels[target]
    plain = f"no path from {a!r} to {b!r}"
    if model.req.totals[target] == 0:
        return NoPath(f"{plain}: {b!r} lists no skills", reason=f"{b!r} lists no skills")
    if not start.have.any():
        return NoPath(f"{plain}: the start has no skills", reason="the start has no skills")
    if not reachable or _paths.shortest_path(adj, source, target) is None:
        return NoPath(f"{plain}: no chain of viable moves leads there")
    reasons = []
    if avoid and _paths.shortest_path(adj, source, target, avoid=avoid) is None:
        reasons.append("every path goes through an avoided role")
    if max_reskilling is not None:
        need = _paths.fewest(adj, source, target, what="reskilling")
        if need is not None and need > max_reskilling:
            reasons.append(
                f"reachable with {need} reskilling step{'s' * (need != 1)}, "
                f"but max_reskilling={max_reskilling}"
            )
    if max_steps is not None:
        need = _paths.fewest(adj, source, target, what="steps")
        if need is not None and need > max_steps:
            reasons.append(f"needs {need} steps, max_steps={max_steps}")
    if not reasons:
        reasons.append("the constraints together exclude every path")
    reason = "; ".join(reasons)
    return NoPath(f"{plain}: {reason}", reason=reason)
