"""``Careers``: the one way into the career engine, for the library, the CLI and the web app.

Built once per taxonomy (``SkillGraph.careers``), it resolves names to numbers, checks
the request's limits, and answers next steps, paths and what-ifs with the ``CareerModel``
of the request's parameters: cached in memory, and its transition graph on disk with the
store (``skillgraph.store.cache.Cache``), keyed by the store's content and the graph
parameters.  It takes what it needs, not the ``SkillGraph``: the taxonomy arrays, a
function that resolves a name, and where to cache.

A start is a role, a set of skills (``start=None, have=[...]``: a virtual start node
whose moves are computed on the fly), or a role plus extra skills (the role's skills and
the extra ones; the role itself is then not revisited).  Extra skills only change the
first move: later moves are judged from the role the person is then in.  A profile's
field is the most common field of its skills; when none has one, it has no field to
leave and none of its moves is reskilling.  ``start == target`` answers one path with
zero steps.

>>> import skillgraph
>>> g = skillgraph.open()
>>> path = g.careers.paths("administrative assistant", "digital marketing specialist")[0]
>>> path.steps[-1].target.label
'digital marketing specialist'
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeAlias

import numpy as np

from ..errors import InvalidParameter, TooLarge, UnknownConcept
from ..search import words
from ..taxonomy import Concept, Kind, Taxonomy
from .batch import bulk
from .best_fits import BestFits, model_bytes, role_group_bound
from .costs import path_cost_matrix
from .kinds import group_kinds as group_kinds_of
from .model import CareerModel, Start
from .outlook import Figures, figures_of
from .params import ParamsLike, PathParams, coerce_params
from .ranking import Ranked, explained, ranked_roles
from .results import CareerPath, Move, WhatIf
from .safer import SaferRoles, safer_roles
from .transition_graph import TransitionGraph

__all__ = ["MAX_K", "MAX_STEPS_LIMIT", "Careers", "DerivedCache", "Name", "Names", "Resolver"]

#: Limits that keep a single request cheap whatever its parameters.
MAX_K = 50
MAX_STEPS_LIMIT = 20
#: Career models (one per graph-parameter set) kept in memory per taxonomy.
MODELS_KEPT = 8

#: A concept named by its URI, a label, or the ``Concept`` itself.
Name: TypeAlias = str | Concept
#: One name or several.
Names: TypeAlias = Name | Iterable[Name]
#: ``resolve(name, kind) -> uri``; raises ``UnknownConcept`` or ``AmbiguousLabel``.
Resolver: TypeAlias = Callable[[str, str], str]


class DerivedCache(Protocol):
    """Where derived data of one store content is kept (``skillgraph.store.cache.Cache``)."""

    def get(self, name: str) -> object: ...

    def put(self, name: str, payload: object) -> None: ...


class _InMemory:
    """No cache: every model is built when first asked for."""

    def get(self, name: str) -> object:
        return None

    def put(self, name: str, payload: object) -> None:
        return None


class Careers:
    """Next steps, career paths and what-ifs over one taxonomy.

    ``resolve`` turns a label or URI into the URI of a concept of a kind (labels that
    are not a concept's exact preferred label go through it); ``cache`` is where the
    transition graphs of this content are kept (``None``: in memory only).
    """

    def __init__(
        self,
        taxonomy: Taxonomy,
        resolve: Resolver,
        cache: DerivedCache | None = None,
        memory_limit: int | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        #: Bytes a model may take to build (None: no limit; ``best_fits.model_bytes``).
        self.memory_limit = memory_limit
        self._resolve = resolve
        self._cache: DerivedCache = cache or _InMemory()
        self._models: OrderedDict[str, CareerModel] = OrderedDict()
        self._variants: OrderedDict[PathParams, CareerModel] = OrderedDict()
        self._lock = threading.Lock()
        self._preferred: dict[str, dict[str, int]] = {}

    # ------------------------------------------------------------ the models

    def model(self, params: ParamsLike = None) -> CareerModel:
        """The career model under ``params`` (None: the defaults), built once per set of
        graph parameters and reused for other explanation parameters."""
        params = coerce_params(params)
        key = params.graph_key()
        with self._lock:
            model = self._models.get(key)
            if model is not None:
                self._models.move_to_end(key)
                if model.params == params:
                    return model
                # Other explanation (or request-time) parameters: the same graph, with an
                # explainer of their own, kept too (its caches warm up per instance).
                variant = self._variants.get(params)
                if variant is None or variant.graph is not model.graph:
                    variant = self._variants[params] = model.with_params(params)
                    while len(self._variants) > MODELS_KEPT:
                        self._variants.popitem(last=False)
                return variant
        name = "transitions-" + hashlib.sha256(key.encode()).hexdigest()[:16]
        cached = self._cache.get(name)
        if (
            isinstance(cached, tuple)
            and len(cached) == 3
            and isinstance(cached[0], TransitionGraph)
            and cached[0].key == key
            and isinstance(cached[2], BestFits)
        ):
            model = CareerModel(self.taxonomy, params, *cached)
        else:
            self._check_size(params)
            model = CareerModel(self.taxonomy, params)
            self._cache.put(name, (model.graph, model.req, model.fits))
        with self._lock:
            self._models[key] = model
            while len(self._models) > MODELS_KEPT:
                self._models.popitem(last=False)
        return model

    def _check_size(self, params: PathParams) -> None:
        t = self.taxonomy
        need = model_bytes(t.n_roles, len(t.req_role), role_group_bound(t), params.moves_per_role)
        if self.memory_limit is not None and need > self.memory_limit:
            raise TooLarge(
                f"the career model of {t.n_roles:,} roles and {len(t.req_role):,} "
                f"requirements needs about {need / 2**30:.1f} GB to build, over the limit of "
                f"{self.memory_limit / 2**30:.1f} GB (SKILLGRAPH_MODEL_MEMORY_GB): raise the "
                "limit on a machine with that much free memory, or import fewer roles"
            )

    def warm(self) -> None:
        """Build (or load) the default model now, and the parts of its fit rows (a skill
        profile's fit, a long list of next steps), so the first request does not wait."""
        _ = self.model().parts

    # ------------------------------------------------------------ the questions

    def next_steps(
        self,
        start: Name | None,
        k: int = 10,
        *,
        have: Names = (),
        params: ParamsLike = None,
        group_kinds: bool = False,
    ) -> list[Move]:
        """The ``k`` roles that fit ``start`` (a role, skills, or both) best, each with
        the cheapest way in; ``group_kinds``: one place per occupation, its other kinds
        listed in ``Move.other_kinds`` (``careers.kinds``)."""
        k = _check_int("k", k, 1, 10 * MAX_K)
        model = self.model(params)
        begin = self.start(model, start, have)
        if not group_kinds:
            return [self._move_figures(m, begin.role) for m in model.next_steps(begin, k)]
        t = self.taxonomy
        assert t.role_family is not None  # set by Taxonomy.__post_init__
        # The whole ranking is cheap unexplained; only the k places are explained.
        ranked = ranked_roles(model, begin, t.n_roles)
        groups = group_kinds_of(ranked.roles.tolist(), t.role_family, k)
        places = [p for p, _ in groups]
        moves = explained(
            model, begin, Ranked(ranked.row, ranked.roles[places], ranked.fits[places])
        )
        return [
            self._move_figures(
                dataclasses.replace(
                    m, other_kinds=[t.concept(Kind.ROLE, int(ranked.roles[p])) for p in kinds]
                ),
                begin.role,
            )
            for m, (_, kinds) in zip(moves, groups, strict=True)
        ]

    def next_steps_many(
        self, starts: Names, k: int = 10, *, params: ParamsLike = None
    ) -> list[list[Move]]:
        """``next_steps`` of many roles (``starts``: role names), costed together: for
        every role of a taxonomy in one call, much faster than one call per role."""
        k = _check_int("k", k, 1, 10 * MAX_K)
        model = self.model(params)
        roles = self.numbers(starts, Kind.ROLE)
        with bulk():
            found = model.next_steps_many(roles, k)
            return [
                [self._move_figures(m, role) for m in moves]
                for role, moves in zip(roles, found, strict=True)
            ]

    def paths(
        self,
        start: Name | None,
        target: Name,
        *,
        k: int = 3,
        max_reskilling: int | None = None,
        max_steps: int | None = None,
        avoid: Names = (),
        have: Names = (),
        params: ParamsLike = None,
    ) -> list[CareerPath]:
        """Up to ``k`` cheapest paths from ``start`` to ``target`` (raises ``NoPath``)."""
        k = _check_int("k", k, 1, MAX_K)
        max_reskilling = _check_optional("max_reskilling", max_reskilling, 0, MAX_STEPS_LIMIT)
        max_steps = _check_optional("max_steps", max_steps, 1, MAX_STEPS_LIMIT)
        model = self.model(params)
        begin = self.start(model, start, have)
        goal = self.number(target, Kind.ROLE)
        avoided = set(self.numbers(avoid, Kind.ROLE))
        if begin.role is not None and begin.role in avoided:
            raise InvalidParameter("the start role cannot also be a role to avoid")
        found = model.paths(
            begin, goal, k=k, max_reskilling=max_reskilling, max_steps=max_steps, avoid=avoided
        )
        return [self._path_figures(p, begin.role) for p in found]

    def cost_matrix(
        self,
        starts: Sequence[tuple[Name | None, Names]],
        targets: Names,
        *,
        params: ParamsLike = None,
    ) -> np.ndarray:
        """``cost[i, j]``: the cost of the cheapest path from ``starts[i]`` -- a pair
        ``(role, have)``, as ``paths`` takes them -- to ``targets[j]``: what
        ``paths(role, target, k=1, have=have)[0].cost`` is, inf where no path leads there,
        0 where the start is the target.  People who share a start are searched once, and
        each start once for every target (``careers.costs``).

        >>> import skillgraph
        >>> careers = skillgraph.open().careers
        >>> cost = careers.cost_matrix(
        ...     [("data analyst", ()), ("data analyst", ["SQL"])],
        ...     ["machine-learning engineer", "data analyst"])
        >>> bool(cost[1, 0] <= cost[0, 0]), float(cost[0, 1])
        (True, 0.0)
        """
        model = self.model(params)
        goals = self.numbers(targets, Kind.ROLE)
        rows: dict[tuple[int | None, tuple[int, ...]], int] = {}
        distinct: list[Start] = []
        index: list[int] = []
        for role, have in starts:
            skills = tuple(sorted(set(self.numbers(have, Kind.SKILL))))
            number = None
            if role is not None and not (isinstance(role, str) and not role.strip()):
                number = self.number(role, Kind.ROLE)
            elif not skills:
                raise InvalidParameter("give a start role, or the skills you have (have=...)")
            key = (number, skills)
            if key not in rows:
                rows[key] = len(distinct)
                distinct.append(model.start_for(number, skills))
            index.append(rows[key])
        return path_cost_matrix(model, distinct, goals)[np.asarray(index, dtype=np.int64)]

    def whatif(
        self,
        start: Name | None,
        *,
        learn: Names = (),
        programs: Names = (),
        have: Names = (),
        k: int = 20,
        params: ParamsLike = None,
    ) -> WhatIf:
        """Which moves become viable, or cheaper, after learning skills or taking programs.

        With neither a start role nor ``have`` (the skills alone: "what opens up if I learn
        SQL?"), the answer is the roles that fit a person with just the learned skills, as
        first roles (``next_steps`` of that profile); nothing gets cheaper.  Learned skills
        the start already has are listed in ``already_have``.
        """
        k = _check_int("k", k, 1, 10 * MAX_K)
        model = self.model(params)
        skills = self.numbers(learn, Kind.SKILL)
        for p in self.numbers(programs, Kind.PROGRAM):
            skills.extend(sorted(model.explainer.teaches.get(p, ())))
        if not skills:
            raise InvalidParameter("give skills to learn or programs to take")
        skills = list(dict.fromkeys(skills))
        learned = [self.taxonomy.concept(Kind.SKILL, s) for s in skills]
        if _no_start(start) and not self.numbers(have, Kind.SKILL):
            profile = model.start_for(None, skills)
            first = [self._move_figures(m, None) for m in model.next_steps(profile, k)]
            return WhatIf(profile.concept, learned, first, [])
        begin = self.start(model, start, have)
        already = [c for s, c in zip(skills, learned, strict=True) if begin.have[s]]
        new, cheaper = model.whatif(begin, skills, k)
        new = [self._move_figures(m, begin.role) for m in new]
        return WhatIf(begin.concept, learned, new, cheaper, already)

    def safer_roles(
        self, start: Name, *, k: int = 5, min_drop: float = 0.1, params: ParamsLike = None
    ) -> SaferRoles:
        """The ``k`` nearest roles with exposure ``min_drop`` lower and no lower median
        wage than ``start``, with the cheapest path to each (``careers.safer``)."""
        return safer_roles(self, start, k=k, min_drop=min_drop, params=params)

    # ------------------------------------------------------------ figures

    def figures(self, role: Name, start: Name | None = None) -> Figures:
        """The wage, employment and exposure of ``role`` (and the wage change from
        ``start``): ``careers.outlook``."""
        base = None if start is None else self.number(start, Kind.ROLE)
        return figures_of(self.taxonomy, self.number(role, Kind.ROLE), base)

    def _role_figures(self, concept: Concept, start: int | None) -> Figures | None:
        found = self.taxonomy.locate(concept.uri)
        if found is None or found[0] != Kind.ROLE:
            return None
        return figures_of(self.taxonomy, found[1], start)

    def _move_figures(self, move: Move, start: int | None) -> Move:
        # dataclasses.replace, without running every field through __init__ again (a
        # third of the time of next steps for every role): a copy with its outlook set.
        out = copy.copy(move)
        object.__setattr__(out, "outlook", self._role_figures(move.role, start))
        return out

    def _path_figures(self, path: CareerPath, start: int | None) -> CareerPath:
        steps = []
        for i, step in enumerate(path.steps):
            source = start if i == 0 else self.taxonomy.locate(step.source.uri)[1]  # type: ignore[index]
            steps.append(dataclasses.replace(step, outlook=self._role_figures(step.target, source)))
        return dataclasses.replace(
            path,
            steps=steps,
            start_outlook=self._role_figures(path.source, None) if path.source else None,
            outlook=self._role_figures(path.target, start) if path.target else None,
        )

    # ------------------------------------------------------------ names

    def start(self, model: CareerModel, start: Name | None, have: Names = ()) -> Start:
        """The resolved start of a request: a role, skills, or both."""
        skills = self.numbers(have, Kind.SKILL)
        if start is None or _no_start(start):
            if not skills:
                raise InvalidParameter("give a start role, or the skills you have (have=...)")
            return model.start_for(None, skills)
        return model.start_for(self.number(start, Kind.ROLE), skills)

    def number(self, name: Name, kind: str) -> int:
        """The number of the concept of ``kind`` named by ``name`` (URI, label, Concept)."""
        taxonomy = self.taxonomy
        if isinstance(name, Concept):
            located = taxonomy.locate(name.uri)
        else:
            text = str(name).strip()
            located = taxonomy.locate(text)
            if located is None:
                i = self._by_preferred_label(kind).get(" ".join(words(text)))
                if i is not None:
                    return i
                located = taxonomy.locate(self._resolve(text, kind))
        if located is None or located[0] != kind:
            raise UnknownConcept(str(name), [], kind)
        return located[1]

    def numbers(self, names: Names, kind: str) -> list[int]:
        """The numbers of several concepts of ``kind`` (one name is one concept)."""
        if isinstance(names, str | Concept):
            names = [names]
        return [self.number(name, kind) for name in names or ()]

    def _by_preferred_label(self, kind: str) -> dict[str, int]:
        """Normalised preferred label -> number, for labels that name one concept of the kind.

        A shortcut past ``resolve`` for the common case of an exact label: the full
        label index (alternative labels, suggestions) takes longer to load than a whole
        request on ESCO.  Anything else still goes through ``resolve``.
        """
        table = self._preferred.get(kind)
        if table is None:
            seen: dict[str, int] = {}
            for i, label in enumerate(self.taxonomy.columns(kind)[1]):
                key = " ".join(words(label))
                seen[key] = -1 if key in seen else i
            table = {k: i for k, i in seen.items() if i >= 0}
            self._preferred[kind] = table
        return table


def _no_start(start: Name | None) -> bool:
    return start is None or (isinstance(start, str) and not start.strip())


def _check_int(name: str, value: object, low: int, high: int) -> int:
    """``value`` as an int in ``[low, high]``, or ``InvalidParameter``.

    >>> _check_int("k", 3, 1, 5)
    3
    >>> _check_int("k", True, 1, 5)
    Traceback (most recent call last):
    ...
    skillgraph.errors.InvalidParameter: k must be an integer (got True)
    """
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise InvalidParameter(f"{name} must be an integer (got {value!r})")
    if not low <= value <= high:
        raise InvalidParameter(f"{name} must be between {low} and {high} (got {value})")
    return int(value)


def _check_optional(name: str, value: object, low: int, high: int) -> int | None:
    return None if value is None else _check_int(name, value, low, high)
