"""The skill gap of a move and the learning programs that close it.

Pure functions over numbers: the caller maps skills and programs to integers.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Gap", "GapSkill", "cover_programs", "skill_gap"]


@dataclass(frozen=True, slots=True)
class GapSkill:
    skill: int
    essential: bool
    weight: float
    hours: float


@dataclass(frozen=True, slots=True)
class Gap:
    """What a start has of a role's requirement, and what it lacks."""

    matched: list[int]
    missing: list[GapSkill]

    @property
    def hours(self) -> float:
        return sum(g.hours for g in self.missing)


def skill_gap(
    skills: Sequence[int],
    weights: Sequence[float],
    essential: Sequence[bool],
    have: Collection[int],
    hours: Sequence[float],
    default_hours: float,
) -> Gap:
    """Split a requirement (parallel ``skills``/``weights``/``essential``) by ``have``.

    Missing skills come essential first, then by weight (heaviest first), then by skill
    number; a skill's hours are ``hours[skill]``, or ``default_hours`` where that is NaN.

    >>> gap = skill_gap([0, 1, 2, 3], [1.0, 0.5, 1.0, 0.8], [True, False, True, False],
    ...                 {0}, [10.0, float("nan"), 5.0, 2.0], 40.0)
    >>> gap.matched, [(g.skill, g.essential, g.hours) for g in gap.missing], gap.hours
    ([0], [(2, True, 5.0), (3, False, 2.0), (1, False, 40.0)], 47.0)
    """
    matched, missing = [], []
    for s, w, e in zip(skills, weights, essential, strict=True):
        s = int(s)
        if s in have:
            matched.append(s)
        else:
            h = float(hours[s])
            missing.append(GapSkill(s, bool(e), float(w), default_hours if math.isnan(h) else h))
    missing.sort(key=lambda g: (not g.essential, -g.weight, g.skill))
    return Gap(matched, missing)


def cover_programs(
    missing: Mapping[int, float],
    teaches: Mapping[int, Collection[int]],
    program_hours: Mapping[int, float],
    *,
    limit: int = 5,
) -> list[tuple[int, list[int]]]:
    """A small weighted set cover: programs that teach the ``missing`` skills.

    ``missing`` maps skill -> weight; ``teaches`` program -> skills it teaches;
    ``program_hours`` program -> hours.  Greedy: repeatedly take the program that teaches
    the most still-uncovered weight per hour (ties: more weight, then lower number) until
    nothing left is taught or ``limit`` programs are chosen.  Returns
    ``[(program, [skills it covers that were still uncovered]), ...]``; a program that
    teaches nothing still missing is never picked.

    >>> cover_programs({1: 1.0, 2: 1.0, 3: 0.5},
    ...                {10: {1, 2}, 11: {1}, 12: {3, 9}, 13: {9}},
    ...                {10: 20.0, 11: 5.0, 12: 10.0, 13: 1.0})
    [(11, [1]), (10, [2]), (12, [3])]
    """
    uncovered = dict(missing)
    chosen: list[tuple[int, list[int]]] = []
    candidates = {p: set(skills) & uncovered.keys() for p, skills in teaches.items()}
    candidates = {p: s for p, s in candidates.items() if s}
    while uncovered and candidates and len(chosen) < limit:
        best, best_key = None, None
        for p, skills in candidates.items():
            weight = sum(uncovered[s] for s in skills)
            hours = max(program_hours.get(p, 1.0), 1e-9)
            key = (weight / hours, weight, -p)
            if best_key is None or key > best_key:
                best, best_key = p, key
        covered = sorted(candidates.pop(best))
        chosen.append((best, covered))
        for s in covered:
            uncovered.pop(s, None)
        candidates = {p: s - set(covered) for p, s in candidates.items()}
        candidates = {p: s for p, s in candidates.items() if s}
    return chosen
