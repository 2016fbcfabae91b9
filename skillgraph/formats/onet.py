"""Import the O*NET database (official tab-separated text layout) into a store.

What becomes what:

- each occupation (``Occupation Data.txt``) is a ``sg:Role``: the O*NET-SOC code is its
  ``skos:notation``, the title its preferred label, the description ``dcterms:description``,
  alternate and short titles (``Alternate Titles.txt``) alternative labels, the Job Zone
  (``Job Zones.txt``) ``sg:preparationLevel``, and ``rdfs:seeAlso`` its O*NET OnLine page;
- its field is the SOC 2018 *major group* (the first two digits: ``15`` is "Computer and
  Mathematical Occupations"), a ``sg:Field``;
- each Skills and Knowledge element is a ``sg:Skill`` (with its Content Model description,
  and ``skos:broader`` its Content Model group, a ``sg:SkillGroup``);
- each rated (occupation, element) pair is a ``sg:Requirement`` keeping the importance
  (IM, 1-5) and level (LV, 0-7) ratings; estimates O*NET flags "Recommend Suppress" are left
  out.  The path engine needs a direct link as well, chosen by importance:
  ``IM >= 3.0`` essential, ``2.0 <= IM < 3.0`` optional, below 2.0 not required (the rated
  requirement is still kept);
- "hot" technologies (``Technology Skills.txt``, Hot Technology = Y) are skills too
  (``sg:skillType "technology"``, broader their UNSPSC commodity), each an *optional* skill
  of the occupations that list it: O*NET gives them no rating.

URIs.  O*NET publishes no RDF identifiers: O*NET OnLine URLs name web pages, and its
descriptors and technology examples have no stable URL at all.  So every imported concept
lives under one prefix of our own, ``https://w3id.org/skillgraph/onet/`` (``occupation/
15-2051.00``, ``element/2.A.1.a``, ``technology/microsoft-excel``, ``field/15``), which is
also the ``sg:uriPrefix`` of the O*NET ``sg:Source`` that carries the CC BY 4.0 attribution;
occupations link to their O*NET OnLine page with ``rdfs:seeAlso``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import DataImportError
from ..namespace import DCTERMS, RDF, RDFS, SG, SKOS, XSD
from .ntriples import TripleBuffer, iri, literal
from .soc import SOC_MAJOR_GROUPS
from .tsv import TsvTable, read_tsv

__all__ = [
    "ESSENTIAL_IMPORTANCE",
    "ONET",
    "OPTIONAL_IMPORTANCE",
    "SOC_MAJOR_GROUPS",
    "import_onet",
    "onet_filler",
    "requirement_kind",
]

ONET = "https://w3id.org/skillgraph/onet/"
ONLINE = "https://www.onetonline.org/link/summary/"
#: Importance (IM) at or above which a rated requirement is an essential skill.
ESSENTIAL_IMPORTANCE = 3.0
#: Importance at or above which (and below essential) it is an optional skill.
OPTIONAL_IMPORTANCE = 2.0

_SOC_CODE = re.compile(r"\d\d-\d{4}\.\d\d\Z")
_CODE = "O*NET-SOC Code"
_RATED = ("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value")


def requirement_kind(importance: float) -> str | None:
    """The direct link a rated requirement gets: ``essential``, ``optional`` or None.

    >>> [requirement_kind(x) for x in (4.5, 3.0, 2.99, 2.0, 1.99)]
    ['essential', 'essential', 'optional', 'optional', None]
    """
    if importance >= ESSENTIAL_IMPORTANCE:
        return "essential"
    if importance >= OPTIONAL_IMPORTANCE:
        return "optional"
    return None


def _slug(text: str) -> str:
    """A URI path segment for a technology name.

    >>> _slug("Microsoft Excel"), _slug("C++"), _slug("Node.js")
    ('microsoft-excel', 'c-plus-plus', 'node-js')
    """
    text = text.casefold().replace("+", " plus ").replace("#", " sharp ").replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def attribution(version: str) -> str:
    """The attribution O*NET's CC BY 4.0 licence asks for, for modified content."""
    return (
        f"This data includes information from the O*NET {version} Database by the U.S. "
        "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
        "the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. skillgraph has modified "
        "all or some of this information. USDOL/ETA has not approved, endorsed, or tested "
        "these modifications."
    )


