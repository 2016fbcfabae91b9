"""Linked Data URIs (``/id/...``) and the vocabulary (``/ontology``) read by rdflib's
``Graph.parse`` in every RDF format, with the Accept headers RDF tools send, and
cross-origin reads of ``/api`` and ``/id``; the OpenAPI document checked by
openapi-spec-validator."""

from __future__ import annotations

import json
import urllib.request
import warnings

import pytest
import rdflib
from openapi_spec_validator import validate
from pyld import jsonld
from rdflib.compare import isomorphic

from .test_sparql_clients import request

ANALYST = "https://w3id.org/skillgraph/id/role/data-analyst"
SG = rdflib.Namespace("https://w3id.org/skillgraph/ontology#")
SKOS = rdflib.SKOS
OWL = rdflib.OWL


def _essential_skills(graph: rdflib.Graph) -> set:
    return set(graph.objects(rdflib.URIRef(ANALYST), SG.essentialSkill))


@pytest.fixture(scope="module")
def expected_skills(default_site):
    import skillgraph

    store = skillgraph.open().store
    rows = store.query(f"SELECT ?s WHERE {{ <{ANALYST}> <{SG.essentialSkill}> ?s }}")
    skills = {rdflib.URIRef(row[0].value) for row in rows}
    assert len(skills) >= 3
    return skills


@pytest.mark.parametrize("rdflib_format", ["nt", "turtle", "xml", "n3", "trig", "json-ld"])
def test_rdflib_graph_parse_of_a_concept_uri(default_site, expected_skills, rdflib_format):
    """rdflib sends the Accept header of the format it is told; ``nt`` sends ``text/plain``
    (HTML before), ``n3`` ``text/n3`` and ``trig`` ``application/trig`` (HTML before)."""
    graph = rdflib.Graph() if rdflib_format != "trig" else rdflib.Dataset()
    with warnings.catch_warnings():
        # rdflib's JSON-LD parser warns about its own ConjunctiveGraph.
        warnings.simplefilter("ignore", DeprecationWarning)
        graph.parse(default_site.base + "/id/role/data-analyst", format=rdflib_format)
    if isinstance(graph, rdflib.Dataset):
        graph = graph.default_graph
    me = rdflib.URIRef(ANALYST)
    assert (me, SKOS.prefLabel, rdflib.Literal("data analyst", lang="en")) in graph
    assert _essential_skills(graph) == expected_skills


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/turtle; charset=utf-8", "text/turtle"),
        (
            'application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"',
            "application/ld+json",
        ),
        ("application/json", "application/ld+json"),
        ("text/plain", "application/n-triples"),
        ("text/n3", "text/turtle"),
        ("text/rdf+n3", "text/turtle"),
        ("application/trig", "text/turtle"),
        ("text/html;q=0, */*;q=0.1", "text/turtle"),
        ("application/rdf+xml;q=0.9, text/html;q=0.8", "application/rdf+xml"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ],
)
def test_accept_headers_of_rdf_tools(default_site, expected_skills, accept, media_type):
    status, headers, body = request(
        default_site.base + "/id/role/data-analyst", headers={"Accept": accept}
    )
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == media_type
    assert "Accept" in headers["Vary"]
    if media_type == "text/html":
        return
    if media_type == "application/ld+json":
        nquads = jsonld.to_rdf(json.loads(body), {"format": "application/n-quads"})
        graph = rdflib.Graph().parse(data=nquads, format="nt")
    else:
        parser = {"text/turtle": "turtle", "application/n-triples": "nt"}.get(media_type, "xml")
        graph = rdflib.Graph().parse(data=body, format=parser)
    assert _essential_skills(graph) == expected_skills


def test_the_vocabulary_namespace_serves_the_ontology(default_site):
    """``https://w3id.org/skillgraph/ontology#Role`` and friends: the namespace answered 404."""
    from skillgraph.store import ontology_bytes

    shipped = rdflib.Graph().parse(data=ontology_bytes("skillgraph.ttl"), format="turtle")
    for rdflib_format in ("turtle", "xml", "nt"):
        served = rdflib.Graph().parse(default_site.base + "/ontology", format=rdflib_format)
        assert isomorphic(served, shipped)
    assert (
        SG.Role,
        OWL.equivalentClass,
        rdflib.URIRef("http://data.europa.eu/esco/model#Occupation"),
    ) in served
    status, headers, body = request(
        default_site.base + "/ontology", headers={"Accept": "text/html,*/*;q=0.8"}
    )
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    page = body.decode()
    assert 'id="Role"' in page and "A role or occupation a person can hold." in page
    assert 'id="essentialSkill"' in page


@pytest.mark.parametrize(
    "path", ["/id/role/data-analyst", "/ontology", "/api/stats", "/api/concept?id=data+analyst"]
)
def test_read_only_cross_origin_gets(default_site, path):
    status, headers, _ = request(
        default_site.base + path,
        headers={"Origin": "https://app.example", "Accept": "text/turtle, application/json"},
    )
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_openapi_document_is_valid_and_lists_the_ontology(default_site):
    with urllib.request.urlopen(default_site.base + "/api/openapi.json", timeout=30) as r:
        doc = json.load(r)
    validate(doc)
    assert "/ontology" in doc["paths"] and "/id/{path}" in doc["paths"]
