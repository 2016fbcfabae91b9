"""The plain-loop oracle: the move model restated with Python sets, for tests and the
benchmark baseline (never used to answer a request)."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from ..taxonomy import Taxonomy
from .requirements import requirements
from .seniority import role_ranks

if TYPE_CHECKING:
    from .params import PathParams

__all__ = ["reference_costs", "reference_edges"]


def reference_costs(
    taxonomy: Taxonomy,
    params: PathParams,
    sources: Iterable[int] | None = None,
    *,
    fit_pairs: Collection[tuple[int, int]] = (),
    from_scratch: bool = False,
) -> dict[tuple[int, int], tuple[float, bool]]:
    """Every move out of ``sources`` (default: all roles) a path may take between roles
    that share a skill: a viable job move or a retraining move, whichever is cheaper --
    with plain Python sets.

    The readable statement of the model, used as the oracle in tests and as the baseline
    in ``scripts/bench_paths.py``.  Returns ``{(a, b): (cost, reskilling)}``.
    ``fit_pairs``: the (a, b) job moves viable whatever a covers (b fits a best);
    ``from_scratch``: retraining is possible between roles that share nothing too (what a
    path's start may do).
    """
    req = requirements(taxonomy, params)
    weight, level, learn = [], [], []
    hours = req.hours.tolist() if req.hours is not None else []
    for r in range(taxonomy.n_roles):
        skills, weights, essential = req.entries_of(r)
        weight.append(dict(zip(skills.tolist(), weights.tolist(), strict=True)))
        learn.append(
            {
                s: hours[s] * (1.0 if e else params.training_optional_share)
                for s, e in zip(skills.tolist(), essential.tolist(), strict=True)
            }
        )
        levels = req.levels_of(r)
        rated = {} if levels is None else dict(zip(skills.tolist(), levels.tolist(), strict=True))
        level.append({s: v for s, v in rated.items() if not math.isnan(v)})

    def covered(a: int, b: int, s: int) -> float:
        if s in level[a] and s in level[b]:
            return min(1.0, level[a][s] / level[b][s])
        return 1.0

    total = [sum(w.values()) for w in weight]
    field = taxonomy.role_field.tolist()
    rank = role_ranks(taxonomy.role_seniority, taxonomy.role_labels, taxonomy.role_code).tolist()
    a_ = params.reuse_weight

    def changes(a: int, b: int, wa: dict, wb: dict) -> bool:
        """The field rule: same field and cosine >= field_min_cosine, or cosine >=
        one_field_cosine, is upskilling."""
        dot = sum(w * wb[s] for s, w in wa.items() if s in wb)
        na = math.sqrt(sum(w * w for w in wa.values()))
        nb = math.sqrt(sum(w * w for w in wb.values()))
        cos = dot / (na * nb) if na > 0 and nb > 0 else 0.0
        same = field[a] == field[b] and cos >= params.field_min_cosine - 1e-12
        return not (same or cos >= params.one_field_cosine - 1e-12)

    fit_set = set(fit_pairs)
    viable: dict[tuple[int, int], tuple[float, bool]] = {}
    for a in range(taxonomy.n_roles) if sources is None else sources:
        wa = weight[a]
        has = set(wa)
        for b, wb in enumerate(weight):
            if a == b or total[b] <= 0:
                continue
            shared = has & wb.keys()
            fits = (a, b) in fit_set
            drop = rank[a] - rank[b] if rank[a] > rank[b] else 0.0  # False where NaN
            # Retraining: learn what b lists and a lacks (only between roles that share a
            # skill here; from scratch, only from a path's start).
            lacking = sum(h for s, h in learn[b].items() if s not in has)
            train = math.inf
            if params.retraining and (shared or from_scratch):
                train = params.training_step_cost + lacking / params.training_hours_unit
                train += params.step_down_penalty * drop
            overlap = sum(wb[s] * covered(a, b, s) for s in shared)
            if not fits and (overlap <= 0 or overlap < params.min_overlap * total[b] - 1e-12):
                if train < math.inf:
                    viable[a, b] = (train, changes(a, b, wa, wb))
                continue
            gap = 1 - overlap / (total[b] + params.size_prior or 1.0)
            used = sum(wa[s] * covered(b, a, s) for s in shared)
            reuse = used / total[a] if total[a] > 0 else 0.0
            reskill = changes(a, b, wa, wb)
            cost = params.step_cost + (1 - a_) * gap + a_ * (1 - reuse)
            if math.isfinite(params.job_hours_unit):
                cost += lacking / params.job_hours_unit  # learned on the job
            cost *= params.reskilling_penalty if reskill else 1.0
            cost += params.step_down_penalty * drop
            viable[a, b] = (min(cost, train), reskill)
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
    return {
        (a, b): v
        for (a, b), v in viable.items()
        if v[0] <= out_thr[a] + 1e-9 or v[0] <= in_thr[b] + 1e-9
    }
