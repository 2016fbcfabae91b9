"""Every export of the default taxonomy and of a slice of real ESCO, read back by an
independent reader: rapper, pyoxigraph, rdflib, pyld, igraph, networkx, csv, our ESCO
importer."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import uuid
import zipfile
from xml.etree import ElementTree

import igraph
import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from pyld import jsonld
from rdflib.compare import isomorphic

import skillgraph
from skillgraph.formats.export_rdf import export_scheme
from skillgraph.formats.exporters import EXPORTERS, export_bytes
from skillgraph.formats.selection import EVERYTHING
from skillgraph.namespace import DCTERMS, RDF, SG, SKOS

RAPPER = shutil.which("rapper")
needs_rapper = pytest.mark.skipif(
    RAPPER is None, reason="rapper (Debian raptor2-utils) is not installed: scripts/setup-system"
)
RAPPER_SYNTAX = {"turtle": "turtle", "ntriples": "ntriples", "rdfxml": "rdfxml"}
RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}


def _rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


_XSD_STRING = rdflib.URIRef("http://www.w3.org/2001/XMLSchema#string")


def normalised(triples) -> rdflib.Graph:
    """A graph of ``triples`` with ``"x"^^xsd:string`` written as ``"x"`` (the same literal
    in RDF 1.1; oxrdflib and rdflib's parsers spell it differently)."""
    out = rdflib.Graph()
    for s, p, o in triples:
        if isinstance(o, rdflib.Literal) and o.datatype == _XSD_STRING:
            o = rdflib.Literal(str(o))
        out.add((s, p, o))
    return out


def expected_graph(graph) -> rdflib.Graph:
    """The store's content read through oxrdflib (not through our writers), plus the
    concept scheme the export adds."""
    scheme = [
        (_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object))
        for t in export_scheme(graph.store, EVERYTHING)
    ]
    return normalised([*graph.store.graph, *scheme])


@pytest.fixture(scope="module")
def exports(any_graph):
    return {name: export_bytes(any_graph, name) for name in EXPORTERS}


@pytest.fixture(scope="module")
def expected(any_graph):
    return expected_graph(any_graph)


@needs_rapper
@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml"])
def test_rapper_reads_every_triple(any_graph, exports, expected, tmp_path, fmt):
    path = tmp_path / f"export.{EXPORTERS[fmt].extension}"
    path.write_bytes(exports[fmt])
    result = subprocess.run(
        [RAPPER, "-q", "-i", RAPPER_SYNTAX[fmt], "-o", "ntriples", str(path)],
        capture_output=True,
        check=True,
    )
    assert result.stderr == b""
    assert result.stdout.count(b"\n") == len(expected)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml", "jsonld"])
def test_rdf_round_trip_is_isomorphic(exports, expected, fmt):
    if fmt == "jsonld":
        # rdflib's JSON-LD parser warns (ConjunctiveGraph); pyld reads it, rdflib compares.
        data, fmt = _pyld_nquads(exports[fmt]), "ntriples"
    else:
        data = exports[fmt]
    parsed = normalised(rdflib.Graph().parse(data=data, format=RDFLIB_FORMAT[fmt]))
    assert len(parsed) == len(expected)
    assert isomorphic(parsed, expected)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml", "jsonld"])
def test_pyoxigraph_reads_the_same_statements(exports, expected, fmt):
    formats = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "rdfxml": ox.RdfFormat.RDF_XML,
        "jsonld": ox.RdfFormat.JSON_LD,
    }
    parsed = {q.triple for q in ox.parse(exports[fmt], formats[fmt])}
    assert len(parsed) == len(expected)


def _no_network(url, options=None):
    raise AssertionError(f"pyld tried to load {url}")


def _pyld_nquads(data: bytes) -> str:
    options = {"format": "application/n-quads", "documentLoader": _no_network}
    return jsonld.to_rdf(json.loads(data), options)


def test_pyld_reads_the_jsonld_without_the_network(exports, expected):
    lines = {line for line in _pyld_nquads(exports["jsonld"]).splitlines() if line.strip()}
    assert len(lines) == len(expected)


