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

import dataclasses
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Protocol, TypeAlias

import numpy as np

from ..errors import InvalidParameter, UnknownConcept
from ..search import words
from ..taxonomy import Concept, Kind, Taxonomy
from .best_fits import BestFits
from .model import CareerModel, Start
from .outlook import Figures, figures_of
from .params import ParamsLike, PathParams, coerce_params
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
        self, taxonomy: Taxonomy, resolve: Resolver, cache: DerivedCache | None = None
    ) -> None:
        self.taxonomy = taxonomy
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
            model = CareerModel(self.taxonomy, params)
            self._cache.put(name, (model.graph, model.req, model.fits))
        with self._lock:
            self._models[key] = model
            while len(self._models) > MODELS_KEPT:
                self._models.popitem(last=False)
        return model

    def warm(self) -> None:
        """Build (or load) the default model now, so the first request does not wait."""
        self.model()

    # ------------------------------------------------------------ the questions

    def next_steps(
        self, start: Name | None, k: int = 10, *, have: Names = (), params: ParamsLike = None
    ) -> list[Move]:
        """The ``k`` cheapest viable moves from ``start`` (a role, skills, or both)."""
        k = _check_int("k", k, 1, 10 * MAX_K)
        model = self.model(params)
        begin = self.start(model, start, have)
        return [self._move_figures(m, begin.role) for m in model.next_steps(begin, k)]

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
        """Which moves become viable, or cheaper, after learning skills or taking programs."""
        k = _check_int("k", k, 1, 10 * MAX_K)
        model = self.model(params)
        begin = self.start(model, start, have)
        skills = self.numbers(learn, Kind.SKILL)
        for p in self.numbers(programs, Kind.PROGRAM):
            skills.extend(sorted(model.explainer.teaches.get(p, ())))
        if not skills:
            raise InvalidParameter("give skills to learn or programs to take")
        new, cheaper = model.whatif(begin, skills, k)
        new = [self._move_figures(m, begin.role) for m in new]
        learned = [self.taxonomy.concept(Kind.SKILL, s) for s in dict.fromkeys(skills)]
        return WhatIf(begin.concept, learned, new, cheaper)

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
        return dataclasses.replace(move, outlook=self._role_figures(move.role, start))

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
        if start is None or (isinstance(start, str) and not start.strip()):
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
