"""Career paths: next steps, upskilling / reskilling paths and what-if questions.

The glue between a ``SkillGraph`` (names, store, cache) and the pure algorithms in
``transitions`` (the move model), ``paths`` (Dijkstra, Yen) and ``gaps`` (skill gaps,
program cover).  Results are plain dataclasses with ``as_dict()`` for JSON.

A start is a role, a set of skills (``start=None, have=[...]``: a virtual start node
whose moves are computed on the fly), or a role plus extra skills (the role's skills and
the extra ones; the role itself is then not revisited).  Extra skills only change the
first move: later moves are judged from the role the person is then in.  A profile's
field is the most common field of its skills; when none has one, it has no field to
leave and none of its moves is reskilling.  ``start == target`` answers one path with
zero steps.

>>> import skillgraph
>>> g = skillgraph.open()
>>> path = g.career_paths("administrative assistant", "digital marketing specialist")[0]
>>> path.steps[-1].target.label
'digital marketing specialist'
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from . import gaps as _gaps
from . import paths as _paths
from .errors import InvalidParameter, NoPath, UnknownConcept
from .search import words
from .taxonomy import Concept, Kind, Taxonomy, read_cache, write_cache
from .transitions import (
    MoveRow,
    Requirements,
    TransitionGraph,
    build_transitions,
    move_row,
    requirements,
)

if TYPE_CHECKING:
    from .graph import SkillGraph

__all__ = [
    "CareerModel",
    "CareerPath",
    "CostChange",
    "Move",
    "PathParams",
    "ProgramPick",
    "SkillGap",
    "Step",
    "WhatIf",
    "career_model",
]

PROFILE = Concept("profile:", "your skills", "profile")
UPSKILLING, RESKILLING = "upskilling", "reskilling"
#: Limits that keep a single request cheap whatever its parameters.
MAX_K = 50
MAX_STEPS_LIMIT = 20


# ----------------------------------------------------------------- parameters


@dataclass(frozen=True)
class PathParams:
    """Parameters of the career-path model, with their defaults.

    Graph parameters (they change the transition graph, which is cached per value):

    - ``essential_weight`` (1.0) / ``optional_weight`` (0.35): weight of an essential /
      optional requirement (scaled by the source's importance rating where present,
      ``use_ratings``, default True).
    - ``reskilling_penalty`` (1.25): cost multiplier of a move that changes field (>= 1).
    - ``min_overlap`` (0.2): a move is viable only if the start has at least this share
      of the target's weighted requirement (0..1).
    - ``moves_per_role`` (12): edges kept per role: moves no costlier than a role's
      ``moves_per_role``-th cheapest move out, or its target's ``moves_per_role``-th
      cheapest move in.
    - ``size_prior`` (3.0): requirement weight a target is assumed to have beyond what
      it lists, so that roles with few listed skills are not close to everything.
    - ``reuse_weight`` (0.25): share of the cost that measures how little of the start's
      own skills the target uses (0..1).
    - ``step_cost`` (0.1): fixed cost of any move (> 0), so shorter paths win ties.
    - ``profile_match`` (0.5): a bare skill profile may also move to a role that uses
      at least this share of its skills, even below ``min_overlap`` (0..1): people list
      only some of what they know.

    Explanation parameters (no effect on the graph):

    - ``default_skill_hours`` (40.0): hours to learn a skill whose hours are unknown (ESCO).
    - ``max_programs`` (5): at most this many programs recommended per step.
    """

    essential_weight: float = 1.0
    optional_weight: float = 0.35
    reskilling_penalty: float = 1.25
    min_overlap: float = 0.2
    moves_per_role: int = 12
    size_prior: float = 3.0
    reuse_weight: float = 0.25
    step_cost: float = 0.1
    profile_match: float = 0.5
    use_ratings: bool = True
    default_skill_hours: float = 40.0
    max_programs: int = 5

    GRAPH_FIELDS = (
        "essential_weight",
        "optional_weight",
        "reskilling_penalty",
        "min_overlap",
        "moves_per_role",
        "size_prior",
        "reuse_weight",
        "step_cost",
        "use_ratings",
    )

    def __post_init__(self) -> None:
        def check(name: str, ok: bool, what: str) -> None:
            if not ok:
                value = getattr(self, name)
                raise InvalidParameter(f"{name} must be {what} (got {value!r})")

        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.type in ("float", float):
                try:
                    value = float(value)
                except (TypeError, ValueError):
                    raise InvalidParameter(f"{f.name} must be a number (got {value!r})") from None
                check(f.name, math.isfinite(value), "a finite number")
                object.__setattr__(self, f.name, value)
            elif f.type in ("int", int):
                if isinstance(value, bool) or not isinstance(value, int | np.integer):
                    raise InvalidParameter(f"{f.name} must be an integer (got {value!r})")
                object.__setattr__(self, f.name, int(value))
            elif f.type in ("bool", bool):
                object.__setattr__(self, f.name, bool(value))
        check("essential_weight", self.essential_weight > 0, "> 0")
        check("optional_weight", self.optional_weight >= 0, ">= 0")
        check("reskilling_penalty", self.reskilling_penalty >= 1, ">= 1")
        check("min_overlap", 0 <= self.min_overlap <= 1, "between 0 and 1")
        check("moves_per_role", 1 <= self.moves_per_role <= 1000, "between 1 and 1000")
        check("size_prior", self.size_prior >= 0, ">= 0")
        check("reuse_weight", 0 <= self.reuse_weight <= 1, "between 0 and 1")
        check("step_cost", 0 < self.step_cost <= 10, "> 0 and <= 10")
        check("profile_match", 0 <= self.profile_match <= 1, "between 0 and 1")
        check("default_skill_hours", self.default_skill_hours >= 0, ">= 0")
        check("max_programs", 0 <= self.max_programs <= 50, "between 0 and 50")

    @classmethod
    def from_mapping(cls, values: dict | None) -> PathParams:
        """Parameters from a dict of names (None values mean the default)."""
        values = {k: v for k, v in (values or {}).items() if v is not None}
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - names)
        if unknown:
            raise InvalidParameter(
                f"unknown parameter {unknown[0]!r}; known: {', '.join(sorted(names))}"
            )
        return cls(**values)

    def graph_key(self) -> str:
        """A string naming the graph parameters, for cache keys."""
        return ",".join(f"{n}={getattr(self, n)!r}" for n in self.GRAPH_FIELDS)

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


# ----------------------------------------------------------------- results


def _concept(c: Concept) -> dict:
    return {"uri": c.uri, "label": c.label, "kind": c.kind}


@dataclass(frozen=True)
class SkillGap:
    """A skill the target needs and the start lacks."""

    skill: Concept
    essential: bool
    weight: float
    hours: float

    def as_dict(self) -> dict:
        return {
            "skill": _concept(self.skill),
            "essential": self.essential,
            "weight": self.weight,
            "hours": self.hours,
        }


@dataclass(frozen=True)
class ProgramPick:
    """A recommended learning program and the missing skills it teaches."""

    program: Concept
    hours: float | None
    cost: float | None
    program_type: str
    covers: list[Concept]

    def as_dict(self) -> dict:
        return {
            "program": _concept(self.program),
            "hours": self.hours,
            "cost": self.cost,
            "program_type": self.program_type,
            "covers": [_concept(c) for c in self.covers],
        }


def _explained(obj) -> dict:
    return {
        "kind": obj.kind,
        "cost": obj.cost,
        "matched": obj.matched,
        "required": obj.required,
        "matched_skills": [_concept(c) for c in obj.matched_skills],
        "missing_skills": [g.as_dict() for g in obj.missing_skills],
        "hours": obj.hours,
        "programs": [p.as_dict() for p in obj.programs],
    }


@dataclass(frozen=True)
class Move:
    """One move from a start to ``role``, explained."""

    role: Concept
    kind: str
    cost: float
    matched: int
    required: int
    missing_skills: list[SkillGap]
    hours: float
    programs: list[ProgramPick]
    matched_skills: list[Concept] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"role": _concept(self.role), **_explained(self)}


@dataclass(frozen=True)
class Step:
    """One step of a path: the move from ``source`` to ``target``, explained."""

    source: Concept
    target: Concept
    kind: str
    cost: float
    matched: int
    required: int
    matched_skills: list[Concept]
    missing_skills: list[SkillGap]
    hours: float
    programs: list[ProgramPick]

    def as_dict(self) -> dict:
        return {
            "source": _concept(self.source),
            "target": _concept(self.target),
            **_explained(self),
        }


@dataclass(frozen=True)
class CareerPath:
    """A path of steps; ``cost`` is the sum of the step costs."""

    steps: list[Step]
    cost: float
    reskilling_steps: int
    hours: float
    source: Concept | None = None
    target: Concept | None = None

    def as_dict(self) -> dict:
        return {
            "source": _concept(self.source) if self.source else None,
            "target": _concept(self.target) if self.target else None,
            "cost": self.cost,
            "reskilling_steps": self.reskilling_steps,
            "hours": self.hours,
            "steps": [s.as_dict() for s in self.steps],
        }


class CostChange(NamedTuple):
    """A role whose move got cheaper: ``(role, cost_before, cost_after, saving)``."""

    role: Concept
    cost_before: float
    cost_after: float
    saving: float

    def as_dict(self) -> dict:
        return {
            "role": _concept(self.role),
            "cost_before": self.cost_before,
            "cost_after": self.cost_after,
            "saving": self.saving,
        }


@dataclass(frozen=True)
class WhatIf:
    """What learning ``learned`` changes: new viable moves and cheaper ones."""

    start: Concept
    learned: list[Concept]
    newly_reachable: list[Move]
    cheaper: list[CostChange]

    def as_dict(self) -> dict:
        return {
            "start": _concept(self.start),
            "learned": [_concept(c) for c in self.learned],
            "newly_reachable": [m.as_dict() for m in self.newly_reachable],
            "cheaper": [c.as_dict() for c in self.cheaper],
        }


# ----------------------------------------------------------------- the model


@dataclass(eq=False)
class _Start:
    """A resolved start: a role node, or a virtual node with its own skills."""

    concept: Concept
    role: int | None  # the role's number, if the start is a role
    have: np.ndarray  # bool over skills
    own: np.ndarray  # weight per skill, for reuse
    field: int | None  # None: a profile with no field to leave
    virtual: bool  # True when the start's moves differ from the role's graph row
    extra: list[int]  # skills given on top of the role's (all of them for a profile)


class CareerModel:
    """A taxonomy's requirement matrix and transition graph under one ``PathParams``."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        params: PathParams,
        graph: TransitionGraph | None = None,
        req: Requirements | None = None,
    ):
        self.taxonomy = taxonomy
        self.params = params
        self.req: Requirements = req if req is not None else requirements(taxonomy, params)
        self.graph: TransitionGraph = graph or build_transitions(self.req, params)
        t = taxonomy
        self._teaches: dict[int, set[int]] = {}
        for p, s in zip(t.teach_program.tolist(), t.teach_skill.tolist(), strict=True):
            self._teaches.setdefault(p, set()).add(s)
        self._concept_lists: dict[str, list[Concept]] = {}
        self._set_hours()

    def _set_hours(self) -> None:
        hours = np.asarray(self.taxonomy.skill_hours, dtype=np.float64)
        self._hours = np.where(np.isnan(hours), self.params.default_skill_hours, hours)
        self._program_hours = {p: self._estimated_hours(p) for p in self._teaches}

    def _estimated_hours(self, program: int) -> float:
        h = float(self.taxonomy.program_hours[program])
        if math.isfinite(h) and h > 0:
            return h
        # No hours listed: assume it takes as long as learning what it teaches.
        return float(sum(self._hours[s] for s in self._teaches[program])) or 1.0

    @property
    def adjacency(self):
        return self.graph.adjacency

    # -------------------------------------------------------------- starts

    def start_for(
        self, role: int | None, extra: Iterable[int] = (), learned: Iterable[int] = ()
    ) -> _Start:
        """A start: a role and/or ``extra`` skills the person has, plus ``learned`` ones.

        What a move reuses of the start is measured against its experience: the role's
        requirement, or for a bare profile its ``extra`` skills.  Skills added on top of a
        role, or learned (what-if), only widen what the start covers, so learning never
        makes a move dearer.
        """
        t, req = self.taxonomy, self.req
        extra = sorted(set(extra))
        have = np.zeros(t.n_skills, dtype=bool)
        own = np.zeros(t.n_skills, dtype=np.float64)
        learned = sorted(set(learned))
        if role is not None:
            skills, weights, _ = req.entries_of(role)
            have[skills] = True
            own[skills] = weights
            fresh = [s for s in extra + learned if not have[s]]
            have[fresh] = True
            field = int(t.role_field[role])
            return _Start(t.concept(Kind.ROLE, role), role, have, own, field, bool(fresh), extra)
        have[extra] = True
        own[extra] = 1.0
        have[learned] = True
        return _Start(PROFILE, None, have, own, self._profile_field(extra), True, extra)

    def _profile_field(self, skills: Sequence[int]) -> int | None:
        """The most common known field of the skills, or None (then no move is reskilling)."""
        fields = self.taxonomy.skill_field[list(skills)] if len(skills) else np.array([])
        fields = fields[fields >= 0]
        if not len(fields):
            return None
        values, counts = np.unique(fields, return_counts=True)
        return int(values[np.argmax(counts)])

    def row(self, start: _Start) -> MoveRow:
        row = move_row(self.req, start.have, start.field, self.params, own=start.own)
        if start.role is not None:
            row.viable[start.role] = False
        else:
            # People list only some of what they know: a role that uses most of the
            # listed skills is a move too, however little of it they cover.
            row.viable |= (row.reuse >= self.params.profile_match) & (row.overlap > 0)
        return row

    def _virtual_edges(self, start: _Start) -> list[tuple[int, float, int]]:
        """The edges a virtual start gets: the rule of ``build_transitions``."""
        row = self.row(start)
        idx = np.flatnonzero(row.viable)
        cost = row.cost[idx]
        k = self.params.moves_per_role
        threshold = np.partition(cost, k - 1)[k - 1] if len(cost) > k else np.inf
        keep = (cost <= threshold) | (cost <= self.graph.in_threshold[idx])
        idx, cost = idx[keep], cost[keep]
        return list(
            zip(idx.tolist(), cost.tolist(), row.reskill[idx].astype(int).tolist(), strict=True)
        )

    # -------------------------------------------------------------- explanations

    def explain(self, have: np.ndarray, target: int) -> tuple[_gaps.Gap, list]:
        """The gap from a start that has ``have`` to ``target``, and the programs for it."""
        gap = _gaps.skill_gap(*self.req.entries_of(target), have, self._hours)
        picks = []
        if self.params.max_programs and self._teaches and len(gap.missing):
            need = dict(zip(gap.missing.tolist(), gap.weight.tolist(), strict=True))
            picks = _gaps.cover_programs(
                need, self._teaches, self._program_hours, limit=self.params.max_programs
            )
        return gap, picks

    def _explained(self, have: np.ndarray, target: int) -> dict:
        t = self.taxonomy
        gap, picks = self.explain(have, target)
        skill = self._concepts(Kind.SKILL)
        programs = []
        for p, covers in picks:
            hours = float(t.program_hours[p])
            cost = float(t.program_cost[p])
            programs.append(
                ProgramPick(
                    program=t.concept(Kind.PROGRAM, p),
                    hours=hours if math.isfinite(hours) else None,
                    cost=cost if math.isfinite(cost) else None,
                    program_type=t.program_type[p],
                    covers=[skill[s] for s in covers],
                )
            )
        missing = [
            SkillGap(skill[s], e, w, h)
            for s, e, w, h in zip(
                gap.missing.tolist(),
                gap.essential.tolist(),
                gap.weight.tolist(),
                gap.hours.tolist(),
                strict=True,
            )
        ]
        return {
            "matched": len(gap.matched),
            "required": len(gap.matched) + len(missing),
            "matched_skills": [skill[s] for s in gap.matched.tolist()],
            "missing_skills": missing,
            "hours": gap.total_hours,
            "programs": programs,
        }

    def _concepts(self, kind: str) -> list[Concept]:
        """Every concept of a kind, built once (Concepts are immutable)."""
        cached = self._concept_lists.get(kind)
        if cached is None:
            uris, labels = self.taxonomy._columns(kind)
            cached = [Concept(u, lb, kind) for u, lb in zip(uris, labels, strict=True)]
            self._concept_lists[kind] = cached
        return cached

    def move(self, start: _Start, row: MoveRow, target: int) -> Move:
        return Move(
            role=self._concepts(Kind.ROLE)[target],
            kind=RESKILLING if row.reskill[target] else UPSKILLING,
            cost=float(row.cost[target]),
            **self._explained(start.have, target),
        )

    def _role_have(self, role: int) -> np.ndarray:
        have = np.zeros(self.taxonomy.n_skills, dtype=bool)
        have[self.req.skills_of(role)] = True
        return have

    # -------------------------------------------------------------- questions

    def next_steps(self, start: _Start, k: int) -> list[Move]:
        row = self.row(start)
        idx = np.flatnonzero(row.viable)
        order = np.lexsort((idx, row.cost[idx]))[:k]
        return [self.move(start, row, int(i)) for i in idx[order]]

    def paths(
        self,
        start: _Start,
        target: int,
        *,
        k: int,
        max_reskilling: int | None,
        max_steps: int | None,
        avoid: set[int],
    ) -> list[CareerPath]:
        t = self.taxonomy
        target_concept = t.concept(Kind.ROLE, target)
        if start.role == target:
            return [CareerPath([], 0.0, 0, 0.0, start.concept, target_concept)]
        if target in avoid:
            raise NoPath(
                f"{target_concept.label!r} is both the target and a role to avoid",
                reason="the target is avoided",
            )
        adj = self.adjacency
        bounds = self.graph.bounds(target, max_reskilling=max_reskilling, max_steps=max_steps)
        if start.virtual:
            source = len(adj)
            adj = [*adj, self._virtual_edges(start)]
            for values in [bounds["h"], *bounds.get("h_budget", ()), bounds.get("hops", [])]:
                values.append(0.0)
            if start.role is not None:
                avoid = avoid | {start.role}
        else:
            source = start.role
        found = _paths.k_shortest_paths(
            adj,
            source,
            target,
            k,
            max_reskilling=max_reskilling,
            max_steps=max_steps,
            avoid=avoid,
            **bounds,
        )
        if not found:
            raise self._no_path(adj, source, start, target, max_reskilling, max_steps, avoid)
        return [self._path(adj, start, nodes) for _, nodes in found]

    def _path(self, adj, start: _Start, nodes: list[int]) -> CareerPath:
        t = self.taxonomy
        steps = []
        for i, (u, v) in enumerate(itertools.pairwise(nodes)):
            cost, resk = _paths._edge(adj, u, v)
            if i == 0:
                source, have = start.concept, start.have
            else:
                source, have = t.concept(Kind.ROLE, u), self._role_have(u)
            steps.append(
                Step(
                    source=source,
                    target=t.concept(Kind.ROLE, v),
                    kind=RESKILLING if resk else UPSKILLING,
                    cost=cost,
                    **self._explained(have, v),
                )
            )
        return CareerPath(
            steps=steps,
            cost=float(sum(s.cost for s in steps)),
            reskilling_steps=sum(s.kind == RESKILLING for s in steps),
            hours=float(sum(s.hours for s in steps)),
            source=start.concept,
            target=steps[-1].target if steps else None,
        )

    def _no_path(self, adj, source, start, target, max_reskilling, max_steps, avoid) -> NoPath:
        t = self.taxonomy
        a, b = start.concept.label, t.role_labels[target]
        plain = f"no path from {a!r} to {b!r}"
        if self.req.totals[target] == 0:
            return NoPath(f"{plain}: {b!r} lists no skills", reason=f"{b!r} lists no skills")
        if not start.have.any():
            return NoPath(f"{plain}: the start has no skills", reason="the start has no skills")
        free = _paths.shortest_path(adj, source, target)
        if free is None:
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

    def whatif(self, start: _Start, learn: Iterable[int], k: int) -> tuple[list[Move], list]:
        after = self.start_for(start.role, start.extra, learned=learn)
        before_row, after_row = self.row(start), self.row(after)
        new = np.flatnonzero(after_row.viable & ~before_row.viable)
        new = new[np.lexsort((new, after_row.cost[new]))][:k]
        both = np.flatnonzero(after_row.viable & before_row.viable)
        saving = before_row.cost[both] - after_row.cost[both]
        keep = saving > 1e-12
        both, saving = both[keep], saving[keep]
        order = np.lexsort((both, -saving))[:k]
        cheaper = [
            CostChange(
                self.taxonomy.concept(Kind.ROLE, int(r)),
                float(before_row.cost[r]),
                float(after_row.cost[r]),
                float(s),
            )
            for r, s in zip(both[order], saving[order], strict=True)
        ]
        return [self.move(after, after_row, int(r)) for r in new], cheaper


