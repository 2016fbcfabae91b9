"""A hand-built store with ESCO-like roles, crosswalk, OEWS and exposure figures whose
combined figures are worked out by hand (tests/formats/test_outlook_imports.py)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from skillgraph.formats.outlook_data import import_crosswalk, import_exposure, import_oews
from skillgraph.store import build_store

TURTLE = """
@prefix sg: <https://w3id.org/skillgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix occ: <http://data.europa.eu/esco/occupation/> .
@prefix sk: <http://data.europa.eu/esco/skill/> .
@prefix f: <http://data.europa.eu/esco/isco/> .
occ:analyst a sg:Role ; skos:prefLabel "data analyst"@en ; skos:notation "2511.1" ;
    sg:essentialSkill sk:sql, sk:stats ; sg:optionalSkill sk:excel ; sg:field f:C25 .
occ:clerk a sg:Role ; skos:prefLabel "bookkeeper"@en ; skos:notation "4311.1" ;
    sg:essentialSkill sk:ledger, sk:sql, sk:stats ; sg:optionalSkill sk:excel ; sg:field f:C43 .
occ:guard a sg:Role ; skos:prefLabel "lifeguard"@en ; skos:notation "5419.1" ;
    sg:essentialSkill sk:swim, sk:stats ; sg:field f:C54 .
sk:swim a sg:Skill ; skos:prefLabel "swimming"@en .
sk:excel a sg:Skill ; skos:prefLabel "spreadsheets"@en .
f:C54 a sg:Field ; skos:prefLabel "protective services workers"@en .
f:C25 a sg:Field ; skos:prefLabel "ICT professionals"@en .
f:C43 a sg:Field ; skos:prefLabel "numerical clerks"@en .
occ:nomap a sg:Role ; skos:prefLabel "glass blower"@en ; skos:notation "7315.1" ;
    sg:essentialSkill sk:glass .
sk:sql a sg:Skill ; skos:prefLabel "SQL"@en .
sk:stats a sg:Skill ; skos:prefLabel "statistics"@en .
sk:ledger a sg:Skill ; skos:prefLabel "bookkeeping"@en .
sk:glass a sg:Skill ; skos:prefLabel "glass blowing"@en .
"""

CROSSWALK = """ESCO/ISCO Code,ESCO/ISCO Title,O*NET-SOC 2019 Code,O*NET-SOC 2019 Title
2511.1,data analyst,15-2051.00,Data Scientists
2511.1,data analyst,15-2051.01,Business Intelligence Analysts
2511.1,data analyst,43-9111.00,Statistical Assistants
4311.1,bookkeeper,43-3031.00,"Bookkeeping, Accounting, and Auditing Clerks"
9999.9,not in the store,11-1011.00,Chief Executives
5419.1,lifeguard,33-9092.00,"Lifeguards, Ski Patrol, and Other Protective Service Workers"
7315.1,glass blower,,
,,,
"""

OEWS_HEADER = "OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,A_MEDIAN\n"
OEWS = OEWS_HEADER + (
    '00-0000,All Occupations,total,"140,886,310","45,760"\n'
    '15-2051,Data Scientists,detailed,"100",100000\n'
    '43-9111,Statistical Assistants,detailed,"300","50,000"\n'
    '43-3031,"Bookkeeping, Accounting, and Auditing Clerks",detailed,"1,000","45,560"\n'
    "11-1011,Chief Executives,detailed,200,#\n"
    '33-9092,Lifeguards,detailed,50,"30,000"\n'
)

EXPOSURE = """O*NET-SOC Code,Title,dv_rating_beta,human_rating_beta
15-2051.00,Data Scientists,0.7,0.6
15-2051.01,Business Intelligence Analysts,0.5,0.4
43-9111.00,Statistical Assistants,0.3,0.2
43-3031.00,"Bookkeeping, Accounting, and Auditing Clerks",0.6,0.5
33-9092.00,Lifeguards,0.1,0.05
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def base_store(folder: Path) -> Path:
    location = folder / "store"

    def fill(store: ox.Store) -> dict:
        store.load(TURTLE.encode(), format=ox.RdfFormat.TURTLE)
        return {"sources": [], "counts": {}}

    build_store(location, fill)
    return location


def linked_store(folder: Path) -> Path:
    """The store with the crosswalk, OEWS and exposure files above imported."""
    location = base_store(folder)
    import_crosswalk(write(folder, "cw.csv", CROSSWALK), location)
    import_oews(write(folder, "national_M2021_dl.csv", OEWS), location)
    import_exposure(write(folder, "occ_level.csv", EXPOSURE), location)
    return location
