"""The career questions a request asks: path, next steps and what-if queries read from
the URL (so that a result can be shared), and the labels to fill the form with."""

from __future__ import annotations

from dataclasses import dataclass, field

from skillgraph import Kind, SkillGraph, SkillgraphError
from skillgraph.careers import MAX_STEPS_LIMIT

from . import params

__all__ = [
    "NextQuery",
    "PathQuery",
    "WhatIfQuery",
    "form_values",
    "next_query",
    "path_query",
    "whatif_query",
]


@dataclass
class PathQuery:
    start: str | None = None
    have: list[str] = field(default_factory=list)
    target: str | None = None
    k: int = 3
    max_reskilling: int | None = None
    max_steps: int | None = None
    avoid: list[str] = field(default_factory=list)
    alt: int = 0
    #: Request-time rules (``PathParams.wage_floor`` / ``exposure_weight``); None: off.
    wage_floor: float | None = None
    exposure_weight: float | None = None

    @property
    def ready(self) -> bool:
        return bool((self.start or self.have) and self.target)

    def as_dict(self) -> dict:
        return {
            "from": self.start,
            "have": self.have,
            "to": self.target,
            "k": self.k,
            "max_reskilling": self.max_reskilling,
            "max_steps": self.max_steps,
            "avoid": self.avoid,
            "wage_floor": self.wage_floor,
            "exposure_weight": self.exposure_weight,
        }


@dataclass
class NextQuery:
    start: str | None = None
    have: list[str] = field(default_factory=list)
    k: int = 10
    #: One place per occupation (``Careers.next_steps(group_kinds=True)``).
    group_kinds: bool = False

    @property
    def ready(self) -> bool:
        return bool(self.start or self.have)

    def as_dict(self) -> dict:
        return {
            "from": self.start,
            "have": self.have,
            "k": self.k,
            "group_kinds": self.group_kinds,
        }


@dataclass
class WhatIfQuery:
    start: str | None = None
    have: list[str] = field(default_factory=list)
    learn: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    k: int = 20

    @property
    def ready(self) -> bool:
        # Skills to learn alone are a question too: what opens up with just those skills.
        return bool(self.learn or self.programs)

    def as_dict(self) -> dict:
        return {
            "from": self.start,
            "have": self.have,
            "learn": self.learn,
            "program": self.programs,
            "k": self.k,
        }


def path_query() -> PathQuery:
    k = params.integer("k", 3, lo=1, hi=10)
    return PathQuery(
        start=params.text("from"),
        have=params.texts("have"),
        target=params.text("to"),
        k=k,
        max_reskilling=params.integer("max_reskilling", None, lo=0, hi=MAX_STEPS_LIMIT),
        max_steps=params.integer("max_steps", None, lo=1, hi=MAX_STEPS_LIMIT),
        avoid=params.texts("avoid"),
        alt=params.integer("alt", 0, lo=0, hi=k - 1),
        wage_floor=params.number("wage_floor", None, lo=0, hi=2),
        exposure_weight=params.number("exposure_weight", None, lo=0, hi=100),
    )


def next_query() -> NextQuery:
    return NextQuery(
        start=params.text("from"),
        have=params.texts("have"),
        k=params.integer("k", 10, lo=1, hi=50),
        group_kinds=params.flag("group_kinds"),
    )


def whatif_query() -> WhatIfQuery:
    return WhatIfQuery(
        start=params.text("from"),
        have=params.texts("have"),
        learn=params.texts("learn"),
        programs=params.texts("program"),
        k=params.integer("k", 20, lo=1, hi=100),
    )


def form_values(graph: SkillGraph, q) -> dict:
    """Labels for the form fields of a query (the URL may hold URIs)."""

    def label(name: str | None, kind: str) -> dict:
        if not name:
            return {"uri": "", "label": ""}
        try:
            c = graph.resolve(name, kind=kind)
        except SkillgraphError:
            return {"uri": name, "label": name}
        return {"uri": c.uri, "label": c.label}

    values = {"from": label(q.start, Kind.ROLE), "have": [label(s, Kind.SKILL) for s in q.have]}
    if isinstance(q, PathQuery):
        values["to"] = label(q.target, Kind.ROLE)
        values["avoid"] = [label(a, Kind.ROLE) for a in q.avoid]
    if isinstance(q, WhatIfQuery):
        values["learn"] = [label(s, Kind.SKILL) for s in q.learn]
        values["programs"] = [label(p, Kind.PROGRAM) for p in q.programs]
    return values