# ----------------------------------------------------------------- caching

_models: OrderedDict[tuple[str, str], CareerModel] = OrderedDict()
_lock = threading.Lock()
_MODELS_KEPT = 8


def career_model(graph: SkillGraph, params: PathParams | None = None) -> CareerModel:
    """The career model of ``graph`` under ``params``, cached in memory and on disk."""
    params = params or PathParams()
    taxonomy = graph.taxonomy
    content_id = graph.store.content_id
    key = (content_id, params.graph_key())
    with _lock:
        model = _models.get(key)
        if model is not None:
            _models.move_to_end(key)
            if model.params != params:
                model = _with_params(model, params)
            return model
    name = "transitions-" + _digest(params.graph_key())
    cached = read_cache(graph.store.cache_dir, name, content_id)
    if (
        isinstance(cached, tuple)
        and len(cached) == 2
        and isinstance(cached[0], TransitionGraph)
        and cached[0].key == params.graph_key()
    ):
        model = CareerModel(taxonomy, params, *cached)
    else:
        model = CareerModel(taxonomy, params)
        write_cache(graph.store.cache_dir, name, content_id, (model.graph, model.req))
    with _lock:
        _models[key] = model
        while len(_models) > _MODELS_KEPT:
            _models.popitem(last=False)
    return model