class _Writer:
    """Formats the O*NET triples (terms pre-formatted once, they repeat a lot)."""

    def __init__(self) -> None:
        self.buffer = TripleBuffer()
        self.a = iri(str(RDF.type))
        self.p = {
            name: iri(str(term))
            for name, term in {
                "pref": SKOS.prefLabel,
                "alt": SKOS.altLabel,
                "notation": SKOS.notation,
                "broader": SKOS.broader,
                "in": SKOS.inScheme,
                "top": SKOS.hasTopConcept,
                "desc": DCTERMS.description,
                "see": RDFS.seeAlso,
                "label": RDFS.label,
                "field": SG.field,
                "prep": SG.preparationLevel,
                "type": SG.skillType,
                "req": SG.requirement,
                "reqskill": SG.requiredSkill,
                "imp": SG.importance,
                "lvl": SG.level,
                "essential": SG.essentialSkill,
                "optional": SG.optionalSkill,
            }.items()
        }
        self.c = {
            name: iri(str(term))
            for name, term in {
                "role": SG.Role,
                "skill": SG.Skill,
                "group": SG.SkillGroup,
                "fieldc": SG.Field,
                "requirement": SG.Requirement,
                "concept": SKOS.Concept,
                "scheme": SKOS.ConceptScheme,
                "source": SG.Source,
            }.items()
        }
        self.scheme = iri(ONET + "scheme")
        self.decimal = str(XSD.decimal)
        self.integer = str(XSD.integer)

    def add(self, s: str, p: str, o: str) -> None:
        self.buffer.add(s, self.p.get(p, p), o)

    def typed(self, s: str, cls: str) -> None:
        self.buffer.add(s, self.a, self.c[cls])
        self.buffer.add(s, self.a, self.c["concept"])
        self.buffer.add(s, self.p["in"], self.scheme)


