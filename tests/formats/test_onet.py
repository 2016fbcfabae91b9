"""The O*NET importer on the real O*NET 29.3 files (skipped when ../shared/data is absent)."""

from __future__ import annotations

import csv
import math

import pytest

from skillgraph.formats.onet import (
    ESSENTIAL_IMPORTANCE,
    ONET,
    OPTIONAL_IMPORTANCE,
    SOC_MAJOR_GROUPS,
)
from skillgraph.namespace import SG, SKOS

from ..conftest import ONET_DIR

#: Operations Research Analysts: rated in Skills.txt and Knowledge.txt (some occupations,
#: such as 15-2051.00 Data Scientists, have no ratings in 29.3, only technologies).
RATED = "15-2031.00"


def _tsv(name: str) -> list[dict]:
    with open(ONET_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _values(graph, query: str) -> list:
    return [[t.value if t is not None else None for t in row] for row in graph.store.query(query)]


def test_every_occupation_is_a_role_with_code_title_and_field(onet_graph):
    rows = _tsv("Occupation Data.txt")
    t = onet_graph.taxonomy
    assert t.n_roles == len(rows)
    assert len(t.field_uris) == len({r["O*NET-SOC Code"][:2] for r in rows})
    row = next(r for r in rows if r["O*NET-SOC Code"] == "15-2051.00")
    role = f"{ONET}occupation/15-2051.00"
    kind, i = t.locate(role)
    assert (kind, t.role_labels[i]) == ("role", row["Title"])
    assert t.field_labels[t.role_field[i]] == SOC_MAJOR_GROUPS["15"]
    notation = _values(onet_graph, f"SELECT ?n {{ <{role}> <{SKOS.notation}> ?n }}")
    assert notation == [["15-2051.00"]]


def test_alternate_titles_job_zone_and_source(onet_graph):
    role = f"{ONET}occupation/15-2051.00"
    alts = {
        r["Alternate Title"]
        for r in _tsv("Alternate Titles.txt")
        if r["O*NET-SOC Code"] == "15-2051.00"
    }
    found = {v for (v,) in _values(onet_graph, f"SELECT ?a {{ <{role}> <{SKOS.altLabel}> ?a }}")}
    assert alts - {"Data Scientists"} <= found
    zone = next(r["Job Zone"] for r in _tsv("Job Zones.txt") if r["O*NET-SOC Code"] == "15-2051.00")
    assert _values(onet_graph, f"SELECT ?z {{ <{role}> <{SG.preparationLevel}> ?z }}") == [[zone]]
    source = onet_graph.source_of(role)
    assert "CC BY 4.0" in source["attribution"] and "O*NET 29.3" in source["attribution"]


def test_ratings_are_kept_and_the_link_follows_the_importance_rule(onet_graph):
    """Recomputed from Skills.txt with the csv module: importance >= 3 essential, >= 2
    optional, else no direct link; both ratings on the sg:Requirement."""
    code = RATED
    rated: dict[str, dict[str, float]] = {}
    for r in _tsv("Skills.txt") + _tsv("Knowledge.txt"):
        if r["O*NET-SOC Code"] == code and r["Recommend Suppress"] != "Y":
            rated.setdefault(r["Element ID"], {})[r["Scale ID"]] = float(r["Data Value"])
    t = onet_graph.taxonomy
    r_ix = t.locate(f"{ONET}occupation/{code}")[1]
    links = {}
    for k in (t.req_role == r_ix).nonzero()[0]:
        uri = t.skill_uris[t.req_skill[k]]
        if uri.startswith(f"{ONET}element/"):
            links[uri.rsplit("/", 1)[1]] = (
                bool(t.req_essential[k]),
                t.req_importance[k],
                t.req_level[k],
            )
    expected = {
        e: (v["IM"] >= ESSENTIAL_IMPORTANCE, v["IM"], v.get("LV", math.nan))
        for e, v in rated.items()
        if "IM" in v and v["IM"] >= OPTIONAL_IMPORTANCE
    }
    assert expected and {e for e, v in expected.items() if v[0]} and links.keys() == expected.keys()
    for element, (essential, importance, level) in expected.items():
        got = links[element]
        assert got[0] == essential and got[1] == pytest.approx(importance)
        assert (math.isnan(got[2]) and math.isnan(level)) or got[2] == pytest.approx(level)
    requirements = _values(
        onet_graph,
        f"SELECT (COUNT(?q) AS ?n) {{ <{ONET}occupation/{code}> <{SG.requirement}> ?q }}",
    )
    assert int(requirements[0][0]) == len(rated)


def test_hot_technologies_are_optional_skills(onet_graph):
    code = "15-2051.00"
    hot = {
        r["Example"]
        for r in _tsv("Technology Skills.txt")
        if r["O*NET-SOC Code"] == code and r["Hot Technology"] == "Y"
    }
    t = onet_graph.taxonomy
    r_ix = t.locate(f"{ONET}occupation/{code}")[1]
    tech = {
        t.skill_labels[t.req_skill[k]]
        for k in (t.req_role == r_ix).nonzero()[0]
        if t.skill_uris[t.req_skill[k]].startswith(f"{ONET}technology/") and not t.req_essential[k]
    }
    assert hot and tech == hot


def test_the_path_engine_runs_on_onet(onet_graph):
    paths = onet_graph.career_paths("Customer Service Representatives", "Data Scientists", k=1)
    assert paths and paths[0].steps[-1].target.label == "Data Scientists"


def test_graph_exports_carry_the_ratings_and_the_attribution(onet_graph, tmp_path):
    import igraph

    from skillgraph.formats.exporters import export
    from skillgraph.formats.selection import field_selection

    path = tmp_path / "computing.graphml"
    export(onet_graph, "graphml", path, field_selection(onet_graph, SOC_MAJOR_GROUPS["15"]))
    g = igraph.Graph.Read_GraphML(str(path))
    scientist = g.vs.find(id=f"{ONET}occupation/{RATED}")
    rated = [e for e in g.es.select(_source=scientist.index) if e["importance"] == e["importance"]]
    assert rated and all(OPTIONAL_IMPORTANCE <= e["importance"] <= 5 for e in rated)
    assert all(
        e["relation"] == "essential" for e in rated if e["importance"] >= ESSENTIAL_IMPORTANCE
    )
    assert "USDOL/ETA" in g["attribution"]
