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
    "XSD",
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