def _read_all(directory: Path, progress: Callable[[str], None]) -> tuple[_Writer, dict[str, Any]]:
    if not directory.is_dir():
        raise DataImportError("not a folder (expected the O*NET text files)", file=str(directory))
    version = _version(directory)
    w = _Writer()
    quality: dict[str, Any] = {}

    def table(name: str, required: tuple[str, ...]) -> TsvTable:
        progress(f"reading {name}")
        return read_tsv(directory / name, required=required)

    def optional_table(name: str, required: tuple[str, ...]) -> TsvTable | None:
        if not (directory / name).exists():
            quality[f"O*NET file absent: {name}"] = "skipped"
            return None
        return table(name, required)

    # -- scheme, source, fields
    w.buffer.add(w.scheme, w.a, w.c["scheme"])
    w.add(w.scheme, "pref", literal(f"O*NET {version}", "en"))
    source = iri(ONET + "source")
    w.buffer.add(source, w.a, w.c["source"])
    w.add(source, "label", literal(f"O*NET {version} Database", "en"))
    w.add(source, iri(str(SG.attribution)), literal(attribution(version)))
    w.add(source, iri(str(SG.uriPrefix)), literal(ONET))
    w.add(source, iri(str(DCTERMS.license)), iri("https://creativecommons.org/licenses/by/4.0/"))
    w.add(source, "see", iri("https://www.onetcenter.org/database.html"))
    used_fields: set[str] = set()

    # -- occupations
    occupations = table("Occupation Data.txt", (_CODE, "Title", "Description"))
    roles: dict[str, str] = {}
    titles: dict[str, str] = {}
    c_code, c_title, c_desc = (occupations.column(c) for c in (_CODE, "Title", "Description"))
    for line, row in occupations:
        code = row[c_code].strip()
        if not _SOC_CODE.match(code):
            raise occupations.error(line, f"{_CODE} {code!r} is not of the form 15-2051.00")
        major = code[:2]
        if major not in SOC_MAJOR_GROUPS:
            raise occupations.error(line, f"{code}: {major} is not a SOC 2018 major group")
        title = row[c_title].strip()
        if not title:
            raise occupations.error(line, f"{code}: empty Title")
        if code in roles:
            raise occupations.error(line, f"{code} is listed twice")
        role = iri(f"{ONET}occupation/{code}")
        roles[code] = role
        titles[code] = title.casefold()
        w.typed(role, "role")
        w.add(role, "pref", literal(title, "en"))
        w.add(role, "notation", literal(code))
        if row[c_desc].strip():
            w.add(role, "desc", literal(row[c_desc].strip(), "en"))
        w.add(role, "see", iri(ONLINE + code))
        w.add(role, "field", iri(f"{ONET}field/{major}"))
        used_fields.add(major)
    if not roles:
        raise DataImportError("no occupations (only a header)", file="Occupation Data.txt", line=2)
    for major in sorted(used_fields):
        f = iri(f"{ONET}field/{major}")
        w.typed(f, "fieldc")
        w.add(f, "pref", literal(SOC_MAJOR_GROUPS[major], "en"))
        w.add(f, "notation", literal(f"{major}-0000"))
        w.add(w.scheme, "top", f)

    unknown: dict[str, int] = {}

    def role_of(t: TsvTable, line: int, code: str) -> str | None:
        if not _SOC_CODE.match(code):
            raise t.error(line, f"{_CODE} {code!r} is not of the form 15-2051.00")
        r = roles.get(code)
        if r is None:
            unknown[t.name] = unknown.get(t.name, 0) + 1
        return r

    # -- alternate titles
    alternates = optional_table("Alternate Titles.txt", (_CODE, "Alternate Title"))
    if alternates is not None:
        c_alt = alternates.column("Alternate Title")
        c_short = alternates.column("Short Title") if alternates.has("Short Title") else None
        seen: set[tuple[str, str]] = set()
        for line, row in alternates:
            code = row[c_code].strip()
            r = role_of(alternates, line, code)
            if r is None:
                continue
            for cell in (row[c_alt], row[c_short] if c_short is not None else ""):
                label = cell.strip()
                key = (code, label.casefold())
                if label and key not in seen and label.casefold() != titles[code]:
                    seen.add(key)
                    w.add(r, "alt", literal(label, "en"))

    # -- job zones
    zones = optional_table("Job Zones.txt", (_CODE, "Job Zone"))
    if zones is not None:
        c_zone = zones.column("Job Zone")
        for line, row in zones:
            r = role_of(zones, line, row[c_code].strip())
            zone = row[c_zone].strip()
            if zone not in {"1", "2", "3", "4", "5"}:
                raise zones.error(line, f"Job Zone {zone!r} is not one of 1 to 5")
            if r is not None:
                w.add(r, "prep", literal(zone, datatype=w.integer))

    # -- descriptors: Content Model gives descriptions and groups
    model: dict[str, tuple[str, str]] = {}
    reference = optional_table(
        "Content Model Reference.txt", ("Element ID", "Element Name", "Description")
    )
    if reference is not None:
        for _line, row in reference:
            model[row[0].strip()] = (row[1].strip(), row[2].strip())

    skills_seen: dict[str, str] = {}
    groups_used: set[str] = set()
    counts = {"essential": 0, "optional": 0, "rated": 0, "suppressed": 0}
    for name, skill_type in (("Skills.txt", "skill/competence"), ("Knowledge.txt", "knowledge")):
        t = table(name, _RATED)
        c_el, c_name, c_scale, c_value = (t.column(c) for c in _RATED[1:])
        c_supp = t.column("Recommend Suppress") if t.has("Recommend Suppress") else None
        ratings: dict[tuple[str, str], dict[str, str]] = {}
        for line, row in t:
            r = role_of(t, line, row[c_code].strip())
            element = row[c_el].strip()
            if not re.fullmatch(r"[0-9A-Za-z]+(\.[0-9A-Za-z]+)*", element):
                raise t.error(line, f"Element ID {element!r} is not of the form 2.A.1.a")
            scale = row[c_scale].strip()
            if scale not in {"IM", "LV"}:
                raise t.error(line, f"Scale ID {scale!r} is neither IM nor LV")
            value = row[c_value].strip()
            try:
                number = float(value)
            except ValueError:
                raise t.error(line, f"Data Value {value!r} is not a number") from None
            low, high = (1.0, 5.0) if scale == "IM" else (0.0, 7.0)
            if not low <= number <= high:
                raise t.error(line, f"{scale} Data Value {value} is outside {low:g} to {high:g}")
            if element not in skills_seen:
                label = row[c_name].strip()
                if not label:
                    raise t.error(line, f"empty Element Name for {element}")
                s = iri(f"{ONET}element/{element}")
                skills_seen[element] = s
                w.typed(s, "skill")
                w.add(s, "pref", literal(label, "en"))
                w.add(s, "notation", literal(element))
                w.add(s, "type", literal(skill_type))
                if element in model and model[element][1]:
                    w.add(s, "desc", literal(model[element][1], "en"))
                parent = element.rsplit(".", 1)[0]
                if parent in model:
                    w.add(s, "broader", iri(f"{ONET}element/{parent}"))
                    groups_used.add(parent)
            if r is None:
                continue
            if c_supp is not None and row[c_supp].strip() == "Y":
                counts["suppressed"] += 1
                continue
            ratings.setdefault((row[c_code].strip(), element), {})[scale] = value
        for (code, element), rated in ratings.items():
            r, s = roles[code], skills_seen[element]
            q = iri(f"{ONET}requirement/{code}/{element}")
            w.buffer.add(q, w.a, w.c["requirement"])
            w.add(q, "reqskill", s)
            w.add(r, "req", q)
            counts["rated"] += 1
            if "LV" in rated:
                w.add(q, "lvl", literal(rated["LV"], datatype=w.decimal))
            if "IM" in rated:
                w.add(q, "imp", literal(rated["IM"], datatype=w.decimal))
                kind = requirement_kind(float(rated["IM"]))
                if kind is not None:
                    w.add(r, kind, s)
                    counts[kind] += 1
    for element in sorted(groups_used):
        g = iri(f"{ONET}element/{element}")
        w.typed(g, "group")
        w.add(g, "pref", literal(model[element][0], "en"))
        w.add(g, "notation", literal(element))

    # -- hot technologies
    tech = optional_table(
        "Technology Skills.txt",
        (_CODE, "Example", "Commodity Code", "Commodity Title", "Hot Technology"),
    )
    n_tech = 0
    if tech is not None:
        tech_columns = ("Example", "Commodity Code", "Commodity Title", "Hot Technology")
        c_ex, c_cc, c_ct, c_hot = (tech.column(c) for c in tech_columns)
        techs: dict[str, str] = {}
        commodities: set[str] = set()
        links: set[tuple[str, str]] = set()
        for line, row in tech:
            hot = row[c_hot].strip()
            if hot not in {"Y", "N"}:
                raise tech.error(line, f"Hot Technology {hot!r} is neither Y nor N")
            r = role_of(tech, line, row[c_code].strip())
            if hot != "Y":
                continue
            example, cc = row[c_ex].strip(), row[c_cc].strip()
            if not example:
                raise tech.error(line, "empty Example (the technology's name)")
            if not cc.isdigit():
                raise tech.error(line, f"Commodity Code {cc!r} is not a number")
            if example in techs:
                s = techs[example]
            else:
                s = techs[example] = iri(f"{ONET}technology/{_slug(example)}")
                w.typed(s, "skill")
                w.add(s, "pref", literal(example, "en"))
                w.add(s, "type", literal("technology"))
            g = iri(f"{ONET}commodity/{cc}")
            if (s, g) not in links:
                links.add((s, g))
                w.add(s, "broader", g)
            if cc not in commodities:
                commodities.add(cc)
                w.typed(g, "group")
                w.add(g, "pref", literal(row[c_ct].strip() or cc, "en"))
                w.add(g, "notation", literal(cc))
            if r is not None and (r, s) not in links:
                links.add((r, s))
                w.add(r, "optional", s)
                counts["optional"] += 1
                n_tech += 1
        counts["technologies"] = len(techs)

    for name, n in unknown.items():
        quality[f"{name}: rows naming an occupation absent from Occupation Data.txt"] = n
    if counts["suppressed"]:
        quality["O*NET ratings flagged Recommend Suppress (left out)"] = counts["suppressed"]
    meta = {
        "sources": [
            {
                "name": f"O*NET {version} Database",
                "attribution": attribution(version),
                "uri_prefix": ONET,
            }
        ],
        "quality": quality,
        "counts": {
            "roles": len(roles),
            "skills": len(skills_seen) + counts.get("technologies", 0),
            "fields": len(used_fields),
            "rated requirements": counts["rated"],
            "essential requirements": counts["essential"],
            "optional requirements": counts["optional"],
            "technology requirements": n_tech,
        },
    }
    return w, meta