def _with_params(model: CareerModel, params: PathParams) -> CareerModel:
    """The same graph with other explanation parameters (cheap: the graph is shared)."""
    clone = object.__new__(CareerModel)
    clone.__dict__.update(model.__dict__)
    clone.params = params
    clone._concept_lists = {}
    clone._set_hours()
    return clone


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()[:16]


# ----------------------------------------------------------------- the public methods


_preferred: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _by_preferred_label(taxonomy: Taxonomy, kind: str) -> dict[str, int]:
    """Normalised preferred label -> number, for labels that name one concept of the kind.

    A shortcut past ``SkillGraph.resolve`` for the common case of an exact label: the
    full label index (alternative labels, suggestions) takes longer to load than a whole
    request on ESCO.  Anything else still goes through ``resolve``.
    """
    tables = _preferred.setdefault(taxonomy, {})
    table = tables.get(kind)
    if table is None:
        seen: dict[str, int] = {}
        for i, label in enumerate(taxonomy._columns(kind)[1]):
            key = " ".join(words(label))
            seen[key] = -1 if key in seen else i
        table = {k: i for k, i in seen.items() if i >= 0}
        tables[kind] = table
    return table


def _number(graph: SkillGraph, name, kind: str) -> int:
    taxonomy = graph.taxonomy
    if isinstance(name, Concept):
        located = taxonomy.locate(name.uri)
    else:
        text = str(name).strip()
        located = taxonomy.locate(text)
        if located is None:
            i = _by_preferred_label(taxonomy, kind).get(" ".join(words(text)))
            if i is not None:
                return i
            located = taxonomy.locate(graph.resolve(text, kind=kind).uri)
    if located is None or located[0] != kind:
        raise UnknownConcept(str(name), [], kind)
    return located[1]