def test_rdf_exports_are_skos_with_a_scheme_and_attribution(any_graph, exports):
    parsed = rdflib.Graph().parse(data=exports["turtle"], format="turtle")
    schemes = set(parsed.subjects(RDF.type, SKOS.ConceptScheme))
    ours = [s for s in schemes if str(s).startswith("https://w3id.org/skillgraph/export/")]
    assert len(ours) == 1
    scheme = ours[0]
    roles = set(parsed.subjects(RDF.type, SG.Role))
    assert roles and all((r, SKOS.inScheme, scheme) in parsed for r in roles)
    assert all(parsed.value(r, SKOS.prefLabel) is not None for r in roles)
    fields = set(parsed.subjects(RDF.type, SG.Field))
    tops = set(parsed.objects(scheme, SKOS.hasTopConcept))
    assert fields <= tops
    # No loose concept: every concept of the scheme without a broader one in it is a top one.
    members = set(parsed.subjects(SKOS.inScheme, scheme))
    assert tops == fields | {
        c for c in members if not set(parsed.objects(c, SKOS.broader)) & members
    }
    assert all((c, SKOS.topConceptOf, scheme) in parsed for c in tops)
    rights = " ".join(str(x) for x in parsed.objects(scheme, DCTERMS.rights))
    for source in any_graph.sources:
        if source["attribution"]:
            assert source["attribution"] in rights


def _taxonomy_counts(graph):
    t = graph.taxonomy
    nodes = t.n_roles + t.n_skills + len(t.program_uris) + len(t.field_uris)
    fields = int((t.role_field >= 0).sum() + (t.skill_field >= 0).sum())
    edges = len(t.req_role) + len(t.teach_program) + fields
    return nodes, edges


def test_igraph_reads_the_graphml(any_graph, exports, tmp_path):
    path = tmp_path / "export.graphml"
    path.write_bytes(exports["graphml"])
    g = igraph.Graph.Read_GraphML(str(path))
    nodes, edges = _taxonomy_counts(any_graph)
    assert (g.vcount(), g.ecount()) == (nodes, edges)
    assert g.is_directed()
    kinds = set(g.vs["kind"])
    assert {"role", "skill", "field"} <= kinds
    relations = set(g.es["relation"])
    assert {"essential", "field"} <= relations
    for source in any_graph.sources:
        if source["attribution"]:
            assert source["attribution"] in g["attribution"]


def test_networkx_reads_the_gexf(any_graph, exports, tmp_path):
    path = tmp_path / "export.gexf"
    path.write_bytes(exports["gexf"])
    g = nx.read_gexf(path)
    nodes, edges = _taxonomy_counts(any_graph)
    assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, edges)
    t = any_graph.taxonomy
    role = t.role_uris[0]
    assert g.nodes[role]["label"] == t.role_labels[0]
    assert g.nodes[role]["kind"] == "role"
    # GEXF has no graph attributes: the attribution is the file's meta description.
    meta = ElementTree.fromstring(exports["gexf"]).find("{http://gexf.net/1.3}meta")
    description = meta.find("{http://gexf.net/1.3}description").text
    for source in any_graph.sources:
        if source["attribution"]:
            assert source["attribution"] in description


def test_cytoscape_json_is_closed(any_graph, exports):
    doc = json.loads(exports["cytoscape"])
    nodes = {n["data"]["id"] for n in doc["elements"]["nodes"]}
    edges = doc["elements"]["edges"]
    assert (len(nodes), len(edges)) == _taxonomy_counts(any_graph)
    assert all(e["data"]["source"] in nodes and e["data"]["target"] in nodes for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges)


