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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import DataImportError, InvalidParameter
from ..namespace import DATA, DCTERMS, RDF, RDFS, SG, SKOS
from ..store import Store, build_store
from .csvread import CsvTable, read_table, split_list
from .ntriples import TripleBuffer, iri, is_iri, literal

__all__ = [
    "ATTRIBUTION",
    "DEFAULT_FIELD_LEVEL",
    "ESCO_URI_PREFIX",
    "LICENSE",
    "esco_files",
    "fill_esco",
    "import_esco",
]

#: The ISCO-08 level whose groups are the fields of ESCO roles: 2 = the 43 sub-major groups
#: ("ICT professionals", "Health associate professionals", ...).  Level 1 is a skill level
#: more than a field ("Professionals" holds 847 of the 3,007 roles); at levels 3 and 4 a
#: role's closest neighbour by shared essential and optional skills falls outside its own
#: field more often (60% and 53% stay inside, against 66% at level 2, ESCO v1.1.1) and many
#: fields hold only one to four roles.
DEFAULT_FIELD_LEVEL = 2
ESCO_URI_PREFIX = "http://data.europa.eu/esco/"
ATTRIBUTION = (
    "ESCO (c) European Union, https://esco.ec.europa.eu -- reuse authorised with "
    "attribution under Commission Decision 2011/833/EU"
)
LICENSE = "https://eur-lex.europa.eu/eli/dec/2011/833/oj"
ISCO_PREFIX = ESCO_URI_PREFIX + "isco/C"
HIERARCHY_SCHEME = ESCO_URI_PREFIX + "concept-scheme/skills-hierarchy"

#: The files of the official layout and the columns this importer reads from each.
#: ``{lang}`` is the language of the download ("en").
REQUIRED_FILES: dict[str, tuple[str, ...]] = {
    "ISCOGroups_{lang}.csv": (
        "conceptUri", "code", "preferredLabel", "altLabels", "inScheme", "description",
    ),
    "occupations_{lang}.csv": (
        "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels",
        "scopeNote", "definition", "inScheme", "description", "code",
    ),
    "skills_{lang}.csv": (
        "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
        "hiddenLabels", "scopeNote", "definition", "inScheme", "description",
    ),
    "skillGroups_{lang}.csv": (
        "conceptUri", "preferredLabel", "altLabels", "hiddenLabels", "scopeNote",
        "inScheme", "description", "code",
    ),
    "skillsHierarchy_{lang}.csv": (
        "Level 0 URI", "Level 0 preferred term", "Level 1 URI", "Level 1 preferred term",
        "Level 2 URI", "Level 2 preferred term", "Level 3 URI", "Level 3 preferred term",
        "Description", "Scope note", "Level 0 code", "Level 1 code", "Level 2 code",
        "Level 3 code",
    ),
    "broaderRelationsOccPillar.csv": ("conceptUri", "broaderUri"),
    "broaderRelationsSkillPillar.csv": ("conceptUri", "broaderUri"),
    "occupationSkillRelations.csv": ("occupationUri", "relationType", "skillUri"),
    "skillSkillRelations.csv": ("originalSkillUri", "relationType", "relatedSkillUri"),
    "conceptSchemes_{lang}.csv": (
        "conceptSchemeUri", "preferredLabel", "title", "description", "hasTopConcept",
    ),
}  # fmt: skip
COLLECTION_GLOB = "*Collection_{lang}.csv"

_RELATIONS = {
    "occupationSkillRelations.csv": {
        "essential": SG.essentialSkill,
        "optional": SG.optionalSkill,
    },
    "skillSkillRelations.csv": {
        "essential": SG.relatedEssentialSkill,
        "optional": SG.relatedOptionalSkill,
    },
}

