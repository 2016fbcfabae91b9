"""The gap heat map and the company-wide course skills."""

from __future__ import annotations

from skillgraph.team.heatmap import course_skills, gap_heatmap


def test_counts_per_role_and_skill_with_the_most_lacked_skills_first():
    moves = [(5, [1, 2, 3]), (5, [1]), (6, [1, 3]), (7, [4])]
    h = gap_heatmap(moves, [5, 6, 7], max_skills=2)
    assert h.skills == [1, 3]
    assert h.counts.tolist() == [[2, 1], [1, 1], [0, 0]]
    assert h.movers == [2, 1, 1]


def test_course_skills_need_two_people_and_prefer_more_roles():
    moves = [(5, [1, 2]), (5, [2]), (6, [1]), (7, [9])]
    assert course_skills(moves) == [(1, 2, 2), (2, 2, 1)]
    assert course_skills([]) == []
