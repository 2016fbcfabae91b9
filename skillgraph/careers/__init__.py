"""Career paths: next steps, upskilling / reskilling paths and what-if questions.

``Careers`` (``engine``) is the one way in: ``SkillGraph.careers`` builds it once per
store.  The modules, from the data up (see docs/architecture.md):

=====================  ================================================================
``params``             ``PathParams``: the model's parameters, graph ones marked
``requirements``       the weighted requirement matrix of every role
``moves``              the cost of a move (the model's formula) and rows / columns of moves
``transition_graph``   the kept moves of every role, and A* bounds
``request``            one request's graph: the cached one plus the start's and target's moves
``paths``              Dijkstra / A*, constrained search, Yen's k alternatives
``gaps``               a move's skill gap and the programs that cover it (pure)
``explain``            gaps and program picks named for a taxonomy
``model``              ``CareerModel``: all of the above for one taxonomy and parameters
``results``            the answers: ``Move``, ``Step``, ``CareerPath``, ``WhatIf`` ...
``engine``             ``Careers``: names, limits and the model cache
``outlook``            wages, employment, LLM exposure: combination rules, wage floor,
                       exposure weight (request-time rules)
``safer``              safer roles: less exposed, no lower pay, with the path to each
``examples``           example questions that have answers
``oracle``             the model restated with plain loops, for tests and benchmarks
=====================  ================================================================
"""

from .engine import MAX_K, MAX_STEPS_LIMIT, Careers
from .model import CareerModel, Start
from .params import GRAPH_FIELDS, ParamsLike, PathParams, coerce_params
from .results import (
    PROFILE,
    RESKILLING,
    STEP_DOWN,
    UPSKILLING,
    CareerPath,
    CostChange,
    Move,
    ProgramPick,
    SkillGap,
    Step,
    WhatIf,
)

__all__ = [
    "GRAPH_FIELDS",
    "MAX_K",
    "MAX_STEPS_LIMIT",
    "PROFILE",
    "RESKILLING",
    "STEP_DOWN",
    "UPSKILLING",
    "CareerModel",
    "CareerPath",
    "Careers",
    "CostChange",
    "Move",
    "ParamsLike",
    "PathParams",
    "ProgramPick",
    "SkillGap",
    "Start",
    "Step",
    "WhatIf",
    "coerce_params",
]
