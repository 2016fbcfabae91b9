"""The results of career questions: moves, steps, paths, gaps, programs, what-ifs.

Plain immutable dataclasses with ``as_dict()`` for JSON; the web app and the CLI read
their fields by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, TypeAlias

from ..taxonomy import Concept
from .outlook import Figures

__all__ = [
    "JOB_MOVE",
    "JSON",
    "PROFILE",
    "RESKILLING",
    "RETRAINING",
    "STEP_DOWN",
    "UPSKILLING",
    "CareerPath",
    "CostChange",
    "JSONObject",
    "Move",
    "ProgramPick",
    "SkillGap",
    "Step",
    "WhatIf",
]

#: A JSON value, as ``json.dumps`` takes it; ``as_dict()`` returns a ``JSONObject``.
JSON: TypeAlias = "str | int | float | bool | list[JSON] | dict[str, JSON] | None"
JSONObject: TypeAlias = "dict[str, JSON]"

#: The virtual start of a path that begins from a skill profile rather than a role.
PROFILE = Concept("profile:", "your skills", "profile")
UPSKILLING, RESKILLING = "upskilling", "reskilling"
#: A move to a role ranked lower (``careers.seniority``), in or out of the field.
STEP_DOWN = "step down"
#: How a move is made: changing job and learning the rest at work, or retraining first
#: (courses, study) for a role whose gap is too wide to learn on the job.
JOB_MOVE, RETRAINING = "job move", "retraining"


def _concept(c: Concept) -> JSONObject:
    return {"uri": c.uri, "label": c.label, "kind": c.kind}


@dataclass(frozen=True)
class SkillGap:
    """A skill the target needs and the start lacks (or has at too low a level)."""

    skill: Concept
    essential: bool
    weight: float
    hours: float
    #: For a skill the start has at too low a rated level (``to_deepen``): the level the
    #: target needs and the level the start has; None otherwise.
    level: float | None = None
    have_level: float | None = None

    def as_dict(self) -> JSONObject:
        return {
            "skill": _concept(self.skill),
            "essential": self.essential,
            "weight": self.weight,
            "hours": self.hours,
            "level": self.level,
            "have_level": self.have_level,
        }


@dataclass(frozen=True)
class ProgramPick:
    """A recommended learning program and the missing skills it teaches."""

    program: Concept
    hours: float | None
    cost: float | None
    program_type: str
    covers: list[Concept]

    def as_dict(self) -> JSONObject:
        return {
            "program": _concept(self.program),
            "hours": self.hours,
            "cost": self.cost,
            "program_type": self.program_type,
            "covers": [_concept(c) for c in self.covers],
        }


def _figures(figures: Figures | None) -> JSON:
    # Figures.as_dict holds only JSON values (numbers, strings, lists, dicts of strings).
    return figures.as_dict() if figures is not None else None  # type: ignore[return-value]


def _explained(obj: Move | Step) -> JSONObject:
    return {
        "outlook": _figures(obj.outlook),
        "kind": obj.kind,
        "mode": obj.mode,
        "changes_field": obj.changes_field,
        "cost": obj.cost,
        "matched": obj.matched,
        "required": obj.required,
        "matched_skills": [_concept(c) for c in obj.matched_skills],
        "transferable_skills": [_concept(c) for c in obj.transferable_skills],
        "missing_skills": [g.as_dict() for g in obj.missing_skills],
        "hours": obj.hours,
        "hours_estimated": obj.hours_estimated,
        "programs": [p.as_dict() for p in obj.programs],
        "programs_available": obj.programs_available,
        "to_deepen": [g.as_dict() for g in obj.to_deepen],
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
    #: Skills the start has at a lower rated level than the role needs (O*NET levels).
    to_deepen: list[SkillGap] = field(default_factory=list)
    #: Skills the start has that the role does not list but that sit in the same skill
    #: group as one it needs (they carry over in part).
    transferable_skills: list[Concept] = field(default_factory=list)
    #: How the move is made: ``JOB_MOVE`` or ``RETRAINING``.
    mode: str = JOB_MOVE
    #: True when some of ``hours`` are estimates (the taxonomy gives no hours for them).
    hours_estimated: bool = False
    #: False when the taxonomy lists no learning programs at all.
    programs_available: bool = True
    #: How well the role fits the start (``careers.fit``; next steps are ranked by it).
    fit: float | None = None
    #: True when the move leaves the start's field (reskilling), whatever its ``kind``
    #: says: a step down may also change field.
    changes_field: bool = False
    #: The role's wage, employment and exposure, and the wage change from the start.
    outlook: Figures | None = None
    #: With next steps grouped by occupation (``careers.kinds``): the other kinds of this
    #: role's occupation that fit the start, best first.
    other_kinds: list[Concept] = field(default_factory=list)

    def as_dict(self) -> JSONObject:
        return {
            "role": _concept(self.role),
            "fit": self.fit,
            **_explained(self),
            "other_kinds": [_concept(c) for c in self.other_kinds],
        }


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
    #: Skills the source has at a lower rated level than the target needs.
    to_deepen: list[SkillGap] = field(default_factory=list)
    #: Skills the start has that the role does not list but that sit in the same skill
    #: group as one it needs (they carry over in part).
    transferable_skills: list[Concept] = field(default_factory=list)
    #: How the move is made: ``JOB_MOVE`` or ``RETRAINING``.
    mode: str = JOB_MOVE
    #: True when some of ``hours`` are estimates (the taxonomy gives no hours for them).
    hours_estimated: bool = False
    #: False when the taxonomy lists no learning programs at all.
    programs_available: bool = True
    #: The target's wage, employment and exposure, and the wage change from the source.
    outlook: Figures | None = None
    #: True when the step leaves the source's field (reskilling), whatever its ``kind``
    #: says: a step down may also change field.
    changes_field: bool = False

    def as_dict(self) -> JSONObject:
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
    #: The totals of the figures: the start's, and the target's with the change from it.
    start_outlook: Figures | None = None
    outlook: Figures | None = None
    #: The cost the paths were ranked by when it differs from ``cost``: with an exposure
    #: weight, ``cost`` plus the weight times the exposure of each role entered.
    ranked_cost: float | None = None

    def as_dict(self) -> JSONObject:
        return {
            "source": _concept(self.source) if self.source else None,
            "target": _concept(self.target) if self.target else None,
            "start_outlook": _figures(self.start_outlook),
            "outlook": _figures(self.outlook),
            "cost": self.cost,
            "ranked_cost": self.ranked_cost,
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

    def as_dict(self) -> JSONObject:
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
    #: Learned skills the start already has (they change nothing).
    already_have: list[Concept] = field(default_factory=list)

    def as_dict(self) -> JSONObject:
        return {
            "start": _concept(self.start),
            "learned": [_concept(c) for c in self.learned],
            "already_have": [_concept(c) for c in self.already_have],
            "newly_reachable": [m.as_dict() for m in self.newly_reachable],
            "cheaper": [c.as_dict() for c in self.cheaper],
        }
