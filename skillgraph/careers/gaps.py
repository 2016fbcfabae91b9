"""The skill gap of a move and the learning programs that close it.

Pure functions over numbers: the caller maps skills and programs to integers.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np

__all__ = ["Gap", "LevelGap", "cover_programs", "level_gap", "skill_gap"]


@dataclass(frozen=True, slots=True)
class Gap:
    """What a start has of a role's requirement, and what it lacks.

    ``matched``: the skills it has; ``missing`` with parallel ``essential``, ``weight``
    and ``hours``: the skills it lacks, essential first, then heaviest first, then by
    skill number.
    """

    matched: np.ndarray
    missing: np.ndarray
    essential: np.ndarray
    weight: np.ndarray
    hours: np.ndarray

    @property
    def total_hours(self) -> float:
        return float(self.hours.sum())


def skill_gap(
    skills: np.ndarray,
    weights: np.ndarray,
    essential: np.ndarray,
    have: np.ndarray,
    hours: np.ndarray,
) -> Gap:
    """Split a requirement (parallel ``skills``/``weights``/``essential``) by ``have``.

    ``have`` is a bool vector over all skills, ``hours`` the hours to learn each skill.

    >>> gap = skill_gap(np.array([0, 1, 2, 3]), np.array([1.0, 0.5, 1.0, 0.8]),
    ...                 np.array([True, False, True, False]),
    ...                 np.array([True, False, False, False]), np.array([10.0, 40.0, 5.0, 2.0]))
    >>> gap.matched.tolist(), gap.missing.tolist(), gap.hours.tolist(), gap.total_hours
    ([0], [2, 3, 1], [5.0, 2.0, 40.0], 47.0)
    """
    skills = np.asarray(skills)
    held = have[skills]
    lacking = ~held
    s, w, e = skills[lacking], np.asarray(weights)[lacking], np.asarray(essential)[lacking]
    order = np.lexsort((s, -w, ~e))
    s, w, e = s[order], w[order], e[order]
    return Gap(skills[held], s, e, w, np.asarray(hours)[s])


@dataclass(frozen=True, slots=True)
class LevelGap:
    """Skills a start has at a lower rated level than a role needs (parallel arrays).

    ``weight`` and ``hours`` are the part still to learn: the requirement's weight and
    the skill's hours times ``1 - held / needed``.  Essential first, then heaviest.
    """

    skills: np.ndarray
    essential: np.ndarray
    weight: np.ndarray
    hours: np.ndarray
    needed: np.ndarray
    held: np.ndarray

    @property
    def total_hours(self) -> float:
        return float(self.hours.sum())


def level_gap(
    skills: np.ndarray,
    weights: np.ndarray,
    essential: np.ndarray,
    needed: np.ndarray,
    held: np.ndarray,
    hours: np.ndarray,
) -> LevelGap:
    """The skills of a requirement (parallel ``skills``/``weights``/``essential`` and
    ``needed`` levels, NaN: unrated) held at a lower level: ``held`` is the start's level
    per skill over all skills (NaN: unrated or not held).

    >>> gap = level_gap(np.array([0, 1, 2]), np.array([1.0, 1.0, 0.5]),
    ...                 np.array([True, True, False]), np.array([4.0, 2.0, 5.0]),
    ...                 np.array([1.0, 3.0, 4.0]), np.array([40.0, 40.0, 10.0]))
    >>> gap.skills.tolist(), gap.weight.round(3).tolist(), gap.hours.round(3).tolist()
    ([0, 2], [0.75, 0.1], [30.0, 2.0])
    """
    skills = np.asarray(skills)
    mine = np.asarray(held, dtype=np.float64)[skills]
    needed = np.asarray(needed, dtype=np.float64)
    # A requirement that weighs nothing (an optional skill at optional_weight 0) is not
    # worth deepening.
    short = np.isfinite(mine) & np.isfinite(needed) & (mine < needed) & (np.asarray(weights) > 0)
    s, n, h = skills[short], needed[short], mine[short]
    part = 1.0 - h / n
    w, e = np.asarray(weights)[short] * part, np.asarray(essential)[short]
    order = np.lexsort((s, -w, ~e))
    return LevelGap(
        s[order], e[order], w[order], (np.asarray(hours)[s] * part)[order], n[order], h[order]
    )


def cover_programs(
    missing: Mapping[int, float],
    teaches: Mapping[int, Collection[int]],
    program_hours: Mapping[int, float],
    *,
    limit: int = 5,
    relevance: Mapping[int, float] | None = None,
    hours_exponent: float = 1.0,
) -> list[tuple[int, list[int]]]:
    """A small weighted set cover: programs that teach the ``missing`` skills.

    ``missing`` maps skill -> weight; ``teaches`` program -> skills it teaches;
    ``program_hours`` program -> hours; ``relevance`` program -> a factor in [0, 1] for
    how well the program fits the goal (default 1 for every program).  Greedy:
    repeatedly take the program with the highest ``uncovered weight it teaches *
    relevance / hours ** hours_exponent`` (ties: more weight, then lower number) until
    nothing left is taught or ``limit`` programs are chosen.  An exponent below 1 favours
    programs that cover more of the gap over short ones.  Returns ``[(program, [skills it
    covers that were still uncovered]), ...]``; a program that teaches nothing still
    missing, or whose relevance is 0, is never picked.

    >>> cover_programs({1: 1.0, 2: 1.0, 3: 0.5},
    ...                {10: {1, 2}, 11: {1}, 12: {3, 9}, 13: {9}},
    ...                {10: 20.0, 11: 5.0, 12: 10.0, 13: 1.0})
    [(11, [1]), (10, [2]), (12, [3])]

    The short program 11 is off topic (relevance 0.2): the longer 10 covers both skills.

    >>> cover_programs({1: 1.0, 2: 1.0}, {10: {1, 2}, 11: {1}}, {10: 20.0, 11: 5.0},
    ...                relevance={10: 1.0, 11: 0.2})
    [(10, [1, 2])]
    """
    relevance = relevance or {}
    uncovered = dict(missing)
    chosen: list[tuple[int, list[int]]] = []
    candidates = {
        p: set(skills) & uncovered.keys()
        for p, skills in teaches.items()
        if relevance.get(p, 1.0) > 0
    }
    candidates = {p: s for p, s in candidates.items() if s}

    def score(p: int) -> tuple[float, float, int]:
        weight = sum(uncovered[s] for s in candidates[p])
        hours = max(program_hours.get(p, 1.0), 1e-9) ** hours_exponent
        return (weight * relevance.get(p, 1.0) / hours, weight, -p)

    while uncovered and candidates and len(chosen) < limit:
        best = max(candidates, key=score)  # the first of equal keys, as a loop with `>`
        covered = sorted(candidates.pop(best))
        chosen.append((best, covered))
        for s in covered:
            uncovered.pop(s, None)
        candidates = {p: s - set(covered) for p, s in candidates.items()}
        candidates = {p: s for p, s in candidates.items() if s}
    return chosen
