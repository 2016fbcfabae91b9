"""What may run: the algebra decides, not the look of the text."""

from __future__ import annotations

import pytest

from skillgraph.sparql import ForbiddenQuery, MalformedQuery, check_query
from skillgraph.sparql.check import QueryTooLong

UPDATES = [
    "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "CREATE GRAPH <http://e/g>",
    "PREFIX e: <http://e/>\nWITH e:g DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("text", UPDATES)
def test_updates_are_refused_as_updates(text):
    with pytest.raises(ForbiddenQuery, match="read-only"):
        check_query(text)


SERVICES = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://x/> { ?s ?q ?r } } }",
    "ASK { { SELECT ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://x/> { ?s ?p ?o } } }",
    "SELECT * WHERE { VALUES ?e { <http://x/> } SERVICE ?e { ?s ?p ?o } }",
    "select * where { service <http://x/> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("text", SERVICES)
def test_service_is_refused_wherever_it_hides(text):
    with pytest.raises(ForbiddenQuery, match="SERVICE"):
        check_query(text)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { ?a ?b ?c }",
        'SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" }',
        "PREFIX service: <http://e/service#>\nSELECT * WHERE { ?s service:x ?o }",
        "SELECT * WHERE { <http://e/SERVICE> ?p ?o }",
    ],
)
def test_the_word_service_in_comments_strings_and_iris_is_harmless(text):
    assert check_query(text).kind == "solutions"


def test_kinds_and_dataset_clauses():
    assert check_query("ASK { ?s ?p ?o }").kind == "boolean"
    assert check_query("CONSTRUCT WHERE { ?s ?p ?o }").kind == "graph"
    assert check_query("DESCRIBE <http://e/a>").kind == "graph"
    checked = check_query(
        "SELECT * FROM <file:///etc/passwd> FROM NAMED <http://e/g> WHERE { ?s ?p ?o }"
    )
    assert checked.from_graphs == ["file:///etc/passwd"]
    assert checked.from_named_graphs == ["http://e/g"]


def test_malformed_query_names_line_and_column():
    with pytest.raises(MalformedQuery) as info:
        check_query("PREFIX e: <http://e/>\nSELECT * WHERE {\n  ?s ?p \n}")
    message = str(info.value)
    assert message.startswith("malformed query (line ")
    assert "column" in message


def test_unknown_prefix_is_malformed():
    with pytest.raises(MalformedQuery, match="nope"):
        check_query("SELECT * WHERE { ?s nope:p ?o }")


def test_length_cap():
    text = "SELECT * WHERE { ?s ?p ?o }" + " " * 100
    assert check_query(text, max_length=len(text)).kind == "solutions"
    with pytest.raises(QueryTooLong, match="too long"):
        check_query(text + " ", max_length=len(text))


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_query(text):
    with pytest.raises(MalformedQuery, match="empty"):
        check_query(text)
