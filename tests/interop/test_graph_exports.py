"""Graph exports downloaded from the running app and read by the tools they are for: the
official GEXF 1.3 XML Schema (Gephi's format), networkx's GEXF, GraphML and Cytoscape
readers, igraph's GraphML reader, Cytoscape.js itself (Node) and the Neo4j import layout."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import urllib.parse
import zipfile
from pathlib import Path

import igraph
import networkx as nx
import pytest
from lxml import etree

from skillgraph.formats.export_neo4j import ARRAY_DELIMITER, IMPORT_COMMAND

from .helpers import ROOT, require_tool
from .test_sparql_clients import request

GEXF_XSD = Path(__file__).resolve().parents[1] / "fixtures" / "schemas" / "gexf-1.3" / "gexf.xsd"
CYTOSCAPE_JS = ROOT / ".node" / "node_modules" / "cytoscape"

#: (site fixture, query string): the whole store, a field subset and a path subset.
SUBSETS = [
    ("default_site", ""),
    ("default_site", "?field=data+and+AI"),
    (
        "default_site",
        "?" + urllib.parse.urlencode({"from": "administrative assistant", "to": "data analyst"}),
    ),
    ("esco_site", ""),
]
IDS = ["default", "field", "path", "esco-mini"]


def download(site, name: str, query: str = "") -> bytes:
    status, _, body = request(site.base + f"/export/{name}{query}")
    assert status == 200, body[:300]
    return body


@pytest.fixture(params=SUBSETS, ids=IDS)
def subset(request):
    site_name, query = request.param
    return request.getfixturevalue(site_name), query


@pytest.fixture(scope="module")
def gexf_schema():
    return etree.XMLSchema(etree.parse(str(GEXF_XSD)))


def test_every_gexf_export_is_valid_gexf_1_3(subset, gexf_schema):
    site, query = subset
    doc = etree.fromstring(download(site, "gexf", query))
    valid = gexf_schema.validate(doc)
    assert valid, [e.message for e in gexf_schema.error_log][:5]


def _expected(site, query):
    """Nodes and edge count from the Cytoscape export, which the tests below cross-check."""
    doc = json.loads(download(site, "cytoscape", query))
    nodes = {n["data"]["id"] for n in doc["elements"]["nodes"]}
    return nodes, len(doc["elements"]["edges"]), doc


def test_networkx_reads_every_graph_export(subset, tmp_path):
    site, query = subset
    nodes, edges, doc = _expected(site, query)
    assert nodes and edges

    cyto = nx.cytoscape_graph(doc)
    assert cyto.is_directed()
    assert set(cyto.nodes) == nodes and cyto.number_of_edges() == edges
    some = next(iter(nodes))
    assert cyto.nodes[some]["name"] == cyto.nodes[some]["label"]

    path = tmp_path / "export.gexf"
    path.write_bytes(download(site, "gexf", query))
    gexf = nx.read_gexf(path)
    assert set(gexf.nodes) == nodes and gexf.number_of_edges() == edges

    path = tmp_path / "export.graphml"
    path.write_bytes(download(site, "graphml", query))
    graphml = nx.read_graphml(path)
    assert set(graphml.nodes) == nodes and graphml.number_of_edges() == edges
    assert igraph.Graph.Read_GraphML(str(path)).ecount() == edges

    relations = {d["relation"] for _, _, d in cyto.edges(data=True)}
    assert relations == {d["relation"] for _, _, d in gexf.edges(data=True)}


def test_cytoscape_js_loads_the_cytoscape_export(default_site):
    node = require_tool("node", "scripts/setup-system installs Debian's nodejs")
    if not (CYTOSCAPE_JS / "package.json").is_file():
        pytest.skip(f"{CYTOSCAPE_JS} not found: scripts/setup-node installs Cytoscape.js")
    nodes, edges, _ = _expected(default_site, "")
    script = """
      const cytoscape = require(process.argv[1]);
      let text = "";
      process.stdin.on("data", (chunk) => (text += chunk));
      process.stdin.on("end", () => {
        const cy = cytoscape({ headless: true });
        cy.json(JSON.parse(text));
        const roles = cy.nodes('[kind = "role"]').length;
        console.log(JSON.stringify({ nodes: cy.nodes().length, edges: cy.edges().length, roles }));
      });
    """
    done = subprocess.run(
        [node, "-e", script, str(CYTOSCAPE_JS)],
        input=download(default_site, "cytoscape"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    counts = json.loads(done.stdout)
    assert (counts["nodes"], counts["edges"]) == (len(nodes), edges)
    assert counts["roles"] > 10


def test_neo4j_alt_labels_are_a_string_array_with_the_delimiter_the_command_names(default_site):
    archive = zipfile.ZipFile(io.BytesIO(download(default_site, "neo4j")))
    rows = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8"))))
    assert "altLabels:string[]" in rows[0]
    analyst = next(r for r in rows if r["id:ID"].endswith("/role/data-analyst"))
    labels = analyst["altLabels:string[]"].split(ARRAY_DELIMITER)
    assert "BI analyst" in labels and len(labels) >= 2
    readme = archive.read("README.txt").decode()
    assert IMPORT_COMMAND in readme
    assert "--array-delimiter=U+001F" in IMPORT_COMMAND
    assert chr(0x1F) == ARRAY_DELIMITER
    # Neo4j 5.19+ wants the database name right after "full".
    assert IMPORT_COMMAND.startswith("neo4j-admin database import full neo4j ")
