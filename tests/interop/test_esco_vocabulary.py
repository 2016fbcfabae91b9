"""Querying in ESCO's own vocabulary: the ontology's ``owl:equivalentClass`` and
``owl:equivalentProperty`` axioms are materialised at import (``skillgraph/alignment.py``),
so ``?o a esco:Occupation`` answers on an ESCO store (0 rows before)."""

from __future__ import annotations

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

ESCO = "PREFIX esco: <http://data.europa.eu/esco/model#>\n"
SG = "PREFIX sg: <https://w3id.org/skillgraph/ontology#>\n"


def rows(site, query: str) -> set[tuple[str, ...]]:
    client = SPARQLWrapper(site.sparql)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    names = result["head"]["vars"]
    return {tuple(b[n]["value"] for n in names) for b in result["results"]["bindings"]}


@pytest.mark.parametrize(
    ("esco_query", "sg_query"),
    [
        ("SELECT ?o WHERE { ?o a esco:Occupation }", "SELECT ?o WHERE { ?o a sg:Role }"),
        ("SELECT ?s WHERE { ?s a esco:Skill }", "SELECT ?s WHERE { ?s a sg:Skill }"),
        (
            "SELECT ?o ?s WHERE { ?o esco:relatedEssentialSkill ?s }",
            "SELECT ?o ?s WHERE { ?o sg:essentialSkill ?s }",
        ),
        (
            "SELECT ?o ?s WHERE { ?o esco:relatedOptionalSkill ?s }",
            "SELECT ?o ?s WHERE { ?o sg:optionalSkill ?s }",
        ),
    ],
)
def test_esco_terms_answer_like_ours(esco_site, esco_query, sg_query):
    theirs = rows(esco_site, ESCO + esco_query)
    assert theirs, esco_query
    assert theirs == rows(esco_site, SG + sg_query)


def test_an_esco_users_query_finds_the_essential_skills(esco_site):
    query = ESCO + (
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?skill WHERE { ?o a esco:Occupation ; skos:prefLabel 'software developer'@en ;"
        " esco:relatedEssentialSkill ?s . ?s a esco:Skill ; skos:prefLabel ?skill }"
    )
    found = {label for (label,) in rows(esco_site, query)}
    assert found and all(isinstance(label, str) for label in found)
    expected = SG + (
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?skill WHERE { ?o skos:prefLabel 'software developer'@en ; sg:essentialSkill ?s ."
        " ?s skos:prefLabel ?skill }"
    )
    assert found == {label for (label,) in rows(esco_site, expected)}
