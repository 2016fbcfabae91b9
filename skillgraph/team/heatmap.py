"""The team's skill gaps at a glance: needed roles x missing skills, and the skills worth
a course for the whole company.

A *move* is ``(target role, the skills the person lacks for it)``.  The heat map counts,
for each needed role and each missing skill, how many of the people moving into the role
lack the skill; its columns are the skills lacked by the most people.  A skill is worth
a company-wide course when many people lack it, across several roles.

>>> moves = [(0, {10, 11}), (0, {10}), (1, {10, 12})]
>>> h = gap_heatmap(moves, [0, 1])
>>> h.skills, h.counts.tolist(), h.movers
([10, 11, 12], [[2, 1, 0], [1, 0, 1]], [2, 1])
>>> course_skills(moves)
[(10, 3, 2)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Heatmap", "course_skills", "gap_heatmap"]


@dataclass(frozen=True)
class Heatmap:
    """``counts[r, s]``: how many people moving into ``roles[r]`` lack ``skills[s]``;
    ``movers[r]``: how many move into ``roles[r]``."""

    roles: list[int]
    skills: list[int]
    counts: np.ndarray
    movers: list[int]


def gap_heatmap(
    moves: Sequence[tuple[int, Iterable[int]]], roles: Sequence[int], max_skills: int = 24
) -> Heatmap:
    """The heat map of ``roles`` (in that order) over the ``max_skills`` skills lacked by
    the most people (ties: by skill number)."""
    lacking: Counter[int] = Counter()
    gaps = [(r, set(skills)) for r, skills in moves]
    for _, missing in gaps:
        lacking.update(missing)
    skills = [s for s, _ in sorted(lacking.items(), key=lambda kv: (-kv[1], kv[0]))][:max_skills]
    row = {r: k for k, r in enumerate(roles)}
    col = {s: k for k, s in enumerate(skills)}
    counts = np.zeros((len(roles), len(skills)), dtype=np.int64)
    movers = [0] * len(roles)
    for r, missing in gaps:
        if r not in row:
            continue
        movers[row[r]] += 1
        for s in missing:
            if s in col:
                counts[row[r], col[s]] += 1
    return Heatmap(list(roles), skills, counts, movers)


def course_skills(
    moves: Sequence[tuple[int, Iterable[int]]], *, min_people: int = 2, n: int = 10
) -> list[tuple[int, int, int]]:
    """``(skill, people lacking it, roles they move into)`` for the ``n`` skills lacked by
    the most people (at least ``min_people``), more roles first on ties."""
    people: Counter[int] = Counter()
    roles: dict[int, set[int]] = {}
    for r, skills in moves:
        for s in set(skills):
            people[s] += 1
            roles.setdefault(s, set()).add(r)
    ranked = sorted(people, key=lambda s: (-people[s], -len(roles[s]), s))
    return [(s, people[s], len(roles[s])) for s in ranked if people[s] >= min_people][:n]
