"""SHACL validation: tiny hand-written graphs that break one rule each, and ones that pass."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, SH

from skillgraph.namespace import SG, SKOS
from skillgraph.store import Store, build_store, ontology_bytes
from skillgraph.validate import ValidationReport, load_shapes, validate

PREFIXES = """
@prefix sg: <https://w3id.org/skillgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
"""

# A small store that conforms: one field, two skills, a role, a program, a rated
# requirement, a source.
GOOD = """
ex:f a sg:Field ; skos:prefLabel "finance"@en .
ex:s1 a sg:Skill ; skos:prefLabel "bookkeeping"@en ; skos:altLabel "book-keeping"@en ;
    sg:effortHours 60.0 ; sg:skillType "skill/competence" ; sg:field ex:f .
ex:s2 a sg:Skill ; skos:prefLabel "budgeting"@en, "Budgetierung"@de .
ex:r a sg:Role ; skos:prefLabel "bookkeeper"@en ; sg:field ex:f ; sg:seniority 2 ;
    sg:essentialSkill ex:s1 ; sg:optionalSkill ex:s2 ; sg:requirement ex:q .
ex:q a sg:Requirement ; sg:requiredSkill ex:s1 ; sg:importance 4.5 ; sg:level 3.0 .
ex:p a sg:LearningProgram ; skos:prefLabel "bookkeeping basics"@en ; sg:hours 30.0 ;
    sg:cost 290.0 ; sg:currency "EUR" ; sg:programType "online course" ;
    sg:deliveryMode "online" ; sg:programLevel "beginner" ; sg:teaches ex:s1, ex:s2 .
