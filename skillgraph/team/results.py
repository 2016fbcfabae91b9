"""What a team plan answers: moves, hires, cohorts, mentors, the gap heat map, and totals.

Plain dataclasses with ``as_dict()`` for JSON; the CLI, the API and the page read their
fields by name (``output`` makes the CSV).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..careers.results import JSON, CareerPath, JSONObject, SkillGap
from ..errors import InvalidParameter
from ..taxonomy import Concept

__all__ = [
    "ALREADY_THERE",
    "Cohort",
    "CourseSkill",
    "GapMap",
    "Hire",
    "MentorMatch",
    "PersonMove",
    "PlanOptions",
    "TeamPlan",
]

#: The kind of a "move" into the role a person already holds.
ALREADY_THERE = "already in the role"


def _concept(c: Concept | None) -> JSONObject | None:
    return None if c is None else {"uri": c.uri, "label": c.label, "kind": c.kind}


@dataclass(frozen=True)
class PlanOptions:
    """The plan's settings, with their defaults.

    - ``budget``: EUR for learning programs (None: no limit).
    - ``hour_eur`` (40): what an hour of learning effort is worth, in EUR.  A move's
      effort is its path cost in the model's unit, ``training_hours_unit`` (1,000) hours
      of learning (``PathParams``), so a path of cost 1 is 40,000 EUR of effort.
    - ``hire_eur`` (30,000): what hiring one person costs where the demand file says
      nothing.
    - ``wish_tolerance`` (0.1): a wished-for role is granted when it costs at most this
      share more than the best alternative; the plan then costs at most this share
      more than the optimum that ignores wishes.
    - ``mentor_cap`` (3): mentees per mentor at most (0: no mentors).
    - ``mentor_share`` (0.3): a colleague who does not hold the target role mentors only
      if they have at least this share of the mentee's missing skill weight (a role
      lists its own skills, not its neighbours': even a manager of the target's field
      rarely holds half of a junior's gap in the default taxonomy).
    - ``hours_per_week`` (8): learning hours a week where the team file says nothing.
    - ``step_down`` (False): whether a person may be placed in a role ranked below their
      own (``Taxonomy.role_seniority``, where both ranks are known) without wishing for
      it.  Off, a manager is never planned into a junior role to save money.
    """

    budget: float | None = None
    hour_eur: float = 40.0
    hire_eur: float = 30_000.0
    wish_tolerance: float = 0.1
    mentor_cap: int = 3
    mentor_share: float = 0.3
    hours_per_week: float = 8.0
    step_down: bool = False

    def __post_init__(self) -> None:
        checks = [
            ("budget", self.budget is None or 0 <= self.budget <= 1e9, "between 0 and 1e9"),
            ("hour_eur", 0 <= self.hour_eur <= 10_000, "between 0 and 10000"),
            ("hire_eur", 0 <= self.hire_eur <= 1e8, "between 0 and 1e8"),
            ("wish_tolerance", 0 <= self.wish_tolerance <= 10, "between 0 and 10"),
            ("mentor_cap", 0 <= self.mentor_cap <= 50, "between 0 and 50"),
            ("mentor_share", 0 < self.mentor_share <= 1, "above 0 and at most 1"),
            ("hours_per_week", 0.5 <= self.hours_per_week <= 80, "between 0.5 and 80"),
        ]
        for name, ok, what in checks:
            value = getattr(self, name)
            if isinstance(value, bool) or not ok:
                raise InvalidParameter(f"{name} must be {what} (got {value!r})")

    def as_dict(self) -> JSONObject:
        return dict(dataclasses.asdict(self))


@dataclass(frozen=True)
class PersonMove:
    """One person placed in a needed role: how they get there and what it takes."""

    person: str
    source: Concept
    target: Concept
    kind: str  # upskilling, reskilling, step down, or ALREADY_THERE
    cost: float  # the path's cost (the model's unit)
    effort_eur: float
    hours: float
    weeks: float
    hours_per_week: float
    missing: list[SkillGap]
    path: CareerPath | None
    wish: Concept | None = None
    wish_granted: bool = False
    hire_eur: float = 0.0  # what hiring for the role instead would cost
    hire_weeks: float | None = None  # and how long it would take (None: not given)
    programs: list[Concept] = field(default_factory=list)
    mentor: str | None = None
    mentor_reason: str | None = None

    def as_dict(self) -> JSONObject:
        return {
            "person": self.person,
            "from": _concept(self.source),
            "to": _concept(self.target),
            "kind": self.kind,
            "cost": self.cost,
            "effort_eur": self.effort_eur,
            "hours": self.hours,
            "weeks": self.weeks,
            "hours_per_week": self.hours_per_week,
            "missing_skills": [g.as_dict() for g in self.missing],
            "path": [
                {"from": _concept(s.source), "to": _concept(s.target), "kind": s.kind}
                for s in (self.path.steps if self.path else [])
            ],
            "wish": _concept(self.wish),
            "wish_granted": self.wish_granted,
            "hire_instead_eur": self.hire_eur,
            "hire_instead_weeks": self.hire_weeks,
            "programs": [_concept(p) for p in self.programs],
            "mentor": self.mentor,
            "mentor_reason": self.mentor_reason,
        }


@dataclass(frozen=True)
class Hire:
    """People hired for a role: how many, at what cost each, and how long it takes."""

    role: Concept
    count: int
    cost_each: float
    time_to_hire: float | None

    def as_dict(self) -> JSONObject:
        return {
            "role": _concept(self.role),
            "count": self.count,
            "cost_each_eur": self.cost_each,
            "cost_eur": self.count * self.cost_each,
            "time_to_hire_weeks": self.time_to_hire,
        }


@dataclass(frozen=True)
class Cohort:
    """One program bought for several people (one seat each)."""

    program: Concept
    people: list[str]
    skills: list[Concept]
    cost_each: float
    hours_each: float
    program_type: str

    def as_dict(self) -> JSONObject:
        return {
            "program": _concept(self.program),
            "program_type": self.program_type,
            "seats": len(self.people),
            "people": list(self.people),
            "skills": [_concept(s) for s in self.skills],
            "cost_each_eur": self.cost_each,
            "cost_eur": self.cost_each * len(self.people),
            "hours_each": self.hours_each,
        }


@dataclass(frozen=True)
class MentorMatch:
    """A mentor for a person who moves."""

    mentee: str
    mentor: str
    mentor_role: Concept
    share: float
    holds_role: bool

    def as_dict(self) -> JSONObject:
        return {
            "mentee": self.mentee,
            "mentor": self.mentor,
            "mentor_role": _concept(self.mentor_role),
            "share_of_gap": self.share,
            "holds_target_role": self.holds_role,
        }


@dataclass(frozen=True)
class GapMap:
    """Needed roles x missing skills: ``counts[r][s]`` people moving into ``roles[r]``
    lack ``skills[s]``; ``movers[r]`` move into ``roles[r]``."""

    roles: list[Concept]
    skills: list[Concept]
    counts: list[list[int]]
    movers: list[int]

    def as_dict(self) -> JSONObject:
        return {
            "roles": [_concept(r) for r in self.roles],
            "skills": [_concept(s) for s in self.skills],
            "counts": [list(row) for row in self.counts],
            "movers": list(self.movers),
        }


@dataclass(frozen=True)
class CourseSkill:
    """A skill worth a company-wide course: how many lack it, across how many roles, and
    programs that teach it."""

    skill: Concept
    people: int
    roles: int
    programs: list[Concept]

    def as_dict(self) -> JSONObject:
        return {
            "skill": _concept(self.skill),
            "people": self.people,
            "roles": self.roles,
            "programs": [_concept(p) for p in self.programs],
        }


@dataclass(frozen=True)
class TeamPlan:
    """The whole plan; ``summary`` holds the totals (JSON-ready)."""

    moves: list[PersonMove]
    hires: list[Hire]
    cohorts: list[Cohort]
    mentors: list[MentorMatch]
    gaps: GapMap
    courses: list[CourseSkill]
    unplaced: list[tuple[str, Concept]]
    summary: dict[str, JSON]
    options: PlanOptions
    attribution: list[str]

    def as_dict(self) -> JSONObject:
        return {
            "summary": self.summary,
            "options": self.options.as_dict(),
            "moves": [m.as_dict() for m in self.moves],
            "hires": [h.as_dict() for h in self.hires],
            "cohorts": [c.as_dict() for c in self.cohorts],
            "mentors": [m.as_dict() for m in self.mentors],
            "gap_heatmap": self.gaps.as_dict(),
            "course_skills": [c.as_dict() for c in self.courses],
            "unplaced": [{"person": p, "role": _concept(r)} for p, r in self.unplaced],
            "attribution": list(self.attribution),
        }
