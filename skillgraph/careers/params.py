"""The parameters of the career-path model (``PathParams``), with their defaults.

Graph parameters change the transition graph (cached per value); explanation
parameters only change how a move is explained (gaps, hours, programs).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import numpy as np

from ..errors import InvalidParameter

__all__ = ["GRAPH_FIELDS", "ParamValue", "ParamsLike", "PathParams", "coerce_params"]

#: The value of one parameter.
ParamValue: TypeAlias = int | float | bool | str

#: Field metadata: a graph parameter changes the transition graph (cached per value); an
#: explanation parameter only changes how a move is explained.  The CLI flags, the web
#: form and the cache keys all derive from these marks.
GRAPH = {"graph": True}
#: Parameters for which inf means "off".
_MAY_BE_INF = ("job_hours_unit",)
#: The values of ``fit_profile`` (see ``careers.fit``).
FIT_PROFILES = ("auto", "esco", "onet", "skills")
EXPLAIN = {"graph": False}


@dataclass(frozen=True)
class PathParams:
    """Parameters of the career-path model, with their defaults.

    Graph parameters (they change the transition graph, which is cached per value):

    - ``essential_weight`` (1.0) / ``optional_weight`` (0.35): weight of an essential /
      optional requirement (scaled by the source's importance rating where present,
      ``use_ratings``, default True).
    - ``use_levels`` (True): where the source rates the level a role needs of a skill
      (O*NET), a start covers a required skill only as far as its own level reaches:
      ``min(1, level_start / level_target)`` of the skill's weight, and the target uses
      the start's skill (``reuse``) only up to the level it needs itself.  A skill
      without a rated level on both sides counts in full (ESCO has no levels).
    - ``reskilling_penalty`` (1.25): cost multiplier of a move that changes field (>= 1).
    - ``field_min_cosine`` (0.2) / ``one_field_cosine`` (0.5): what the roles' skills say
      of the field.  A move is upskilling (stays in the field) when the two roles share
      their field and the cosine of their requirement vectors is at least
      ``field_min_cosine``, or when the cosine is at least ``one_field_cosine`` whatever
      their fields: ISCO groups mix skill level with domain, so a healthcare institution
      manager and a telecommunications manager share a group (cosine 0.13) while a cook
      and a chef do not (0.66).  Anything else is reskilling.
    - ``min_overlap`` (0.2): a move is viable only if the start has at least this share
      of the target's weighted requirement (0..1).
    - ``moves_per_role`` (12): edges kept per role: moves no costlier than a role's
      ``moves_per_role``-th cheapest move out, or its target's ``moves_per_role``-th
      cheapest move in.  A path request still sees every viable move out of its start
      and into its target, kept or not.
    - ``size_prior`` (3.0): requirement weight a target is assumed to have beyond what
      it lists, so that roles with few listed skills are not close to everything.
    - ``reuse_weight`` (0.25): share of the cost that measures how little of the start's
      own skills the target uses (0..1).
    - ``step_cost`` (0.1): fixed cost of any move (> 0), so shorter paths win ties.
    - ``step_down_penalty`` (0.1): added to the cost of a move per seniority rank it
      steps down (ranks 1 to 5 from ``sg:seniority``, else ``sg:preparationLevel``:
      the O*NET Job Zone), so that a registered nurse's cheapest move is not to a
      licensed practical nurse; no effect where a rank is unknown (ESCO has none) (>= 0).
    - ``profile_match`` (0.5): a bare skill profile may also move to a role that uses
      at least this share of its skills, even below ``min_overlap`` (0..1): people list
      only some of what they know.

    - ``default_skill_hours`` (40.0): the base of the estimated hours of a skill whose
      hours the taxonomy does not give (ESCO, O*NET), scaled by its reuse level and type
      (``careers.hours``: 20 to 100 hours on ESCO).
    - ``fit_profile`` ("auto"): which weights of ``careers.fit`` measure how related two
      roles are ("esco", "onet", "skills"; "auto" picks by the roles' codes).  Next steps
      are the roles that fit best.
    - ``fit_moves`` (15): a job move is also viable into the ``fit_moves`` roles that fit
      a role best, whatever it covers of them, so every role that lists skills has next
      steps (0: only ``min_overlap`` decides).
    - ``job_hours_unit`` (2000): a job move also costs the hours of learning the
      target's missing skills on the job / this (half as dear as retraining's 1000:
      learning while paid and in practice); ``inf``: a job move's cost ignores hours.
    - ``retraining`` (True): besides job moves between similar roles, a person may
      *retrain*: learn the target's missing skills (courses, study) before applying.  A
      retraining move is possible into any role that lists skills, and costs
      ``training_step_cost`` (0.5: the time between jobs, applying without experience)
      plus the hours of learning it takes / ``training_hours_unit`` (1000): every
      essential skill the start lacks in full, each optional one at
      ``training_optional_share`` (0.25) of its hours.  A step is whichever of the two
      moves is cheaper.

    Explanation parameters (no effect on the graph):

    - ``next_by_fit`` (True): next steps are the roles that fit best (``careers.fit``);
      False: the cheapest moves first.
    - ``max_programs`` (5): at most this many programs recommended per step.
    - ``program_field_weight`` (0.5): programs are picked greedily by the missing weight
      they teach times their *relevance*, per hour of the program (see
      ``program_hours_exponent``).  Relevance is the share of what a program teaches
      that the target role requires, times this factor when the program belongs to
      another field than the target role (1 for a program of the role's field, or one
      without a field, such as a general skills course).  0 recommends only programs of
      the target's field and general ones (0..1).
    - ``program_hours_exponent`` (0.5): hours count as ``hours ** exponent``: 1 is
      plain weight per hour (the shortest programs win); lower values favour programs
      that cover more of the gap (0..1).

    Request-time rules of a path (no effect on the graph; ``careers.outlook``):

    - ``wage_floor`` (0: off): no step into a role whose median wage is below this share
      of the start role's (0.9: at most 10% less); roles whose wage is unknown are not
      excluded, and a start without a known wage (a skill profile) sets no floor (0..2).
    - ``exposure_weight`` (0: off): prefer roles less exposed to LLMs: each step into a
      role costs this times the role's exposure score (0..1) more when paths are ranked
      (a role with no score counts the mean one); the costs shown stay the model's (>= 0).
    """

    essential_weight: float = field(default=1.0, metadata=GRAPH)
    optional_weight: float = field(default=0.35, metadata=GRAPH)
    reskilling_penalty: float = field(default=1.25, metadata=GRAPH)
    field_min_cosine: float = field(default=0.2, metadata=GRAPH)
    one_field_cosine: float = field(default=0.5, metadata=GRAPH)
    min_overlap: float = field(default=0.2, metadata=GRAPH)
    moves_per_role: int = field(default=12, metadata=GRAPH)
    size_prior: float = field(default=3.0, metadata=GRAPH)
    reuse_weight: float = field(default=0.25, metadata=GRAPH)
    step_cost: float = field(default=0.1, metadata=GRAPH)
    step_down_penalty: float = field(default=0.1, metadata=GRAPH)
    profile_match: float = field(default=0.5, metadata=EXPLAIN)
    use_ratings: bool = field(default=True, metadata=GRAPH)
    use_levels: bool = field(default=True, metadata=GRAPH)
    default_skill_hours: float = field(default=40.0, metadata=GRAPH)
    fit_profile: str = field(default="auto", metadata=GRAPH)
    fit_moves: int = field(default=15, metadata=GRAPH)
    job_hours_unit: float = field(default=2000.0, metadata=GRAPH)
    retraining: bool = field(default=True, metadata=GRAPH)
    training_step_cost: float = field(default=0.5, metadata=GRAPH)
    training_hours_unit: float = field(default=1000.0, metadata=GRAPH)
    training_optional_share: float = field(default=0.25, metadata=GRAPH)
    next_by_fit: bool = field(default=True, metadata=EXPLAIN)
    max_programs: int = field(default=5, metadata=EXPLAIN)
    program_field_weight: float = field(default=0.5, metadata=EXPLAIN)
    program_hours_exponent: float = field(default=0.5, metadata=EXPLAIN)
    wage_floor: float = field(default=0.0, metadata=EXPLAIN)
    exposure_weight: float = field(default=0.0, metadata=EXPLAIN)

    def __post_init__(self) -> None:
        def check(name: str, ok: bool, what: str) -> None:
            if not ok:
                value = getattr(self, name)
                raise InvalidParameter(f"{name} must be {what} (got {value!r})")

        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.type in ("float", float):
                try:
                    value = float(value)
                except (TypeError, ValueError):
                    raise InvalidParameter(f"{f.name} must be a number (got {value!r})") from None
                check(f.name, math.isfinite(value) or f.name in _MAY_BE_INF, "a finite number")
                object.__setattr__(self, f.name, value)
            elif f.type in ("int", int):
                if isinstance(value, bool) or not isinstance(value, int | np.integer):
                    raise InvalidParameter(f"{f.name} must be an integer (got {value!r})")
                object.__setattr__(self, f.name, int(value))
            elif f.type in ("bool", bool):
                object.__setattr__(self, f.name, bool(value))
        check("essential_weight", self.essential_weight > 0, "> 0")
        check("optional_weight", self.optional_weight >= 0, ">= 0")
        check("reskilling_penalty", self.reskilling_penalty >= 1, ">= 1")
        check("min_overlap", 0 <= self.min_overlap <= 1, "between 0 and 1")
        check("field_min_cosine", 0 <= self.field_min_cosine <= 1, "between 0 and 1")
        check("one_field_cosine", 0 <= self.one_field_cosine <= 2, "between 0 and 2")
        check("moves_per_role", 1 <= self.moves_per_role <= 1000, "between 1 and 1000")
        check("size_prior", self.size_prior >= 0, ">= 0")
        check("reuse_weight", 0 <= self.reuse_weight <= 1, "between 0 and 1")
        check("step_cost", 0 < self.step_cost <= 10, "> 0 and <= 10")
        check("step_down_penalty", 0 <= self.step_down_penalty <= 10, "between 0 and 10")
        check("profile_match", 0 <= self.profile_match <= 1, "between 0 and 1")
        check("default_skill_hours", self.default_skill_hours >= 0, ">= 0")
        check("fit_profile", self.fit_profile in FIT_PROFILES, f"one of {FIT_PROFILES}")
        check("fit_moves", 0 <= self.fit_moves <= 1000, "between 0 and 1000")
        check("training_step_cost", 0 < self.training_step_cost <= 100, "> 0 and <= 100")
        check("training_hours_unit", self.training_hours_unit > 0, "> 0")
        check("job_hours_unit", self.job_hours_unit > 0, "> 0")
        check("training_optional_share", 0 <= self.training_optional_share <= 1, "between 0 and 1")
        check("max_programs", 0 <= self.max_programs <= 50, "between 0 and 50")
        check("program_field_weight", 0 <= self.program_field_weight <= 1, "between 0 and 1")
        check("program_hours_exponent", 0 <= self.program_hours_exponent <= 1, "between 0 and 1")
        check("wage_floor", 0 <= self.wage_floor <= 2, "between 0 and 2")
        check("exposure_weight", 0 <= self.exposure_weight <= 100, "between 0 and 100")

    @classmethod
    def from_mapping(cls, values: Mapping[str, object] | None) -> PathParams:
        """Parameters from a dict of names (None values mean the default)."""
        # The values are checked by __post_init__, not here: Any for the constructor call.
        given: dict[str, Any] = {k: v for k, v in (values or {}).items() if v is not None}
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(given) - names)
        if unknown:
            raise InvalidParameter(
                f"unknown parameter {unknown[0]!r}; known: {', '.join(sorted(names))}"
            )
        return cls(**given)

    def graph_key(self) -> str:
        """A string naming the graph parameters, for cache keys.

        >>> PathParams().graph_key() == PathParams(max_programs=2).graph_key()
        True
        """
        return ",".join(f"{n}={getattr(self, n)!r}" for n in GRAPH_FIELDS)

    def as_dict(self) -> dict[str, ParamValue]:
        """The parameters by name (JSON-ready)."""
        return dataclasses.asdict(self)


#: What the public functions accept as parameters: None (the defaults), a ``PathParams``
#: or a mapping of field names to values.
ParamsLike: TypeAlias = PathParams | Mapping[str, object] | None


def coerce_params(params: ParamsLike) -> PathParams:
    """``params`` as a ``PathParams``: None (the defaults), a ``PathParams`` or a dict."""
    if params is None:
        return PathParams()
    if isinstance(params, PathParams):
        return params
    if isinstance(params, Mapping):
        return PathParams.from_mapping(params)
    raise InvalidParameter(f"params must be a PathParams or a dict (got {type(params).__name__})")


#: The names of the graph parameters, in declaration order.
GRAPH_FIELDS = tuple(f.name for f in dataclasses.fields(PathParams) if f.metadata.get("graph"))