_T = {name: iri(str(term)) for name, term in {
    "type": RDF.type, "Concept": SKOS.Concept, "ConceptScheme": SKOS.ConceptScheme,
    "Collection": SKOS.Collection, "member": SKOS.member, "prefLabel": SKOS.prefLabel,
    "altLabel": SKOS.altLabel, "hiddenLabel": SKOS.hiddenLabel, "definition": SKOS.definition,
    "scopeNote": SKOS.scopeNote, "notation": SKOS.notation, "broader": SKOS.broader,
    "inScheme": SKOS.inScheme, "hasTopConcept": SKOS.hasTopConcept,
    "topConceptOf": SKOS.topConceptOf, "description": DCTERMS.description,
    "title": DCTERMS.title, "license": DCTERMS.license, "label": RDFS.label,
    "Role": SG.Role, "Skill": SG.Skill, "Field": SG.Field, "SkillGroup": SG.SkillGroup,
    "OccupationGroup": SG.OccupationGroup, "Source": SG.Source, "field": SG.field,
    "occupationGroup": SG.occupationGroup, "skillType": SG.skillType,
    "reuseLevel": SG.reuseLevel, "attribution": SG.attribution, "uriPrefix": SG.uriPrefix,
}.items()}  # fmt: skip

Progress = Callable[[str], None]
_BATCH = 250_000  # lines per bulk load: bounds the text held in memory at once


