"""The built-in default taxonomy, read the way the product reads it.

Checks the packaged Turtle against its generator, the shapes, the promised counts, and
the things career paths rely on: every role has a field, a rung on its ladder and both
essential and optional skills; programs teach what roles need; and the fields are
bridged by shared skills where real careers cross them.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter, defaultdict

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from skillgraph.namespace import DATA, DCTERMS, RDFS, SG, SKOS
from skillgraph.projection import load_taxonomy
from skillgraph.store import ontology_bytes, open_default
from skillgraph.validate import validate

from .helpers import ROOT

REQUIRED_ROLES = [
    "data analyst",
    "administrative assistant",
    "digital marketing specialist",
    "customer service representative",
    "AI trainer",
    "machine-learning engineer",
    "project manager",
    "software developer",
    "HR generalist",
    "team leader",
]
REQUIRED_SKILLS = ["SQL", "data visualisation", "SEO"]


@pytest.fixture(scope="module")
def store():
    return open_default()


@pytest.fixture(scope="module")
def taxonomy(store):
    return load_taxonomy(store)


@pytest.fixture(scope="module")
def graph():
    return Graph().parse(data=ontology_bytes("default-taxonomy.ttl"), format="turtle")


@pytest.fixture(scope="module")
def requirements(taxonomy):
    """role label -> {skill label: essential?}"""
    out: dict[str, dict[str, bool]] = defaultdict(dict)
    for r, s, e in zip(taxonomy.req_role, taxonomy.req_skill, taxonomy.req_essential, strict=True):
        out[taxonomy.role_labels[r]][taxonomy.skill_labels[s]] = bool(e)
    return out


def role_index(taxonomy, label: str) -> int:
    (index,) = [i for i, x in enumerate(taxonomy.role_labels) if x == label]
    return index


def roles_of_field(taxonomy, field_label: str) -> list[str]:
    f = taxonomy.field_labels.index(field_label)
    return [label for i, label in enumerate(taxonomy.role_labels) if taxonomy.role_field[i] == f]


def shared(requirements, a: str, b: str) -> set[str]:
    return set(requirements[a]) & set(requirements[b])


# ----------------------------------------------------------------- the file itself


def test_packaged_turtle_parses_with_rdflib_and_oxigraph(graph):
    assert len(graph) > 5000
    ox_store = ox.Store()
    ox_store.load(ontology_bytes("default-taxonomy.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(ox_store) == len(graph)


def _generator():
    path = ROOT / "scripts" / "build_default_taxonomy.py"
    spec = importlib.util.spec_from_file_location("build_default_taxonomy", path)
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is created.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_committed_turtle_is_what_the_script_generates(graph):
    generated = _generator().build_turtle()
    assert generated == ontology_bytes("default-taxonomy.ttl").decode("utf-8"), (
        "ontology/default-taxonomy.ttl is stale: run scripts/build_default_taxonomy.py"
    )
    assert isomorphic(Graph().parse(data=generated, format="turtle"), graph)


def test_generator_rejects_an_unknown_skill():
    module = _generator()
    fields, groups, skills, roles, programs = module.read_tables()
    roles[0].facts["essential"].append("underwater basket weaving")
    with pytest.raises(module.TaxonomyDataError, match="unknown skill 'underwater basket"):
        module.check(fields, groups, skills, roles, programs)


def test_generator_rejects_a_label_naming_two_concepts():
    module = _generator()
    fields, groups, skills, roles, programs = module.read_tables()
    roles[1].label = skills[0].label
    with pytest.raises(module.TaxonomyDataError, match="already names"):
        module.check(fields, groups, skills, roles, programs)


# ----------------------------------------------------------------- shapes and counts


def test_default_taxonomy_conforms_to_the_shapes(store):
    report = validate(store)
    assert report.conforms, report.text
    assert report.results == []


def test_counts(taxonomy):
    assert len(taxonomy.field_uris) >= 8
    assert taxonomy.n_roles >= 60
    assert taxonomy.n_skills >= 250
    assert len(taxonomy.program_uris) >= 40


def test_uris_live_in_the_default_namespace(taxonomy):
    for kind, uris in (
        ("field", taxonomy.field_uris),
        ("role", taxonomy.role_uris),
        ("skill", taxonomy.skill_uris),
        ("program", taxonomy.program_uris),
    ):
        prefix = str(DATA[kind + "/"])
        assert all(u.startswith(prefix) for u in uris), kind


# ----------------------------------------------------------------- labels


def test_required_labels_exist_and_are_unique(taxonomy):
    for label in REQUIRED_ROLES:
        assert taxonomy.role_labels.count(label) == 1, label
    for label in REQUIRED_SKILLS:
        assert taxonomy.skill_labels.count(label) == 1, label


def test_preferred_labels_are_unique_across_the_taxonomy(graph):
    labels = Counter(str(o).casefold() for o in graph.objects(None, SKOS.prefLabel))
    assert [label for label, n in labels.items() if n > 1] == []


def test_alternative_labels_never_name_another_concept(graph):
    preferred = {str(o).casefold(): s for s, o in graph.subject_objects(SKOS.prefLabel)}
    clashes = [
        (str(s), str(alt))
        for s, alt in graph.subject_objects(SKOS.altLabel)
        if preferred.get(str(alt).casefold(), s) != s
    ]
    assert clashes == []


def test_alternative_labels_are_not_shared(graph):
    owners = defaultdict(set)
    for s, alt in graph.subject_objects(SKOS.altLabel):
        owners[str(alt).casefold()].add(s)
    assert [alt for alt, subjects in owners.items() if len(subjects) > 1] == []


def test_every_label_and_description_is_english(graph):
    for predicate in (SKOS.prefLabel, SKOS.altLabel, DCTERMS.description, RDFS.label):
        for value in graph.objects(None, predicate):
            assert isinstance(value, Literal) and value.language == "en", (predicate, value)


# ----------------------------------------------------------------- roles


def test_every_role_has_field_seniority_description_and_skills(graph, taxonomy, requirements):
    assert (taxonomy.role_field >= 0).all()
    for uri, label in zip(taxonomy.role_uris, taxonomy.role_labels, strict=True):
        role = graph.resource(uri)
        seniority = role.value(SG.seniority)
        assert seniority is not None and 1 <= seniority.toPython() <= 5, label
        assert role.value(DCTERMS.description) is not None, label
        essential = [s for s, e in requirements[label].items() if e]
        optional = [s for s, e in requirements[label].items() if not e]
        assert 6 <= len(essential) <= 12, (label, len(essential))
        assert 3 <= len(optional) <= 8, (label, len(optional))
        assert list(role.objects(SKOS.altLabel)), label


def test_every_field_has_a_seniority_ladder(graph, taxonomy):
    levels = defaultdict(set)
    for uri in taxonomy.role_uris:
        role = graph.resource(uri)
        levels[role.value(SG.field).identifier].add(role.value(SG.seniority).toPython())
    for uri, label in zip(taxonomy.field_uris, taxonomy.field_labels, strict=True):
        assert len(levels[graph.resource(uri).identifier]) >= 2, label


def test_roles_of_one_ladder_share_many_skills(taxonomy, requirements):
    # Adjacent rungs in a field: a real step up keeps most of the job.
    for junior, senior in [
        ("junior data analyst", "data analyst"),
        ("data analyst", "senior data analyst"),
        ("HR assistant", "HR coordinator"),
        ("HR coordinator", "HR generalist"),
        ("project coordinator", "project manager"),
        ("project manager", "senior project manager"),
        ("customer service representative", "customer support specialist"),
        ("customer service representative", "customer service team leader"),
        ("customer service team leader", "customer service manager"),
        ("junior software developer", "software developer"),
        ("software developer", "senior software developer"),
        ("IT support technician", "IT support specialist"),
        ("accounts assistant", "bookkeeper"),
        ("team leader", "department manager"),
        ("digital marketing assistant", "digital marketing specialist"),
        ("junior graphic designer", "graphic designer"),
    ]:
        assert len(shared(requirements, junior, senior)) >= 5, (junior, senior)


# ----------------------------------------------------------------- bridges between fields


def test_administrative_assistant_bridges_to_digital_marketing(taxonomy, requirements):
    best = max(
        len(shared(requirements, "administrative assistant", role))
        for role in roles_of_field(taxonomy, "digital marketing")
    )
    assert best >= 3


def test_data_analyst_to_ai_trainer_to_machine_learning_engineer(requirements):
    assert len(shared(requirements, "data analyst", "AI trainer")) >= 3
    assert len(shared(requirements, "AI trainer", "machine-learning engineer")) >= 3
    # AI trainer's own craft reaches into ML engineering, not only generic skills.
    assert {"data labelling", "AI output evaluation"} <= set(
        requirements["machine-learning engineer"]
    )


def test_technical_support_bridges_to_customer_success(requirements):
    assert len(shared(requirements, "IT support technician", "customer support specialist")) >= 4
    assert len(shared(requirements, "customer support specialist", "customer success manager")) >= 4


def test_customer_service_bridges_to_sales_success_and_data(taxonomy, requirements):
    start = "customer service representative"
    assert len(shared(requirements, start, "sales development representative")) >= 3
    assert len(shared(requirements, start, "customer success manager")) >= 3
    data_roles = roles_of_field(taxonomy, "data and AI")
    assert max(len(shared(requirements, start, role)) for role in data_roles) >= 2


def test_hr_coordinator_bridges_to_hr_analyst_and_data(requirements):
    assert len(shared(requirements, "HR coordinator", "HR analyst")) >= 3
    assert len(shared(requirements, "HR analyst", "data analyst")) >= 5


def test_many_fields_lead_into_project_coordination(taxonomy, requirements):
    fields = set()
    for i, label in enumerate(taxonomy.role_labels):
        if len(shared(requirements, label, "project coordinator")) >= 3:
            fields.add(taxonomy.field_labels[taxonomy.role_field[i]])
    assert len(fields) >= 5, fields


# ----------------------------------------------------------------- skills and programs


def test_every_skill_has_type_hours_and_is_used(graph, taxonomy):
    needed = set(taxonomy.req_skill.tolist()) | set(taxonomy.teach_skill.tolist())
    for i, uri in enumerate(taxonomy.skill_uris):
        skill = graph.resource(uri)
        kind = str(skill.value(SG.skillType))
        assert kind in {"skill/competence", "knowledge", "transversal"}, uri
        assert taxonomy.skill_hours[i] > 0, uri
        assert skill.value(SKOS.broader) is not None, uri
        if skill.value(SG.field) is None:
            # Only skills every field uses go without one.
            group = str(skill.value(SKOS.broader).value(SKOS.prefLabel))
            assert kind == "transversal" or group == "digital workplace skills", uri
        assert i in needed, f"{uri} is used by no role or program"


def test_every_program_teaches_what_roles_need(graph, taxonomy):
    required = set(taxonomy.req_skill.tolist())
    taught = defaultdict(set)
    for p, s in zip(taxonomy.teach_program, taxonomy.teach_skill, strict=True):
        taught[int(p)].add(int(s))
    for i, uri in enumerate(taxonomy.program_uris):
        assert 2 <= len(taught[i]) <= 8, uri
        assert taught[i] & required, uri
        assert taxonomy.program_hours[i] > 0 and taxonomy.program_cost[i] >= 0, uri
        program = graph.resource(uri)
        assert str(program.value(SG.currency)) == "EUR"
        assert program.value(SG.provider) is not None and program.value(SG.deliveryMode)


def test_programs_of_every_type_exist(taxonomy):
    assert set(taxonomy.program_type) >= {
        "online course",
        "mentorship",
        "bootcamp",
        "in-person training",
        "leadership program",
    }


def test_most_required_skills_can_be_learnt_from_some_program(taxonomy):
    # Gaps on career paths are covered by programs: most essential skills are taught.
    essential = set(taxonomy.req_skill[taxonomy.req_essential].tolist())
    taught = set(taxonomy.teach_skill.tolist())
    assert len(essential & taught) / len(essential) >= 0.9


# ----------------------------------------------------------------- schemes and source


def test_concepts_are_in_the_schemes(graph, taxonomy):
    default, fields = DATA["scheme/default"], DATA["scheme/fields"]
    assert (default, None, None) in graph and (fields, None, None) in graph
    for uri in [*taxonomy.role_uris, *taxonomy.skill_uris]:
        assert graph.resource(uri).value(SKOS.inScheme).identifier == default
    for uri in taxonomy.field_uris:
        assert fields in set(graph.objects(graph.resource(uri).identifier, SKOS.inScheme))
    groups = set(graph.subjects(None, SG.SkillGroup))
    assert len(groups) >= 3
    assert {graph.value(s, SKOS.broader) for s in graph.subjects(None, SG.Skill)} <= groups


def test_source_node_names_the_taxonomy(graph):
    (source,) = graph.subjects(None, SG.Source)
    assert str(graph.value(source, SG.attribution)) == (
        "skillgraph default taxonomy, written for the skillgraph project"
    )
    assert str(graph.value(source, SG.uriPrefix)) == str(DATA)
    assert graph.value(source, RDFS.label) is not None
