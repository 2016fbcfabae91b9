"""Wages, employment and LLM exposure of roles, and the request-time rules that use them.

Pure functions over plain data (no store, no I/O):

- how the figures of the O*NET occupations an ESCO role maps to are combined into the
  role's figures (``combine``);
- the wage floor of a path request: no step to a role whose median wage is below
  ``wage_floor`` times the start's (``below_floor``);
- the exposure weight: each step into a role costs ``exposure_weight`` times the role's
  exposure more (``exposure_costs``, applied lazily to the request's adjacency lists by
  ``WeightedAdjacency``, so the cached graph and its A* bounds are untouched: adding a
  non-negative cost per node keeps every bound a consistent lower bound);
- what one role's figures say, against the start's (``figures_of`` -> ``Figures``).

The figures are US figures keyed by SOC / O*NET-SOC codes: BLS OEWS (May 2021) median
annual wage and employment per 6-digit SOC code, and the share of an occupation's tasks
exposed to large language models (Eloundou et al. 2023) per O*NET-SOC code.  Exposure is
not replacement: an exposed task may be sped up rather than taken over.

**Combination rule** (a role matched to several O*NET-SOC codes, such as an ESCO role
through the crosswalk; a role that has an O*NET-SOC code of its own uses that alone):

- the codes are grouped by their SOC code (the first 7 characters: ``15-2051.01`` ->
  ``15-2051``), each SOC code counted once;
- *employment* is the sum of the matched SOC codes' employment (the US jobs in the
  occupations the role maps to);
- *median wage* is the employment-weighted median of the SOC codes' median wages (the
  lowest wage at which the SOC codes at or below it hold at least half the employment);
  SOC codes whose employment is unknown are left out, and when none is known it is the
  plain median;
- *exposure* is the employment-weighted mean of the O*NET-SOC codes' scores, each code
  weighing its SOC code's employment shared equally among the matched codes of that SOC
  code; when a weight is unknown it is the plain mean.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..taxonomy import Taxonomy
from .params import PathParams

__all__ = [
    "EXPOSURE_BANDS",
    "FIGURES_NOTE",
    "Figures",
    "WeightedAdjacency",
    "below_floor",
    "combine",
    "exposure_band",
    "exposure_costs",
    "figures_of",
    "is_onet_code",
    "request_rules",
    "weighted_median",
]

#: Upper ends of the exposure bands (share of tasks exposed, Eloundou et al. beta): roughly
#: the terciles of the 923 occupations scored, rounded.
EXPOSURE_BANDS: tuple[tuple[float, str], ...] = (
    (0.15, "low"),
    (0.40, "medium"),
    (math.inf, "high"),
)

#: What the figures do not mean: shown wherever they are.
FIGURES_NOTE = (
    "Wages and employment are US figures (BLS OEWS, May 2021) of the O*NET occupations a "
    "role maps to, not European ones. Exposure is the share of an occupation's tasks that "
    "large language models could speed up (Eloundou et al. 2023): exposure is not "
    "replacement, and a high score does not say the job will go."
)


def is_onet_code(code: str) -> bool:
    """Whether ``code`` is an O*NET-SOC code (``15-2051.00``).

    >>> is_onet_code("15-2051.01"), is_onet_code("2511.1"), is_onet_code("15-2051")
    (True, False, False)
    """
    return (
        len(code) == 10
        and code[2] == "-"
        and code[7] == "."
        and (code[:2] + code[3:7] + code[8:]).isdigit()
    )


def exposure_band(score: float | None) -> str | None:
    """The band of an exposure score ("low", "medium", "high"), None when unknown.

    >>> exposure_band(0.1), exposure_band(0.15), exposure_band(0.52), exposure_band(None)
    ('low', 'medium', 'high', None)
    """
    if score is None or math.isnan(score):
        return None
    return next(name for top, name in EXPOSURE_BANDS if score < top)


def weighted_median(values: Sequence[float], weights: Sequence[float]) -> float:
    """The lowest value at which the values at or below it hold at least half the weight.

    >>> weighted_median([50_000, 90_000, 70_000], [1, 1, 3])
    70000.0
    >>> weighted_median([50_000, 90_000], [3, 1]), weighted_median([50_000, 90_000], [1, 1])
    (50000.0, 50000.0)
    >>> math.isnan(weighted_median([], []))
    True
    """
    if not len(values):
        return math.nan
    order = np.argsort(np.asarray(values, dtype=np.float64), kind="stable")
    v = np.asarray(values, dtype=np.float64)[order]
    w = np.asarray(weights, dtype=np.float64)[order]
    half = w.sum() / 2.0
    return float(v[int(np.searchsorted(np.cumsum(w), half - 1e-9 * max(half, 1.0)))])


def combine(
    codes: Sequence[str],
    wage: Mapping[str, float],
    employment: Mapping[str, float],
    exposure: Mapping[str, float],
) -> tuple[float, float, float]:
    """``(median wage, employment, exposure)`` of a role matched to O*NET-SOC ``codes``
    (NaN where unknown); ``wage`` and ``employment`` are keyed by SOC code, ``exposure``
    by O*NET-SOC code.  The rule is in the module's docstring.

    >>> wage = {"15-2051": 100_000.0, "43-9111": 50_000.0}
    >>> jobs = {"15-2051": 100.0, "43-9111": 300.0}
    >>> exposure = {"15-2051.00": 0.6, "15-2051.01": 0.4, "43-9111.00": 0.2}
    >>> combine(["15-2051.00", "15-2051.01", "43-9111.00"], wage, jobs, exposure)
    (50000.0, 400.0, 0.275)
    >>> combine(["15-2051.00"], wage, jobs, {})[2]
    nan
    """
    socs = list(dict.fromkeys(c[:7] for c in codes))
    known_jobs = [employment[s] for s in socs if s in employment]
    jobs = float(sum(known_jobs)) if known_jobs else math.nan
    paid = [s for s in socs if s in wage]
    weighted = [s for s in paid if employment.get(s, 0) > 0]
    if weighted:
        pay = weighted_median([wage[s] for s in weighted], [employment[s] for s in weighted])
    elif paid:
        pay = float(np.median([wage[s] for s in paid]))
    else:
        pay = math.nan
    scored = [c for c in dict.fromkeys(codes) if c in exposure]
    if not scored:
        return pay, jobs, math.nan
    per_soc: dict[str, int] = {}
    for c in scored:
        per_soc[c[:7]] = per_soc.get(c[:7], 0) + 1
    weights = [employment.get(c[:7], math.nan) / per_soc[c[:7]] for c in scored]
    scores = [exposure[c] for c in scored]
    if all(w > 0 for w in weights):  # NaN compares False: any unknown weight
        share = float(np.average(scores, weights=weights))
    else:
        share = float(np.mean(scores))
    return pay, jobs, round(share, 12)


def below_floor(wage: np.ndarray, start: int | None, floor: float) -> np.ndarray:
    """The roles whose median wage is below ``floor`` times the start's (a bool mask).

    Roles whose wage is unknown are never below it (nothing says they are); with no start
    role, an unknown start wage or ``floor <= 0`` no role is.

    >>> w = np.array([50_000.0, 44_000.0, 45_000.0, np.nan])
    >>> below_floor(w, 0, 0.9).tolist()
    [False, True, False, False]
    >>> bool(below_floor(w, 3, 0.9).any()), bool(below_floor(w, None, 0.9).any())
    (False, False)
    """
    if start is None or floor <= 0 or not math.isfinite(float(wage[start])):
        return np.zeros(len(wage), dtype=bool)
    with np.errstate(invalid="ignore"):
        return np.asarray(wage < floor * float(wage[start]), dtype=bool)


def exposure_costs(exposure: np.ndarray, weight: float) -> np.ndarray | None:
    """The extra cost of a step into each role: ``weight * exposure`` (None when the
    weight is 0).  A role whose exposure is unknown counts the mean of the known ones
    (neither preferred nor avoided); with none known, nothing.

    >>> exposure_costs(np.array([0.2, np.nan, 0.6]), 2.0).tolist()
    [0.4, 0.8, 1.2]
    >>> exposure_costs(np.array([0.2]), 0.0) is None
    True
    """
    if weight <= 0:
        return None
    known = exposure[np.isfinite(exposure)]
    fill = float(known.mean()) if len(known) else 0.0
    return weight * np.where(np.isfinite(exposure), exposure, fill)


class WeightedAdjacency(Sequence[list[tuple[int, float, int]]]):
    """``base`` adjacency lists with ``node_cost[v]`` added to every move into ``v``,
    built per node on first use (a search visits few of them).

    >>> adj = WeightedAdjacency([[(1, 1.0, 0)], [(0, 2.0, 1)]], np.array([0.5, 0.25]))
    >>> adj[0], adj[1], len(adj)
    ([(1, 1.25, 0)], [(0, 2.5, 1)], 2)
    """

    def __init__(self, base: Sequence[Sequence[tuple[int, float, int]]], node_cost: np.ndarray):
        self._base = base
        self._cost = [*node_cost.tolist(), 0.0]  # a virtual start node costs nothing
        self._done: dict[int, list[tuple[int, float, int]]] = {}

    def __len__(self) -> int:
        return len(self._base)

    def __getitem__(self, u):
        if not isinstance(u, int):
            return [self[i] for i in range(len(self))[u]]
        row = self._done.get(u)
        if row is None:
            cost = self._cost
            row = self._done[u] = [(v, c + cost[v], x) for v, c, x in self._base[u]]
        return row


def request_rules(
    t: Taxonomy,
    params: PathParams,
    start: int | None,
    adj: Sequence[Sequence[tuple[int, float, int]]],
    avoid: set[int],
) -> tuple[Sequence[Sequence[tuple[int, float, int]]], set[int], np.ndarray]:
    """What the wage floor and the exposure weight change in one path request:
    ``(adjacency to search, roles to avoid, mask of the roles below the floor)``.

    The adjacency is ``adj`` itself when the exposure weight is 0, and the roles to avoid
    ``avoid`` itself when no role is below the floor, so a request without the rules
    searches exactly as before.
    """
    assert t.role_wage is not None and t.role_exposure is not None
    floor = below_floor(t.role_wage, start, params.wage_floor)
    kept = avoid | set(np.flatnonzero(floor).tolist()) if floor.any() else avoid
    node_cost = exposure_costs(t.role_exposure, params.exposure_weight)
    return (adj if node_cost is None else WeightedAdjacency(adj, node_cost)), kept, floor


@dataclass(frozen=True)
class Figures:
    """A role's figures (None: unknown) and, given a start, the wage change from it."""

    wage: float | None
    employment: float | None
    exposure: float | None
    codes: tuple[str, ...] = ()
    #: The median wage minus the start's, and that as a share of the start's.
    wage_change: float | None = None
    wage_change_share: float | None = None
    sources: Mapping[str, str] = field(default_factory=dict)

    @property
    def band(self) -> str | None:
        return exposure_band(self.exposure)

    @property
    def known(self) -> bool:
        return self.wage is not None or self.exposure is not None

    def summary(self) -> str:
        """One line: US median wage (change from the start), LLM exposure band and score.

        >>> Figures(50_000.0, 10.0, 0.62, wage_change=5_000.0, wage_change_share=0.11).summary()
        '$50,000 (+11%), high exposure 0.62'
        >>> Figures(None, None, None).summary()
        'pay unknown, exposure unknown'
        """
        pay = "pay unknown" if self.wage is None else f"${self.wage:,.0f}"
        if self.wage_change_share is not None:
            pay += f" ({self.wage_change_share:+.0%})"
        if self.exposure is None:
            return f"{pay}, exposure unknown"
        return f"{pay}, {self.band} exposure {self.exposure:.2f}"

    def as_dict(self) -> dict[str, object]:
        return {
            "median_wage": self.wage,
            "median_wage_change": self.wage_change,
            "median_wage_change_share": self.wage_change_share,
            "employment": self.employment,
            "exposure": self.exposure,
            "exposure_band": self.band,
            "onet_codes": list(self.codes),
            "sources": dict(self.sources),
        }


def _known(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def figures_of(t: Taxonomy, role: int, start: int | None = None) -> Figures:
    """The figures of role ``role`` of ``t``; with a ``start`` role, the wage change.

    >>> t = Taxonomy.from_records(roles=[("r:a", "a", None), ("r:b", "b", None)],
    ...     skills=[], fields=[], requirements=[])
    >>> t.role_wage[:] = [40_000.0, 50_000.0]
    >>> f = figures_of(t, 1, start=0)
    >>> f.wage, f.wage_change, f.wage_change_share, f.exposure, f.band
    (50000.0, 10000.0, 0.25, None, None)
    """
    assert t.role_wage is not None and t.role_employment is not None
    assert t.role_exposure is not None
    wage = _known(float(t.role_wage[role]))
    change = share = None
    if start is not None and wage is not None:
        base = _known(float(t.role_wage[start]))
        if base is not None:
            change = wage - base
            share = round(change / base, 6) if base else None
    codes = tuple(t.role_links[role].split()) if t.role_links else ()
    return Figures(
        wage=wage,
        employment=_known(float(t.role_employment[role])),
        exposure=_known(float(t.role_exposure[role])),
        codes=codes,
        wage_change=change,
        wage_change_share=share,
        sources=t.figure_sources or {},
    )
