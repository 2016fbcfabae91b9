"""Import the ESCO -> O*NET-SOC crosswalk, BLS OEWS wages and employment, and LLM
exposure scores into a store that holds ESCO, O*NET or both (``skillgraph import
crosswalk | oews | exposure FILE --store S``).

- **crosswalk** (``ESCO_to_ONET-SOC.csv``: ``ESCO/ISCO Code``, ``O*NET-SOC 2019 Code``,
  titles): each row whose ESCO code names a role or occupation group of the store
  (``skos:notation``) links it to the O*NET-SOC occupation with ``skos:closeMatch``, held
  both ways, and keeps the row as an ``sg:Mapping`` (from, to, relation, source, line).
  The file says nothing of how close a match is, so every link is a close match, never
  an exact one.  Rows with no O*NET code, or an ESCO code the store does not hold, are
  counted in the import's data-quality report.
- **oews** (``national_M2021_dl.csv``): for each *detailed* SOC code, ``TOT_EMP`` is an
  ``sg:Employment`` figure and ``A_MEDIAN`` an ``sg:MedianAnnualWage`` figure (``*``: not
  available, no figure; ``#``: top-coded at $208,000 or more, kept as 208000 with the
  method saying so).  The year comes from the file name (``M2021``) or ``--year``.
- **exposure** (``occ_level.csv``): ``human_rating_beta`` (or ``--column``) of each O*NET-SOC
  code is an ``sg:LLMExposure`` figure (0 to 1); the MIT licence beside the file
  (``LICENSE``) travels with it as the source's ``dcterms:rights``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import DataImportError
from ..namespace import SG, SKOS
from .csvread import read_table
from .figures import (
    CROSSWALK,
    EXPOSURE,
    OEWS,
    SOC,
    FigureWriter,
    import_figures,
    number,
    onet_uri,
)
from .ntriples import iri, literal
from .onet import ONET

__all__ = ["EXPOSURE_COLUMNS", "import_crosswalk", "import_exposure", "import_oews"]

_ONET_CODE = re.compile(r"\d\d-\d{4}\.\d\d\Z")
_SOC_CODE = re.compile(r"\d\d-\d{4}\Z")
#: The score columns of ``occ_level.csv`` (Eloundou et al.: alpha = E1, beta = E1 + E2 / 2,
#: gamma = E1 + E2; dv = GPT-4's ratings, human = annotators').
EXPOSURE_COLUMNS = tuple(
    f"{who}_rating_{m}" for who in ("human", "dv") for m in ("beta", "alpha", "gamma")
)
#: The wage OEWS writes as "#": at least this much a year.
TOP_CODED_WAGE = 208_000.0

Progress = Callable[[str], None] | None


def _say(progress: Progress, message: str) -> None:
    if progress is not None:
        progress(message)


def _occupations(store: ox.Store) -> dict[str, str]:
    """code -> URI of the store's roles and occupation groups that have a code."""
    found: dict[str, str] = {}
    solutions = store.query(
        f"SELECT ?c ?n WHERE {{ ?c <{SKOS.notation}> ?n . "
        f"{{ ?c a <{SG.Role}> }} UNION {{ ?c a <{SG.OccupationGroup}> }} }}"
    )
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        found.setdefault(row["n"].value, row["c"].value)
    return found


def read_crosswalk(path: str | Path, store: ox.Store) -> tuple[FigureWriter, dict[str, Any]]:
    """The crosswalk's mappings of the store's occupations (checked, not yet written)."""
    table = read_table(path, required=("ESCO/ISCO Code", "O*NET-SOC 2019 Code"))
    c_esco, c_onet = table.column("ESCO/ISCO Code"), table.column("O*NET-SOC 2019 Code")
    c_title = table.column("O*NET-SOC 2019 Title") if table.has("O*NET-SOC 2019 Title") else None
    known = _occupations(store)
    w = FigureWriter(CROSSWALK, 0)
    close = iri(str(SKOS.closeMatch))
    quality: dict[str, Any] = {}
    linked: set[tuple[str, str]] = set()
    rows = 0

    def note(problem: str, line: int, example: str) -> None:
        entry = quality.setdefault(problem, {"rows": 0, "first line": line, "examples": []})
        entry["rows"] += 1
        if len(entry["examples"]) < 3:
            entry["examples"].append(example)

    for line, row in table:
        rows += 1
        esco, onet = row[c_esco].strip(), row[c_onet].strip()
        if not esco:
            note("crosswalk rows with no ESCO code (skipped)", line, ",".join(row)[:60])
            continue
        if not onet:
            note("crosswalk rows with no O*NET-SOC code (no match)", line, esco)
            continue
        if not _ONET_CODE.match(onet):
            raise table.error(line, f"O*NET-SOC 2019 Code {onet!r} is not of the form 15-2051.00")
        source = known.get(esco)
        if source is None:
            note("crosswalk rows whose ESCO code is not in the store", line, esco)
            continue
        target = known.get(onet) or onet_uri(onet)
        if (source, target) in linked:
            continue
        linked.add((source, target))
        title = row[c_title].strip() if c_title is not None else ""
        w.concept(target, onet, title or None, ONET + "scheme")
        w.add(iri(source), close, iri(target))
        w.add(iri(target), close, iri(source))
        m = iri(f"https://w3id.org/skillgraph/mapping/{CROSSWALK.key}/{esco}/{onet}")
        w.add(m, w.a, iri(str(SG.Mapping)))
        w.add(m, iri(str(SG.mappedFrom)), iri(source))
        w.add(m, iri(str(SG.mappedTo)), iri(target))
        w.add(m, iri(str(SG.mappingRelation)), close)
        w.add(m, iri("http://purl.org/dc/terms/source"), iri(CROSSWALK.uri))
        w.add(m, iri(str(SG.sourceLine)), literal(str(line), datatype=_INTEGER))
    if not linked:
        raise DataImportError(
            "no row names an ESCO code of the store's roles: import ESCO into it first "
            f"({rows:,} rows read)",
            file=str(path),
        )
    sources = {s for s, _ in linked}
    counts = {"crosswalk links": len(linked), "occupations linked": len(sources)}
    return w, {"quality": quality, "counts": counts}