def test_neo4j_bundle_has_admin_import_headers(any_graph, exports):
    archive = zipfile.ZipFile(io.BytesIO(exports["neo4j"]))
    assert set(archive.namelist()) == {"nodes.csv", "relationships.csv", "README.txt"}
    nodes = list(csv.reader(io.StringIO(archive.read("nodes.csv").decode("utf-8"))))
    rels = list(csv.reader(io.StringIO(archive.read("relationships.csv").decode("utf-8"))))
    assert nodes[0][:2] == ["id:ID", ":LABEL"]
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    ids = [row[0] for row in nodes[1:]]
    assert len(ids) == len(set(ids))
    known = set(ids)
    assert all(row[0] in known and row[1] in known for row in rels[1:])
    assert (len(ids), len(rels) - 1) == _taxonomy_counts(any_graph)
    assert {row[2] for row in rels[1:]} >= {"ESSENTIAL_SKILL", "IN_FIELD"}
    assert "neo4j-admin database import full" in archive.read("README.txt").decode()


def test_osn_rich_skill_descriptors(any_graph, exports):
    doc = json.loads(exports["osn-rsd"])
    t = any_graph.taxonomy
    assert doc["type"] == "RichSkillCollection"
    assert len(doc["skills"]) == t.n_skills
    for skill in doc["skills"]:
        assert skill["type"] == "RichSkillDescriptor"
        assert skill["skillName"] and skill["skillStatement"]
        assert uuid.UUID(skill["uuid"]).version == 5
    assert sum(len(s["occupations"]) for s in doc["skills"]) == len(t.req_role)
    for source in any_graph.sources:
        if source["attribution"]:
            assert source["attribution"] in doc["attribution"]


def test_esco_csv_round_trips_through_the_esco_importer(any_graph, exports, tmp_path):
    from skillgraph.formats.esco import import_esco

    folder = tmp_path / "esco-csv"
    zipfile.ZipFile(io.BytesIO(exports["esco-csv"])).extractall(folder)
    back = skillgraph.open(import_esco(folder, tmp_path / "store"))
    a, b = any_graph.taxonomy, back.taxonomy
    assert (b.n_roles, b.n_skills) == (a.n_roles, a.n_skills)
    assert len(b.req_role) == len(a.req_role)
    assert int(b.req_essential.sum()) == int(a.req_essential.sum())
    assert set(b.role_uris) == set(a.role_uris)
    # Our own importer is not the only reader: the header is the official one.
    header = (folder / "occupations_en.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("conceptType,conceptUri,iscoGroup,preferredLabel,altLabels")
    assert any_graph.sources[0]["name"] in (folder / "NOTICE.txt").read_text(encoding="utf-8")


def test_esco_csv_of_esco_keeps_the_fields(esco_slice_graph, tmp_path):
    from skillgraph.formats.esco import import_esco

    folder = tmp_path / "esco-csv"
    zipfile.ZipFile(io.BytesIO(export_bytes(esco_slice_graph, "esco-csv"))).extractall(folder)
    back = skillgraph.open(import_esco(folder, tmp_path / "store")).taxonomy
    a = esco_slice_graph.taxonomy
    fields_a = {u: a.field_uris[f] for u, f in zip(a.role_uris, a.role_field, strict=True)}
    fields_b = {u: back.field_uris[f] for u, f in zip(back.role_uris, back.role_field, strict=True)}
    assert fields_a == fields_b


def test_esco_csv_of_esco_is_lossless(esco_slice_graph, tmp_path):
    """ESCO -> store -> ESCO CSV -> store gives the same triples, but for the source node
    (its version is read from the folder name) and the vocabulary (loaded from the package)."""
    from skillgraph.formats.esco import import_esco

    folder = tmp_path / "esco-csv"
    zipfile.ZipFile(io.BytesIO(export_bytes(esco_slice_graph, "esco-csv"))).extractall(folder)
    back = import_esco(folder, tmp_path / "store")

    def content(store) -> set:
        sources = {
            r[0] for r in store.query(f"SELECT ?s {{ ?s a <{SG.Source}> }}")
        }  # vocabulary and provenance are not ESCO content
        return {
            q.triple
            for q in store.ox.quads_for_pattern(None, None, None)
            if q.subject not in sources
            and not q.subject.value.startswith(str(SG._NS))
            and not q.subject.value.startswith("https://w3id.org/skillgraph/ontology")
        }

    assert content(back) == content(esco_slice_graph.store)