def _version(directory: Path) -> str:
    """The release named on the first line of ``Read Me.txt`` ("O*NET 29.3 Database")."""
    try:
        first = (directory / "Read Me.txt").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(unknown release)"
    found = re.search(r"O\*NET\s+([0-9][0-9.]*)", first)
    return found.group(1) if found else "(unknown release)"


def onet_filler(
    directory: str | Path, *, progress: Callable[[str], None] | None = None
) -> Callable[[ox.Store], dict[str, Any]]:
    """A ``build_store`` filler that imports the O*NET text files in ``directory``.

    Every file is read and checked before anything is written, so bad input raises
    ``DataImportError`` (naming the file and line) with the target store untouched.
    """
    report = progress or (lambda message: None)

    def fill(store: ox.Store) -> dict[str, Any]:
        writer, meta = _read_all(Path(directory), report)
        report(f"loading {len(writer.buffer):,} triples")
        writer.buffer.load_into(store)
        return meta

    return fill


def import_onet(
    directory: str | Path,
    store: str | Path,
    *,
    merge: bool = False,
    progress: Callable[[str], None] | None = None,
):
    """Import O*NET into the on-disk store at ``store`` (merged into it, or replacing it)."""
    from ..store import build_store

    return build_store(store, onet_filler(directory, progress=progress), merge=merge)