_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def read_oews(
    path: str | Path, store: ox.Store | None = None, year: int | None = None
) -> tuple[FigureWriter, dict[str, Any]]:
    """The OEWS file's employment and median wage per detailed SOC code (checked)."""
    year = year or _year_of(Path(path))
    table = read_table(path, required=("OCC_CODE", "O_GROUP", "TOT_EMP", "A_MEDIAN"))
    c_code, c_group = table.column("OCC_CODE"), table.column("O_GROUP")
    c_emp, c_wage = table.column("TOT_EMP"), table.column("A_MEDIAN")
    c_title = table.column("OCC_TITLE") if table.has("OCC_TITLE") else None
    w = FigureWriter(OEWS, year)
    seen: dict[str, int] = {}
    counts = {"SOC codes": 0, "median wages": 0, "employment figures": 0, "top-coded wages": 0}
    for line, row in table:
        if row[c_group].strip() != "detailed":
            continue
        code = row[c_code].strip()
        if not _SOC_CODE.match(code):
            raise table.error(line, f"OCC_CODE {code!r} is not a SOC code of the form 15-2051")
        if code in seen:
            raise table.error(line, f"OCC_CODE {code} already given on line {seen[code]}")
        seen[code] = line
        jobs = number(row[c_emp], table, line, "TOT_EMP")
        top = row[c_wage].strip() == "#"
        wage = TOP_CODED_WAGE if top else number(row[c_wage], table, line, "A_MEDIAN")
        uri = SOC + code
        title = row[c_title].strip() if c_title is not None else ""
        w.concept(uri, code, title or None, SOC + "scheme")
        counts["SOC codes"] += 1
        if jobs is not None:
            w.figure(uri, f"{code}/employment", "Employment", jobs, "TOT_EMP")
            counts["employment figures"] += 1
        if wage is not None:
            method = "A_MEDIAN (top-coded: $208,000 or more)" if top else "A_MEDIAN"
            w.figure(uri, f"{code}/median-wage", "MedianAnnualWage", wage, method)
            counts["median wages"] += 1
            counts["top-coded wages"] += top
    if not seen:
        raise DataImportError(
            "no detailed occupation (O_GROUP = detailed) in the file", file=str(path)
        )
    return w, {"counts": counts}


def _year_of(path: Path) -> int:
    found = re.search(r"M(\d{4})", path.name)
    if found is None:
        raise DataImportError(
            "cannot tell the year from the file name (national_M2021_dl.csv): give --year",
            file=str(path),
        )
    return int(found.group(1))


def read_exposure(
    path: str | Path, column: str = "human_rating_beta", year: int = 2023
) -> tuple[FigureWriter, dict[str, Any]]:
    """The exposure score of each O*NET-SOC occupation in ``column`` (checked)."""
    path = Path(path)
    if column not in EXPOSURE_COLUMNS:
        raise DataImportError(f"--column must be one of {', '.join(EXPOSURE_COLUMNS)}")
    table = read_table(path, required=("O*NET-SOC Code", column))
    c_code, c_score = table.column("O*NET-SOC Code"), table.column(column)
    c_title = table.column("Title") if table.has("Title") else None
    licence = path.parent / "LICENSE"
    rights = licence.read_text(encoding="utf-8", errors="replace") if licence.is_file() else None
    w = FigureWriter(EXPOSURE, year, rights)
    seen: dict[str, int] = {}
    for line, row in table:
        code = row[c_code].strip()
        if not _ONET_CODE.match(code):
            raise table.error(line, f"O*NET-SOC Code {code!r} is not of the form 15-2051.00")
        if code in seen:
            raise table.error(line, f"O*NET-SOC Code {code} already given on line {seen[code]}")
        seen[code] = line
        score = number(row[c_score], table, line, column)
        if score is None:
            continue
        if score > 1:
            raise table.error(line, f"{column} {row[c_score].strip()!r} is not a share (0 to 1)")
        uri = onet_uri(code)
        title = row[c_title].strip() if c_title is not None else ""
        w.concept(uri, code, title or None, ONET + "scheme")
        w.figure(uri, f"{code}/{column}", "LLMExposure", score, column)
    if not seen:
        raise DataImportError("no occupation in the file", file=str(path))
    return w, {"counts": {"exposure scores": len(seen)}}


def import_crosswalk(path: str | Path, store: str | Path, *, progress: Progress = None):
    """Link the store's ESCO occupations to O*NET-SOC occupations (see the module)."""
    _say(progress, f"reading {path}")
    return import_figures(store, lambda ox_store: read_crosswalk(path, ox_store), CROSSWALK)


def import_oews(
    path: str | Path, store: str | Path, *, year: int | None = None, progress: Progress = None
):
    """Add OEWS employment and median wages to the store (see the module)."""
    _say(progress, f"reading {path}")
    return import_figures(store, lambda _: read_oews(path, year=year), OEWS)


def import_exposure(
    path: str | Path,
    store: str | Path,
    *,
    column: str = "human_rating_beta",
    year: int = 2023,
    progress: Progress = None,
):
    """Add LLM exposure scores to the store (see the module)."""
    _say(progress, f"reading {path}")
    return import_figures(store, lambda _: read_exposure(path, column, year), EXPOSURE)
