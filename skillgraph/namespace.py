"""Closed RDF namespaces: a misspelt term fails at import time, not at query time."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

__all__ = [
    "DATA",
    "DCTERMS",
    "ESCO",
    "OWL",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SG",
    "SKOS",
    "SPARQL_PREFIXES",
    "XSD",
    "kind_of_class",
]

#: Where the concepts of the built-in default taxonomy live (``DATA["role/data-analyst"]``).
#: The web app dereferences ``/id/...`` paths of this namespace (Linked Data).
DATA = Namespace("https://w3id.org/skillgraph/id/")

ESCO = Namespace("http://data.europa.eu/esco/model#")
SCHEMA = Namespace("https://schema.org/")


class SG(DefinedNamespace):
    """The skillgraph vocabulary (``ontology/skillgraph.ttl``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/skillgraph/ontology#")

    # classes
    Role: URIRef
    Skill: URIRef
    LearningProgram: URIRef
    Field: URIRef
    SkillGroup: URIRef
    OccupationGroup: URIRef
    Requirement: URIRef
    Source: URIRef

    # role -> skill
    essentialSkill: URIRef
    optionalSkill: URIRef
    requirement: URIRef
    requiredSkill: URIRef
    importance: URIRef
    level: URIRef

    # skill -> skill
    relatedEssentialSkill: URIRef
    relatedOptionalSkill: URIRef

    # program
    teaches: URIRef
    hours: URIRef
    cost: URIRef
    currency: URIRef
    programType: URIRef
    deliveryMode: URIRef
    provider: URIRef
    programLevel: URIRef

    # shared
    field: URIRef
    effortHours: URIRef
    skillType: URIRef
    reuseLevel: URIRef
    seniority: URIRef
    preparationLevel: URIRef
    occupationGroup: URIRef
    attribution: URIRef
    uriPrefix: URIRef

    # figures (wages, employment, exposure) and crosswalk mappings
    Figure: URIRef
    Measure: URIRef
    MedianAnnualWage: URIRef
    Employment: URIRef
    LLMExposure: URIRef
    figure: URIRef
    measure: URIRef
    value: URIRef
    year: URIRef
    method: URIRef
    Mapping: URIRef
    mappedFrom: URIRef
    mappedTo: URIRef
    mappingRelation: URIRef
    sourceLine: URIRef


#: The prefixes skillgraph's own queries use.
SPARQL_PREFIXES = (
    f"PREFIX sg: <{SG._NS}>\nPREFIX skos: <{SKOS._NS}>\n"
    f"PREFIX rdfs: <{RDFS._NS}>\nPREFIX dcterms: <{DCTERMS}>\n"
)

_KIND_OF_CLASS = {
    str(SG.Role): "role",
    str(SG.Skill): "skill",
    str(SG.LearningProgram): "program",
    str(SG.Field): "field",
}


def kind_of_class(class_uri: str) -> str:
    """The concept kind (``Kind``) of an instance of ``class_uri``; "concept" for others.

    >>> kind_of_class(str(SG.Role)), kind_of_class("http://example.org/Other")
    ('role', 'concept')
    """
    return _KIND_OF_CLASS.get(class_uri, "concept")
