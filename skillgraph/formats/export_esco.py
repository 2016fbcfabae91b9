"""Export the store as an ESCO-layout CSV bundle: the files and columns of the official
ESCO v1.1 "classification - csv" download, so tools that read ESCO (ours included:
``skillgraph import esco``) read it.

Roles become occupations, skills skills, ``sg:OccupationGroup`` nodes with an ISCO-08 code
ISCO groups, ``sg:SkillGroup`` nodes skill groups; the essential/optional links, skill-skill
relations, ``skos:broader`` links, concept schemes and ``skos:Collection`` members are
written as ESCO writes them (list cells one item per line, ``inScheme`` as
``uri1, uri2``).  Columns ESCO fills and skillgraph does not keep (``status``,
``modifiedDate``, ``regulatedProfessionNote``) are written as ``released`` / empty.

What does not fit the layout is left out: learning programs, rated requirements
(importance/level), and the field of a role that has no ISCO group (ESCO derives fields
from ISCO groups).  A ``NOTICE.txt`` carries the sources' attribution.  In a subset
(``--field``, ``--path``) the ISCO groups and skill groups are all kept, as context.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from ..namespace import DCTERMS, RDF, SG, SKOS
from .csvwrite import csv_bytes
from .selection import Selection

__all__ = ["COLUMNS", "esco_files"]

COLUMNS = {
    "occupations_{lang}.csv": (
        "conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels",
        "hiddenLabels", "status", "modifiedDate", "regulatedProfessionNote", "scopeNote",
        "definition", "inScheme", "description", "code",
    ),
    "skills_{lang}.csv": (
        "conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
        "hiddenLabels", "status", "modifiedDate", "scopeNote", "definition", "inScheme",
        "description",
    ),
    "ISCOGroups_{lang}.csv": (
        "conceptType", "conceptUri", "code", "preferredLabel", "status", "altLabels",
        "inScheme", "description",
    ),
    "skillGroups_{lang}.csv": (
        "conceptType", "conceptUri", "preferredLabel", "altLabels", "hiddenLabels", "status",
        "modifiedDate", "scopeNote", "inScheme", "description", "code",
    ),
    "skillsHierarchy_{lang}.csv": (
        "Level 0 URI", "Level 0 preferred term", "Level 1 URI", "Level 1 preferred term",
        "Level 2 URI", "Level 2 preferred term", "Level 3 URI", "Level 3 preferred term",
        "Description", "Scope note", "Level 0 code", "Level 1 code", "Level 2 code",
        "Level 3 code",
    ),
    "broaderRelationsOccPillar.csv": ("conceptType", "conceptUri", "broaderType", "broaderUri"),
    "broaderRelationsSkillPillar.csv": (
        "conceptType", "conceptUri", "broaderType", "broaderUri",
    ),
    "occupationSkillRelations.csv": ("occupationUri", "relationType", "skillType", "skillUri"),
    "skillSkillRelations.csv": (
        "originalSkillUri", "originalSkillType", "relationType", "relatedSkillType",
        "relatedSkillUri",
    ),
    "conceptSchemes_{lang}.csv": (
        "conceptType", "conceptSchemeUri", "preferredLabel", "title", "status", "description",
        "hasTopConcept",
    ),
}  # fmt: skip
COLLECTION_COLUMNS = (
    "conceptType", "conceptUri", "preferredLabel", "status", "skillType", "reuseLevel",
    "altLabels", "description", "broaderConceptUri", "broaderConceptPT",
)  # fmt: skip
HIERARCHY_SCHEME = "http://data.europa.eu/esco/concept-scheme/skills-hierarchy"
COLLECTION_PREFIX = "https://w3id.org/skillgraph/id/esco/collection/"

_PROPS = {
    "pref": SKOS.prefLabel,
    "alt": SKOS.altLabel,
    "hidden": SKOS.hiddenLabel,
    "description": DCTERMS.description,
    "definition": SKOS.definition,
    "scope": SKOS.scopeNote,
    "scheme": SKOS.inScheme,
    "notation": SKOS.notation,
    "skillType": SG.skillType,
    "reuse": SG.reuseLevel,
    "group": SG.occupationGroup,
    "title": DCTERMS.title,
    "top": SKOS.hasTopConcept,
}
_NAME = {str(uri): name for name, uri in _PROPS.items()}


class _Facts:
    """The ``_PROPS`` values of the members of one class: uri -> name -> values."""

    def __init__(self, members: set[str], values: dict[str, dict[str, list[str]]]):
        self.by_uri: dict[str, dict[str, list[str]]] = {}
        for uri in members:
            self.by_uri[uri] = {name: found[uri] for name, found in values.items() if uri in found}

    def one(self, uri: str, name: str) -> str:
        found = self.by_uri.get(uri, {}).get(name, [])
        return min(found) if found else ""

    def lines(self, uri: str, name: str) -> str:
        return "\n".join(sorted(set(self.by_uri.get(uri, {}).get(name, []))))

    def schemes(self, uri: str) -> str:
        return ",\n".join(sorted(set(self.by_uri.get(uri, {}).get("scheme", []))))


def _all_values(store, lang: str) -> dict[str, dict[str, list[str]]]:
    """Every ``_PROPS`` value in the store (literals in ``lang`` or untagged), by name.

    Read with one pattern scan per property: much faster than a SPARQL join here."""
    out: dict[str, dict[str, list[str]]] = {}
    graph = ox.DefaultGraph()
    for name, prop in _PROPS.items():
        found: dict[str, list[str]] = {}
        for q in store.ox.quads_for_pattern(None, ox.NamedNode(str(prop)), None, graph):
            o = q.object
            if isinstance(o, ox.Literal) and o.language and o.language.split("-")[0] != lang:
                continue
            if isinstance(o, ox.BlankNode):
                continue
            found.setdefault(q.subject.value, []).append(o.value)
        out[name] = found
    return out


def _members(store, cls) -> set[str]:
    return {
        q.subject.value
        for q in store.ox.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(cls)), ox.DefaultGraph()
        )
        if isinstance(q.subject, ox.NamedNode)
    }


def _pairs(store, prop) -> list[tuple[str, str]]:
    return [
        (q.subject.value, q.object.value)
        for q in store.ox.quads_for_pattern(None, ox.NamedNode(str(prop)), None, ox.DefaultGraph())
    ]


def esco_files(store, selection: Selection, *, lang: str = "en") -> Iterator[tuple[str, bytes]]:
    """``(file name, content)`` of each file of the bundle."""
    from .export_rdf import attributions

    keep = selection.keeps
    values = _all_values(store, lang)
    roles = _Facts(_members(store, SG.Role), values)
    skills = _Facts(_members(store, SG.Skill), values)
    isco = _Facts(_members(store, SG.OccupationGroup), values)
    sgroups = _Facts(_members(store, SG.SkillGroup), values)
    role_uris = sorted(u for u in roles.by_uri if keep(u))
    skill_uris = sorted(u for u in skills.by_uri if keep(u))
    kept_roles, kept_skills = set(role_uris), set(skill_uris)
    isco_uris = sorted(u for u in isco.by_uri if isco.one(u, "notation").isdigit())
    code_of = {u: isco.one(u, "notation") for u in isco_uris}
    group_uris = sorted(u for u in sgroups.by_uri if u not in kept_skills)

    def name(pattern: str) -> str:
        return pattern.format(lang=lang)

    def role_row(u: str) -> list[str]:
        groups = [code_of[g] for g in roles.by_uri[u].get("group", []) if g in code_of]
        return [
            "Occupation", u, min(groups) if groups else "", roles.one(u, "pref"),
            roles.lines(u, "alt"), roles.lines(u, "hidden"), "released", "", "",
            roles.one(u, "scope"), roles.one(u, "definition"), roles.schemes(u),
            roles.one(u, "description"), roles.one(u, "notation"),
        ]  # fmt: skip

    yield (
        name("occupations_{lang}.csv"),
        csv_bytes(COLUMNS["occupations_{lang}.csv"], (role_row(u) for u in role_uris)),
    )
    skill_type = {u: skills.one(u, "skillType") for u in skill_uris}
    yield (
        name("skills_{lang}.csv"),
        csv_bytes(
            COLUMNS["skills_{lang}.csv"],
            (
                [
                    "KnowledgeSkillCompetence",
                    u,
                    skill_type[u],
                    skills.one(u, "reuse"),
                    skills.one(u, "pref"),
                    skills.lines(u, "alt"),
                    skills.lines(u, "hidden"),
                    "released",
                    "",
                    skills.one(u, "scope"),
                    skills.one(u, "definition"),
                    skills.schemes(u),
                    skills.one(u, "description"),
                ]
                for u in skill_uris
            ),
        ),
    )
    yield (
        name("ISCOGroups_{lang}.csv"),
        csv_bytes(
            COLUMNS["ISCOGroups_{lang}.csv"],
            (
                [
                    "ISCOGroup",
                    u,
                    code_of[u],
                    isco.one(u, "pref"),
                    "released",
                    isco.lines(u, "alt"),
                    isco.schemes(u),
                    isco.one(u, "description"),
                ]
                for u in isco_uris
            ),
        ),
    )
    yield (
        name("skillGroups_{lang}.csv"),
        csv_bytes(
            COLUMNS["skillGroups_{lang}.csv"],
            (
                [
                    "SkillGroup",
                    u,
                    sgroups.one(u, "pref"),
                    sgroups.lines(u, "alt"),
                    sgroups.lines(u, "hidden"),
                    "released",
                    "",
                    sgroups.one(u, "scope"),
                    sgroups.schemes(u),
                    sgroups.one(u, "description"),
                    sgroups.one(u, "notation"),
                ]
                for u in group_uris
            ),
        ),
    )

    broader = _pairs(store, SKOS.broader)
    yield (
        name("skillsHierarchy_{lang}.csv"),
        csv_bytes(
            COLUMNS["skillsHierarchy_{lang}.csv"],
            _hierarchy_rows(store, sgroups, skills, broader, kept_skills),
        ),
    )
    occ_kind = {u: "Occupation" for u in kept_roles} | {u: "ISCOGroup" for u in isco_uris}
    skill_kind = {u: "KnowledgeSkillCompetence" for u in kept_skills} | {
        u: "SkillGroup" for u in group_uris
    }
    for file, kinds in (
        ("broaderRelationsOccPillar.csv", occ_kind),
        ("broaderRelationsSkillPillar.csv", skill_kind),
    ):
        yield (
            file,
            csv_bytes(
                COLUMNS[file],
                sorted([kinds[a], a, kinds[b], b] for a, b in broader if a in kinds and b in kinds),
            ),
        )
    requirements = [
        [r, kind, skill_type[s], s]
        for kind, prop in (("essential", SG.essentialSkill), ("optional", SG.optionalSkill))
        for r, s in _pairs(store, prop)
        if r in kept_roles and s in kept_skills
    ]
    yield (
        "occupationSkillRelations.csv",
        csv_bytes(COLUMNS["occupationSkillRelations.csv"], sorted(requirements)),
    )
    relations = [
        [a, skill_type[a], kind, skill_type[b], b]
        for kind, prop in (
            ("essential", SG.relatedEssentialSkill),
            ("optional", SG.relatedOptionalSkill),
        )
        for a, b in _pairs(store, prop)
        if a in kept_skills and b in kept_skills
    ]
    yield (
        "skillSkillRelations.csv",
        csv_bytes(COLUMNS["skillSkillRelations.csv"], sorted(relations)),
    )

    schemes = _Facts(_members(store, SKOS.ConceptScheme), values)
    # A subset drops the top concepts it leaves out; others (ESCO's skill types, reuse
    # levels, ...) are not concepts of any file and stay as they are.
    dropped = (set(roles.by_uri) - kept_roles) | (set(skills.by_uri) - kept_skills)
    yield (
        name("conceptSchemes_{lang}.csv"),
        csv_bytes(
            COLUMNS["conceptSchemes_{lang}.csv"],
            (
                [
                    "ConceptScheme",
                    u,
                    schemes.one(u, "pref"),
                    schemes.one(u, "title"),
                    "released",
                    schemes.one(u, "description"),
                    ",\n".join(
                        sorted(t for t in schemes.by_uri[u].get("top", []) if t not in dropped)
                    ),
                ]
                for u in sorted(schemes.by_uri)
                if not u.startswith("https://w3id.org/skillgraph/export/")
            ),
        ),
    )
    yield from _collections(store, roles, skills, kept_roles | kept_skills, lang)
    yield "NOTICE.txt", _notice(attributions(store), selection)


def _hierarchy_rows(store, sgroups, skills, broader, kept_skills) -> list[list[str]]:
    """Rows of skillsHierarchy: each member of the ESCO skills-hierarchy scheme with the
    chain of its broader members from level 0."""
    members = [
        r[0].value
        for r in store.query(f"SELECT ?c {{ ?c <{SKOS.inScheme}> <{HIERARCHY_SCHEME}> }}")
    ]
    member_set = {m for m in members if m in sgroups.by_uri or m in kept_skills}
    parent: dict[str, str] = {}
    for a, b in broader:
        if a in member_set and b in member_set:
            parent[a] = min(parent.get(a, b), b)
    rows = []
    for m in sorted(member_set):
        chain = [m]
        while chain[-1] in parent and len(chain) < 4 and parent[chain[-1]] not in chain:
            chain.append(parent[chain[-1]])
        chain.reverse()
        facts = sgroups if m in sgroups.by_uri else skills
        row = [""] * 14
        for level, uri in enumerate(chain):
            f = sgroups if uri in sgroups.by_uri else skills
            row[2 * level] = uri
            row[2 * level + 1] = f.one(uri, "pref")
            row[10 + level] = f.one(uri, "notation")
        row[8] = facts.one(m, "description")
        row[9] = facts.one(m, "scope")
        rows.append(row)
    rows.sort(key=lambda r: (r[10], r[11], r[12], r[13], r[0], r[2], r[4], r[6]))
    return rows


def _collections(store, roles, skills, kept: set[str], lang: str):
    """The ``skos:Collection`` nodes an ESCO import made from ``*Collection_en.csv``."""
    rows = store.query(
        f"""SELECT ?c ?m {{ ?c a <{SKOS.Collection}> ; <{SKOS.member}> ?m
            FILTER(STRSTARTS(STR(?c), "{COLLECTION_PREFIX}")) }}"""
    )
    members: dict[str, list[str]] = {}
    for c, m in rows:
        if m.value in kept:
            members.setdefault(c.value, []).append(m.value)
    for c, uris in sorted(members.items()):
        stem = c[len(COLLECTION_PREFIX) :]
        out = []
        for u in sorted(uris):
            f, kind = (
                (roles, "Occupation") if u in roles.by_uri else (skills, "KnowledgeSkillCompetence")
            )
            out.append(
                [
                    kind,
                    u,
                    f.one(u, "pref"),
                    "released",
                    f.one(u, "skillType"),
                    f.one(u, "reuse"),
                    " | ".join(sorted(set(f.by_uri[u].get("alt", [])))),
                    f.one(u, "description"),
                    "",
                    "",
                ]
            )
        yield f"{stem}Collection_{lang}.csv", csv_bytes(COLLECTION_COLUMNS, out)


def _notice(sources: list[dict], selection: Selection) -> bytes:
    lines = [
        f"ESCO-layout CSV export by skillgraph of {selection.description}.",
        "",
        "Sources and the attribution their licences require:",
        "",
    ]
    for source in sources:
        lines.append(f"- {source['name']}")
        if source.get("attribution"):
            lines.append(f"  {source['attribution']}")
    return ("\n".join(lines) + "\n").encode("utf-8")
