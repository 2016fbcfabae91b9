"""The plain-loop oracle: the move model restated with Python sets, for tests and the
benchmark baseline (never used to answer a request)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..taxonomy import Taxonomy
from .requirements import requirements

if TYPE_CHECKING:
    from .params import PathParams

__all__ = ["reference_costs", "reference_edges"]


def reference_costs(
    taxonomy: Taxonomy, params: PathParams, sources: Iterable[int] | None = None
) -> dict[tuple[int, int], tuple[float, bool]]:
    """Every viable move out of ``sources`` (default: all roles), with plain Python sets.

    The readable statement of the model, used as the oracle in tests and as the baseline
    in ``scripts/bench_paths.py``.  Returns ``{(a, b): (cost, reskilling)}``.
    """
    req = requirements(taxonomy, params)
    weight, level = [], []
    for r in range(taxonomy.n_roles):
        skills, weights, _ = req.entries_of(r)
        weight.append(dict(zip(skills.tolist(), weights.tolist(), strict=True)))
        levels = req.levels_of(r)
        rated = {} if levels is None else dict(zip(skills.tolist(), levels.tolist(), strict=True))
        level.append({s: v for s, v in rated.items() if not math.isnan(v)})

    def covered(a: int, b: int, s: int) -> float:
        if s in level[a] and s in level[b]:
            return min(1.0, level[a][s] / level[b][s])
        return 1.0

    total = [sum(w.values()) for w in weight]
    field = taxonomy.role_field.tolist()
    rank = taxonomy.role_seniority.tolist()
    a_ = params.reuse_weight
    viable: dict[tuple[int, int], tuple[float, bool]] = {}
    for a in range(taxonomy.n_roles) if sources is None else sources:
        wa = weight[a]
        has = set(wa)
        for b, wb in enumerate(weight):
            if a == b or total[b] <= 0:
                continue
            shared = has & wb.keys()
            overlap = sum(wb[s] * covered(a, b, s) for s in shared)
            if overlap <= 0 or overlap < params.min_overlap * total[b] - 1e-12:
                continue
            gap = 1 - overlap / (total[b] + params.size_prior or 1.0)
            used = sum(wa[s] * covered(b, a, s) for s in shared)
            reuse = used / total[a] if total[a] > 0 else 0.0
            reskill = field[a] != field[b]
            cost = params.step_cost + (1 - a_) * gap + a_ * (1 - reuse)
            cost *= params.reskilling_penalty if reskill else 1.0
            if rank[a] > rank[b]:  # False where either is NaN
                cost += params.step_down_penalty * (rank[a] - rank[b])
            viable[a, b] = (cost, reskill)
    return viable


def reference_edges(
    taxonomy: Taxonomy, params: PathParams
) -> dict[tuple[int, int], tuple[float, bool]]:
    """The same graph as ``build_transitions``, from ``reference_costs`` with plain loops."""
    viable = reference_costs(taxonomy, params)
    k = params.moves_per_role
    out: dict[int, list[float]] = {}
    into: dict[int, list[float]] = {}
    for (a, b), (cost, _) in viable.items():
        out.setdefault(a, []).append(cost)
        into.setdefault(b, []).append(cost)

    def kth(costs: list[float]) -> float:
        return sorted(costs)[k - 1] if len(costs) >= k else math.inf

    out_thr = {a: kth(c) for a, c in out.items()}
    in_thr = {b: kth(c) for b, c in into.items()}
    return {(a, b): v for (a, b), v in viable.items() if v[0] <= out_thr[a] or v[0] <= in_thr[b]}
