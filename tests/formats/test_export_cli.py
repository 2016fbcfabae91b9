"""``skillgraph export``: subsets, the known writer traps, atomic writes, stdout."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile

import igraph
import networkx as nx
import pyoxigraph as ox
import pytest
from lxml import etree

import skillgraph
from skillgraph.cli import main
from skillgraph.errors import SkillgraphError
from skillgraph.formats.exporters import EXPORTERS, export, export_bytes
from skillgraph.formats.selection import field_selection, path_selection
from skillgraph.namespace import SG, SKOS
from skillgraph.store import build_store

RAPPER = shutil.which("rapper")

TRAPS = """
@prefix sg: <https://w3id.org/skillgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://example.org/role/a> a sg:Role, skos:Concept ;
    skos:prefLabel "bell\\u0007 and vertical tab\\u000B"@en ;
    skos:altLabel "first alt"@en, "second alt"@en, "third | with bar"@en ;
    sg:essentialSkill <http://example.org/skill/x> .
<http://example.org/skill/x> a sg:Skill, skos:Concept ; skos:prefLabel "x\\u0001y"@en .
"""


@pytest.fixture(scope="module")
def traps(tmp_path_factory):
    def fill(store: ox.Store) -> dict:
        store.load(TRAPS.encode(), format=ox.RdfFormat.TURTLE)
        return {}

    return skillgraph.open(build_store(tmp_path_factory.mktemp("traps") / "store", fill))


def test_rdfxml_has_no_raw_control_characters(traps):
    data = export_bytes(traps, "rdfxml")
    assert not any(byte < 0x20 and byte not in (0x09, 0x0A, 0x0D) for byte in data)
    root = etree.fromstring(data)  # a strict XML 1.0 parser
    labels = {e.text for e in root.iter("{http://www.w3.org/2004/02/skos/core#}prefLabel")}
    assert {"bell and vertical tab", "xy"} <= labels


@pytest.mark.skipif(RAPPER is None, reason="rapper (raptor2-utils) not installed")
def test_rapper_reads_rdfxml_with_control_characters_removed(traps, tmp_path):
    path = tmp_path / "traps.rdf"
    path.write_bytes(export_bytes(traps, "rdfxml"))
    subprocess.run([RAPPER, "-q", "-i", "rdfxml", "-c", str(path)], check=True)


def test_turtle_keeps_control_characters_escaped(traps):
    parsed = {q.triple for q in ox.parse(export_bytes(traps, "turtle"), ox.RdfFormat.TURTLE)}
    labels = {t.object.value for t in parsed if t.predicate.value == str(SKOS.prefLabel)}
    assert "x\x01y" in labels


def test_graph_formats_join_list_values(traps, tmp_path):
    path = tmp_path / "traps.graphml"
    path.write_bytes(export_bytes(traps, "graphml"))
    g = igraph.Graph.Read_GraphML(str(path))
    role = g.vs.find(id="http://example.org/role/a")
    assert role["altLabels"] == "first alt | second alt | third | with bar"
    assert role["label"] == "bell and vertical tab"
    gexf = tmp_path / "traps.gexf"
    gexf.write_bytes(export_bytes(traps, "gexf"))
    assert nx.read_gexf(gexf).nodes["http://example.org/role/a"]["altLabels"].startswith("first")


def test_rdfxml_refuses_a_predicate_it_cannot_write(tmp_path):
    def fill(store: ox.Store) -> dict:
        store.load(b'<http://x/a> <http://x/1> "one" .', format=ox.RdfFormat.N_TRIPLES)
        return {}

    g = skillgraph.open(build_store(tmp_path / "store", fill))
    with pytest.raises(SkillgraphError, match="does not end in an XML name"):
        export_bytes(g, "rdfxml")


def test_field_subset_is_closed(default_graph):
    selection = field_selection(default_graph, "data and AI")
    data = export_bytes(default_graph, "ntriples", selection)
    triples = {q.triple for q in ox.parse(data, ox.RdfFormat.N_TRIPLES)}
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    roles = {
        t.subject.value
        for t in triples
        if t.predicate.value == rdf_type and t.object.value == str(SG.Role)
    }
    t = default_graph.taxonomy
    f = t.field_labels.index("data and AI")
    assert roles == {u for u, rf in zip(t.role_uris, t.role_field, strict=True) if rf == f}
    typed = {t.subject.value for t in triples if t.predicate.value.endswith("#type")}
    for link in (SG.essentialSkill, SG.optionalSkill, SG.teaches, SG.field):
        objects = {t.object.value for t in triples if t.predicate.value == str(link)}
        assert objects <= typed, link


def test_path_subset_holds_the_roles_of_the_path(default_graph):
    path = default_graph.career_paths("customer service representative", "data analyst", k=1)[0]
    selection = path_selection(default_graph.taxonomy, path)
    doc = json.loads(export_bytes(default_graph, "cytoscape", selection))
    roles = {n["data"]["id"] for n in doc["elements"]["nodes"] if n["data"]["kind"] == "role"}
    on_path = {s.source.uri for s in path.steps} | {s.target.uri for s in path.steps}
    assert roles == on_path
    kinds = {n["data"]["kind"] for n in doc["elements"]["nodes"]}
    assert {"role", "skill", "program"} <= kinds


def test_cli_writes_a_file_and_stdout(tmp_path, capsysbinary):
    out = tmp_path / "taxonomy.ttl"
    assert main(["export", "--format", "turtle", "-o", str(out), "--field", "design"]) == 0
    from_file = out.read_bytes()
    assert main(["export", "-f", "turtle", "-o", "-", "--field", "design"]) == 0
    assert capsysbinary.readouterr().out == from_file
    assert [p.name for p in tmp_path.iterdir()] == ["taxonomy.ttl"]  # no temporary left


def test_cli_bundles_as_folder_or_zip(tmp_path):
    assert main(["export", "-f", "neo4j", "-o", str(tmp_path / "neo4j")]) == 0
    whole = len((tmp_path / "neo4j" / "nodes.csv").read_text().splitlines())
    assert sorted(p.name for p in (tmp_path / "neo4j").iterdir()) == [
        "README.txt",
        "nodes.csv",
        "relationships.csv",
    ]
    assert main(["export", "-f", "esco-csv", "-o", str(tmp_path / "esco.zip")]) == 0
    assert "occupations_en.csv" in zipfile.ZipFile(tmp_path / "esco.zip").namelist()
    # Exporting again over the folder replaces it whole.
    assert main(["export", "-f", "neo4j", "-o", str(tmp_path / "neo4j"), "--field", "design"]) == 0
    assert len((tmp_path / "neo4j" / "nodes.csv").read_text().splitlines()) < whole / 2


def test_failed_export_leaves_the_old_file(tmp_path, traps, capsys):
    target = tmp_path / "out.rdf"
    target.write_bytes(b"old content")

    def fill(store: ox.Store) -> dict:
        store.load(b'<http://x/a> <http://x/1> "one" .', format=ox.RdfFormat.N_TRIPLES)
        return {}

    bad = skillgraph.open(build_store(tmp_path / "bad-store", fill))
    with pytest.raises(SkillgraphError):
        export(bad, "rdfxml", target)
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad-store", "out.rdf"]


def test_cli_reports_unknown_field_as_an_error(capsys):
    assert main(["export", "-f", "turtle", "--field", "astrology", "-o", "-"]) == 1
    assert "error: no field named 'astrology'" in capsys.readouterr().err


def test_every_registered_format_has_a_media_type_and_name():
    for exporter in EXPORTERS.values():
        assert "/" in exporter.media_type
        assert exporter.filename("x").startswith("x")
        assert (exporter.write is None) != (exporter.files is None)


def test_export_bytes_of_a_bundle_is_a_zip(default_graph):
    data = export_bytes(default_graph, "neo4j")
    assert zipfile.is_zipfile(io.BytesIO(data))


def test_a_bundle_never_replaces_a_folder_of_other_files(tmp_path, capsys):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "thesis.tex").write_text("precious")
    assert main(["export", "-f", "neo4j", "-o", str(folder)]) == 1
    assert "holds other files" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["thesis.tex"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents"]
