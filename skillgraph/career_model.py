"""The career model of one taxonomy under one ``PathParams``, and its cache.

``CareerModel`` holds the requirement matrix and the transition graph, resolves starts
(a role, a skill profile, or both) and answers next steps, paths and what-ifs with
explained moves.  ``career_model`` caches models in memory and their graphs on disk,
keyed by the store's content and the graph parameters.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from . import gaps as _gaps
from . import paths as _paths
from .career_params import PathParams
from .career_results import (
    PROFILE,
    RESKILLING,
    UPSKILLING,
    CareerPath,
    CostChange,
    Move,
    ProgramPick,
    SkillGap,
    Step,
)
from .errors import NoPath
from .taxonomy import Concept, Kind, Taxonomy, read_cache, write_cache
from .transitions import (
    MoveRow,
    Requirements,
    TransitionGraph,
    build_transitions,
    move_row,
    requirements,
    viable_moves,
)

if TYPE_CHECKING:
    from .graph import SkillGraph

__all__ = ["CareerModel", "career_model"]


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
    level: np.ndarray | None = None  # the role's rated level per skill (NaN: unrated)


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
        self._taught_by: dict[int, list[int]] = {}
        for p, s in zip(t.teach_program.tolist(), t.teach_skill.tolist(), strict=True):
            self._teaches.setdefault(p, set()).add(s)
        for p, skills in sorted(self._teaches.items()):
            for s in skills:
                self._taught_by.setdefault(s, []).append(p)
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
            # Skills added on top of the role have no rated level: they count in full.
            level = self._role_level(role)
            return _Start(
                t.concept(Kind.ROLE, role), role, have, own, field, bool(fresh), extra, level
            )
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
        rank = None
        if start.role is not None and self.req.role_rank is not None:
            rank = float(self.req.role_rank[start.role])
        row = move_row(
            self.req,
            start.have,
            start.field,
            self.params,
            own=start.own,
            level=start.level,
            rank=rank,
        )
        if start.role is not None:
            row.viable[start.role] = False
        else:
            # People list only some of what they know: a role that uses most of the
            # listed skills is a move too, however little of it they cover.
            row.viable |= (row.reuse >= self.params.profile_match) & (row.overlap > 0)
        return row

    def _virtual_edges(self, start: _Start) -> list[tuple[int, float, int]]:
        """The edges a virtual start gets: every viable move out of it."""
        row = self.row(start)
        idx = np.flatnonzero(row.viable)
        return list(
            zip(
                idx.tolist(),
                row.cost[idx].tolist(),
                row.reskill[idx].astype(int).tolist(),
                strict=True,
            )
        )

    def request_graph(
        self,
        start: _Start,
        target: int,
        *,
        max_reskilling: int | None = None,
        max_steps: int | None = None,
        avoid: Collection[int] = (),
    ) -> tuple[list, int, dict]:
        """``(adjacency, source node, search bounds)`` for paths from ``start`` to
        ``target``: the cached graph plus, for this request only, EVERY viable move out
        of the start and into the target.

        The graph keeps each role's ``moves_per_role`` cheapest moves out and in, which
        keeps long jumps going through realistic intermediate roles; but a viable direct
        move from the start or into the target must not be hidden by it (a pruned
        direct move is usually cheaper than the detour the graph offers).  Both are one
        sparse row / column of the move matrix (``role_moves``).  A virtual start (a
        skill profile, or a role plus extra skills) is node ``len(graph)``.  The cached
        adjacency lists are shared, never changed: the rows that change are copies.
        ``avoid``: the roles the search will avoid (they only decide whether the cheaper,
        capped bounds are safe: see ``TransitionGraph.bounds``).
        """
        base = self.adjacency
        n = len(base)
        if start.virtual:
            source = n
            start_edges = self._virtual_edges(start)
        else:
            source = start.role
            idx, cost, flag = viable_moves(self.req, source, self.params, into=False)
            # Moves that are edges keep the graph's cost (the same number, summed in
            # another order): paths through them cost what they cost in the graph.
            known = {v: (v, c, x) for v, c, x in base[source]}
            start_edges = [
                known.get(v) or (v, c, x)
                for v, c, x in zip(
                    idx.tolist(), cost.tolist(), flag.astype(int).tolist(), strict=True
                )
            ]
        new, new_cost, new_flag = viable_moves(self.req, target, self.params, into=True)
        # Moves that are edges already, and the start's own (they are start_edges).
        edge = np.zeros(n + 1, dtype=bool)
        edge[self.graph.in_sources(target)] = True
        edge[source] = not start.virtual
        fresh = ~edge[new]
        new, new_cost, new_flag = new[fresh], new_cost[fresh], new_flag[fresh]
        adj = list(base)
        for u, c, x in zip(new.tolist(), new_cost.tolist(), new_flag.tolist(), strict=True):
            adj[u] = [*adj[u], (target, c, int(x))]
        extra = (new, new_cost, new_flag)
        if start.virtual:
            adj.append(start_edges)
        else:
            adj[source] = start_edges
        limit = None
        if (
            max_reskilling is None
            and max_steps is None
            and not avoid
            and not (start.virtual and start.role is not None)  # its role is avoided
            and self._surely_reaches(start_edges, target, new)
        ):
            # A cheaper, capped bound (TransitionGraph.bounds): safe when the target is
            # reachable, for then the search ends on a path, never exploring everything.
            limit = self.graph.bound_limit
        bounds = self.graph.bounds(
            target, max_reskilling=max_reskilling, max_steps=max_steps, extra=extra, limit=limit
        )
        if start.virtual:
            for values in [bounds["h"], *bounds.get("h_budget", ()), bounds.get("hops", [])]:
                values.append(0.0)
        # The start's own bounds, over its complete moves (the graph's pruned row may
        # reach the target through none of them).
        h = bounds["h"]
        h[source] = min((c + h[v] for v, c, _ in start_edges), default=math.inf)
        layers = bounds.get("h_budget", ())
        for j, row_j in enumerate(layers):
            row_j[source] = min(
                (c + layers[j - x][v] for v, c, x in start_edges if x <= j), default=math.inf
            )
        if "hops" in bounds:
            hops = bounds["hops"]
            hops[source] = min((1 + hops[v] for v, _, _ in start_edges), default=math.inf)
        return adj, source, bounds

    def _surely_reaches(self, start_edges, target: int, new: np.ndarray) -> bool:
        """True when the start has a move into a component of the graph from which a
        move leads into ``target`` (then a path exists, whatever the bounds)."""
        moves = [v for v, _, _ in start_edges]
        if target in moves:
            return True
        scc = self.graph.components
        first = set(scc[moves].tolist())
        last = scc[np.concatenate((self.graph.in_sources(target), new))]
        return any(c in first for c in set(last.tolist()))

    # -------------------------------------------------------------- explanations

    def explain(
        self, have: np.ndarray, target: int, level: np.ndarray | None = None
    ) -> tuple[_gaps.Gap, list]:
        """The gap from a start that has ``have`` to ``target``, and the programs for it."""
        gap, _, picks = self._explain(have, target, level)
        return gap, picks

    def _explain(
        self,
        have: np.ndarray,
        target: int,
        level: np.ndarray | None,
        taken: Collection[int] = (),
    ):
        """``(gap, level gap or None, program picks)``; ``level``: the start's rated
        level per skill (NaN: unrated), as in ``_Start.level``; ``taken``: programs
        recommended on earlier steps of a path -- not recommended again, and what they
        teach needs no other program."""
        skills, weights, essential = self.req.entries_of(target)
        gap = _gaps.skill_gap(skills, weights, essential, have, self._hours)
        deeper = None
        needed = self.req.levels_of(target)
        if level is not None and needed is not None:
            deeper = _gaps.level_gap(skills, weights, essential, needed, level, self._hours)
        need = dict(zip(gap.missing.tolist(), gap.weight.tolist(), strict=True))
        if deeper is not None:
            need.update(zip(deeper.skills.tolist(), deeper.weight.tolist(), strict=True))
        for p in taken:
            for skill in self._teaches.get(p, ()):
                need.pop(skill, None)
        picks = []
        if self.params.max_programs and self._teaches and need:
            teaches = {
                p: self._teaches[p]
                for s in need
                for p in self._taught_by.get(s, ())
                if p not in taken
            }
            picks = _gaps.cover_programs(
                need,
                teaches,
                self._program_hours,
                limit=self.params.max_programs,
                relevance=self._relevance(teaches, target),
                hours_exponent=self.params.program_hours_exponent,
            )
        return gap, deeper, picks

    def _relevance(self, programs: Iterable[int], target: int) -> dict[int, float]:
        """How well each program fits ``target``: the share of what it teaches that the
        role requires, scaled by ``program_field_weight`` when it is of another field.

        An adviser recommends a data analyst a data course before an executive
        assistant masterclass that happens to teach stakeholder communication.
        """
        t = self.taxonomy
        required = set(self.req.skills_of(target).tolist())
        field = int(t.role_field[target])
        out = {}
        for p in programs:
            taught = self._teaches[p]
            share = len(taught & required) / len(taught)
            own = int(t.program_field[p])
            other = own >= 0 and own != field
            out[p] = share * (self.params.program_field_weight if other else 1.0)
        return out

    def _explained(
        self,
        have: np.ndarray,
        target: int,
        level: np.ndarray | None,
        taken: Collection[int] = (),
    ) -> dict:
        t = self.taxonomy
        gap, deeper, picks = self._explain(have, target, level, taken)
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
        deepen = []
        if deeper is not None:
            deepen = [
                SkillGap(skill[s], e, w, h, level=n, have_level=m)
                for s, e, w, h, n, m in zip(
                    deeper.skills.tolist(),
                    deeper.essential.tolist(),
                    deeper.weight.tolist(),
                    deeper.hours.tolist(),
                    deeper.needed.tolist(),
                    deeper.held.tolist(),
                    strict=True,
                )
            ]
        return {
            "matched": len(gap.matched),
            "required": len(gap.matched) + len(missing),
            "matched_skills": [skill[s] for s in gap.matched.tolist()],
            "missing_skills": missing,
            "hours": gap.total_hours + (deeper.total_hours if deeper is not None else 0.0),
            "programs": programs,
            "to_deepen": deepen,
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
            **self._explained(start.have, target, start.level),
        )

    def _role_have(self, role: int) -> np.ndarray:
        have = np.zeros(self.taxonomy.n_skills, dtype=bool)
        have[self.req.skills_of(role)] = True
        return have

    def _role_level(self, role: int) -> np.ndarray | None:
        levels = self.req.levels_of(role)
        if levels is None:
            return None
        level = np.full(self.taxonomy.n_skills, np.nan)
        level[self.req.skills_of(role)] = levels
        return level

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
        adj, source, bounds = self.request_graph(
            start, target, max_reskilling=max_reskilling, max_steps=max_steps, avoid=avoid
        )
        if start.virtual and start.role is not None:
            avoid = avoid | {start.role}
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
        taken: set[int] = set()
        for i, (u, v) in enumerate(itertools.pairwise(nodes)):
            cost, resk = _paths._edge(adj, u, v)
            if i == 0:
                source, have, level = start.concept, start.have, start.level
            else:
                source, have = t.concept(Kind.ROLE, u), self._role_have(u)
                level = self._role_level(u)
            steps.append(
                Step(
                    source=source,
                    target=t.concept(Kind.ROLE, v),
                    kind=RESKILLING if resk else UPSKILLING,
                    cost=cost,
                    **self._explained(have, v, level, taken),
                )
            )
            # Later steps build on the programs recommended so far.
            taken |= {t.locate(p.program.uri)[1] for p in steps[-1].programs}
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
    return hashlib.sha256(text.encode()).hexdigest()[:16]
