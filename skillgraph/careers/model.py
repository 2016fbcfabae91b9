"""The career model of one taxonomy under one ``PathParams``.

``CareerModel`` holds the requirement matrix and the transition graph, resolves starts (a
role, a skill profile, or both) and answers next steps, paths and what-ifs with explained
moves (``explain.Explainer``).  It knows numbers, not names: ``engine.Careers`` resolves
names and caches models.  See docs/architecture.md.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import math
from collections.abc import Iterable, Sequence

import numpy as np

from ..errors import NoPath
from ..taxonomy import Kind, Taxonomy
from . import paths as _paths
from .batch import next_steps_many
from .best_fits import BestFits, best_fits
from .build import build_transitions
from .explain import Explainer, GapCache
from .fit import FitParts, best_cut, fit_parts, fit_rows, profile_for, profile_row
from .moves import MoveRow, move_row, ranks_down, training_cost
from .nopath import check_floor, no_path
from .outlook import below_floor, request_rules
from .params import PathParams
from .ranking import explained, ranked_roles
from .request import request_graph, request_moves, unreachable
from .requirements import Requirements, requirements
from .results import (
    JOB_MOVE,
    PROFILE,
    RESKILLING,
    RETRAINING,
    STEP_DOWN,
    UPSKILLING,
    CareerPath,
    CostChange,
    Move,
    Step,
)
from .start import Start
from .transition_graph import TransitionGraph

__all__ = ["CareerModel", "Start"]


class CareerModel:
    """A taxonomy's requirement matrix and transition graph under one ``PathParams``."""

    #: Answer a target out of reach from the graph's components (``request.unreachable``)
    #: before building the request's graph; False: always search (the tests' oracle).
    precheck = True

    def __init__(
        self,
        taxonomy: Taxonomy,
        params: PathParams,
        graph: TransitionGraph | None = None,
        req: Requirements | None = None,
        fits: BestFits | None = None,
    ):
        self.taxonomy = taxonomy
        self.params = params
        self.req: Requirements = req if req is not None else requirements(taxonomy, params)
        self.profile = profile_for(taxonomy, params.fit_profile)
        self._parts: FitParts | None = None
        #: Each role's best fits (``careers.fit``, kept sparse: ``best_fits``); its
        #: ``cut``: the ``fit_moves``-th best fit of a role, from which on a job move is
        #: viable anyway.
        if fits is None:
            fits = best_fits(self.parts, params.fit_moves)
        self.fits: BestFits = fits
        self.fit_cut = fits.cut
        if graph is None:
            graph = build_transitions(self.req, params, fits.pairs())
        self.graph: TransitionGraph = graph
        self.explainer = Explainer(taxonomy, self.req, params)

    @property
    def parts(self) -> FitParts:
        """What a row of the fit is computed from (built when first needed: a warm model
        answers from ``fits`` alone until a row beyond them is asked for)."""
        if self._parts is None:
            # Roles whose requirement weighs nothing under these parameters list no skills.
            self._parts = fit_parts(self.taxonomy, self.profile, self.req.totals <= 0)
        return self._parts

    def with_params(self, params: PathParams) -> CareerModel:
        """The same graph under other explanation parameters (cheap: the graph, the fit and
        its cut are shared: they depend on graph parameters only)."""
        other = copy.copy(self)
        other.params = params
        other.explainer = Explainer(self.taxonomy, self.req, params)
        return other

    def fit_row(self, start: Start) -> np.ndarray:
        """How well every role fits the start (a role's row of the fit, or a profile's):
        one sparse row product, never the whole matrix."""
        if start.role is not None:
            return fit_rows(self.parts, np.array([start.role]))[0]
        return profile_row(self.parts, start.have)

    def fits_best(self, start: Start) -> np.ndarray:
        """The roles a job move from ``start`` reaches whatever it covers of them."""
        if start.role is not None:
            out = np.zeros(self.taxonomy.n_roles, dtype=bool)
            out[self.fits.best(start.role)] = True
            return out
        row = self.fit_row(start)
        return row >= best_cut(row[None, :], self.params.fit_moves)[0]

    def fits_best_into(self, target: int) -> np.ndarray:
        """The roles whose best fits include ``target``."""
        out = np.zeros(self.taxonomy.n_roles, dtype=bool)
        out[self.fits.best_into(target)] = True
        return out

    @property
    def adjacency(self):
        return self.graph.adjacency

    # -------------------------------------------------------------- starts

    def start_for(
        self, role: int | None, extra: Iterable[int] = (), learned: Iterable[int] = ()
    ) -> Start:
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
            return Start(
                t.concept(Kind.ROLE, role), role, have, own, field, bool(fresh), extra, level
            )
        have[extra] = True
        own[extra] = 1.0
        have[learned] = True
        return Start(PROFILE, None, have, own, self._profile_field(extra), True, extra)

    def _profile_field(self, skills: Sequence[int]) -> int | None:
        """The most common known field of the skills, or None (then no move is reskilling)."""
        fields = self.taxonomy.skill_field[list(skills)] if len(skills) else np.array([])
        fields = fields[fields >= 0]
        if not len(fields):
            return None
        values, counts = np.unique(fields, return_counts=True)
        return int(values[np.argmax(counts)])

    def row(self, start: Start) -> MoveRow:
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
            fit_ok=self.fits_best(start),
        )
        if start.role is not None:
            row.viable[start.role] = False
        else:
            # People list only some of what they know: a role that uses most of the
            # listed skills is a move too, however little of it they cover.
            row.viable |= (row.reuse >= self.params.profile_match) & (row.overlap > 0)
        return row

    def virtual_edges(self, start: Start) -> list[tuple[int, float, int]]:
        """The edges a virtual start gets: every viable job move out of it (retraining
        moves join per request: ``request.request_graph``)."""
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

    def training_cost(self, have: np.ndarray, source: int | None, target: int) -> float:
        """The cost of retraining from a start that has ``have`` into ``target``."""
        req = self.req
        if not self.params.retraining or req.learning is None or req.learn_totals is None:
            return math.inf
        m = req.learning  # the CSR row directly: scipy's row indexing costs more
        a, b = m.indptr[target], m.indptr[target + 1]
        learn = float(req.learn_totals[target]) - float(m.data[a:b][have[m.indices[a:b]]].sum())
        drop = 0.0
        rank = req.role_rank
        if source is not None and source < len(self.taxonomy.role_uris) and rank is not None:
            drop = float(ranks_down(rank[source], rank[target]))
        return float(training_cost(max(learn, 0.0), self.params, drop))

    def kind(self, source: int | None, target: int, reskill: bool) -> str:
        """Upskilling (same field), reskilling (another field), or a step down (to a role
        ranked lower: never called upskilling)."""
        rank = self.req.role_rank
        if source is not None and rank is not None and rank[source] > rank[target]:
            return STEP_DOWN
        return RESKILLING if reskill else UPSKILLING

    def move(self, start: Start, row: MoveRow, target: int, fit: float | None = None) -> Move:
        job = float(row.cost[target]) if row.viable[target] else math.inf
        train = float(row.training[target]) if row.training is not None else math.inf
        return self.move_of(start, target, job, train, bool(row.reskill[target]), fit)

    def move_of(
        self,
        start: Start,
        target: int,
        job: float,
        train: float,
        reskill: bool,
        fit: float | None,
        cache: GapCache | None = None,
    ) -> Move:
        """The explained move into ``target``: a job move costing ``job`` (inf: not viable)
        or retraining costing ``train``, whichever is cheaper (``cache``: ``GapCache``)."""
        return Move(
            role=self.explainer.concepts(Kind.ROLE)[target],
            kind=self.kind(start.role, target, reskill),
            cost=min(job, train),
            mode=RETRAINING if train < job else JOB_MOVE,
            fit=fit,
            changes_field=reskill,
            **self.explainer.explained(start.have, target, start.level, cache=cache),
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

    def next_steps(self, start: Start, k: int) -> list[Move]:
        """The ``k`` roles that fit the start best (ties: the cheaper first), each reached
        by a job move where one is viable, else by retraining (``Move.mode``)."""
        return explained(self, start, ranked_roles(self, start, k))

    def next_steps_many(self, roles: Sequence[int], k: int) -> list[list[Move]]:
        """``next_steps`` of many roles, costed a block of roles at a time (``batch``)."""
        return next_steps_many(self, roles, k)

    def paths(
        self,
        start: Start,
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
        moves = request_moves(self, start, target)
        if self.precheck and unreachable(self, moves, start, target):
            # Nothing to search, nor to explain (the answer ``no_path`` gives when the
            # search finds the target out of reach), after the wage floor's own answer.
            assert t.role_wage is not None
            check_floor(self, below_floor(t.role_wage, start.role, self.params.wage_floor), target)
            raise no_path(self, [], moves.source, start, target, None, None, avoid, False)
        adj, source, bounds = request_graph(
            self,
            start,
            target,
            max_reskilling=max_reskilling,
            max_steps=max_steps,
            avoid=avoid,
            k=k,
            moves=moves,
        )
        if start.virtual and start.role is not None:
            avoid = avoid | {start.role}
        # Request-time rules (careers.outlook): the wage floor leaves roles out, the
        # exposure weight adds to each move's cost into a role (the bounds stay valid).
        search, kept, floor = request_rules(t, self.params, start.role, adj, avoid)
        check_floor(self, floor, target)
        # The exact distance bound of the start: inf when no chain of moves leads to the
        # target at all (then nothing needs searching, not even to explain why).
        reachable = math.isfinite(bounds["h"][source])
        found = (
            _paths.k_shortest_paths(
                search,
                source,
                target,
                k,
                max_reskilling=max_reskilling,
                max_steps=max_steps,
                avoid=kept,
                **bounds,
            )
            if reachable
            else []
        )
        if (
            not found
            and reachable
            and kept is not avoid
            and _paths.shortest_path(
                adj, source, target, avoid=avoid, max_reskilling=max_reskilling, max_steps=max_steps
            )
        ):
            reason = "every path steps to a role paid below the wage floor"
            raise NoPath(f"no path from {start.concept.label!r}: {reason}", reason=reason)
        if not found:
            raise no_path(
                self, adj, source, start, target, max_reskilling, max_steps, avoid, reachable
            )
        # With an exposure weight the paths are ranked by their cost plus the weighted
        # exposure of the roles they enter (``ranked_cost``); the steps keep the model's.
        ranked = search is not adj
        return [
            dataclasses.replace(path, ranked_cost=c) if ranked else path
            for c, path in ((c, self._path(adj, start, nodes)) for c, nodes in found)
        ]

    def _path(self, adj, start: Start, nodes: list[int]) -> CareerPath:
        t = self.taxonomy
        moves = []
        for i, (u, v) in enumerate(itertools.pairwise(nodes)):
            if i == 0:
                moves.append((u, v, start.concept, start.have, start.level))
            else:
                moves.append(
                    (u, v, t.concept(Kind.ROLE, u), self._role_have(u), self._role_level(u))
                )
        # Each program goes to the step whose gap it closes best.
        explainer = self.explainer
        homes = explainer.homes([explainer.need(have, v, level) for _, v, _, have, level in moves])
        steps: list[Step] = []
        taken: set[int] = set()
        for i, (u, v, source, have, level) in enumerate(moves):
            cost, resk = _paths.edge(adj, u, v)
            elsewhere = {p for p, home in homes.items() if home != i}
            steps.append(
                Step(
                    source=source,
                    target=t.concept(Kind.ROLE, v),
                    kind=self.kind(start.role if i == 0 else u, v, bool(resk)),
                    cost=cost,
                    mode=RETRAINING if cost >= self.training_cost(have, u, v) - 1e-9 else JOB_MOVE,
                    changes_field=bool(resk),
                    **explainer.explained(have, v, level, taken, elsewhere),
                )
            )
            # Later steps build on the programs recommended so far.
            taken |= {_number(t, p.program.uri) for p in steps[-1].programs}
        return CareerPath(
            steps=steps,
            cost=float(sum(s.cost for s in steps)),
            reskilling_steps=sum(s.changes_field for s in steps),
            hours=float(sum(s.hours for s in steps)),
            source=start.concept,
            target=steps[-1].target if steps else None,
        )

    def whatif(self, start: Start, learn: Iterable[int], k: int) -> tuple[list[Move], list]:
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


def _number(t: Taxonomy, uri: str) -> int:
    """The number of the concept with this URI (it is known: it came from ``t``)."""
    found = t.locate(uri)
    if found is None:
        raise KeyError(uri)
    return found[1]
