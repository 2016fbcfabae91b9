"""Career paths: next steps, upskilling / reskilling paths and what-if questions.

The public entry points (``SkillGraph.next_steps`` / ``career_paths`` / ``whatif`` call
them): names are resolved here, then answered by the ``CareerModel`` (``career_model``),
which glues the pure algorithms in ``transitions`` (the move model), ``paths`` (Dijkstra,
Yen) and ``gaps`` (skill gaps, program cover).  The parameters live in ``career_params``
and the result dataclasses (with ``as_dict()`` for JSON) in ``career_results``; all of
them are re-exported here.

A start is a role, a set of skills (``start=None, have=[...]``: a virtual start node
whose moves are computed on the fly), or a role plus extra skills (the role's skills and
the extra ones; the role itself is then not revisited).  Extra skills only change the
first move: later moves are judged from the role the person is then in.  A profile's
field is the most common field of its skills; when none has one, it has no field to
leave and none of its moves is reskilling.  ``start == target`` answers one path with
zero steps.

>>> import skillgraph
>>> g = skillgraph.open()
>>> path = g.career_paths("administrative assistant", "digital marketing specialist")[0]
>>> path.steps[-1].target.label
'digital marketing specialist'
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np

from .career_model import CareerModel, _Start, career_model
from .career_params import PathParams
from .career_params import coerce_params as _params
from .career_results import (
    PROFILE,
    RESKILLING,
    UPSKILLING,
    CareerPath,
    CostChange,
    Move,
    ProgramPick,
    SkillGap,
    Step,
    WhatIf,
)
from .errors import InvalidParameter, UnknownConcept
from .search import words
from .taxonomy import Concept, Kind, Taxonomy

if TYPE_CHECKING:
    from .graph import SkillGraph

__all__ = [
    "PROFILE",
    "RESKILLING",
    "UPSKILLING",
    "CareerModel",
    "CareerPath",
    "CostChange",
    "Move",
    "PathParams",
    "ProgramPick",
    "SkillGap",
    "Step",
    "WhatIf",
    "career_model",
    "career_paths",
    "next_steps",
    "whatif",
]

#: Limits that keep a single request cheap whatever its parameters.
MAX_K = 50
MAX_STEPS_LIMIT = 20


# ----------------------------------------------------------------- names and checks


_preferred: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _by_preferred_label(taxonomy: Taxonomy, kind: str) -> dict[str, int]:
    """Normalised preferred label -> number, for labels that name one concept of the kind.

    A shortcut past ``SkillGraph.resolve`` for the common case of an exact label: the
    full label index (alternative labels, suggestions) takes longer to load than a whole
    request on ESCO.  Anything else still goes through ``resolve``.
    """
    tables = _preferred.setdefault(taxonomy, {})
    table = tables.get(kind)
    if table is None:
        seen: dict[str, int] = {}
        for i, label in enumerate(taxonomy._columns(kind)[1]):
            key = " ".join(words(label))
            seen[key] = -1 if key in seen else i
        table = {k: i for k, i in seen.items() if i >= 0}
        tables[kind] = table
    return table


def _number(graph: SkillGraph, name, kind: str) -> int:
    taxonomy = graph.taxonomy
    if isinstance(name, Concept):
        located = taxonomy.locate(name.uri)
    else:
        text = str(name).strip()
        located = taxonomy.locate(text)
        if located is None:
            i = _by_preferred_label(taxonomy, kind).get(" ".join(words(text)))
            if i is not None:
                return i
            located = taxonomy.locate(graph.resolve(text, kind=kind).uri)
    if located is None or located[0] != kind:
        raise UnknownConcept(str(name), [], kind)
    return located[1]


def _role_number(graph: SkillGraph, name) -> int:
    return _number(graph, name, Kind.ROLE)


def _numbers(graph: SkillGraph, names, kind: str) -> list[int]:
    if isinstance(names, str | Concept):
        names = [names]
    return [_number(graph, name, kind) for name in names or ()]


def _check_int(name: str, value, low: int, high: int, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise InvalidParameter(f"{name} must be an integer (got {value!r})")
    if not low <= value <= high:
        raise InvalidParameter(f"{name} must be between {low} and {high} (got {value})")
    return int(value)


def _start(graph: SkillGraph, model: CareerModel, start, have) -> _Start:
    skills = _numbers(graph, have, Kind.SKILL)
    if start is None or (isinstance(start, str) and not start.strip()):
        if not skills:
            raise InvalidParameter("give a start role, or the skills you have (have=...)")
        return model.start_for(None, skills)
    return model.start_for(_role_number(graph, start), skills)


def next_steps(graph: SkillGraph, start, k: int = 10, *, have=(), params=None) -> list[Move]:
    """The ``k`` cheapest viable moves from ``start`` (a role, skills, or both)."""
    k = _check_int("k", k, 1, 10 * MAX_K)
    model = career_model(graph, _params(params))
    return model.next_steps(_start(graph, model, start, have), k)


def career_paths(
    graph: SkillGraph,
    start,
    target,
    *,
    k: int = 3,
    max_reskilling: int | None = None,
    max_steps: int | None = None,
    avoid=(),
    have=(),
    params=None,
) -> list[CareerPath]:
    """Up to ``k`` cheapest paths from ``start`` to ``target`` (raises ``NoPath``)."""
    k = _check_int("k", k, 1, MAX_K)
    max_reskilling = _check_int("max_reskilling", max_reskilling, 0, MAX_STEPS_LIMIT, optional=True)
    max_steps = _check_int("max_steps", max_steps, 1, MAX_STEPS_LIMIT, optional=True)
    model = career_model(graph, _params(params))
    begin = _start(graph, model, start, have)
    goal = _role_number(graph, target)
    avoided = set(_numbers(graph, avoid, Kind.ROLE))
    if begin.role is not None and begin.role in avoided:
        raise InvalidParameter("the start role cannot also be a role to avoid")
    return model.paths(
        begin, goal, k=k, max_reskilling=max_reskilling, max_steps=max_steps, avoid=avoided
    )


def whatif(
    graph: SkillGraph, start, *, learn=(), programs=(), have=(), k: int = 20, params=None
) -> WhatIf:
    """Which moves become viable, or cheaper, after learning skills or taking programs."""
    k = _check_int("k", k, 1, 10 * MAX_K)
    model = career_model(graph, _params(params))
    begin = _start(graph, model, start, have)
    skills = _numbers(graph, learn, Kind.SKILL)
    for p in _numbers(graph, programs, Kind.PROGRAM):
        skills.extend(sorted(model._teaches.get(p, ())))
    if not skills:
        raise InvalidParameter("give skills to learn or programs to take")
    new, cheaper = model.whatif(begin, skills, k)
    learned = [graph.taxonomy.concept(Kind.SKILL, s) for s in dict.fromkeys(skills)]
    return WhatIf(begin.concept, learned, new, cheaper)
