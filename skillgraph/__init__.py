"""skillgraph: a knowledge graph of skills, roles and learning programs.

>>> import skillgraph
>>> g = skillgraph.open()            # the built-in default taxonomy
>>> g.resolve("data analyst").label
'data analyst'
"""

from .careers import (
    CareerPath,
    Careers,
    CostChange,
    Move,
    PathParams,
    ProgramPick,
    SkillGap,
    Step,
    WhatIf,
)
from .errors import (
    AmbiguousLabel,
    DataImportError,
    InvalidParameter,
    NoPath,
    QueryError,
    SkillgraphError,
    StoreError,
    UnknownConcept,
)
from .graph import SkillGraph, open
from .taxonomy import Concept, Kind

__version__ = "0.1.0"

__all__ = [
    "AmbiguousLabel",
    "CareerPath",
    "Careers",
    "Concept",
    "CostChange",
    "DataImportError",
    "InvalidParameter",
    "Kind",
    "Move",
    "NoPath",
    "PathParams",
    "ProgramPick",
    "QueryError",
    "SkillGap",
    "SkillGraph",
    "SkillgraphError",
    "Step",
    "StoreError",
    "UnknownConcept",
    "WhatIf",
    "__version__",
    "open",
]
