"""``SkillGraph``: the one object a program, the CLI and the web app talk to.

It owns an open store and the derived data computed from it (the taxonomy arrays, the
label index, the transition graph), each computed once and cached by content id.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections import Counter
from collections.abc import Iterable
from typing import TypedDict

import numpy as np

from . import settings
from .careers import CareerPath, Careers, Move, WhatIf
from .careers.engine import Name, Names
from .careers.params import ParamsLike
from .describe import ConceptInfo, Source, describe, property_names
from .errors import AmbiguousLabel, UnknownConcept
from .iri import is_query_iri
from .namespace import SPARQL_PREFIXES, kind_of_class
from .projection import taxonomy_for
from .search import LabelIndex, Match, percentiles, words
from .store import Store, open_store
from .store.cache import Cache, read_cache, write_cache
from .taxonomy import Concept, Taxonomy

__all__ = ["FieldCount", "SkillGraph", "Stats", "open"]


class FieldCount(TypedDict):
    """A field and how many roles it holds."""

    uri: str
    label: str
    roles: int


class Stats(TypedDict):
    """What ``SkillGraph.stats`` returns: counts, roles per field, data quality."""

    store: str
    content_id: str
    triples: int
    counts: dict[str, int]
    fields: list[FieldCount]
    #: problem -> a count, or the details an importer recorded
    quality: dict[str, object]
    #: name and attribution of each source
    sources: list[dict[str, str | None]]


#: How many related concepts ``show`` lists per relation (the total is always given).
RELATION_CAP = 200


def open(store: str | os.PathLike[str] | Store | None = None) -> SkillGraph:
    """Open a skill graph: the built-in default taxonomy, or the store at ``store``.

    >>> g = open()
    >>> g.resolve("data analyst").kind
    'role'
    """
    if isinstance(store, Store):
        return SkillGraph(store)
    return SkillGraph(open_store(store))


class SkillGraph:
    """A taxonomy to explore: search, look up, inspect, and (see ``careers``) plan paths."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._names: dict[str, str] | None = None

    def __repr__(self) -> str:
        return f"<SkillGraph {self.store!r}>"

    # ------------------------------------------------------------ derived data

    @functools.cached_property
    def taxonomy(self) -> Taxonomy:
        return taxonomy_for(self.store)

    @functools.cached_property
    def labels(self) -> LabelIndex:
        # "labels-2": the index ranks by centrality since issue 14; older pickles lack it.
        cached = read_cache(self.store.cache_dir, "labels-2", self.store.content_id)
        if isinstance(cached, LabelIndex):
            return cached
        index = LabelIndex(self._label_entries(), self._centrality())
        write_cache(self.store.cache_dir, "labels-2", self.store.content_id, index)
        return index

    def _centrality(self) -> dict[str, float]:
        """How central each concept is within its kind, for ranking search hits: the roles
        that need a skill, the skills a role lists, the skills a program teaches, the
        roles of a field (``search.percentiles``)."""
        t = self.taxonomy

        def counts(index: np.ndarray, n: int) -> np.ndarray:
            return np.bincount(index[index >= 0].astype(np.int64), minlength=n)[:n]

        out: dict[str, float] = {}
        out.update(percentiles(t.skill_uris, counts(t.req_skill, len(t.skill_uris))))
        out.update(percentiles(t.role_uris, counts(t.req_role, len(t.role_uris))))
        out.update(percentiles(t.program_uris, counts(t.teach_program, len(t.program_uris))))
        out.update(percentiles(t.field_uris, counts(t.role_field, len(t.field_uris))))
        return out

    def _label_entries(self) -> list[tuple[str, str, str, bool]]:
        rows = self.store.query(
            SPARQL_PREFIXES
            + """SELECT ?c ?t ?l ?p WHERE {
                VALUES ?t { sg:Role sg:Skill sg:LearningProgram sg:Field }
                ?c a ?t .
                { ?c skos:prefLabel ?l
                  BIND(IF(lang(?l) = "" || langMatches(lang(?l), "en"), 1, 0) AS ?p) }
                UNION { ?c skos:altLabel ?l BIND(0 AS ?p) }
                UNION { ?c skos:hiddenLabel ?l BIND(0 AS ?p) }
            }"""
        )
        entries = [
            (s[0].value, kind_of_class(s[1].value), s[2].value, s[3].value == "1") for s in rows
        ]
        # Preferred labels first so that each concept's display label is its preferred one;
        # then by concept and text, not in the order of the store (servers differ), so that
        # the label a search shows among equally good ones is the same everywhere.
        entries.sort(key=lambda e: (not e[3], e[0], e[2]))
        return entries

    # ------------------------------------------------------------ lookup

    def search(
        self, text: str, *, kinds: Iterable[str] | None = None, limit: int = 20
    ) -> list[Match]:
        """Concepts whose labels match the words of ``text`` (see ``skillgraph.search``)."""
        return self.labels.search(text, kinds=kinds, limit=limit)

    def resolve(self, name: str, kind: str | None = None) -> Concept:
        """The concept named by URI or label.

        A preferred label wins over alternative labels; a label that still names several
        concepts raises ``AmbiguousLabel`` listing them; an unknown name raises
        ``UnknownConcept`` with the closest labels.
        """
        name = name.strip()
        located = self.taxonomy.locate(name)
        if located is not None and (kind is None or located[0] == kind):
            return self.taxonomy.concept(*located)
        if located is None and is_query_iri(name):
            other = self._other_concept(name)
            if other is not None and kind is None:
                return other
        hits = self.labels.preferred_exact(name, kind) or self.labels.exact(name, kind)
        if len(hits) == 1:
            uri, hit_kind = hits[0]
            return self._concept(uri, hit_kind)
        if len(hits) > 1:
            raise AmbiguousLabel(name, [(u, self._concept(u, k).label, k) for u, k in hits[:20]])
        raise UnknownConcept(name, self.suggest(name, kind), kind)

    def _concept(self, uri: str, kind: str) -> Concept:
        located = self.taxonomy.locate(uri)
        if located is not None:
            return self.taxonomy.concept(*located)
        index = self.labels
        c = index.concept_uri.index(uri)
        return Concept(uri, index.concept_label[c], kind)

    def _other_concept(self, uri: str) -> Concept | None:
        """Concepts outside the four main kinds (skill groups, ISCO groups, schemes)."""
        rows = list(
            self.store.query(
                SPARQL_PREFIXES
                + f"SELECT ?l WHERE {{ <{uri}> ?p ?o OPTIONAL {{ <{uri}> skos:prefLabel ?l }} }}"
                " LIMIT 1"
            )
        )
        if not rows:
            return None
        label = rows[0][0].value if rows[0][0] is not None else uri
        return Concept(uri, label, "concept")

    def suggest(self, name: str, kind: str | None = None, n: int = 5) -> list[str]:
        """Labels close to ``name``, for 'did you mean' messages."""
        kinds = [kind] if kind else None
        found = [m.label for m in self.search(name, kinds=kinds, limit=n)]
        if len(found) < n:
            # Fall back on spelling similarity, word by word prefix search found too little.
            # Compared case-folded: "sqll" is close to "SQL".
            pool: dict[str, str] = {}
            for label, k in zip(self.labels.concept_label, self.labels.concept_kind, strict=True):
                if kind is None or k == kind:
                    pool.setdefault(label.casefold(), label)
            for close in difflib.get_close_matches(name.casefold(), pool, n=n, cutoff=0.6):
                if pool[close] not in found:
                    found.append(pool[close])
        return found[:n]

    # ------------------------------------------------------------ careers (see careers/)

    @functools.cached_property
    def careers(self) -> Careers:
        """The career engine over this store's taxonomy (next steps, paths, what-ifs)."""
        return Careers(
            self.taxonomy,
            lambda name, kind: self.resolve(name, kind=kind).uri,
            Cache(self.store.cache_dir, self.store.content_id),
            memory_limit=settings.model_memory_limit(),
        )

    def warm(self) -> None:
        """Compute and cache the derived data now (taxonomy, label index, the transition
        graph under default parameters) so that the first request does not pay for it."""
        _ = self.labels
        self.careers.warm()

    def next_steps(
        self,
        start: Name | None,
        k: int = 10,
        *,
        have: Names = (),
        params: ParamsLike = None,
        group_kinds: bool = False,
    ) -> list[Move]:
        """The ``k`` roles that fit a role, a set of skills (``have``), or both best;
        ``group_kinds``: one place per occupation (``Careers.next_steps``)."""
        return self.careers.next_steps(start, k, have=have, params=params, group_kinds=group_kinds)

    def career_paths(
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
        """Up to ``k`` cheapest career paths from ``start`` to ``target``
        (``Careers.paths``)."""
        return self.careers.paths(
            start,
            target,
            k=k,
            max_reskilling=max_reskilling,
            max_steps=max_steps,
            avoid=avoid,
            have=have,
            params=params,
        )

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
        """Which roles become reachable or cheaper after learning skills or programs
        (``Careers.whatif``)."""
        return self.careers.whatif(
            start, learn=learn, programs=programs, have=have, k=k, params=params
        )

    # ------------------------------------------------------------ inspection

    def show(self, name: str, *, kind: str | None = None, cap: int = RELATION_CAP) -> ConceptInfo:
        """Everything about one concept as plain JSON-ready data (``describe``)."""
        concept = self.resolve(name, kind)
        if self._names is None:
            self._names = property_names(self.store)
        return describe(self.store, concept, self._names, self.source_of(concept.uri), cap=cap)

    @functools.cached_property
    def sources(self) -> list[Source]:
        """The datasets in the store, with the attribution their licences require."""
        rows = self.store.query(
            SPARQL_PREFIXES
            + """SELECT ?s ?label ?attribution ?prefix ?licence WHERE { ?s a sg:Source .
                 OPTIONAL { ?s rdfs:label ?label } OPTIONAL { ?s sg:attribution ?attribution }
                 OPTIONAL { ?s sg:uriPrefix ?prefix } OPTIONAL { ?s dcterms:license ?licence } }"""
        )
        return [
            {
                "uri": s[0].value,
                "name": s[1].value if s[1] else s[0].value,
                "attribution": s[2].value if s[2] else None,
                "uri_prefix": s[3].value if s[3] else None,
                "licence": s[4].value if s[4] else None,
            }
            for s in rows
        ]

    def source_of(self, uri: str) -> Source | None:
        """The source a concept comes from (longest matching URI prefix), or None."""
        best, best_length = None, 0
        for source in self.sources:
            prefix = source["uri_prefix"]
            if prefix and uri.startswith(prefix) and (best is None or len(prefix) > best_length):
                best, best_length = source, len(prefix)
        return best

    def stats(self) -> Stats:
        """Counts by class, roles per field, and a data-quality summary."""
        t = self.taxonomy
        counts = {
            str(s[0].value).rsplit("#", 1)[-1]: int(s[1].value)
            for s in self.store.query(
                SPARQL_PREFIXES
                + """SELECT ?t (COUNT(DISTINCT ?c) AS ?n) WHERE {
                     VALUES ?t { sg:Role sg:Skill sg:LearningProgram sg:Field sg:SkillGroup
                                 sg:OccupationGroup sg:Requirement sg:Source }
                     ?c a ?t } GROUP BY ?t"""
            )
        }
        roles_per_field = Counter(int(f) for f in t.role_field)
        field_rows = sorted(
            (
                (roles_per_field.get(i, 0), label, uri)
                for i, (uri, label) in enumerate(zip(t.field_uris, t.field_labels, strict=True))
            ),
            key=lambda row: (-row[0], row[1]),
        )
        fields: list[FieldCount] = [
            {"uri": uri, "label": label, "roles": n} for n, label, uri in field_rows
        ]
        with_req = set(t.req_role.tolist())
        with_essential = set(t.req_role[t.req_essential].tolist())
        required = set(t.req_skill.tolist())
        teaching = set(t.teach_program.tolist())
        quality: dict[str, object] = {
            "roles without skills": t.n_roles - len(with_req),
            "roles without essential skills": t.n_roles - len(with_essential),
            "roles without a field": int((t.role_field < 0).sum()),
            "skills no role requires": t.n_skills - len(required),
            "programs that teach nothing": len(t.program_uris) - len(teaching),
            "labels naming several concepts": self._ambiguous_label_count(),
        }
        for problem, detail in self.store.meta.get("quality", {}).items():
            quality[problem] = detail
        return {
            "store": str(self.store.path) if self.store.path else "built-in default taxonomy",
            "content_id": self.store.content_id,
            "triples": len(self.store),
            "counts": {
                "roles": counts.get("Role", 0),
                "skills": counts.get("Skill", 0),
                "learning programs": counts.get("LearningProgram", 0),
                "fields": counts.get("Field", 0),
                "skill groups": counts.get("SkillGroup", 0),
                "occupation groups": counts.get("OccupationGroup", 0),
                "requirements": len(t.req_role),
                "essential requirements": int(t.req_essential.sum()),
                "optional requirements": int((~t.req_essential).sum()),
                "rated requirements": counts.get("Requirement", 0),
                "programs teach": len(t.teach_program),
            },
            "fields": fields,
            "quality": quality,
            "sources": [{"name": s["name"], "attribution": s["attribution"]} for s in self.sources],
        }

    def _ambiguous_label_count(self) -> int:
        index = self.labels
        pref: Counter[tuple[str, str]] = Counter()
        for c, label in enumerate(index.concept_label):
            pref[(index.concept_kind[c], " ".join(words(label)))] += 1
        return sum(1 for n in pref.values() if n > 1)