ex:src a sg:Source ; rdfs:label "example" ; sg:attribution "example data" .
"""


def store_of(turtle: str) -> Store:
    """An in-memory store holding exactly ``turtle`` (the vocabulary is not loaded)."""
    ox_store = ox.Store()
    ox_store.load((PREFIXES + turtle).encode(), format=ox.RdfFormat.TURTLE)
    return Store(ox_store, {"content_id": "test"})


def problems(turtle: str) -> list[tuple[str, str | None]]:
    report = validate(store_of(turtle))
    assert not report.conforms
    assert all(r.severity == "Violation" for r in report.results)
    # A value can break several constraints of one property (type and range): one entry.
    return sorted({(r.focus.rsplit("/", 1)[-1], r.path) for r in report.results}, key=str)


def test_good_store_conforms():
    report = validate(store_of(GOOD))
    assert isinstance(report, ValidationReport)
    assert report.conforms, report.text
    assert report.results == []
    assert report.summary() == "conforms: no SHACL results"


def test_esco_like_store_conforms_without_optional_facts():
    # ESCO roles have no seniority and may have no skills; skills have no effort hours.
    report = validate(
        store_of(
            """
            ex:g a sg:OccupationGroup ; skos:prefLabel "Accountants"@en .
            ex:r a sg:Role ; skos:prefLabel "tax clerk"@en ; sg:occupationGroup ex:g .
            ex:s a sg:Skill ; skos:prefLabel "tax law"@en ; sg:skillType "knowledge" ;
                sg:reuseLevel "sector-specific" ; sg:relatedOptionalSkill ex:t .
            ex:t a sg:Skill ; skos:prefLabel "VAT"@en ; skos:broader ex:grp .
            ex:grp a sg:SkillGroup ; skos:prefLabel "finance knowledge"@en .
            """
        )
    )
    assert report.conforms, report.text


def test_onet_like_store_conforms_with_other_numeric_types():
    # O*NET has technology skills; a converter may write integers or doubles.
    report = validate(
        store_of(
            """
            ex:s a sg:Skill ; skos:prefLabel "spreadsheet software"@en ;
                sg:skillType "technology" ; sg:effortHours 12 .
            ex:r a sg:Role ; skos:prefLabel "clerk"@en ; sg:preparationLevel 2 ;
                sg:requirement ex:q .
            ex:q a sg:Requirement ; sg:requiredSkill ex:s ; sg:importance 3.5e0 ; sg:level 4 .
            ex:p a sg:LearningProgram ; skos:prefLabel "course"@en ; sg:hours 8 ;
                sg:cost 0 ; sg:currency "USD" ; sg:teaches ex:s .
            """
        )
    )
    assert report.conforms, report.text


@pytest.mark.parametrize(
    ("turtle", "expected"),
    [
        pytest.param("ex:r a sg:Role .", [("r", str(SKOS.prefLabel))], id="role-without-label"),
        pytest.param(
            'ex:r a sg:Role ; skos:prefLabel "clerk" .',
            [("r", str(SKOS.prefLabel))],
            id="label-without-language",
        ),
        pytest.param(
            'ex:r a sg:Role ; skos:prefLabel "clerk"@en, "office clerk"@en .',
            [("r", str(SKOS.prefLabel))],
            id="two-english-labels",
        ),
        pytest.param(
            'ex:r a sg:Role ; skos:prefLabel "clerk"@en ; sg:seniority 7 .',
            [("r", str(SG.seniority))],
            id="seniority-out-of-range",
        ),
        pytest.param(
            'ex:r a sg:Role ; skos:prefLabel "clerk"@en ; sg:seniority "2" .',
            [("r", str(SG.seniority))],
            id="seniority-not-integer",
        ),
        pytest.param(
            'ex:r a sg:Role ; skos:prefLabel "clerk"@en ; sg:essentialSkill ex:x .',
            [("r", str(SG.essentialSkill))],
            id="essential-skill-not-a-skill",
        ),
        pytest.param(
            'ex:r a sg:Role ; skos:prefLabel "clerk"@en ; sg:field ex:x .',
            [("r", str(SG.field))],
            id="field-not-a-field",
        ),
        pytest.param(
            'ex:s a sg:Skill ; skos:prefLabel "typing"@en ; sg:effortHours -3.0 .',
            [("s", str(SG.effortHours))],
            id="negative-effort",
        ),
        pytest.param(
            'ex:s a sg:Skill ; skos:prefLabel "typing"@en ; sg:effortHours "ten" .',
            [("s", str(SG.effortHours))],
            id="effort-not-a-number",
        ),
        pytest.param(
            'ex:s a sg:Skill ; skos:prefLabel "typing"@en ; sg:skillType "talent" .',
            [("s", str(SG.skillType))],
            id="unknown-skill-type",
        ),
        pytest.param(
            """ex:f a sg:Field ; skos:prefLabel "finance"@en .
               ex:p a sg:LearningProgram ; skos:prefLabel "course"@en ; sg:hours 10.0 ;
                   sg:teaches ex:f .""",
            [("p", str(SG.teaches))],
            id="program-teaches-a-field",
        ),
        pytest.param(
            'ex:p a sg:LearningProgram ; skos:prefLabel "course"@en ; sg:hours 10.0 .',
            [("p", str(SG.teaches))],
            id="program-teaches-nothing",
        ),
        pytest.param(
            """ex:s a sg:Skill ; skos:prefLabel "typing"@en .
               ex:p a sg:LearningProgram ; skos:prefLabel "course"@en ; sg:teaches ex:s .""",
            [("p", str(SG.hours))],
            id="program-without-hours",
        ),
        pytest.param(
            """ex:s a sg:Skill ; skos:prefLabel "typing"@en .
               ex:p a sg:LearningProgram ; skos:prefLabel "course"@en ; sg:hours 5.0 ;
                   sg:teaches ex:s ; sg:cost -1.0 ; sg:currency "EUR" .""",
            [("p", str(SG.cost))],
            id="negative-cost",
        ),
        pytest.param(
            """ex:s a sg:Skill ; skos:prefLabel "typing"@en .
               ex:p a sg:LearningProgram ; skos:prefLabel "course"@en ; sg:hours 5.0 ;
                   sg:teaches ex:s ; sg:cost 100.0 .""",
            [("p", None)],
            id="cost-without-currency",
        ),
        pytest.param(
            """ex:s a sg:Skill ; skos:prefLabel "typing"@en .
               ex:p a sg:LearningProgram ; skos:prefLabel "course"@en ; sg:hours 5.0 ;
                   sg:teaches ex:s ; sg:programType "webinar" .""",
            [("p", str(SG.programType))],
            id="unknown-program-type",
        ),
        pytest.param(
            """ex:r a sg:Role ; skos:prefLabel "clerk"@en ; sg:requirement ex:q .
               ex:q a sg:Requirement ; sg:importance 3.0 .""",
            [("q", str(SG.requiredSkill))],
            id="requirement-without-skill",
        ),
        pytest.param(
            """ex:s a sg:Skill ; skos:prefLabel "typing"@en .
               ex:q a sg:Requirement ; sg:requiredSkill ex:s .""",
            [("q", f"^{SG.requirement}")],
            id="requirement-of-no-role",
        ),
        pytest.param(
            'ex:src a sg:Source ; rdfs:label "some data" .',
            [("src", str(SG.attribution))],
            id="source-without-attribution",
        ),
    ],
)
def test_each_broken_rule_is_reported(turtle, expected):
    assert problems(turtle) == expected


def test_results_carry_message_value_and_readable_text():
    report = validate(store_of('ex:r a sg:Role ; skos:prefLabel "clerk"@en ; sg:seniority 9 .'))
    (result,) = report.results
    assert result.focus == "https://example.org/r"
    assert result.value == "9"
    assert "seniority" in result.message
    assert "Constraint Violation" in report.text
    assert report.summary() == "does not conform: 1 violation(s)"


def test_subclasses_declared_in_the_data_count_as_skills():
    # sh:class follows rdfs:subClassOf: a program may teach an instance of a subclass.
    report = validate(
        store_of(
            """
            ex:Tool rdfs:subClassOf sg:Skill .
            ex:t a ex:Tool ; skos:prefLabel "spreadsheet tool"@en .
            ex:p a sg:LearningProgram ; skos:prefLabel "course"@en ; sg:hours 4.0 ;
                sg:teaches ex:t .
            """
        )
    )
    assert report.conforms, report.text


def test_validate_leaves_the_store_unchanged():
    store = store_of("ex:r a sg:Role .")
    before = len(store)
    validate(store)
    assert len(store) == before


def test_custom_shapes_replace_the_packaged_ones():
    shapes = Graph().parse(
        data=PREFIXES
        + """@prefix sh: <http://www.w3.org/ns/shacl#> .
        ex:NeedsField a sh:NodeShape ; sh:targetClass sg:Role ;
            sh:property [ sh:path sg:field ; sh:minCount 1 ; sh:severity sh:Warning ] .""",
        format="turtle",
    )
    report = validate(store_of("ex:r a sg:Role ."), shapes=shapes)
    # The packaged shapes would reject the missing label; this one only warns.
    assert report.conforms
    assert [(r.severity, r.path) for r in report.results] == [("Warning", str(SG.field))]


def test_packaged_shapes_cover_every_class_of_the_vocabulary():
    vocabulary = Graph().parse(data=ontology_bytes("skillgraph.ttl"), format="turtle")
    classes = set(vocabulary.subjects(RDF.type, OWL.Class))
    targeted = set(load_shapes().objects(None, SH.targetClass))
    assert len(classes) == 11  # 8, and Figure, Measure, Mapping (issue 15)
    assert targeted == classes


def test_on_disk_store_is_validated(tmp_path):
    def fill(ox_store):
        ox_store.load((PREFIXES + GOOD).encode(), format=ox.RdfFormat.TURTLE)
        return {"sources": [], "counts": {}}

    store = build_store(tmp_path / "store", fill)
    report = validate(store)
    assert report.conforms, report.text
    broken = build_store(
        tmp_path / "broken",
        lambda ox_store: (
            ox_store.load(
                (PREFIXES + "ex:r a sg:Role ; sg:seniority 0 .").encode(),
                format=ox.RdfFormat.TURTLE,
            )
            or {}
        ),
    )
    assert sorted(r.path.rsplit("#", 1)[-1] for r in validate(broken).results) == [
        "prefLabel",
        "seniority",
    ]
