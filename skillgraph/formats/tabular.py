"""Import a taxonomy kept in a spreadsheet: a folder of simple CSV files.

The layout (``docs/csv-layout.md`` is the user's guide; ``docs/csv-templates/`` has empty
templates and a worked example)::

    roles.csv          id, label, field, alt_labels, description, seniority
    skills.csv         id, label, field, hours, alt_labels, description, type
    requirements.csv   role, skill, required (essential | optional), importance, level
    fields.csv         id, label, description                          (optional file)
    programs.csv       id, label, type, hours, cost, currency, provider,
                       delivery, level, description                    (optional file)
    program_skills.csv program, skill                                   (optional file)

Only ``id`` and ``label`` (and, in the relation files, the two ends) are required columns;
the others may be absent or blank.  ``id`` is a short name (``data-analyst``) or a full
URI; short names become ``<base>/role/data-analyst`` etc.  The relation files and the
``field`` columns may name a concept by id or by its exact label.  Fields named in
``roles.csv`` / ``skills.csv`` but absent from ``fields.csv`` are created.  List cells
(``alt_labels``) separate items with ``|`` or new lines.  Files are UTF-8 (Excel: "CSV
UTF-8"), comma-separated.  Every problem names the file, the line and the column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import DataImportError, InvalidParameter
from ..namespace import DATA, DCTERMS, RDF, SG, SKOS, XSD
from .csvread import CsvTable, read_table
from .ntriples import TripleBuffer, iri, is_iri, literal

__all__ = ["DEFAULT_BASE", "FILES", "import_tabular", "tabular_filler"]

DEFAULT_BASE = str(DATA) + "custom/"
#: Each file, whether it must exist, its required and its optional columns.
FILES: dict[str, tuple[bool, tuple[str, ...], tuple[str, ...]]] = {
    "fields.csv": (False, ("id", "label"), ("description", "alt_labels")),
    "roles.csv": (True, ("id", "label"), ("field", "alt_labels", "description", "seniority")),
    "skills.csv": (
        True,
        ("id", "label"),
        ("field", "hours", "alt_labels", "description", "type"),
    ),
    "requirements.csv": (True, ("role", "skill"), ("required", "importance", "level")),
    "programs.csv": (
        False,
        ("id", "label"),
        ("type", "hours", "cost", "currency", "provider", "delivery", "level", "description"),
    ),
    "program_skills.csv": (False, ("program", "skill"), ()),
}
_SLUG = re.compile(r"[^a-z0-9]+")
_LIST = re.compile(r"\s*(?:\||\n)\s*")


def _slug(text: str) -> str:
    """A URI segment for a short id.

    >>> _slug("Data Analyst (junior)")
    'data-analyst-junior'
    """
    return _SLUG.sub("-", text.casefold()).strip("-")


class _Reader:
    def __init__(self, folder: Path, base: str):
        self.folder = folder
        self.base = base
        self.out = TripleBuffer()
        # kind -> {key (id, uri or casefolded label) -> uri term}
        self.names: dict[str, dict[str, str]] = {
            k: {} for k in ("field", "role", "skill", "program")
        }
        self.counts: dict[str, int] = {}
        self.t = {
            name: iri(str(term))
            for name, term in {
                "type": RDF.type, "Concept": SKOS.Concept, "Role": SG.Role, "Skill": SG.Skill,
                "Field": SG.Field, "Program": SG.LearningProgram, "pref": SKOS.prefLabel,
                "alt": SKOS.altLabel, "description": DCTERMS.description, "field": SG.field,
                "seniority": SG.seniority, "effortHours": SG.effortHours,
                "skillType": SG.skillType, "essential": SG.essentialSkill,
                "optional": SG.optionalSkill, "teaches": SG.teaches, "hours": SG.hours,
                "cost": SG.cost, "currency": SG.currency, "programType": SG.programType,
                "provider": SG.provider, "deliveryMode": SG.deliveryMode,
                "programLevel": SG.programLevel, "requirement": SG.requirement,
                "requiredSkill": SG.requiredSkill, "Requirement": SG.Requirement,
                "importance": SG.importance, "level": SG.level, "notation": SKOS.notation,
            }.items()
        }  # fmt: skip

    def table(self, name: str) -> CsvTable | None:
        must, required, _optional = FILES[name]
        path = self.folder / name
        if not path.exists():
            if must:
                raise DataImportError("missing file (see docs/csv-layout.md)", file=name)
            return None
        with open(path, "rb") as handle:
            first = handle.readline()
        if b";" in first and b"," not in first:
            raise DataImportError(
                "the columns are separated by ';': save the sheet as comma-separated CSV",
                file=name,
                line=1,
            )
        return read_table(path, required=required, allow_short_rows=True)

    def required_table(self, name: str) -> CsvTable:
        """A file that FILES marks as a must: `table` raises when it is missing."""
        table = self.table(name)
        if table is None:
            raise DataImportError("missing file (see docs/csv-layout.md)", file=name)
        return table

    def cell(self, table: CsvTable, row: list[str], column: str) -> str:
        return row[table.column(column)].strip() if table.has(column) else ""

    def number(self, table, line, row, column, low=0.0, high=None) -> str | None:
        text = self.cell(table, row, column).replace(",", ".") if table.has(column) else ""
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            raise table.error(line, f"column {column!r}: {text!r} is not a number") from None
        if value < low or (high is not None and value > high):
            limits = f"{low:g} to {high:g}" if high is not None else f"at least {low:g}"
            raise table.error(line, f"column {column!r}: {text} is outside {limits}")
        return text

    def concept(self, table: CsvTable, line: int, row: list[str], kind: str, cls: str) -> str:
        ident = self.cell(table, row, "id")
        label = self.cell(table, row, "label")
        if not ident:
            raise table.error(line, "column 'id' is empty")
        if not label:
            raise table.error(line, f"column 'label' is empty (id {ident!r})")
        if is_iri(ident):
            uri = iri(ident)
        else:
            slug = _slug(ident)
            if not slug:
                raise table.error(line, f"column 'id': {ident!r} has no letters or digits")
            uri = iri(f"{self.base}{kind}/{slug}")
        names = self.names[kind]
        if ident in names or uri in names.values():
            raise table.error(line, f"column 'id': {ident!r} is listed twice")
        names[ident] = uri
        names.setdefault(label.casefold(), uri)
        t = self.t
        self.out.add(uri, t["type"], t[cls])
        if kind != "program":
            self.out.add(uri, t["type"], t["Concept"])
        self.out.add(uri, t["pref"], literal(label, "en"))
        if not is_iri(ident):
            self.out.add(uri, t["notation"], literal(ident))
        for alt in _LIST.split(self.cell(table, row, "alt_labels")):
            if alt and alt.casefold() != label.casefold():
                self.out.add(uri, t["alt"], literal(alt, "en"))
        description = self.cell(table, row, "description")
        if description:
            self.out.add(uri, t["description"], literal(description, "en"))
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return uri

    def lookup(self, table: CsvTable, line: int, value: str, kind: str, column: str) -> str:
        names = self.names[kind]
        uri = names.get(value) or names.get(value.casefold())
        if uri is None and is_iri(value) and iri(value) in names.values():
            uri = iri(value)
        if uri is None:
            source = "fields.csv" if kind == "field" else f"{kind}s.csv"
            raise table.error(
                line,
                f"column {column!r}: no {kind} {value!r} (neither an id nor a label in {source})",
            )
        return uri

    def field_of(self, table: CsvTable, line: int, row: list[str], subject: str) -> None:
        name = self.cell(table, row, "field")
        if not name:
            return
        names = self.names["field"]
        uri = names.get(name) or names.get(name.casefold())
        if uri is None:  # a field named only here: create it
            uri = iri(f"{self.base}field/{_slug(name) or 'field'}")
            if uri in names.values():
                raise table.error(line, f"column 'field': {name!r} clashes with another field")
            names[name] = uri
            names[name.casefold()] = uri
            t = self.t
            self.out.add(uri, t["type"], t["Field"])
            self.out.add(uri, t["type"], t["Concept"])
            self.out.add(uri, t["pref"], literal(name, "en"))
            self.counts["field"] = self.counts.get("field", 0) + 1
        self.out.add(subject, self.t["field"], uri)

    def run(self) -> dict[str, Any]:
        t = self.t
        fields = self.table("fields.csv")
        if fields is not None:
            for line, row in fields:
                self.concept(fields, line, row, "field", "Field")
        roles = self.required_table("roles.csv")
        for line, row in roles:
            r = self.concept(roles, line, row, "role", "Role")
            self.field_of(roles, line, row, r)
            seniority = self.cell(roles, row, "seniority")
            if seniority:
                if seniority not in {"1", "2", "3", "4", "5"}:
                    raise roles.error(line, f"column 'seniority': {seniority!r} is not 1 to 5")
                self.out.add(r, t["seniority"], literal(seniority, datatype=str(XSD.integer)))
        skills = self.required_table("skills.csv")
        for line, row in skills:
            s = self.concept(skills, line, row, "skill", "Skill")
            self.field_of(skills, line, row, s)
            hours = self.number(skills, line, row, "hours")
            if hours is not None:
                self.out.add(s, t["effortHours"], literal(hours, datatype=str(XSD.decimal)))
            kind = self.cell(skills, row, "type")
            if kind:
                self.out.add(s, t["skillType"], literal(kind))
        for what, table in (("roles", roles), ("skills", skills)):
            if not self.counts.get(what[:-1]):
                raise table.error(2, f"no {what} (the file has a header and nothing else)")
        requirements = self.required_table("requirements.csv")
        seen: set[tuple[str, str]] = set()
        for line, row in requirements:
            r = self.lookup(
                requirements, line, self.cell(requirements, row, "role"), "role", "role"
            )
            s = self.lookup(
                requirements, line, self.cell(requirements, row, "skill"), "skill", "skill"
            )
            required = (self.cell(requirements, row, "required") or "essential").casefold()
            if required not in {"essential", "optional"}:
                raise requirements.error(
                    line, f"column 'required': {required!r} is neither essential nor optional"
                )
            if (r, s) in seen:
                raise requirements.error(line, "this role-skill pair is listed twice")
            seen.add((r, s))
            self.out.add(r, t[required], s)
            importance = self.number(requirements, line, row, "importance")
            level = self.number(requirements, line, row, "level")
            if importance is not None or level is not None:
                q = iri(f"{r[1:-1]}/requirement/{len(seen)}")
                self.out.add(q, t["type"], t["Requirement"])
                self.out.add(r, t["requirement"], q)
                self.out.add(q, t["requiredSkill"], s)
                for prop, value in (("importance", importance), ("level", level)):
                    if value is not None:
                        self.out.add(q, t[prop], literal(value, datatype=str(XSD.decimal)))
        self.counts["requirement"] = len(seen)
        programs = self.table("programs.csv")
        if programs is not None:
            for line, row in programs:
                p = self.concept(programs, line, row, "program", "Program")
                for column, prop in (("hours", "hours"), ("cost", "cost")):
                    value = self.number(programs, line, row, column)
                    if value is not None:
                        self.out.add(p, t[prop], literal(value, datatype=str(XSD.decimal)))
                for column, prop in (
                    ("type", "programType"),
                    ("currency", "currency"),
                    ("provider", "provider"),
                    ("delivery", "deliveryMode"),
                    ("level", "programLevel"),
                ):
                    value = self.cell(programs, row, column)
                    if value:
                        self.out.add(p, t[prop], literal(value))
        teaching = self.table("program_skills.csv")
        if teaching is not None:
            if programs is None:
                raise teaching.error(None, "program_skills.csv needs programs.csv")
            n = 0
            for line, row in teaching:
                p = self.lookup(teaching, line, self.cell(teaching, row, "program"), "program",
                                "program")  # fmt: skip
                s = self.lookup(teaching, line, self.cell(teaching, row, "skill"), "skill", "skill")
                self.out.add(p, t["teaches"], s)
                n += 1
            self.counts["program skill"] = n
        return {
            "sources": [{"name": f"CSV folder {self.folder.name}", "attribution": None}],
            "counts": {f"{k}s": v for k, v in self.counts.items()},
            "quality": {},
        }


def tabular_filler(
    folder: str | Path,
    *,
    base_uri: str = DEFAULT_BASE,
    progress: Callable[[str], None] | None = None,
) -> Callable[[ox.Store], dict[str, Any]]:
    """A ``build_store`` filler for the CSV layout in ``folder`` (all files checked first)."""
    if not is_iri(base_uri) or not base_uri.endswith(("/", "#")):
        raise InvalidParameter(f"base URI must be an absolute URI ending in / or #: {base_uri!r}")
    folder = Path(folder)
    if not folder.is_dir():
        raise DataImportError(
            "not a folder (expected roles.csv, skills.csv, ...)", file=str(folder)
        )

    def fill(store: ox.Store) -> dict[str, Any]:
        reader = _Reader(folder, base_uri)
        meta = reader.run()
        if progress is not None:
            progress(f"loading {len(reader.out):,} triples")
        reader.out.load_into(store)
        return meta

    return fill


def import_tabular(
    folder: str | Path,
    store: str | Path,
    *,
    merge: bool = False,
    base_uri: str = DEFAULT_BASE,
    progress: Callable[[str], None] | None = None,
):
    """Import the CSV layout in ``folder`` into the on-disk store at ``store``."""
    from ..store import build_store

    return build_store(
        store, tabular_filler(folder, base_uri=base_uri, progress=progress), merge=merge
    )
