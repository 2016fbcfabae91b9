"""Import ESCO (the official v1.1.x "classification - csv" download) into a store.

What becomes what (original ESCO URIs are kept):

- occupations -> ``sg:Role`` with labels, descriptions, ``skos:notation`` (the ESCO code),
  ``sg:occupationGroup`` (its ISCO-08 unit group) and ``sg:field``;
- ISCO groups -> ``sg:OccupationGroup``; those at ``field_level`` digits are also ``sg:Field``;
- skills -> ``sg:Skill`` with ``sg:skillType`` and ``sg:reuseLevel`` (no ``sg:effortHours``:
  ESCO does not say how long a skill takes to learn) and no field (ESCO skills are
  cross-field by design);
- skill groups and the skills hierarchy -> ``sg:SkillGroup`` and ``skos:broader``;
- occupation-skill relations -> ``sg:essentialSkill`` / ``sg:optionalSkill``;
  skill-skill relations -> ``sg:relatedEssentialSkill`` / ``sg:relatedOptionalSkill``;
- concept schemes -> ``skos:ConceptScheme``; the ``*Collection_en.csv`` files ->
  ``skos:Collection`` with ``skos:member``;
- one ``sg:Source`` node with the attribution ESCO's licence requires.

Rows that point at a concept the files do not define are skipped and counted in a
data-quality report (``meta["quality"]``), never silently: ESCO v1.1.1 has 67 such
requirement rows.  Everything else that is wrong with the files (a missing column,
broken quoting, an unknown relation type, ...) is a ``DataImportError`` naming the file
and the line, and the target store is left as it was.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import InvalidParameter
from ..namespace import DATA
from ..store import Store, build_store
from .csvread import read_table, split_list
from .esco_layout import (
    ATTRIBUTION,
    COLLECTION_GLOB,
    DEFAULT_FIELD_LEVEL,
    ESCO_URI_PREFIX,
    HIERARCHY_SCHEME,
    LICENSE,
    EscoWriter,
    Progress,
    esco_files,
)
from .esco_layout import (
    TERMS as _T,
)
from .ntriples import literal

__all__ = [
    "ATTRIBUTION",
    "DEFAULT_FIELD_LEVEL",
    "ESCO_URI_PREFIX",
    "LICENSE",
    "esco_files",
    "fill_esco",
    "import_esco",
]


def import_esco(
    folder: str | Path,
    store: str | Path,
    *,
    field_level: int = DEFAULT_FIELD_LEVEL,
    merge: bool = False,
    language: str = "en",
    version: str | None = None,
    progress: Progress | None = None,
) -> Store:
    """Import the ESCO CSV download in ``folder`` into the on-disk store at ``store``.

    The store is rebuilt in a new generation and swapped in only when the import has
    succeeded (``merge=True`` keeps what the store already holds).  ``progress`` receives
    a line per file read; ``version`` defaults to the one in the folder name
    (``esco-v1.1.1-en`` -> ``1.1.1``).  Returns the opened store.
    """
    files = esco_files(folder, language)  # fail before touching the store
    _check_field_level(field_level)
    if version is None:
        match = re.search(r"v?(\d+(?:\.\d+)+)", Path(folder).resolve().name)
        version = match.group(1) if match else None

    def fill(ox_store: ox.Store) -> dict[str, Any]:
        return fill_esco(
            ox_store,
            folder,
            field_level=field_level,
            language=language,
            version=version,
            progress=progress,
            files=files,
        )

    return build_store(store, fill, merge=merge)


def _check_field_level(field_level: int) -> None:
    if not isinstance(field_level, int) or not 1 <= field_level <= 4:
        raise InvalidParameter(
            f"field level must be an ISCO-08 level from 1 to 4 digits, not {field_level!r}"
        )


def fill_esco(
    ox_store: ox.Store,
    folder: str | Path,
    *,
    field_level: int = DEFAULT_FIELD_LEVEL,
    language: str = "en",
    version: str | None = None,
    progress: Progress | None = None,
    files: dict[str, Path] | None = None,
) -> dict[str, Any]:
    """Write the ESCO content of ``folder`` into ``ox_store``; returns the store metadata."""
    _check_field_level(field_level)
    importer = _EscoImporter(
        ox_store,
        files or esco_files(folder, language),
        Path(folder),
        field_level=field_level,
        language=language,
        version=version,
        progress=progress,
    )
    return importer.run()


class _EscoImporter(EscoWriter):
    """Reads the files of one ESCO download into triples (see the module's docstring)."""

    def run(self) -> dict[str, Any]:
        self.isco_groups()
        self.occupations()
        self.skills_file()
        self.skill_groups_file()
        self.skills_hierarchy()
        self.broader("broaderRelationsOccPillar.csv", self.roles | self.group_uris, "occupation")
        self.broader("broaderRelationsSkillPillar.csv", self.skills | self.skill_groups, "skill")
        self.requirements()
        self.skill_relations()
        self.concept_schemes()
        self.collections()
        source = self.source()
        since = time.perf_counter()
        self.out.load_into(self.ox)
        self.say(f"loaded {self.out.written:,} triples", since)
        return {
            "sources": [source],
            "quality": self.quality,
            "counts": self.counts,
            "import": {
                "format": "esco",
                "version": self.version,
                "language": self.lang,
                "field_level": self.field_level,
                "folder": str(self.folder.resolve()),
            },
        }

    def isco_groups(self) -> None:
        since = time.perf_counter()
        table = self.table("ISCOGroups_{lang}.csv")
        t = _T
        uri_col, code_col = table.column("conceptUri"), table.column("code")
        fields = 0
        for line, row in table:
            s = self.uri(table, line, row[uri_col], "conceptUri")
            code = row[code_col].strip()
            if not code.isdigit() or not 1 <= len(code) <= 4:
                raise table.error(line, f"column 'code': {code!r} is not an ISCO-08 code")
            self.groups[code] = s
            self.group_uris.add(s[1:-1])
            self.add(s, t["type"], t["OccupationGroup"])
            self.add(s, t["type"], t["Concept"])
            self.add(s, t["notation"], literal(code))
            if len(code) == self.field_level:
                self.add(s, t["type"], t["Field"])
                fields += 1
            self.labels(s, table, row)
            self.notes(s, table, row)
            self.schemes(s, table, line, row)
        self.counts["occupation groups"] = len(self.groups)
        self.counts["fields"] = fields
        self.say(
            f"{table.name}: {len(self.groups):,} ISCO groups, {fields} fields at level "
            f"{self.field_level}",
            since,
        )

    def occupations(self) -> None:
        since = time.perf_counter()
        table = self.table("occupations_{lang}.csv")
        t = _T
        uri_col, isco_col, code_col = (
            table.column("conceptUri"),
            table.column("iscoGroup"),
            table.column("code"),
        )
        level = self.field_level
        for line, row in table:
            s = self.concept(table, line, row, uri_col, self.roles, "Role", "occupation")
            code = row[code_col].strip()
            if code:
                self.add(s, t["notation"], literal(code))
            isco = row[isco_col].strip()
            group = self.groups.get(isco)
            if group is None:
                self.note(f"unknown ISCO group in {table.name}", line, isco or "(empty)")
                continue
            self.add(s, t["occupationGroup"], group)
            field = self.groups.get(isco[:level])
            if field is not None:
                self.add(s, t["field"], field)
        if not self.roles:
            raise table.error(None, "no occupations (the file has a header and nothing else)")
        self.counts["roles"] = len(self.roles)
        self.say(f"{table.name}: {len(self.roles):,} occupations", since)

    def skills_file(self) -> None:
        since = time.perf_counter()
        table = self.table("skills_{lang}.csv")
        t = _T
        uri_col, type_col, reuse_col = (
            table.column("conceptUri"),
            table.column("skillType"),
            table.column("reuseLevel"),
        )
        for line, row in table:
            s = self.concept(table, line, row, uri_col, self.skills, "Skill", "skill")
            for col, prop, what in (
                (type_col, "skillType", "skill without a skill type"),
                (reuse_col, "reuseLevel", "skill without a reuse level"),
            ):
                value = row[col].strip()
                if value:
                    self.add(s, t[prop], literal(value))
                else:
                    self.note(f"{what} in {table.name}", line, s[1:-1])
        if not self.skills:
            raise table.error(None, "no skills (the file has a header and nothing else)")
        self.counts["skills"] = len(self.skills)
        self.say(f"{table.name}: {len(self.skills):,} skills", since)

    def skill_groups_file(self) -> None:
        since = time.perf_counter()
        table = self.table("skillGroups_{lang}.csv")
        t = _T
        uri_col, code_col = table.column("conceptUri"), table.column("code")
        for line, row in table:
            s = self.uri(table, line, row[uri_col], "conceptUri")
            self.skill_groups.add(s[1:-1])
            self.add(s, t["type"], t["SkillGroup"])
            self.add(s, t["type"], t["Concept"])
            self.labels(s, table, row)
            self.notes(s, table, row)
            self.schemes(s, table, line, row)
            code = row[code_col].strip()
            if code:
                self.add(s, t["notation"], literal(code))
        self.say(f"{table.name}: {len(self.skill_groups):,} skill groups", since)

    def skills_hierarchy(self) -> None:
        """Levels 0-3 of the skills pillar: notations, broader links, top concepts.

        The official file drops trailing empty cells, so short rows are padded.  A group
        that appears here but not in skillGroups_en.csv (7 in v1.1.1) is still a group of
        the hierarchy: it is created from the hierarchy's own term and noted.
        """
        since = time.perf_counter()
        table = self.table("skillsHierarchy_{lang}.csv", allow_short_rows=True)
        t = _T
        scheme = f"<{HIERARCHY_SCHEME}>"
        uri_cols = [table.column(f"Level {i} URI") for i in range(4)]
        term_cols = [table.column(f"Level {i} preferred term") for i in range(4)]
        code_cols = [table.column(f"Level {i} code") for i in range(4)]
        desc_col, scope_col = table.column("Description"), table.column("Scope note")
        rows = 0
        for line, row in table:
            rows += 1
            chain = [(i, row[c].strip()) for i, c in enumerate(uri_cols) if row[c].strip()]
            if not chain:
                raise table.error(line, "no concept URI at any level")
            level, uri = chain[-1]
            s = self.uri(table, line, uri, f"Level {level} URI")
            if uri not in self.skill_groups and uri not in self.skills:
                self.skill_groups.add(uri)
                self.note(f"skill group only in {table.name}", line, uri)
                self.add(s, t["type"], t["SkillGroup"])
                self.add(s, t["type"], t["Concept"])
                self.text(s, "prefLabel", row[term_cols[level]])
                self.text(s, "description", row[desc_col])
                self.text(s, "scopeNote", row[scope_col])
            self.add(s, t["inScheme"], scheme)
            code = row[code_cols[level]].strip()
            if code:
                self.add(s, t["notation"], literal(code))
            if level == 0:
                self.add(s, t["topConceptOf"], scheme)
                self.add(scheme, t["hasTopConcept"], s)
            elif len(chain) >= 2:
                parent_level, parent = chain[-2]
                self.add(
                    s, t["broader"], self.uri(table, line, parent, f"Level {parent_level} URI")
                )
        self.say(f"{table.name}: {rows:,} hierarchy rows", since)

    def requirements(self) -> None:
        self._relations(
            "occupationSkillRelations.csv",
            "occupationUri",
            "skillUri",
            self.roles,
            self.skills,
            ("occupation", "skill"),
            "requirements",
        )

    def skill_relations(self) -> None:
        self._relations(
            "skillSkillRelations.csv",
            "originalSkillUri",
            "relatedSkillUri",
            self.skills,
            self.skills,
            ("skill", "related skill"),
            "skill relations",
        )

    def concept_schemes(self) -> None:
        since = time.perf_counter()
        table = self.table("conceptSchemes_{lang}.csv")
        t = _T
        uri_col, top_col = table.column("conceptSchemeUri"), table.column("hasTopConcept")
        title_col = table.column("title")
        n = 0
        for line, row in table:
            s = self.uri(table, line, row[uri_col], "conceptSchemeUri")
            n += 1
            self.add(s, t["type"], t["ConceptScheme"])
            self.labels(s, table, row)
            self.notes(s, table, row)
            self.text(s, "title", row[title_col])
            for top in split_list(row[top_col], uris=True):
                self.add(s, t["hasTopConcept"], self.uri(table, line, top, "hasTopConcept"))
        self.counts["concept schemes"] = n
        self.say(f"{table.name}: {n} concept schemes", since)

    def collections(self) -> None:
        """Each ``<name>Collection_en.csv`` becomes a ``skos:Collection`` of its concepts.

        ESCO publishes these lists as files, not as concepts with URIs, so the collection
        nodes get URIs in skillgraph's namespace (``.../id/esco/collection/digitalSkills``).
        """
        t = _T
        known = self.roles | self.skills | self.skill_groups
        suffix = f"Collection_{self.lang}.csv"
        n = 0
        for path in sorted(self.folder.glob(COLLECTION_GLOB.format(lang=self.lang))):
            since = time.perf_counter()
            stem = path.name[: -len(suffix)]
            table = read_table(path, required=("conceptUri",))
            s = f"<{DATA['esco/collection/' + stem]}>"
            words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem).lower()
            self.add(s, t["type"], t["Collection"])
            self.add(s, t["prefLabel"], literal(f"ESCO {words} collection", "en"))
            uri_col = table.column("conceptUri")
            members = 0
            for line, row in table:
                o = self.uri(table, line, row[uri_col], "conceptUri")
                if o[1:-1] not in known:
                    self.note(f"unknown concept in {table.name}", line, o[1:-1])
                    continue
                self.add(s, t["member"], o)
                members += 1
            n += 1
            self.say(f"{table.name}: collection of {members:,} concepts", since)
        self.counts["collections"] = n

    def source(self) -> dict[str, Any]:
        t = _T
        name = f"ESCO v{self.version}" if self.version else "ESCO"
        slug = f"esco-{self.version}" if self.version else "esco"
        s = f"<{DATA['source/' + slug]}>"
        self.add(s, t["type"], t["Source"])
        self.add(s, t["label"], literal(name))
        self.add(s, t["uriPrefix"], literal(ESCO_URI_PREFIX))
        self.add(s, t["attribution"], literal(ATTRIBUTION))
        self.add(s, t["license"], f"<{LICENSE}>")
        return {
            "name": name,
            "attribution": ATTRIBUTION,
            "uri_prefix": ESCO_URI_PREFIX,
            "licence": LICENSE,
        }
