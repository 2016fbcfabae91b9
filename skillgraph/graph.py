"""``SkillGraph``: the one object a program, the CLI and the web app talk to.

It owns an open store and the derived data computed from it (the taxonomy arrays, the
label index, the transition graph), each computed once and cached by content id.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections import Counter

import pyoxigraph as ox

from .errors import AmbiguousLabel, UnknownConcept
from .namespace import DCTERMS, RDFS, SG, SKOS
from .search import LabelIndex, Match, words
from .store import Store, open_store
from .taxonomy import Concept, Kind, Taxonomy, read_cache, taxonomy_for, write_cache

__all__ = ["SkillGraph", "open"]

_KIND_OF_CLASS = {
    str(SG.Role): Kind.ROLE,
    str(SG.Skill): Kind.SKILL,
    str(SG.LearningProgram): Kind.PROGRAM,
    str(SG.Field): Kind.FIELD,
}
_PREFIXES = (
    f"PREFIX sg: <{SG._NS}>\nPREFIX skos: <{SKOS._NS}>\n"
    f"PREFIX rdfs: <{RDFS._NS}>\nPREFIX dcterms: <{DCTERMS}>\n"
)
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

    def __init__(self, store: Store):
        self.store = store

    def __repr__(self) -> str:
        return f"<SkillGraph {self.store!r}>"

    # ------------------------------------------------------------ derived data

    @functools.cached_property
    def taxonomy(self) -> Taxonomy:
        return taxonomy_for(self.store)

    @functools.cached_property
    def labels(self) -> LabelIndex:
        cached = read_cache(self.store.cache_dir, "labels", self.store.content_id)
        if isinstance(cached, LabelIndex):
            return cached
        index = LabelIndex(self._label_entries())
        write_cache(self.store.cache_dir, "labels", self.store.content_id, index)
        return index

    def _label_entries(self) -> list[tuple[str, str, str, bool]]:
        rows = self.store.query(
            _PREFIXES
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
            (s[0].value, _KIND_OF_CLASS[s[1].value], s[2].value, s[3].value == "1") for s in rows
        ]
        # Preferred labels first so that each concept's display label is its preferred one;
        # then by concept and text, not in the order of the store (servers differ), so that
        # the label a search shows among equally good ones is the same everywhere.
        entries.sort(key=lambda e: (not e[3], e[0], e[2]))
        return entries

    # ------------------------------------------------------------ lookup

    def search(self, text: str, *, kinds=None, limit: int = 20) -> list[Match]:
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
        if located is None and _looks_like_uri(name):
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
                _PREFIXES
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
            pool = [
                label
                for label, k in zip(
                    self.labels.concept_label, self.labels.concept_kind, strict=True
                )
                if kind is None or k == kind
            ]
            for label in difflib.get_close_matches(name, pool, n=n, cutoff=0.6):
                if label not in found:
                    found.append(label)
        return found[:n]

    # ------------------------------------------------------------ careers (see careers.py)

    def warm(self) -> None:
        """Compute and cache the derived data now (taxonomy, label index, the transition
        graph under default parameters) so that the first request does not pay for it."""
        _ = self.taxonomy
        _ = self.labels
        self.transitions()

    def transitions(self, params=None):
        """The career model (requirements and transition graph) under ``params``, cached."""
        from . import careers

        return careers.career_model(self, careers._params(params))

    def next_steps(self, start, k: int = 10, *, have=(), params=None):
        """The ``k`` cheapest moves from a role, a set of skills (``have``), or both."""
        from . import careers

        return careers.next_steps(self, start, k, have=have, params=params)

    def career_paths(
        self,
        start,
        target,
        *,
        k: int = 3,
        max_reskilling=None,
        max_steps=None,
        avoid=(),
        have=(),
        params=None,
    ):
        """Up to ``k`` cheapest career paths from ``start`` to ``target``."""
        from . import careers

        return careers.career_paths(
            self,
            start,
            target,
            k=k,
            max_reskilling=max_reskilling,
            max_steps=max_steps,
            avoid=avoid,
            have=have,
            params=params,
        )

    def whatif(self, start, *, learn=(), programs=(), have=(), k: int = 20, params=None):
        """Which roles become reachable or cheaper after learning skills or programs."""
        from . import careers

        return careers.whatif(
            self, start, learn=learn, programs=programs, have=have, k=k, params=params
        )

    # ------------------------------------------------------------ inspection

    def show(self, name: str, *, kind: str | None = None, cap: int = RELATION_CAP) -> dict:
        """Everything about one concept as plain JSON-ready data."""
        concept = self.resolve(name, kind)
        uri = concept.uri
        literals: dict[str, list[dict]] = {}
        for s in self.store.query(f"SELECT ?p ?o WHERE {{ <{uri}> ?p ?o FILTER(isLiteral(?o)) }}"):
            literals.setdefault(s[0].value, []).append({"value": s[1].value, "lang": s[1].language})
        names = self._property_names()
        outgoing = self._links(uri, outgoing=True, names=names, cap=cap)
        incoming = self._links(uri, outgoing=False, names=names, cap=cap)

        def texts(prop) -> list[str]:
            return [x["value"] for x in literals.get(str(prop), [])]

        description = texts(DCTERMS.description) or texts(SKOS.definition)
        other = {
            names.get(p, p): [x["value"] for x in values]
            for p, values in literals.items()
            if p
            not in {
                str(SKOS.prefLabel),
                str(SKOS.altLabel),
                str(SKOS.hiddenLabel),
                str(DCTERMS.description),
            }
        }
        return {
            "uri": uri,
            "kind": concept.kind,
            "label": concept.label,
            "alt_labels": sorted(texts(SKOS.altLabel)),
            "hidden_labels": sorted(texts(SKOS.hiddenLabel)),
            "description": description[0] if description else None,
            "properties": other,
            "outgoing": outgoing,
            "incoming": incoming,
            "source": self.source_of(uri),
        }

    @functools.cache  # noqa: B019 - one SkillGraph per store, kept for the process
    def _property_names(self) -> dict[str, str]:
        rows = self.store.query(
            _PREFIXES
            + "SELECT ?p ?l WHERE { ?p rdfs:label ?l FILTER(langMatches(lang(?l), 'en')) }"
        )
        names = {s[0].value: s[1].value for s in rows}
        names.setdefault(str(SKOS.broader), "broader")
        names.setdefault(str(SKOS.narrower), "narrower")
        names.setdefault(str(SKOS.inScheme), "in scheme")
        names.setdefault(str(SKOS.member), "member")
        names.setdefault(str(SKOS.exactMatch), "exact match")
        return names

    def _links(self, uri: str, *, outgoing: bool, names: dict[str, str], cap: int) -> list[dict]:
        # Counts first, then at most ``cap`` items per relation, sorted by the store: an ESCO
        # concept scheme has ~14k members and must not be pulled into Python whole.
        pattern = f"<{uri}> ?p ?x" if outgoing else f"?x ?p <{uri}>"
        counts = self.store.query(
            f"""SELECT ?p (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} FILTER(isIRI(?x))
                FILTER(?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) }} GROUP BY ?p"""
        )
        groups = []
        for p, n in [(s[0].value, int(s[1].value)) for s in counts]:
            one = f"<{uri}> <{p}> ?x" if outgoing else f"?x <{p}> <{uri}>"
            targets = [
                r[0].value
                for r in self.store.query(
                    f"SELECT DISTINCT ?x WHERE {{ {one} FILTER(isIRI(?x)) }} LIMIT {int(cap)}"
                )
            ]
            items = self._describe_targets(targets)
            name = names.get(p, p.rsplit("/", 1)[-1].rsplit("#", 1)[-1])
            groups.append(
                {
                    "property": p,
                    "name": name if outgoing else f"{name} of",
                    "count": n,
                    "items": items,
                }
            )
        return sorted(groups, key=lambda g: g["name"])

    def _describe_targets(self, uris: list[str]) -> list[dict]:
        """Label and kind of each URI, sorted by label."""
        if not uris:
            return []
        values = " ".join(f"<{u}>" for u in uris)
        info: dict[str, dict] = {u: {"uri": u, "label": u, "kind": "concept"} for u in uris}
        for r in self.store.query(
            _PREFIXES
            + f"""SELECT ?x ?l ?t WHERE {{ VALUES ?x {{ {values} }}
                  OPTIONAL {{ ?x skos:prefLabel ?l FILTER(langMatches(lang(?l), "en")) }}
                  OPTIONAL {{ VALUES ?t {{ sg:Role sg:Skill sg:LearningProgram sg:Field }}
                              ?x a ?t }} }}"""
        ):
            item = info[r[0].value]
            if r[1] is not None:
                item["label"] = r[1].value
            if r[2] is not None:
                item["kind"] = _KIND_OF_CLASS.get(r[2].value, "concept")
        return sorted(info.values(), key=lambda item: item["label"].casefold())

    @functools.cached_property
    def sources(self) -> list[dict]:
        """The datasets in the store, with the attribution their licences require."""
        rows = self.store.query(
            _PREFIXES
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

    def source_of(self, uri: str) -> dict | None:
        """The source a concept comes from (longest matching URI prefix), or None."""
        best = None
        for source in self.sources:
            prefix = source["uri_prefix"]
            if (
                prefix
                and uri.startswith(prefix)
                and (best is None or len(prefix) > len(best["uri_prefix"]))
            ):
                best = source
        return best

    def stats(self) -> dict:
        """Counts by class, roles per field, and a data-quality summary."""
        t = self.taxonomy
        counts = {
            str(s[0].value).rsplit("#", 1)[-1]: int(s[1].value)
            for s in self.store.query(
                _PREFIXES
                + """SELECT ?t (COUNT(DISTINCT ?c) AS ?n) WHERE {
                     VALUES ?t { sg:Role sg:Skill sg:LearningProgram sg:Field sg:SkillGroup
                                 sg:OccupationGroup sg:Requirement sg:Source }
                     ?c a ?t } GROUP BY ?t"""
            )
        }
        roles_per_field = Counter(int(f) for f in t.role_field)
        fields = sorted(
            (
                {"uri": uri, "label": label, "roles": roles_per_field.get(i, 0)}
                for i, (uri, label) in enumerate(zip(t.field_uris, t.field_labels, strict=True))
            ),
            key=lambda f: (-f["roles"], f["label"]),
        )
        with_req = set(t.req_role.tolist())
        with_essential = set(t.req_role[t.req_essential].tolist())
        required = set(t.req_skill.tolist())
        teaching = set(t.teach_program.tolist())
        quality = {
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
        pref = Counter()
        for c, label in enumerate(index.concept_label):
            pref[(index.concept_kind[c], " ".join(words(label)))] += 1
        return sum(1 for n in pref.values() if n > 1)


_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|^`\\]+$')


def _looks_like_uri(name: str) -> bool:
    """True for a string that is safe to place inside ``<...>`` in a SPARQL query: no
    character SPARQL forbids there, and an IRI Oxigraph parses (control characters or a
    bad ``%`` escape would make the query a syntax error).

    >>> _looks_like_uri("http://example.org/a"), _looks_like_uri("http://example.org/%zz")
    (True, False)
    >>> _looks_like_uri("http://example.org/a> ?p ?o } #"), _looks_like_uri("http://x/\x1b")
    (False, False)
    """
    if not _IRI.match(name):
        return False
    try:
        ox.NamedNode(name)
    except ValueError:
        return False
    return True
