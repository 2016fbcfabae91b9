"""The taxonomy as plain arrays: the projection of the RDF graph that algorithms work on.

Algorithms (``skillgraph.careers``) take a ``Taxonomy`` and never touch RDF: this module
imports no store and runs no query.  Concepts are numbered per kind (role 0..n-1, skill
0..m-1, ...) and relations are parallel arrays of those numbers, ready for sparse
matrices.  ``skillgraph.projection`` reads one from a store and caches it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Concept", "Kind", "Taxonomy"]


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
    #: Each role's code in its source (``skos:notation``: an ESCO code such as ``2511.1``,
    #: whose first digits are its ISCO-08 group, or an O*NET-SOC code); "" where none.
    role_code: list[str] | None = None
    #: Each skill's type (ESCO ``skillType``: "knowledge", "skill/competence") and reuse
    #: level ("transversal", "cross-sector", "sector-specific", "occupation-specific");
    #: "" where the source says nothing.
    skill_type: list[str] | None = None
    skill_reuse: list[str] | None = None
    #: Each role's words: preferred and alternative labels and description (for the text
    #: similarity of ``careers.fit``); "" where none.
    role_text: list[str] | None = None
    #: The skill hierarchy: skill ``broader_skill[i]`` sits under group
    #: ``broader_group[i]`` (numbered 0..n_groups - 1; ``skos:broader``, a skill group or
    #: a broader skill).
    broader_skill: np.ndarray | None = None
    broader_group: np.ndarray | None = None
    #: Each role's US median annual wage, employment and LLM exposure (NaN: unknown),
    #: combined from the O*NET-SOC codes in ``role_links`` (space-separated; the role's own
    #: code, or those it maps to) by ``careers.outlook.combine``; ``figure_sources``:
    #: measure ("wage", "employment", "exposure") -> where its figures come from.
    role_wage: np.ndarray | None = None
    role_employment: np.ndarray | None = None
    role_exposure: np.ndarray | None = None
    role_links: list[str] | None = None
    figure_sources: dict[str, str] | None = None
    #: Each role's family: the role at the top of its chain of broader roles
    #: (``skos:broader`` between roles: ESCO's "bookshop specialised seller" is a kind of
    #: "specialised seller"), itself where it has none.
    role_family: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.program_field is None:
            self.program_field = np.full(len(self.program_uris), -1, dtype=np.int32)
        if self.role_seniority is None:
            self.role_seniority = np.full(len(self.role_uris), np.nan)
        for name in ("role_wage", "role_employment", "role_exposure"):
            if getattr(self, name) is None:
                setattr(self, name, np.full(len(self.role_uris), np.nan))
        if self.role_links is None:
            self.role_links = [""] * len(self.role_uris)
        if self.role_family is None:
            self.role_family = np.arange(len(self.role_uris), dtype=np.int32)
        if self.figure_sources is None:
            self.figure_sources = {}
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
        uris, labels = self.columns(kind)
        return Concept(uris[i], labels[i], kind)

    def columns(self, kind: str) -> tuple[list[str], list[str]]:
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
        programs: Sequence[tuple] = (),
        teaches: Sequence[tuple[str, str]] = (),
        ratings: Mapping[tuple[str, str], tuple[float | None, float | None]] | None = None,
        content_id: str = "",
        seniority: dict[str, float] | None = None,
        codes: dict[str, str] | None = None,
        skill_kinds: dict[str, tuple[str, str]] | None = None,
        texts: dict[str, str] | None = None,
        broader: Sequence[tuple[str, str]] = (),
        figures: Mapping[str, tuple[float, float, float, str]] | None = None,
        figure_sources: dict[str, str] | None = None,
        role_broader: Sequence[tuple[str, str]] = (),
    ) -> Taxonomy:
        """Build a taxonomy from plain records (URIs as strings).

        ``roles``: (uri, label, field uri or None); ``skills``: (uri, label, field uri or
        None, hours or None); ``fields``: (uri, label); ``requirements``: (role uri, skill
        uri, essential); ``programs``: (uri, label, hours, cost, type[, field uri or
        None]); ``teaches``:
        (program uri, skill uri); ``ratings``: (role uri, skill uri) -> (importance, level);
        ``seniority``: role uri -> rank (1 to 5); ``codes``: role uri -> its code;
        ``skill_kinds``: skill uri -> (skill type, reuse level); ``texts``: role uri ->
        its words; ``broader``: (skill uri, broader concept uri) pairs; ``figures``: role
        uri -> (median wage, employment, exposure, linked codes) (NaN: unknown);
        ``role_broader``: (role uri, broader role uri) pairs (``role_family``).
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

        pairs = [(s, g) for s, g in broader if s in skill_ix]
        groups: dict[str, int] = {}
        for _, g in pairs:
            groups.setdefault(g, len(groups))

        def f(uri: str | None) -> int:
            return field_ix.get(uri, -1) if uri is not None else -1

        unknown = (np.nan, np.nan, np.nan, "")

        def fig(uri: str) -> tuple[float, float, float, str]:
            return (figures or {}).get(uri, unknown)

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
            role_code=[(codes or {}).get(r[0], "") for r in roles],
            skill_type=[(skill_kinds or {}).get(s[0], ("", ""))[0] for s in skills],
            skill_reuse=[(skill_kinds or {}).get(s[0], ("", ""))[1] for s in skills],
            role_text=[(texts or {}).get(r[0], r[1]) for r in roles],
            broader_skill=np.array([skill_ix[s] for s, _ in pairs], dtype=np.int32),
            broader_group=np.array([groups[g] for _, g in pairs], dtype=np.int32),
            role_wage=np.array([fig(r[0])[0] for r in roles], dtype=np.float64),
            role_employment=np.array([fig(r[0])[1] for r in roles], dtype=np.float64),
            role_exposure=np.array([fig(r[0])[2] for r in roles], dtype=np.float64),
            role_links=[fig(r[0])[3] for r in roles],
            figure_sources=dict(figure_sources or {}),
            role_family=families(
                len(roles),
                [
                    (role_ix[r], role_ix[b])
                    for r, b in role_broader
                    if r in role_ix and b in role_ix
                ],
            ),
        )


def families(n: int, broader: Sequence[tuple[int, int]]) -> np.ndarray:
    """Each of ``n`` roles' family: the top of its chain of broader roles (``broader``:
    (role, broader role) pairs; of several, the lowest-numbered), itself where it has
    none.  A cycle ends where it would repeat.

    >>> families(5, [(1, 0), (2, 1), (4, 3), (3, 4)]).tolist()
    [0, 0, 0, 4, 3]
    """
    parent = np.arange(n, dtype=np.int32)
    for role, up in sorted(broader, reverse=True):
        if role != up:
            parent[role] = up
    family = parent.copy()
    for i in range(n):
        seen = {i}
        top = int(parent[i])
        while parent[top] != top and int(parent[top]) not in seen:
            seen.add(top)
            top = int(parent[top])
        family[i] = top
    return family
