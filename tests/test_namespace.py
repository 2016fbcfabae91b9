"""The closed namespace and the Turtle vocabulary say the same thing."""

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from skillgraph.namespace import SG
from skillgraph.store import ontology_bytes


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return Graph().parse(data=ontology_bytes("skillgraph.ttl"), format="turtle")


def declared_terms(vocabulary: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
    return {
        str(s)[len(str(SG._NS)) :]
        for kind in kinds
        for s in vocabulary.subjects(RDF.type, kind)
        if str(s).startswith(str(SG._NS))
    }


def test_every_turtle_term_is_in_the_python_namespace_and_back(vocabulary):
    python_terms = set(SG.__annotations__)
    assert declared_terms(vocabulary) == python_terms


def test_every_term_has_an_english_label_and_a_one_line_comment(vocabulary):
    for name in SG.__annotations__:
        term = SG[name]
        labels = [o for o in vocabulary.objects(term, RDFS.label) if o.language == "en"]
        comments = [o for o in vocabulary.objects(term, RDFS.comment) if o.language == "en"]
        assert len(labels) == 1, name
        assert len(comments) == 1 and "\n" not in str(comments[0]), name


def test_misspelt_term_fails():
    with pytest.raises(AttributeError):
        _ = SG.essentialSkil


def test_main_classes_are_aligned_with_skos_esco_and_schema(vocabulary):
    assert (SG.Role, RDFS.subClassOf, None) in vocabulary
    aligned = {str(o) for o in vocabulary.objects(SG.Role, OWL.equivalentClass)}
    assert "http://data.europa.eu/esco/model#Occupation" in aligned
    assert "https://schema.org/EducationalOccupationalProgram" in {
        str(o) for o in vocabulary.objects(SG.LearningProgram, RDFS.subClassOf)
    }
