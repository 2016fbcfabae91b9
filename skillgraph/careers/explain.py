"""Explanations of a move: the skill gap, the skills to deepen, and the programs for it.

``Explainer`` answers, for a start that has some skills and a target role, what carries
over, what is missing (essential first), the hours it takes, and which learning programs
cover that gap best (``gaps.cover_programs``).  It is shared by every ``CareerModel`` of a
taxonomy with the same explanation parameters.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Iterable

import numpy as np
import scipy.sparse as sp

from ..taxonomy import Concept, Kind, Taxonomy
from . import gaps as _gaps
from .params import PathParams
from .requirements import Requirements
from .results import ProgramPick, SkillGap

__all__ = ["Explainer", "GapCache"]


class GapCache:
    """What the explanations of many moves share (``batch``): for each target role, its
    requirement in the order a gap lists missing skills (essential, heaviest, number) and
    one ``SkillGap`` per skill -- immutable, so every move that lacks the skill holds the
    same one -- and the skills of the start being explained (``own``)."""

    def __init__(self) -> None:
        self.targets: dict[int, tuple[np.ndarray, ...]] = {}
        self.gaps: dict[int, list[SkillGap]] = {}
        #: The start whose moves are being explained: each of its skills in a skill group
        #: (ascending) with its groups (``Explainer.start``).
        self.own: list[tuple[int, list[int]]] | None = None
        #: Per target: its skills and the skill groups they sit in.
        self.wanted: dict[int, tuple[set[int], set[int]]] = {}


class Explainer:
    """Gaps and program picks over one taxonomy's requirements under ``params``."""

    def __init__(self, taxonomy: Taxonomy, req: Requirements, params: PathParams):
        self.taxonomy = taxonomy
        self.req = req
        self.params = params
        t = taxonomy
        self.teaches: dict[int, set[int]] = {}
        self.taught_by: dict[int, list[int]] = {}
        for p, s in zip(t.teach_program.tolist(), t.teach_skill.tolist(), strict=True):
            self.teaches.setdefault(p, set()).add(s)
        for p, skills in sorted(self.teaches.items()):
            for s in skills:
                self.taught_by.setdefault(s, []).append(p)
        self._concept_lists: dict[str, list[Concept]] = {}
        if req.hours is not None and req.hours_estimated is not None:
            self.hours, self.hours_estimated = req.hours, req.hours_estimated
        else:
            hours = np.asarray(t.skill_hours, dtype=np.float64)
            self.hours = np.where(np.isnan(hours), params.default_skill_hours, hours)
            self.hours_estimated = np.isnan(hours)
        self.program_hours = {p: self._estimated_hours(p) for p in self.teaches}
        # Skill -> the groups it sits in, and group -> its skills (for transferable skills).
        self.group_of = sp.csr_matrix(
            (
                np.ones(len(t.broader_skill if t.broader_skill is not None else [])),
                (
                    t.broader_skill if t.broader_skill is not None else [],
                    t.broader_group if t.broader_group is not None else [],
                ),
            ),
            shape=(
                t.n_skills,
                int(t.broader_group.max()) + 1
                if t.broader_group is not None and len(t.broader_group)
                else 0,
            ),
        )

    def _estimated_hours(self, program: int) -> float:
        h = float(self.taxonomy.program_hours[program])
        if math.isfinite(h) and h > 0:
            return h
        # No hours listed: assume it takes as long as learning what it teaches.
        return float(sum(self.hours[s] for s in self.teaches[program])) or 1.0

    def explain(
        self, have: np.ndarray, target: int, level: np.ndarray | None = None
    ) -> tuple[_gaps.Gap, list]:
        """The gap from a start that has ``have`` to ``target``, and the programs for it."""
        gap, _, picks = self.gap_and_programs(have, target, level)
        return gap, picks

    def gap_and_programs(
        self,
        have: np.ndarray,
        target: int,
        level: np.ndarray | None,
        taken: Collection[int] = (),
        elsewhere: Collection[int] = (),
        cache: GapCache | None = None,
    ):
        """``(gap, level gap or None, program picks)``; ``level``: the start's rated
        level per skill (NaN: unrated), as in ``Start.level``; ``taken``: programs
        recommended on earlier steps of a path -- not recommended again, and what they
        teach needs no other program; ``elsewhere``: programs that serve another step of
        the path better (``homes``), not recommended here."""
        gap, deeper = self._gaps(have, target, level, cache)
        picks: list = []
        if not self.params.max_programs or not self.teaches:
            return gap, deeper, picks  # no programs to pick: nothing needs weighing
        need = _need(gap, deeper)
        for p in taken:
            for skill in self.teaches.get(p, ()):
                need.pop(skill, None)
        if need:
            teaches = {
                p: self.teaches[p]
                for s in need
                for p in self.taught_by.get(s, ())
                if p not in taken and p not in elsewhere
            }
            picks = _gaps.cover_programs(
                need,
                teaches,
                self.program_hours,
                limit=self.params.max_programs,
                relevance=self._relevance(teaches, target),
                hours_exponent=self.params.program_hours_exponent,
            )
        return gap, deeper, picks

    def need(self, have: np.ndarray, target: int, level: np.ndarray | None) -> dict[int, float]:
        """The weight of each skill a start lacks (or holds too low) for ``target``."""
        return _need(*self._gaps(have, target, level))

    def _gaps(
        self, have: np.ndarray, target: int, level: np.ndarray | None, cache: GapCache | None = None
    ) -> tuple[_gaps.Gap, _gaps.LevelGap | None]:
        """The skill gap, and the level gap where both sides rate levels (else None)."""
        skills, weights, essential = self.req.entries_of(target)
        if cache is None:
            gap = _gaps.skill_gap(skills, weights, essential, have, self.hours)
        else:
            # skill_gap's split, from the requirement sorted once: the missing skills of
            # any start are in the order of the whole requirement's.
            ordered = self._ordered(target, cache)
            lacking = ~have[ordered[0]]
            gap = _gaps.Gap(skills[have[skills]], *(a[lacking] for a in ordered))
        needed = self.req.levels_of(target)
        if level is None or needed is None:
            return gap, None
        return gap, _gaps.level_gap(skills, weights, essential, needed, level, self.hours)

    def start(self, cache: GapCache, have: np.ndarray) -> None:
        """Explain the moves of a start that has ``have`` with ``cache`` from now on."""
        g = self.group_of
        own = np.flatnonzero(have)
        ends = zip(own.tolist(), g.indptr[own].tolist(), g.indptr[own + 1].tolist(), strict=True)
        cache.own = [(s, g.indices[a:b].tolist()) for s, a, b in ends if a < b]

    def _ordered(self, target: int, cache: GapCache) -> tuple[np.ndarray, ...]:
        """``(skills, essential, weights, hours)`` of ``target``'s requirement in the
        order of ``gaps.skill_gap`` (kept in ``cache``)."""
        found = cache.targets.get(target)
        if found is None:
            skills, weights, essential = self.req.entries_of(target)
            order = np.lexsort((skills, -weights, ~essential))
            s = skills[order]
            found = cache.targets[target] = (s, essential[order], weights[order], self.hours[s])
            skill = self.concepts(Kind.SKILL)
            cache.gaps[target] = [
                SkillGap(skill[s], e, w, h)
                for s, e, w, h in zip(*(a.tolist() for a in found), strict=True)
            ]
        return found

    def homes(self, needs: list[dict[int, float]]) -> dict[int, int]:
        """For each program that teaches something a path's steps need, the step it serves
        best: where it covers the most missing weight (the earliest step on ties).  A
        program recommended on a step is then one that closes much of *that* step's gap,
        not an earlier step's odd skill.  ``needs[i]`` is step i's ``need``.
        """
        best: dict[int, tuple[float, int]] = {}
        for i, need in enumerate(needs):
            for p in {p for s in need for p in self.taught_by.get(s, ())}:
                score = sum(need[s] for s in self.teaches[p] if s in need)
                if p not in best or score > best[p][0] + 1e-12:
                    best[p] = (score, i)
        return {p: i for p, (_, i) in best.items()}

    def _relevance(self, programs: Iterable[int], target: int) -> dict[int, float]:
        """How well each program fits ``target``: the share of what it teaches that the
        role requires, scaled by ``program_field_weight`` when it is of another field.

        An adviser recommends a data analyst a data course before an executive
        assistant masterclass that happens to teach stakeholder communication.
        """
        t = self.taxonomy
        required = set(self.req.skills_of(target).tolist())
        field = int(t.role_field[target])
        program_field = t.program_field
        # Taxonomy.__post_init__ fills program_field (-1: no field) when it is not given.
        assert program_field is not None
        out = {}
        for p in programs:
            taught = self.teaches[p]
            share = len(taught & required) / len(taught)
            own = int(program_field[p])
            other = own >= 0 and own != field
            out[p] = share * (self.params.program_field_weight if other else 1.0)
        return out

    def explained(
        self,
        have: np.ndarray,
        target: int,
        level: np.ndarray | None,
        taken: Collection[int] = (),
        elsewhere: Collection[int] = (),
        cache: GapCache | None = None,
    ) -> dict:
        """The fields of a ``Move`` or ``Step`` that explain it; ``cache``: what the
        explanations of many moves share (``GapCache``)."""
        t = self.taxonomy
        gap, deeper, picks = self.gap_and_programs(have, target, level, taken, elsewhere, cache)
        skill = self.concepts(Kind.SKILL)
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
        if cache is not None:
            lacking = ~have[cache.targets[target][0]]
            missing = list(itertools.compress(cache.gaps[target], lacking.tolist()))
        else:
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
        needed = self.req.skills_of(target)
        estimated = bool(self.hours_estimated[gap.missing].any()) or bool(
            deeper is not None and self.hours_estimated[deeper.skills].any()
        )
        return {
            "matched": len(gap.matched),
            "required": len(gap.matched) + len(missing),
            "matched_skills": [skill[s] for s in gap.matched.tolist()],
            "transferable_skills": [
                skill[s] for s in self.transferable(have, needed, cache=cache, target=target)
            ],
            "missing_skills": missing,
            "hours": gap.total_hours + (deeper.total_hours if deeper is not None else 0.0),
            "hours_estimated": estimated,
            "programs": programs,
            "programs_available": bool(len(t.program_uris)),
            "to_deepen": deepen,
        }

    def transferable(
        self,
        have: np.ndarray,
        needed: np.ndarray,
        cap: int = 12,
        cache: GapCache | None = None,
        target: int | None = None,
    ) -> list[int]:
        """Skills of the start the target does not list, in a skill group the target needs
        (``skos:broader``): experience that carries over in part.  At most ``cap``.
        ``cache`` (with the ``target`` whose requirement ``needed`` is): the start's skills
        and groups, and the target's, when known."""
        g = self.group_of
        if not g.shape[1] or not len(needed):
            return []
        if cache is not None and cache.own is not None and target is not None:
            # Many moves of one start: set lookups over the start's grouped skills.
            wanted = cache.wanted.get(target)
            if wanted is None:
                groups = g.indices[_ranges(g.indptr, needed)].tolist()
                wanted = cache.wanted[target] = (set(needed.tolist()), set(groups))
            found = []
            for skill, groups in cache.own:
                if skill not in wanted[0] and not wanted[1].isdisjoint(groups):
                    found.append(skill)
                    if len(found) == cap:
                        break
            return found
        # Row slices of the CSR arrays directly (scipy's fancy indexing costs more than
        # the rest of an explanation), and sorted lookups: nothing as long as the skills.
        own = np.flatnonzero(have)
        lengths = g.indptr[own + 1] - g.indptr[own]
        holder = np.repeat(np.arange(len(own)), lengths)
        wanted_groups = np.unique(g.indices[_ranges(g.indptr, needed)])
        hit = np.zeros(len(own), dtype=bool)
        hit[holder[_within(g.indices[_ranges(g.indptr, own)], wanted_groups)]] = True
        hit &= ~_within(own, np.sort(needed))
        return own[hit][:cap].tolist()

    def concepts(self, kind: str) -> list[Concept]:
        """Every concept of a kind, built once (Concepts are immutable)."""
        cached = self._concept_lists.get(kind)
        if cached is None:
            uris, labels = self.taxonomy.columns(kind)
            cached = [Concept(u, lb, kind) for u, lb in zip(uris, labels, strict=True)]
            self._concept_lists[kind] = cached
        return cached


def _ranges(indptr: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The positions ``indptr[r]:indptr[r + 1]`` of every row ``r`` of ``rows``, in order.

    >>> _ranges(np.array([0, 2, 2, 5]), np.array([2, 0])).tolist()
    [2, 3, 4, 0, 1]
    """
    lengths = indptr[rows + 1] - indptr[rows]
    starts = np.repeat(indptr[rows] - np.cumsum(lengths) + lengths, lengths)
    return np.arange(int(lengths.sum())) + starts


def _within(values: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """Which ``values`` are in the sorted array ``ordered``.

    >>> _within(np.array([3, 1, 9, 4]), np.array([1, 4, 5])).tolist()
    [False, True, False, True]
    """
    if not len(ordered):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(ordered, values), len(ordered) - 1)
    return ordered[at] == values


def _need(gap: _gaps.Gap, deeper: _gaps.LevelGap | None) -> dict[int, float]:
    """Skill -> missing weight: the skills lacking, then those held too low."""
    need = dict(zip(gap.missing.tolist(), gap.weight.tolist(), strict=True))
    if deeper is not None:
        need.update(zip(deeper.skills.tolist(), deeper.weight.tolist(), strict=True))
    return need
