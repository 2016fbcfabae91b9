"""The SKOS exports, downloaded from the running app, checked by skosify (a SKOS validator
and cleaner): no loose concept of our making, and a subset is one self-contained scheme."""

from __future__ import annotations

import logging
import urllib.parse

import pytest
import rdflib
import skosify

from .test_graph_exports import download

OURS = "https://w3id.org/skillgraph/"
PATH = "?" + urllib.parse.urlencode({"from": "administrative assistant", "to": "data analyst"})


def skosify_messages(caplog, data: bytes) -> list[logging.LogRecord]:
    """What skosify reports (INFO and above) on the Turtle ``data``, less the notes about
    vocabulary it does not know (sg:, schema:, ESCO's model), which are no SKOS problems."""
    graph = rdflib.Graph().parse(data=data, format="turtle")
    caplog.clear()
    with caplog.at_level(logging.INFO):
        skosify.skosify(graph)
    return [
        r
        for r in caplog.records
        if r.levelno >= logging.INFO and not r.getMessage().startswith("Don't know what to do")
    ]


@pytest.mark.parametrize(
    ("site_name", "query"),
    [
        ("default_site", "?field=data+and+AI"),
        ("default_site", PATH),
        ("esco_site", "?field=Information+and+communications+technology+professionals"),
    ],
    ids=["default-field", "default-path", "esco-field"],
)
def test_a_subset_is_one_self_contained_scheme(request, caplog, site_name, query):
    """A field subset had 1,229 loose concepts on ESCO (concepts whose broader concept the
    subset leaves out, in the sources' schemes)."""
    site = request.getfixturevalue(site_name)
    data = download(site, "turtle", query)
    graph = rdflib.Graph().parse(data=data, format="turtle")
    schemes = set(graph.subjects(rdflib.RDF.type, rdflib.SKOS.ConceptScheme))
    assert len(schemes) == 1 and str(next(iter(schemes))).startswith(OURS + "export/")
    assert len(set(graph.subjects(rdflib.SKOS.inScheme, None))) > 3
    assert [r.getMessage() for r in skosify_messages(caplog, data)] == []


@pytest.mark.parametrize("site_name", ["default_site", "esco_site"])
def test_whole_exports_have_no_loose_concept_of_ours(request, caplog, site_name):
    """The whole store keeps its sources' schemes (ESCO's, the default taxonomy's), so
    skosify notes that there are several; no concept is loose in a scheme of ours (14 were
    on ESCO, 96 on the default taxonomy).  ESCO's own schemes leave a few of ESCO's concepts
    loose (ISCO groups in its occupations scheme, skills in its skills scheme): ESCO's data,
    kept as it is."""
    site = request.getfixturevalue(site_name)
    records = skosify_messages(caplog, download(site, "turtle"))
    loose_in_ours = [
        r.getMessage()
        for r in records
        if r.getMessage().startswith("Marking loose concept")
        and r.getMessage().rsplit(" of scheme ", 1)[-1].startswith(OURS)
    ]
    assert loose_in_ours == []
    others = [
        r.getMessage()
        for r in records
        if not r.getMessage().startswith(("Marking loose concept", "Multiple concept schemes"))
    ]
    assert others == []
    if site_name == "default_site":
        assert not any(r.getMessage().startswith("Marking loose") for r in records)
