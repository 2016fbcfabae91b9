"""A team plan: who moves to which needed role, what is hired, which programs are bought,
who mentors whom, and where the team's gaps are.

1. Path costs from every person to every needed role come from the career engine in one
   batched call (``Careers.cost_matrix``: people who share a start are searched once).
2. The assignment (``assignment.optimal_assignment``) fills every needed place by a move
   or a hire at the least total of learning effort and hire cost, wished-for roles
   discounted by the tolerance (``assignment.with_wishes``).
3. Each move is explained by the engine's cheapest path (``Careers.paths``): its steps,
   the missing skills, the hours.
4. Programs are bought for the movers' gaps within the budget (``cohorts``), mentors
   matched (``mentors``), and the gaps mapped (``heatmap``).

People data stays in the plan: nothing here writes to a store, logs or caches it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from ..careers.results import JSON, RESKILLING, STEP_DOWN, UPSKILLING, CareerPath, SkillGap
from ..taxonomy import Concept, Kind, Taxonomy
from .assignment import greedy_assignment, optimal_assignment, plan_cost, with_wishes
from .cohorts import choose_programs
from .files import Lookup, Need, Person, Problem, TeamFileError, read_demand, read_team
from .heatmap import course_skills, gap_heatmap
from .mentors import match_mentors
from .results import (
    ALREADY_THERE,
    Cohort,
    CourseSkill,
    GapMap,
    Hire,
    MentorMatch,
    PersonMove,
    PlanOptions,
    TeamPlan,
)

if TYPE_CHECKING:
    from ..graph import SkillGraph

__all__ = ["lookup_for", "plan_files", "plan_team"]


def lookup_for(graph: SkillGraph) -> Lookup:
    """``lookup(name, kind) -> Concept`` over ``graph`` (an exact preferred label
    directly, anything else through ``SkillGraph.resolve``, with suggestions)."""
    careers = graph.careers

    def lookup(name: str, kind: str) -> Concept:
        return graph.taxonomy.concept(kind, careers.number(name, kind))

    return lookup


def plan_files(
    graph: SkillGraph,
    team: bytes | str,
    demand: bytes | str,
    options: PlanOptions | None = None,
    *,
    team_name: str = "team.csv",
    demand_name: str = "demand.csv",
) -> TeamPlan:
    """The plan for a team file and a demand file (``files``); the problems of both
    files are reported together (``TeamFileError``)."""
    lookup = lookup_for(graph)
    problems: list[Problem] = []
    people: list[Person] = []
    needs: list[Need] = []
    try:
        people = read_team(team, lookup, name=team_name)
    except TeamFileError as exc:
        problems.extend(exc.problems)
    try:
        needs = read_demand(demand, lookup, name=demand_name)
    except TeamFileError as exc:
        problems.extend(exc.problems)
    if problems:
        raise TeamFileError(problems)
    return plan_team(graph, people, needs, options)


def _kind(path: CareerPath) -> str:
    kinds = {s.kind for s in path.steps}
    if RESKILLING in kinds or any(s.changes_field for s in path.steps):
        return RESKILLING
    return STEP_DOWN if kinds == {STEP_DOWN} else UPSKILLING


def _missing(path: CareerPath) -> list[SkillGap]:
    """Every skill missing on the way (a skill missing at two steps once), essential
    first, then by weight."""
    seen: dict[str, SkillGap] = {}
    for step in path.steps:
        for gap in step.missing_skills:
            seen.setdefault(gap.skill.uri, gap)
    return sorted(seen.values(), key=lambda g: (not g.essential, -g.weight, g.skill.label))


def _number(t: Taxonomy, c: Concept) -> int:
    found = t.locate(c.uri)
    if found is None:
        raise KeyError(c.uri)
    return found[1]


def _role_skills(t: Taxonomy) -> sp.csr_matrix:
    """roles x skills: True where the role lists the skill."""
    data = np.ones(len(t.req_role), dtype=bool)
    return sp.csr_matrix((data, (t.req_role, t.req_skill)), shape=(t.n_roles, t.n_skills))


def _teaches(t: Taxonomy) -> list[set[int]]:
    out: list[set[int]] = [set() for _ in t.program_uris]
    for p, s in zip(t.teach_program.tolist(), t.teach_skill.tolist(), strict=True):
        out[p].add(s)
    return out


def plan_team(
    graph: SkillGraph,
    people: Sequence[Person],
    needs: Sequence[Need],
    options: PlanOptions | None = None,
) -> TeamPlan:
    """The plan (see the module docstring)."""
    options = options or PlanOptions()
    careers, t = graph.careers, graph.taxonomy
    params = careers.model().params
    eur_per_unit = options.hour_eur * params.training_hours_unit
    targets = [n.role for n in needs]
    units = careers.cost_matrix([(p.role, p.skills) for p in people], targets)
    cost = units * eur_per_unit
    column = {n.role.uri: r for r, n in enumerate(needs)}
    wish = [column.get(p.wish.uri, -1) if p.wish else -1 for p in people]
    if not options.step_down:
        cost[_steps_down(t, people, needs, wish)] = np.inf
    needed = [n.needed for n in needs]
    hire = [options.hire_eur if n.hire_cost is None else n.hire_cost for n in needs]
    objective = with_wishes(cost, wish, options.wish_tolerance)
    best = optimal_assignment(objective, needed, hire)
    plain = optimal_assignment(cost, needed, hire)
    greedy = greedy_assignment(objective, needed, hire)

    moves: list[PersonMove] = []
    for i in np.flatnonzero(best.role_of >= 0).tolist():
        moves.append(_move(careers, people[i], needs[int(best.role_of[i])], eur_per_unit, options))
        if wish[i] >= 0:
            moves[-1] = _replace(moves[-1], wish_granted=bool(wish[i] == best.role_of[i]))
    movers = [m for m in moves if m.kind != ALREADY_THERE]
    gaps = [{_number(t, g.skill): g.weight for g in m.missing} for m in movers]
    choice = choose_programs(
        gaps, _teaches(t), t.program_cost.tolist(), t.program_hours.tolist(), options.budget
    )
    cohorts, seats_of = _cohorts(t, choice.seats, movers, gaps)
    matches = _mentors(t, people, best.role_of, movers, gaps, options)
    mentor_of = {m.mentee: m for m in matches}
    by_person = {m.person: m for m in movers}
    moves = [
        _replace(
            m,
            programs=seats_of.get(m.person, []),
            mentor=mentor_of[m.person].mentor if m.person in mentor_of else None,
            mentor_reason=_reason(mentor_of.get(m.person)),
        )
        if m.person in by_person
        else m
        for m in moves
    ]
    role_moves = [(_number(t, m.target), [_number(t, g.skill) for g in m.missing]) for m in movers]
    gap_map = _gap_map(t, needs, role_moves)
    courses = _courses(t, role_moves)
    hires = [
        Hire(n.role, int(best.hires[r]), float(hire[r]), n.time_to_hire)
        for r, n in enumerate(needs)
        if best.hires[r] > 0
    ]
    unplaced = [(p.id, p.role) for i, p in enumerate(people) if best.role_of[i] < 0]
    true_cost = plan_cost(cost, hire, best.role_of, best.hires)
    effort = float(sum(m.effort_eur for m in moves))
    summary: dict[str, JSON] = {
        "people": len(people),
        "roles_needed": len(needs),
        "places": int(sum(needed)),
        "moves": len(movers),
        UPSKILLING: int(sum(m.kind == UPSKILLING for m in movers)),
        RESKILLING: int(sum(m.kind == RESKILLING for m in movers)),
        STEP_DOWN: int(sum(m.kind == STEP_DOWN for m in movers)),
        "already_in_role": len(moves) - len(movers),
        "hires": int(best.hires.sum()),
        "effort_eur": effort,
        "hire_eur": float(np.dot(best.hires, hire)),
        "plan_eur": true_cost,
        "programs_eur": choice.cost,
        "total_eur": true_cost + choice.cost,
        "learning_hours": float(sum(m.hours for m in movers)),
        "program_hours": choice.hours,
        "objective_eur": best.cost,
        "greedy_objective_eur": greedy.cost,
        "greedy_eur": plan_cost(cost, hire, greedy.role_of, greedy.hires),
        "optimum_without_wishes_eur": plain.cost,
        "wishes": int(sum(w >= 0 for w in wish)),
        "wishes_granted": int(sum(m.wish_granted for m in moves)),
        "wishes_not_needed": int(
            sum(bool(p.wish) and w < 0 for p, w in zip(people, wish, strict=True))
        ),
        "programs_available": len(t.program_uris) > 0,
        "missing_weight": choice.total,
        "coverable_weight": choice.coverable,
        "covered_weight": choice.covered,
        "budget": options.budget,
        "cohorts_optimal": choice.optimal,
        "cohorts_method": choice.method,
        "mentees": len(movers),
        "mentored": len(matches),
        "cost_unit_eur": eur_per_unit,
    }
    return TeamPlan(
        moves=moves,
        hires=hires,
        cohorts=cohorts,
        mentors=matches,
        gaps=gap_map,
        courses=courses,
        unplaced=unplaced,
        summary=summary,
        options=options,
        attribution=_attribution(graph, [p.role for p in people] + targets),
    )


def _steps_down(t: Taxonomy, people, needs, wish) -> np.ndarray:
    """people x needs: True where the need's role ranks below the person's (both ranks
    known) and the person did not wish for it."""
    rank = t.role_seniority if t.role_seniority is not None else np.full(t.n_roles, np.nan)
    own = np.array([rank[_number(t, p.role)] for p in people], dtype=np.float64)
    target = np.array([rank[_number(t, n.role)] for n in needs], dtype=np.float64)
    down = own[:, None] > target[None, :]  # NaN compares False
    for i, r in enumerate(wish):
        if r >= 0:
            down[i, r] = False
    return down


def _replace(move: PersonMove, **changes: object) -> PersonMove:
    return dataclasses.replace(move, **changes)  # type: ignore[arg-type]


def _move(careers, person: Person, need: Need, eur_per_unit: float, options) -> PersonMove:
    per_week = person.hours_per_week or options.hours_per_week
    eur = options.hire_eur if need.hire_cost is None else need.hire_cost
    if person.role.uri == need.role.uri:
        return PersonMove(
            person.id, person.role, need.role, ALREADY_THERE, 0.0, 0.0, 0.0, 0.0, per_week, [],
            None, person.wish, hire_eur=eur, hire_weeks=need.time_to_hire,
        )  # fmt: skip
    path = careers.paths(person.role, need.role, k=1, have=list(person.skills))[0]
    cost = float(path.cost)
    return PersonMove(
        person=person.id,
        source=person.role,
        target=need.role,
        kind=_kind(path),
        cost=cost,
        effort_eur=cost * eur_per_unit,
        hours=float(path.hours),
        weeks=float(path.hours) / per_week,
        hours_per_week=per_week,
        missing=_missing(path),
        path=path,
        wish=person.wish,
        hire_eur=eur,
        hire_weeks=need.time_to_hire,
    )


def _cohorts(t: Taxonomy, seats, movers: list[PersonMove], gaps):
    by_program: dict[int, list[int]] = {}
    for p, i in seats:
        by_program.setdefault(p, []).append(i)
    teaches = _teaches(t)
    cohorts: list[Cohort] = []
    seats_of: dict[str, list[Concept]] = {}
    for p, members in sorted(by_program.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        program = t.concept(Kind.PROGRAM, p)
        skills = sorted({s for i in members for s in gaps[i] if s in teaches[p]})
        cost = float(t.program_cost[p]) if np.isfinite(t.program_cost[p]) else 0.0
        hours = float(t.program_hours[p]) if np.isfinite(t.program_hours[p]) else 0.0
        cohorts.append(
            Cohort(
                program,
                [movers[i].person for i in members],
                [t.concept(Kind.SKILL, s) for s in skills],
                cost,
                hours,
                t.program_type[p],
            )
        )
        for i in members:
            seats_of.setdefault(movers[i].person, []).append(program)
    return cohorts, seats_of


def _mentors(t: Taxonomy, people, role_of, movers, gaps, options) -> list[MentorMatch]:
    moving = {m.person for m in movers}
    mentors = [p for p in people if p.id not in moving]
    if not movers or not mentors or options.mentor_cap == 0:
        return []
    role_skills = _role_skills(t)
    rows = [_number(t, p.role) for p in mentors]
    have = role_skills[rows].tolil()
    for k, p in enumerate(mentors):
        for s in p.skills:
            have[k, _number(t, s)] = True
    need = sp.lil_matrix((len(movers), t.n_skills))
    for k, gap in enumerate(gaps):
        for s, w in gap.items():
            need[k, s] = w
    pairs = match_mentors(
        need.tocsr(),
        [_number(t, m.target) for m in movers],
        have.tocsr(),
        rows,
        cap=options.mentor_cap,
        min_share=options.mentor_share,
    )
    return [
        MentorMatch(movers[p.mentee].person, mentors[p.mentor].id, mentors[p.mentor].role,
                    p.share, p.holds_role)
        for p in pairs
    ]  # fmt: skip


def _reason(match: MentorMatch | None) -> str | None:
    if match is None:
        return None
    if match.holds_role:
        return f"holds the role ({match.mentor_role.label})"
    return f"{match.mentor_role.label}: has {match.share:.0%} of the missing skill weight"


def _gap_map(t: Taxonomy, needs, role_moves) -> GapMap:
    roles = [_number(t, n.role) for n in needs]
    moved = {r for r, _ in role_moves}
    h = gap_heatmap(role_moves, [r for r in roles if r in moved])
    return GapMap(
        [t.concept(Kind.ROLE, r) for r in h.roles],
        [t.concept(Kind.SKILL, s) for s in h.skills],
        h.counts.tolist(),
        h.movers,
    )


def _courses(t: Taxonomy, role_moves) -> list[CourseSkill]:
    teaches = _teaches(t)
    out = []
    for s, people, roles in course_skills(role_moves):
        programs = [p for p, skills in enumerate(teaches) if s in skills]
        programs.sort(key=lambda p: (len(teaches[p]), t.program_labels[p]))
        out.append(
            CourseSkill(
                t.concept(Kind.SKILL, s),
                people,
                roles,
                [t.concept(Kind.PROGRAM, p) for p in programs[:3]],
            )
        )
    return out


def _attribution(graph: SkillGraph, concepts: Sequence[Concept]) -> list[str]:
    found: dict[str, str] = {}
    for c in {c.uri: c for c in concepts}.values():
        source = graph.source_of(c.uri)
        if source is not None and source.get("attribution"):
            found.setdefault(str(source["uri"]), str(source["attribution"]))
    return list(found.values())
