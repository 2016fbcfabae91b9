"""The taxonomy as plain arrays: the projection of the RDF graph that algorithms work on.

Algorithms (transitions, paths, gaps) take a ``Taxonomy`` and never touch RDF.  Concepts
are numbered per kind (role 0..n-1, skill 0..m-1, ...) and relations are parallel arrays
of those numbers, ready for sparse matrices.  ``load_taxonomy`` reads one from a store;
``taxonomy_for`` caches it on disk next to the store, keyed by the store's content.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .namespace import SG, SKOS
from .store import Store

__all__ = ["Concept", "Kind", "Taxonomy", "load_taxonomy", "taxonomy_for"]

CACHE_VERSION = 3  # 2: Taxonomy.program_field; 3: Taxonomy.role_seniority


class Kind:
    """The kinds of concept, as the strings used in APIs and URLs."""

    ROLE = "role"
    SKILL = "skill"
    PROGRAM = "program"
    FIELD = "field"
    ALL = (ROLE, SKILL, PROGRAM, FIELD)


@dataclass(frozen=True, slots=True)
class Concept:
    """A concept named by URI, with its preferred label and kind."""

    uri: str
    label: str
    kind: str


@dataclass(eq=False)
class Taxonomy:
    """Roles, skills, programs and fields, and the relations between them, as arrays.

    Requirements are parallel arrays ``req_role``, ``req_skill``, ``req_essential`` and the
    source's ratings ``req_importance`` / ``req_level`` (NaN where the source has none).
    ``skill_hours`` is NaN where the taxonomy gives no typical hours.  Fields are -1 where
    a concept has none (``program_field`` too: the field a program belongs to).
    ``role_seniority`` is a role's rank, 1 (entry) to 5: ``sg:seniority``, else
    ``sg:preparationLevel`` (O*NET Job Zone), NaN where the source has neither (ESCO).
    """

    role_uris: list[str]
    role_labels: list[str]
    role_field: np.ndarray
    skill_uris: list[str]
    skill_labels: list[str]
    skill_field: np.ndarray
    skill_hours: np.ndarray
    field_uris: list[str]
    field_labels: list[str]
    program_uris: list[str]
    program_labels: list[str]
    program_hours: np.ndarray
    program_cost: np.ndarray
    program_type: list[str]
    req_role: np.ndarray
    req_skill: np.ndarray
    req_essential: np.ndarray
    req_importance: np.ndarray
    req_level: np.ndarray
    teach_program: np.ndarray
    teach_skill: np.ndarray
    content_id: str = ""
    _index: dict[str, tuple[str, int]] = field(default_factory=dict, repr=False)
    program_field: np.ndarray | None = None
    role_seniority: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.program_field is None:
            self.program_field = np.full(len(self.program_uris), -1, dtype=np.int32)
        if self.role_seniority is None:
            self.role_seniority = np.full(len(self.role_uris), np.nan)
        if not self._index:
            for kind, uris in (
                (Kind.FIELD, self.field_uris),
                (Kind.PROGRAM, self.program_uris),
                (Kind.SKILL, self.skill_uris),
                (Kind.ROLE, self.role_uris),
            ):
                for i, uri in enumerate(uris):
                    self._index[uri] = (kind, i)

    @property
    def n_roles(self) -> int:
        return len(self.role_uris)

    @property
    def n_skills(self) -> int:
        return len(self.skill_uris)

    def locate(self, uri: str) -> tuple[str, int] | None:
        """``(kind, number)`` of the concept with this URI, or None."""
        return self._index.get(uri)

    def concept(self, kind: str, i: int) -> Concept:
        uris, labels = self._columns(kind)
        return Concept(uris[i], labels[i], kind)

    def _columns(self, kind: str) -> tuple[list[str], list[str]]:
        return {
            Kind.ROLE: (self.role_uris, self.role_labels),
            Kind.SKILL: (self.skill_uris, self.skill_labels),
            Kind.PROGRAM: (self.program_uris, self.program_labels),
            Kind.FIELD: (self.field_uris, self.field_labels),
        }[kind]

    @classmethod
    def from_records(
        cls,
        *,
        roles: list[tuple[str, str, str | None]],
        skills: list[tuple[str, str, str | None, float | None]],
        fields: list[tuple[str, str]],
        requirements: list[tuple[str, str, bool]],
        programs: list[tuple] = (),
        teaches: list[tuple[str, str]] = (),
        ratings: dict[tuple[str, str], tuple[float, float]] | None = None,
        content_id: str = "",
        seniority: dict[str, float] | None = None,
    ) -> Taxonomy:
        """Build a taxonomy from plain records (URIs as strings).

        ``roles``: (uri, label, field uri or None); ``skills``: (uri, label, field uri or
        None, hours or None); ``fields``: (uri, label); ``requirements``: (role uri, skill
        uri, essential); ``programs``: (uri, label, hours, cost, type[, field uri or
        None]); ``teaches``:
        (program uri, skill uri); ``ratings``: (role uri, skill uri) -> (importance, level);
        ``seniority``: role uri -> rank (1 to 5).
        Relations that name unknown concepts are dropped.

        >>> t = Taxonomy.from_records(
        ...     roles=[("r:a", "clerk", "f:adm"), ("r:b", "analyst", None)],
        ...     skills=[("s:x", "typing", "f:adm", 10.0), ("s:y", "SQL", None, None)],
        ...     fields=[("f:adm", "administration")],
        ...     requirements=[("r:a", "s:x", True), ("r:b", "s:y", False), ("r:z", "s:y", True)],
        ... )
        >>> t.n_roles, t.n_skills, t.role_field.tolist(), t.req_essential.tolist()
        (2, 2, [0, -1], [True, False])
        """
        field_ix = {uri: i for i, (uri, _) in enumerate(fields)}
        role_ix = {uri: i for i, (uri, _, _) in enumerate(roles)}
        skill_ix = {uri: i for i, (uri, _, _, _) in enumerate(skills)}
        program_ix = {uri: i for i, (uri, *_rest) in enumerate(programs)}
        reqs = [
            (role_ix[r], skill_ix[s], bool(e))
            for r, s, e in requirements
            if r in role_ix and s in skill_ix
        ]
        ratings = ratings or {}
        rated = [ratings.get((roles[r][0], skills[s][0]), (np.nan, np.nan)) for r, s, _ in reqs]
        teach = [
            (program_ix[p], skill_ix[s]) for p, s in teaches if p in program_ix and s in skill_ix
        ]

        def f(uri: str | None) -> int:
            return field_ix.get(uri, -1) if uri is not None else -1

        def num(value: float | None) -> float:
            return np.nan if value is None else float(value)

        return cls(
            role_uris=[r[0] for r in roles],
            role_labels=[r[1] for r in roles],
            role_field=np.array([f(r[2]) for r in roles], dtype=np.int32),
            skill_uris=[s[0] for s in skills],
            skill_labels=[s[1] for s in skills],
            skill_field=np.array([f(s[2]) for s in skills], dtype=np.int32),
            skill_hours=np.array([num(s[3]) for s in skills], dtype=np.float64),
            field_uris=[x[0] for x in fields],
            field_labels=[x[1] for x in fields],
            program_uris=[p[0] for p in programs],
            program_labels=[p[1] for p in programs],
            program_hours=np.array([num(p[2]) for p in programs], dtype=np.float64),
            program_cost=np.array([num(p[3]) for p in programs], dtype=np.float64),
            program_type=[p[4] for p in programs],
            program_field=np.array(
                [f(p[5]) if len(p) > 5 else -1 for p in programs], dtype=np.int32
            ),
            req_role=np.array([r for r, _, _ in reqs], dtype=np.int32),
            req_skill=np.array([s for _, s, _ in reqs], dtype=np.int32),
            req_essential=np.array([e for _, _, e in reqs], dtype=bool),
            req_importance=np.array([x[0] for x in rated], dtype=np.float64),
            req_level=np.array([x[1] for x in rated], dtype=np.float64),
            teach_program=np.array([p for p, _ in teach], dtype=np.int32),
            teach_skill=np.array([s for _, s in teach], dtype=np.int32),
            content_id=content_id,
            role_seniority=np.array(
                [num((seniority or {}).get(r[0])) for r in roles], dtype=np.float64
            ),
        )


# ----------------------------------------------------------------- reading a store

_PREFIXES = f"PREFIX sg: <{SG._NS}>\nPREFIX skos: <{SKOS._NS}>\n"


def _rows(store: Store, body: str) -> list[list]:
    result = store.query(_PREFIXES + body)
    out = []
    for solution in result:
        out.append([None if term is None else term.value for term in solution])
    return out


def _labelled(store: Store, cls: str, extra: str = "", extra_vars: str = "") -> list[list]:
    # One preferred label per concept: English first, then any; ties broken by the text.
    rows = _rows(
        store,
        f"""SELECT ?c (SAMPLE(?en) AS ?len) (MIN(?any) AS ?lany) {extra_vars} WHERE {{
              ?c a {cls} .
              OPTIONAL {{ ?c skos:prefLabel ?en FILTER(langMatches(lang(?en), "en")) }}
              OPTIONAL {{ ?c skos:prefLabel ?any }}
              {extra}
            }} GROUP BY ?c ORDER BY ?c""",
    )
    return [[r[0], r[1] or r[2] or r[0].rsplit("/", 1)[-1], *r[3:]] for r in rows]


def load_taxonomy(store: Store) -> Taxonomy:
    """Read the projection of ``store`` (roles, skills, fields, programs, relations)."""
    fields = [(r[0], r[1]) for r in _labelled(store, "sg:Field")]
    role_rows = _labelled(
        store,
        "sg:Role",
        "OPTIONAL { ?c sg:field ?f } OPTIONAL { ?c sg:seniority ?n } "
        "OPTIONAL { ?c sg:preparationLevel ?z }",
        "(MIN(STR(?f)) AS ?field) (MIN(?n) AS ?rank) (MIN(?z) AS ?zone)",
    )
    roles = [(r[0], r[1], r[2]) for r in role_rows]
    seniority = {}
    for r in role_rows:
        rank = _float(r[3]) if r[3] is not None else _float(r[4])
        if rank is not None:
            seniority[r[0]] = rank
    skills = [
        (r[0], r[1], r[2], None if r[3] is None else float(r[3]))
        for r in _labelled(
            store,
            "sg:Skill",
            "OPTIONAL { ?c sg:field ?f } OPTIONAL { ?c sg:effortHours ?h }",
            "(MIN(STR(?f)) AS ?field) (MIN(?h) AS ?hours)",
        )
    ]
    programs = [
        (r[0], r[1], _float(r[2]), _float(r[3]), r[4] or "", r[5])
        for r in _labelled(
            store,
            "sg:LearningProgram",
            "OPTIONAL { ?c sg:hours ?h } OPTIONAL { ?c sg:cost ?k } "
            "OPTIONAL { ?c sg:programType ?t } OPTIONAL { ?c sg:field ?f }",
            "(MIN(?h) AS ?hours) (MIN(?k) AS ?cost) (MIN(?t) AS ?type) (MIN(STR(?f)) AS ?field)",
        )
    ]
    requirements = [
        (r, s, True) for r, s in _rows(store, "SELECT ?r ?s WHERE { ?r sg:essentialSkill ?s }")
    ]
    essential = {(r, s) for r, s, _ in requirements}
    requirements += [
        (r, s, False)
        for r, s in _rows(store, "SELECT ?r ?s WHERE { ?r sg:optionalSkill ?s }")
        if (r, s) not in essential
    ]
    ratings = {
        (r, s): (_float(i), _float(lv))
        for r, s, i, lv in _rows(
            store,
            """SELECT ?r ?s ?i ?l WHERE { ?r sg:requirement ?q . ?q sg:requiredSkill ?s .
                 OPTIONAL { ?q sg:importance ?i } OPTIONAL { ?q sg:level ?l } }""",
        )
    }
    teaches = [tuple(r) for r in _rows(store, "SELECT ?p ?s WHERE { ?p sg:teaches ?s }")]
    return Taxonomy.from_records(
        roles=roles,
        skills=skills,
        fields=fields,
        requirements=requirements,
        programs=programs,
        teaches=teaches,
        ratings=ratings,
        content_id=store.content_id,
        seniority=seniority,
    )


def _float(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def read_cache(cache_dir: Path | None, name: str, content_id: str):
    """An object pickled by ``write_cache`` for this content, or None.

    Cache files live inside the store's own generation folder, written by skillgraph
    itself, so they are as trusted as the store.
    """
    if cache_dir is None:
        return None
    path = cache_dir / f"{name}.pickle"
    try:
        with open(path, "rb") as handle:
            version, cid, payload = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError,
            ImportError, AttributeError):  # fmt: skip
        # ImportError / AttributeError: written by a version whose modules moved; rebuilt.
        return None
    if version != CACHE_VERSION or cid != content_id:
        return None
    return payload


def write_cache(cache_dir: Path | None, name: str, content_id: str, payload) -> None:
    """Pickle ``payload`` for this content; silently skipped when the folder is not writable."""
    if cache_dir is None:
        return
    path = cache_dir / f"{name}.pickle"
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if cache_dir.parent.name.startswith("gen-") and not cache_dir.parent.is_dir():
        return  # a generation an import has removed: never re-create it (issue 12)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            pickle.dump((CACHE_VERSION, content_id, payload), handle, protocol=5)
        tmp.replace(path)
    except OSError:
        return


def taxonomy_for(store: Store) -> Taxonomy:
    """The taxonomy of ``store``, from its on-disk cache when the content is unchanged."""
    cached = read_cache(store.cache_dir, "taxonomy", store.content_id)
    if isinstance(cached, Taxonomy):
        return cached
    taxonomy = load_taxonomy(store)
    write_cache(store.cache_dir, "taxonomy", store.content_id, taxonomy)
    return taxonomy
