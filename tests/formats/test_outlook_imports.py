"""`skillgraph import crosswalk | oews | exposure` on a hand-built store with exact figures,
bad input (one line naming file and line, store untouched), and the real files (skipped
when ../shared/data is absent)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import skillgraph
from skillgraph.errors import DataImportError
from skillgraph.formats.outlook_data import import_crosswalk, import_exposure, import_oews
from skillgraph.namespace import SG, SKOS
from skillgraph.store import open_store
from skillgraph.validate import validate

from ..helpers import SHARED_DATA as DATA
from ..outlook_data import CROSSWALK, EXPOSURE, OEWS, OEWS_HEADER, base_store, linked_store, write

SKILLGRAPH = Path(sys.executable).with_name("skillgraph")
ESCO_OCC = "http://data.europa.eu/esco/occupation/"


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> Path:
    return linked_store(tmp_path_factory.mktemp("outlook"))


def test_figures_reach_the_roles_combined_by_employment(linked):
    g = skillgraph.open(linked)
    analyst = g.careers.figures("data analyst")
    # 15-2051 (100 jobs, 100k) and 43-9111 (300 jobs, 50k): the weighted median is 50k.
    assert (analyst.wage, analyst.employment) == (50_000.0, 400.0)
    # .00 and .01 share 15-2051's 100 jobs; 43-9111.00 has 300:
    # (0.6 * 50 + 0.4 * 50 + 0.2 * 300) / 400 = 0.275
    assert analyst.exposure == pytest.approx(0.275)
    assert analyst.band == "medium"
    assert analyst.codes == ("15-2051.00", "15-2051.01", "43-9111.00")
    clerk = g.careers.figures("bookkeeper", start="data analyst")
    assert (clerk.wage, clerk.employment, clerk.exposure) == (45_560.0, 1000.0, 0.5)
    assert clerk.wage_change == 45_560.0 - 50_000.0
    assert clerk.band == "high"
    nothing = g.careers.figures("glass blower")
    assert nothing.wage is None and nothing.exposure is None and not nothing.known
    assert "BLS" in analyst.sources["wage"] and "2021" in analyst.sources["wage"]
    assert "GPTs" in analyst.sources["exposure"]


def test_crosswalk_is_kept_both_ways_with_provenance(linked):
    store = open_store(linked)
    onet = "https://w3id.org/skillgraph/onet/occupation/15-2051.00"
    both = store.query(
        f"ASK {{ <{ESCO_OCC}analyst> <{SKOS.closeMatch}> <{onet}> . "
        f"<{onet}> <{SKOS.closeMatch}> <{ESCO_OCC}analyst> }}"
    )
    assert bool(both)
    rows = list(
        store.query(
            f"SELECT ?line ?src WHERE {{ ?m a <{SG.Mapping}> ; <{SG.mappedFrom}> "
            f"<{ESCO_OCC}analyst> ; <{SG.mappedTo}> <{onet}> ; <{SG.sourceLine}> ?line ; "
            "<http://purl.org/dc/terms/source> ?src }"
        )
    )
    assert [(r["line"].value, r["src"].value) for r in rows] == [
        ("2", "https://w3id.org/skillgraph/source/esco-onet-crosswalk")
    ]
    assert store.meta["quality"]  # the row with no store code is reported
    # Each figure carries its year, licence and source; the shapes hold.
    report = validate(store)
    assert report.conforms, report.text


def test_top_coded_wage_and_reimport_replaces(linked, tmp_path):
    g = skillgraph.open(linked)
    store = g.store
    rows = list(
        store.query(
            f"SELECT ?v ?m WHERE {{ <https://w3id.org/skillgraph/soc/11-1011> <{SG.figure}> ?f . "
            f"?f <{SG.measure}> <{SG.MedianAnnualWage}> ; <{SG.value}> ?v ; <{SG.method}> ?m }}"
        )
    )
    assert [(float(r["v"].value), "top-coded" in r["m"].value) for r in rows] == [(208000.0, True)]
    before = len(store)
    import_oews(write(tmp_path, "national_M2021_dl.csv", OEWS), linked)
    assert len(open_store(linked)) == before  # the same figures, not twice


BAD = [
    (
        "oews",
        OEWS_HEADER + "15-2051,x,detailed,12a,100\n",
        "national_M2021_dl.csv:2: TOT_EMP '12a'",
    ),
    ("oews", OEWS_HEADER + "15-205,x,detailed,1,100\n", "national_M2021_dl.csv:2: OCC_CODE"),
    ("oews", "OCC_CODE,TOT_EMP\n", "national_M2021_dl.csv:1: missing columns"),
    ("exposure", EXPOSURE + "15-2041.00,x,0.1,1.5\n", "occ_level.csv:7: human_rating_beta '1.5'"),
    ("exposure", EXPOSURE + "15-2051.00,x,0.1,0.2\n", "occ_level.csv:7: O*NET-SOC Code 15-2051.00"),
    ("crosswalk", CROSSWALK + "2511.1,x,15-2051,y\n", "cw.csv:10: O*NET-SOC 2019 Code '15-2051'"),
    ("crosswalk", "ESCO/ISCO Code,O*NET-SOC 2019 Code\n1.1,15-2051.00\n", "no row names an ESCO"),
]
NAMES = {"oews": "national_M2021_dl.csv", "exposure": "occ_level.csv", "crosswalk": "cw.csv"}


@pytest.mark.parametrize(("fmt", "text", "message"), BAD)
def test_bad_input_is_one_line_and_leaves_the_store_untouched(tmp_path, fmt, text, message):
    location = base_store(tmp_path)
    before = open_store(location).content_id
    path = write(tmp_path, NAMES[fmt], text)
    env = {k: v for k, v in os.environ.items() if k != "SKILLGRAPH_STORE"}
    run = subprocess.run(
        [str(SKILLGRAPH), "import", fmt, str(path), "--store", str(location)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("reading"), run.stderr
    assert lines[1].startswith("error: ") and message in lines[1], lines[1]
    assert open_store(location).content_id == before


def test_a_store_with_no_taxonomy_is_refused(tmp_path):
    with pytest.raises(DataImportError, match="holds no taxonomy"):
        import_oews(write(tmp_path, "national_M2021_dl.csv", OEWS), tmp_path / "empty")


# ---------------------------------------------------------------- the real files

REAL = DATA / "esco-onet-crosswalk" / "ESCO_to_ONET-SOC.csv"


@pytest.fixture(scope="module")
def esco_linked(tmp_path_factory):
    if not REAL.exists():
        pytest.skip(f"{DATA} is absent: the real-data outlook tests need it")
    from skillgraph.formats.esco import import_esco

    location = tmp_path_factory.mktemp("esco-outlook") / "store"
    import_esco(DATA / "esco-v1.1.1-en", location)
    import_crosswalk(REAL, location)
    import_oews(DATA / "bls-oews-2021" / "national_M2021_dl.csv", location)
    import_exposure(DATA / "llm-exposure" / "occ_level.csv", location)
    return skillgraph.open(location)


def test_data_analyst_on_esco_has_a_median_wage_and_an_exposure_band(esco_linked):
    f = esco_linked.careers.figures("data analyst")
    assert f.wage is not None and 30_000 < f.wage < 250_000
    assert f.band in ("low", "medium", "high")
    assert "15-2051.00" in f.codes
    t = esco_linked.careers.taxonomy
    assert sum(not math.isnan(x) for x in t.role_wage) > 0.9 * t.n_roles


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SKILLGRAPH_STORE"}
    return subprocess.run(
        [str(SKILLGRAPH), *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_cli_shows_the_figures_and_what_they_do_not_mean(linked):
    run = _cli("next", "bookkeeper", "--store", str(linked), "--json")
    assert run.returncode == 0, run.stderr
    moves = json.loads(run.stdout)["moves"]
    analyst = next(m for m in moves if m["role"]["label"] == "data analyst")
    assert analyst["outlook"]["median_wage"] == 50_000.0
    assert analyst["outlook"]["median_wage_change"] == 50_000.0 - 45_560.0
    assert analyst["outlook"]["exposure_band"] == "medium"
    glass = next(m for m in moves if m["role"]["label"] == "glass blower")
    assert glass["outlook"]["median_wage"] is None
    run = _cli("path", "bookkeeper", "data analyst", "--store", str(linked))
    assert run.returncode == 0, run.stderr
    assert "$50,000 (+10%), medium exposure 0.28" in run.stdout
    assert "exposure is not replacement" in run.stdout
    run = _cli("path", "data analyst", "bookkeeper", "--wage-floor", "0.95", "--store", str(linked))
    assert run.returncode == 1 and "wage floor" in run.stderr


def test_safer_roles_on_the_hand_built_store(linked):
    # The bookkeeper (exposure 0.5, 45,560) -> the data analyst (0.275, 50,000) is safer.
    run = _cli("safer", "bookkeeper", "--store", str(linked), "--json")
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert [p["target"]["label"] for p in found["paths"]] == ["data analyst"]
    assert found["start_outlook"]["exposure"] == 0.5
    # The other way round nothing is safer; with no figures the answer says so.
    run = _cli("safer", "data analyst", "--store", str(linked), "--json")
    assert json.loads(run.stdout)["paths"] == []
    run = _cli("safer", "glass blower", "--store", str(linked))
    assert run.returncode == 1 and "no known exposure" in run.stderr


def test_bookkeeper_on_esco_has_safer_roles(esco_linked):
    found = esco_linked.careers.safer_roles("bookkeeper", k=5)
    assert found.paths
    start = found.start
    for path in found.paths:
        target = path.outlook
        assert target is not None and target.exposure is not None and target.wage is not None
        assert target.exposure <= start.exposure - 0.1 + 1e-9
        assert target.wage >= start.wage


def _example_rows(store, slug: str) -> list[dict]:
    from skillgraph.sparql.examples import example

    return [
        {v.value: s[v.value].value for v in rows.variables if s[v.value] is not None}
        for rows in [store.query(example(slug).query)]
        for s in rows
    ]


def test_sparql_examples_over_the_figures(linked):
    store = open_store(linked)
    best = _example_rows(store, "best-paid-reskilling")
    # From the data analyst (ICT), the bookkeeper (clerks) shares SQL, statistics and
    # spreadsheets; its wage is 45,560 (one SOC code).
    assert [(r["roleLabel"], float(r["medianWage"]), int(r["sharedSkills"])) for r in best] == [
        ("bookkeeper", 45_560.0, 3)
    ]
    skills = {r["skillLabel"]: (int(r["inHigh"]), int(r["inLow"])) for r in
              _example_rows(store, "exposure-skills")}  # fmt: skip
    # High: the analyst (mean 0.4) and the bookkeeper (0.5); low: the lifeguard (0.05).
    assert skills["SQL"] == (2, 0) and skills["statistics"] == (2, 1)
    assert skills["swimming"] == (0, 1)
    fields = {r["fieldLabel"]: (float(r["weightedExposure"]), float(r["employment"])) for r in
              _example_rows(store, "fields-by-exposure")}  # fmt: skip
    # The analyst's exposure here is the plain mean over its codes (SPARQL has no
    # weighted median); its employment is 15-2051 + 43-9111 = 400.
    assert fields["ICT professionals"] == (pytest.approx(0.4), 400.0)
    assert fields["protective services workers"] == (pytest.approx(0.05), 50.0)


@pytest.mark.parametrize("slug", ["best-paid-reskilling", "exposure-skills", "fields-by-exposure"])
def test_sparql_examples_over_the_figures_agree_with_rdflib(linked, slug):
    import rdflib

    from skillgraph.sparql.examples import example

    store = open_store(linked)
    triples = [q.triple for q in store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
    graph = rdflib.Graph().parse(data=data, format="nt")
    query = example(slug).query
    mine = [{k: round(float(v), 6) if _numeric(v) else v for k, v in r.items()}
            for r in _example_rows(store, slug)]  # fmt: skip
    theirs = [
        {
            str(k): round(float(v), 6) if _numeric(str(v)) else str(v)
            for k, v in row.asdict().items()
        }
        for row in graph.query(query)
    ]
    assert mine and mine == theirs


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