def esco_files(folder: str | Path, language: str = "en") -> dict[str, Path]:
    """The ESCO files of ``folder`` by their layout name; an error lists any that are missing."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataImportError(f"{folder}: not a folder (expected an ESCO CSV download)")
    found: dict[str, Path] = {}
    missing = []
    for pattern in REQUIRED_FILES:
        name = pattern.format(lang=language)
        if (folder / name).is_file():
            found[pattern] = folder / name
        else:
            missing.append(name)
    if missing:
        raise DataImportError(
            f"{folder}: not an ESCO CSV folder, missing {len(missing)} of "
            f"{len(REQUIRED_FILES)} files: {', '.join(missing)}"
        )
    return found


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


class _EscoImporter:
    """One import run: the files, the concepts seen so far and the data-quality notes."""

    def __init__(self, ox_store, files, folder, *, field_level, language, version, progress):
        self.ox = ox_store
        self.files = files
        self.folder = folder
        self.field_level = field_level
        self.lang = language
        self.version = version
        self.progress = progress
        self.out = TripleBuffer()
        self.quality: dict[str, dict[str, Any]] = {}
        self.counts: dict[str, int] = {}
        # concept URI (as text) -> its N-Triples form, per kind
        self.groups: dict[str, str] = {}  # ISCO code -> group IRI term
        self.group_uris: set[str] = set()
        self.roles: set[str] = set()
        self.skills: set[str] = set()
        self.skill_groups: set[str] = set()
        self.started = time.perf_counter()

    # ---------------------------------------------------------------- helpers

    def table(self, pattern: str, **kwargs) -> CsvTable:
        return read_table(self.files[pattern], required=REQUIRED_FILES[pattern], **kwargs)

    def say(self, message: str, since: float) -> None:
        if self.progress is not None:
            self.progress(f"{message} ({time.perf_counter() - since:.2f} s)")

    def uri(self, table: CsvTable, line: int, value: str, column: str) -> str:
        """The N-Triples term of the URI in a cell; an error when the cell is not a URI."""
        value = value.strip()
        if not is_iri(value):
            shown = value if len(value) <= 80 else value[:77] + "..."
            raise table.error(line, f"column {column!r}: {shown!r} is not a URI")
        return f"<{value}>"

    def note(self, problem: str, line: int, example: str) -> None:
        """Count a row skipped for a data-quality reason, keeping a few distinct examples."""
        entry = self.quality.setdefault(problem, {"rows": 0, "examples": [], "first line": line})
        entry["rows"] += 1
        if example not in entry["examples"] and len(entry["examples"]) < 3:
            entry["examples"].append(example)

    def add(self, s: str, p: str, o: str) -> None:
        self.out.add(s, p, o)
        if len(self.out) >= _BATCH:
            self.out.load_into(self.ox)

    def text(self, s: str, prop: str, value: str) -> None:
        value = value.strip()
        if value:
            self.add(s, _T[prop], literal(value, self.lang))

    def labels(self, s: str, table: CsvTable, row: list[str], pref: str = "preferredLabel"):
        t = _T
        lang = self.lang
        label = row[table.column(pref)].strip()
        if label:
            self.add(s, t["prefLabel"], literal(label, lang))
        # SKOS keeps preferred, alternative and hidden labels disjoint (integrity condition
        # S13); ESCO repeats some preferred labels among the alternative ones.
        seen = {label}
        for column, prop in (("altLabels", "altLabel"), ("hiddenLabels", "hiddenLabel")):
            if table.has(column):
                for alt in split_list(row[table.column(column)]):
                    if alt not in seen:
                        seen.add(alt)
                        self.add(s, t[prop], literal(alt, lang))

    def notes(self, s: str, table: CsvTable, row: list[str]) -> None:
        for column, prop in (
            ("description", "description"),
            ("definition", "definition"),
            ("scopeNote", "scopeNote"),
        ):
            if table.has(column):
                self.text(s, prop, row[table.column(column)])

    def schemes(self, s: str, table: CsvTable, line: int, row: list[str]) -> None:
        for scheme in split_list(row[table.column("inScheme")], uris=True):
            self.add(s, _T["inScheme"], self.uri(table, line, scheme, "inScheme"))

    # ---------------------------------------------------------------- the run

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

    def concept(
        self, table, line: int, row: list[str], uri_col: int, seen: set, cls: str, what: str
    ):
        """Write one occupation or skill row's URI, types, labels, notes and schemes; a URI
        seen before is reported as a duplicate.  Returns the N-Triples form of the URI."""
        s = self.uri(table, line, row[uri_col], "conceptUri")
        if s[1:-1] in seen:
            self.note(f"duplicate {what} in {table.name}", line, s[1:-1])
        seen.add(s[1:-1])
        self.add(s, _T["type"], _T[cls])
        self.add(s, _T["type"], _T["Concept"])
        self.labels(s, table, row)
        self.notes(s, table, row)
        self.schemes(s, table, line, row)
        return s

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

    def broader(self, pattern: str, known: set[str], what: str) -> None:
        since = time.perf_counter()
        table = self.table(pattern)
        broader = _T["broader"]
        uri_col, broader_col = table.column("conceptUri"), table.column("broaderUri")
        n = 0
        for line, row in table:
            s = self.uri(table, line, row[uri_col], "conceptUri")
            o = self.uri(table, line, row[broader_col], "broaderUri")
            if s[1:-1] not in known:
                self.note(f"unknown {what} concept in {table.name}", line, s[1:-1])
            elif o[1:-1] not in known:
                self.note(f"unknown broader {what} concept in {table.name}", line, o[1:-1])
            else:
                self.add(s, broader, o)
                n += 1
        self.say(f"{table.name}: {n:,} broader links", since)

    def _relations(self, pattern, subject_col, object_col, subjects, objects, kinds, count):
        since = time.perf_counter()
        table = self.table(pattern)
        props = {name: iri(str(term)) for name, term in _RELATIONS[pattern].items()}
        s_col, o_col = table.column(subject_col), table.column(object_col)
        type_col = table.column("relationType")
        counted = dict.fromkeys(props, 0)
        for line, row in table:
            kind = row[type_col].strip()
            prop = props.get(kind)
            if prop is None:
                allowed = " or ".join(repr(k) for k in props)
                raise table.error(
                    line,
                    f"column 'relationType': unknown relation type {kind!r} (expected {allowed})",
                )
            s = self.uri(table, line, row[s_col], subject_col)
            o = self.uri(table, line, row[o_col], object_col)
            if s[1:-1] not in subjects:
                self.note(f"unknown {kinds[0]} in {table.name}", line, s[1:-1])
            elif o[1:-1] not in objects:
                self.note(f"unknown {kinds[1]} in {table.name}", line, o[1:-1])
            else:
                self.add(s, prop, o)
                counted[kind] += 1
        total = sum(counted.values())
        self.counts[count] = total
        for kind, n in counted.items():
            self.counts[f"{kind} {count}"] = n
        self.say(
            f"{table.name}: {total:,} {count} "
            f"({counted['essential']:,} essential, {counted['optional']:,} optional)",
            since,
        )

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
