"""skillgraph: a knowledge graph of skills, roles and learning programs.

>>> import skillgraph
>>> g = skillgraph.open()            # the built-in default taxonomy
>>> g.resolve("data analyst").label
'data analyst'
"""

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
    "Concept",
    "DataImportError",
    "InvalidParameter",
    "Kind",
    "NoPath",
    "QueryError",
    "SkillGraph",
    "SkillgraphError",
    "StoreError",
    "UnknownConcept",
    "__version__",
    "open",
]