def _role_number(graph: SkillGraph, name) -> int:
    return _number(graph, name, Kind.ROLE)


def _numbers(graph: SkillGraph, names, kind: str) -> list[int]:
    if isinstance(names, str | Concept):
        names = [names]
    return [_number(graph, name, kind) for name in names or ()]


def _check_int(name: str, value, low: int, high: int, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise InvalidParameter(f"{name} must be an integer (got {value!r})")
    if not low <= value <= high:
        raise InvalidParameter(f"{name} must be between {low} and {high} (got {value})")
    return int(value)


def _start(graph: SkillGraph, model: CareerModel, start, have) -> _Start:
    skills = _numbers(graph, have, Kind.SKILL)
    if start is None or (isinstance(start, str) and not start.strip()):
        if not skills:
            raise InvalidParameter("give a start role, or the skills you have (have=...)")
        return model.start_for(None, skills)
    return model.start_for(_role_number(graph, start), skills)


def _params(params) -> PathParams:
    if params is None:
        return PathParams()
    if isinstance(params, PathParams):
        return params
    if isinstance(params, dict):
        return PathParams.from_mapping(params)
    raise InvalidParameter(f"params must be a PathParams or a dict (got {type(params).__name__})")


def next_steps(graph: SkillGraph, start, k: int = 10, *, have=(), params=None) -> list[Move]:
    """The ``k`` cheapest viable moves from ``start`` (a role, skills, or both)."""
    k = _check_int("k", k, 1, 10 * MAX_K)
    model = career_model(graph, _params(params))
    return model.next_steps(_start(graph, model, start, have), k)


def career_paths(
    graph: SkillGraph,
    start,
    target,
    *,
    k: int = 3,
    max_reskilling: int | None = None,
    max_steps: int | None = None,
    avoid=(),
    have=(),
    params=None,
) -> list[CareerPath]:
    """Up to ``k`` cheapest paths from ``start`` to ``target`` (raises ``NoPath``)."""
    k = _check_int("k", k, 1, MAX_K)
    max_reskilling = _check_int("max_reskilling", max_reskilling, 0, MAX_STEPS_LIMIT, optional=True)
    max_steps = _check_int("max_steps", max_steps, 1, MAX_STEPS_LIMIT, optional=True)
    model = career_model(graph, _params(params))
    begin = _start(graph, model, start, have)
    goal = _role_number(graph, target)
    avoided = set(_numbers(graph, avoid, Kind.ROLE))
    if begin.role is not None and begin.role in avoided:
        raise InvalidParameter("the start role cannot also be a role to avoid")
    return model.paths(
        begin, goal, k=k, max_reskilling=max_reskilling, max_steps=max_steps, avoid=avoided
    )


def whatif(
    graph: SkillGraph, start, *, learn=(), programs=(), have=(), k: int = 20, params=None
) -> WhatIf:
    """Which moves become viable, or cheaper, after learning skills or taking programs."""
    k = _check_int("k", k, 1, 10 * MAX_K)
    model = career_model(graph, _params(params))
    begin = _start(graph, model, start, have)
    skills = _numbers(graph, learn, Kind.SKILL)
    for p in _numbers(graph, programs, Kind.PROGRAM):
        skills.extend(sorted(model._teaches.get(p, ())))
    if not skills:
        raise InvalidParameter("give skills to learn or programs to take")
    new, cheaper = model.whatif(begin, skills, k)
    learned = [graph.taxonomy.concept(Kind.SKILL, s) for s in dict.fromkeys(skills)]
    return WhatIf(begin.concept, learned, new, cheaper)
