"""The official ESCO CSV layout: its files, the columns read from each, and the writer
that turns rows into triples (URIs checked, labels, notes, schemes, relations), shared by
the importer (``esco``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import DataImportError
from ..namespace import DCTERMS, RDF, RDFS, SG, SKOS
from .csvread import CsvTable, read_table, split_list
from .ntriples import TripleBuffer, iri, is_iri, literal

__all__ = [
    "ATTRIBUTION",
    "COLLECTION_GLOB",
    "DEFAULT_FIELD_LEVEL",
    "ESCO_URI_PREFIX",
    "HIERARCHY_SCHEME",
    "ISCO_PREFIX",
    "LICENSE",
    "REQUIRED_FILES",
    "TERMS",
    "EscoWriter",
    "Progress",
    "esco_files",
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

TERMS = {name: iri(str(term)) for name, term in {
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


class EscoWriter:
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
            self.add(s, TERMS[prop], literal(value, self.lang))

    def labels(self, s: str, table: CsvTable, row: list[str], pref: str = "preferredLabel"):
        t = TERMS
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
            self.add(s, TERMS["inScheme"], self.uri(table, line, scheme, "inScheme"))

    # ---------------------------------------------------------------- the run

    def concept(
        self, table, line: int, row: list[str], uri_col: int, seen: set, cls: str, what: str
    ):
        """Write one occupation or skill row's URI, types, labels, notes and schemes; a URI
        seen before is reported as a duplicate.  Returns the N-Triples form of the URI."""
        s = self.uri(table, line, row[uri_col], "conceptUri")
        if s[1:-1] in seen:
            self.note(f"duplicate {what} in {table.name}", line, s[1:-1])
        seen.add(s[1:-1])
        self.add(s, TERMS["type"], TERMS[cls])
        self.add(s, TERMS["type"], TERMS["Concept"])
        self.labels(s, table, row)
        self.notes(s, table, row)
        self.schemes(s, table, line, row)
        return s

    def broader(self, pattern: str, known: set[str], what: str) -> None:
        since = time.perf_counter()
        table = self.table(pattern)
        broader = TERMS["broader"]
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
