"""Accept-header parsing and format choice, as tables of what real clients send."""

from __future__ import annotations

import pytest

from skillgraph.sparql.negotiate import (
    choose_format,
    choose_page_or_graph,
    format_from_param,
    parse_accept,
)

JENA_SELECT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "text/tab-separated-values;q=0.7, text/csv;q=0.5, application/json;q=0.2, "
    "application/xml;q=0.2, */*;q=0.1"
)
JENA_GRAPH = (
    "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.7, "
    "application/ld+json;q=0.5, */*;q=0.1"
)
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", []),
        ("*/*", [("*/*", 1.0)]),
        ("text/csv", [("text/csv", 1.0)]),
        ("TEXT/CSV ; charset=utf-8", [("text/csv", 1.0)]),
        ("a/b;q=0.2, c/d;q=0.9", [("c/d", 0.9), ("a/b", 0.2)]),
        ("a/*, a/b", [("a/b", 1.0), ("a/*", 1.0)]),
        ("*/*;q=0.5, a/*;q=0.5, a/b;q=0.5", [("a/b", 0.5), ("a/*", 0.5), ("*/*", 0.5)]),
        ("a/b;q=2", [("a/b", 1.0)]),
        ("a/b;q=-1", [("a/b", 0.0)]),
        ("a/b;q=x", [("a/b", 1.0)]),
        ("a/b;level=1;q=0.3", [("a/b", 0.3)]),
        ("*", [("*/*", 1.0)]),
        (" , ,a/b", [("a/b", 1.0)]),
    ],
)
def test_parse_accept(header, expected):
    assert parse_accept(header) == expected


@pytest.mark.parametrize(
    ("kind", "header", "param", "expected"),
    [
        # SPARQLWrapper names one type per return format.
        ("solutions", "application/sparql-results+json", None, "json"),
        ("solutions", "application/sparql-results+xml", None, "xml"),
        # Jena lists everything with q-values, JSON first.
        ("solutions", JENA_SELECT, None, "json"),
        ("boolean", JENA_SELECT, None, "json"),
        ("graph", JENA_GRAPH, None, "turtle"),
        # q-values decide, not header order.
        ("solutions", "text/csv;q=0.4, text/tab-separated-values;q=0.8", None, "tsv"),
        ("graph", "application/rdf+xml;q=0.3, application/ld+json;q=0.6", None, "jsonld"),
        # YASGUI's form POST.
        ("solutions", "application/sparql-results+json,*/*;q=0.9", None, "json"),
        ("graph", "text/turtle,*/*;q=0.9", None, "turtle"),
        # rdflib's SPARQLStore asks for XML results.
        ("solutions", "application/sparql-results+xml", None, "xml"),
        # Browsers and curl.
        ("solutions", BROWSER, None, "xml"),
        ("solutions", "*/*", None, "json"),
        ("solutions", None, None, "json"),
        ("graph", "*/*", None, "turtle"),
        ("graph", "text/plain", None, "ntriples"),
        ("solutions", "application/json", None, "json"),
        ("graph", "application/json", None, "jsonld"),
        ("solutions", "text/*", None, "csv"),
        # Nothing acceptable.
        ("solutions", "image/png", None, None),
        ("graph", "image/png", None, None),
        # A graph query from a client that accepts only results formats (rdflib's
        # SPARQLStore with returnFormat json, roqet for every query form) gets Turtle.
        ("graph", "application/sparql-results+json", None, "turtle"),
        ("graph", "application/sparql-results+xml", None, "turtle"),
        ("graph", "application/sparql-results+json;q=0", None, None),
        # N3 and TriG clients get Turtle; media-type parameters do not matter.
        ("graph", "text/n3", None, "turtle"),
        ("graph", "text/rdf+n3;q=0.9, */*;q=0.1", None, "turtle"),
        ("graph", "application/trig", None, "turtle"),
        ("graph", "text/turtle; charset=utf-8", None, "turtle"),
        (
            "graph",
            'application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"',
            None,
            "jsonld",
        ),
        ("solutions", "text/csv;q=0", None, None),
        # An explicit format wins over Accept.
        ("solutions", "application/sparql-results+json", "csv", "csv"),
        ("solutions", None, "text/tab-separated-values", "tsv"),
        ("graph", None, "json", "jsonld"),
        ("graph", None, "nt", "ntriples"),
        # A parameter naming no format of this kind is a hint ignored: Accept decides.
        ("solutions", None, "turtle", "json"),
        ("solutions", "text/csv", "bogus", "csv"),
        ("graph", "image/png", "bogus", None),
        # SPARQLWrapper repeats format/output with its own names (RDFXML, N3 returnFormat).
        ("graph", "application/rdf+xml", ["rdf+xml", "application/rdf+xml", "rdf+xml"], "rdfxml"),
        ("graph", "text/n3", ["n3", "text/n3"], "turtle"),
        ("graph", None, ["text/rdf+n3"], "turtle"),
        ("graph", None, ["application/x-nice-turtle"], "turtle"),
        ("graph", JENA_GRAPH, ["csv", "json"], "jsonld"),
        ("solutions", JENA_SELECT, ["rdf+xml", "tsv"], "tsv"),
    ],
)
def test_choose_format(kind, header, param, expected):
    chosen = choose_format(kind, header, param)
    assert (chosen.name if chosen else None) == expected


@pytest.mark.parametrize(
    ("header", "param", "expected"),
    [
        # What rdflib's Graph.parse sends for format="nt", "turtle", "xml", "json-ld".
        ("application/n-triples, text/plain;q=0.9, */*;q=0.1", None, "ntriples"),
        ("text/plain, */*;q=0.1", None, "ntriples"),
        ("text/turtle, application/x-turtle;q=0.9, */*;q=0.1", None, "turtle"),
        ("application/rdf+xml, */*;q=0.1", None, "rdfxml"),
        ("application/ld+json, application/json;q=0.9, */*;q=0.1", None, "jsonld"),
        ("text/n3", None, "turtle"),
        ("application/trig", None, "turtle"),
        ("application/json", None, "jsonld"),
        ("text/turtle; charset=utf-8", None, "turtle"),
        ('application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"', None, "jsonld"),
        # Browsers and clients that name nothing we serve get the page.
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", None, "html"),
        ("*/*", None, "html"),
        (None, None, "html"),
        ("image/png", None, "html"),
        # q=0 refuses.
        ("text/html;q=0, text/turtle;q=0.5", None, "turtle"),
        ("text/html;q=0, */*", None, "turtle"),
        # The parameter wins.
        ("text/html", "ttl", "turtle"),
        ("text/turtle", "html", "html"),
        (None, "bogus", None),
    ],
)
def test_choose_page_or_graph(header, param, expected):
    chosen = choose_page_or_graph(header, param)
    assert (chosen.name if chosen else None) == expected


def test_format_param_names_media_types_too():
    assert format_from_param("application/sparql-results+xml", "solutions").name == "xml"
    assert format_from_param("text/turtle; charset=utf-8", "graph").name == "turtle"
    assert format_from_param("bogus", "graph") is None
