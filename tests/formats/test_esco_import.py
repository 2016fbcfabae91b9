"""The ESCO importer: the hand-written miniature in detail, then the real ESCO v1.1.1."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgraph.errors import InvalidParameter
from skillgraph.formats.esco import ATTRIBUTION, ESCO_URI_PREFIX, import_esco
from skillgraph.formats.ntriples import literal
from skillgraph.namespace import SG, SKOS
from skillgraph.store import build_store, iter_generations, open_store

from ..helpers import ESCO_DIR, FIXTURES, ROOT, load_turtle

MINI = FIXTURES / "esco-mini"
SKILLGRAPH = ROOT / ".venv" / "bin" / "skillgraph"
E = "http://data.europa.eu/esco/"
DEVELOPER = E + "occupation/mini-0001-software-developer"
ANALYST = E + "occupation/mini-0002-ict-business-analyst"
PYTHON = E + "skill/mini-s1-python"

PREFIXES = f"PREFIX sg: <{SG._NS}>\nPREFIX skos: <{SKOS._NS}>\n"
PREFIXES += "PREFIX dcterms: <http://purl.org/dc/terms/>\n"


def values(store, query: str) -> list[tuple]:
    """The rows of a SELECT as tuples of plain strings."""
    return [
        tuple(None if term is None else term.value for term in row)
        for row in store.query(PREFIXES + query)
    ]


def count(store, where: str) -> int:
    return int(values(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0][0])


def objects(store, subject: str, predicate: str) -> set[str]:
    return {row[0] for row in values(store, f"SELECT ?o WHERE {{ <{subject}> {predicate} ?o }}")}


# ----------------------------------------------------------------- the miniature


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return import_esco(MINI, tmp_path_factory.mktemp("mini") / "store")


def test_mini_has_every_concept_of_the_files(mini):
    assert count(mini, "?c a sg:Role") == 3
    assert count(mini, "?c a sg:Skill") == 5
    assert count(mini, "?c a sg:OccupationGroup") == 9
    # two groups from skillGroups_en.csv and one that only skillsHierarchy_en.csv names
    assert count(mini, "?c a sg:SkillGroup") == 3
    assert count(mini, "?r a sg:Role ; a skos:Concept") == 3
    assert mini.meta["counts"]["roles"] == 3
    assert mini.meta["counts"]["skills"] == 5


def test_mini_requirements_keep_essential_and_optional_apart(mini):
    assert objects(mini, DEVELOPER, "sg:essentialSkill") == {
        PYTHON,
        E + "skill/mini-s3-debug-software",
    }
    assert objects(mini, DEVELOPER, "sg:optionalSkill") == {
        E + "skill/mini-s2-analyse-requirements"
    }
    assert count(mini, "?r sg:essentialSkill ?s") == 4
    assert count(mini, "?r sg:optionalSkill ?s") == 4
    assert objects(mini, E + "skill/mini-s3-debug-software", "sg:relatedEssentialSkill") == {PYTHON}


def test_mini_labels_split_the_newline_separated_cells(mini):
    assert values(
        mini, f"SELECT ?l (LANG(?l) AS ?g) WHERE {{ <{DEVELOPER}> skos:prefLabel ?l }}"
    ) == [("software developer", "en")]
    assert objects(mini, DEVELOPER, "skos:altLabel") == {
        "software engineer",
        "programmer",
        "application developer",
    }
    assert objects(mini, DEVELOPER, "skos:hiddenLabel") == {"coder"}
    assert objects(mini, PYTHON, "skos:altLabel") == {"Python", "python programming"}


def test_mini_texts_survive_quotes_backslashes_tabs_and_newlines(mini):
    with open(MINI / "occupations_en.csv", newline="", encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["conceptUri"] == ANALYST)
    assert '"as-is"' in row["description"] and "\\" in row["description"]
    assert objects(mini, ANALYST, "dcterms:description") == {row["description"]}
    assert objects(mini, ANALYST, "skos:scopeNote") == {"Excludes software developers."}
    assert objects(mini, ANALYST, "skos:definition") == {"An analyst of business processes."}


def test_mini_roles_have_esco_code_isco_group_and_field(mini):
    assert objects(mini, DEVELOPER, "skos:notation") == {"2512.4"}
    assert objects(mini, DEVELOPER, "sg:occupationGroup") == {E + "isco/C2512"}
    # default field level 2: the ISCO sub-major group, which is typed sg:Field
    assert objects(mini, DEVELOPER, "sg:field") == {E + "isco/C25"}
    assert objects(mini, ANALYST, "sg:field") == {E + "isco/C25"}
    assert {r[0] for r in values(mini, "SELECT ?f WHERE { ?f a sg:Field }")} == {
        E + "isco/C25",
        E + "isco/C41",
    }
    assert objects(mini, E + "isco/C2512", "skos:broader") == {E + "isco/C251"}
    assert objects(mini, DEVELOPER, "skos:broader") == {E + "isco/C2512"}
    assert count(mini, "?s sg:field ?f . ?s a sg:Skill") == 0


def test_mini_skills_carry_type_reuse_level_and_no_effort(mini):
    assert objects(mini, PYTHON, "sg:skillType") == {"knowledge"}
    assert objects(mini, PYTHON, "sg:reuseLevel") == {"sector-specific"}
    assert count(mini, "?s sg:effortHours ?h") == 0
    assert objects(mini, PYTHON, "skos:broader") == {E + "skill/mini-s3-debug-software"}


def test_mini_hierarchy_schemes_and_collections(mini):
    top = E + "skill/mini-g1-skills"
    hierarchy = E + "concept-scheme/skills-hierarchy"
    assert objects(mini, top, "skos:topConceptOf") == {hierarchy}
    assert objects(mini, E + "skill/mini-g2-working-with-computers", "skos:notation") == {"S5"}
    only_in_hierarchy = E + "skill/mini-g3-programming"
    assert objects(mini, only_in_hierarchy, "skos:prefLabel") == {"programming computer systems"}
    assert objects(mini, only_in_hierarchy, "skos:broader") == {
        E + "skill/mini-g2-working-with-computers"
    }
    assert objects(mini, E + "concept-scheme/isco", "skos:hasTopConcept") == {
        E + "isco/C2",
        E + "isco/C4",
    }
    members = values(
        mini,
        "SELECT ?m ?label WHERE { ?c a skos:Collection ; skos:member ?m ; skos:prefLabel ?label }",
    )
    assert sorted(members) == [
        (PYTHON, "ESCO digital skills collection"),
        (E + "skill/mini-s3-debug-software", "ESCO digital skills collection"),
    ]


def test_mini_quality_report_counts_the_rows_naming_unknown_occupations(mini):
    unknown = mini.meta["quality"]["unknown occupation in occupationSkillRelations.csv"]
    assert unknown["rows"] == 2
    assert unknown["examples"] == [E + "occupation/mini-9999-withdrawn"]
    assert unknown["first line"] == 10
    assert mini.meta["quality"]["skill without a reuse level in skills_en.csv"]["rows"] == 1


def test_mini_source_node_and_meta_carry_the_attribution(mini):
    rows = values(
        mini,
        "SELECT ?label ?prefix ?attribution ?licence WHERE { ?s a sg:Source ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?label ; sg:uriPrefix ?prefix ; "
        "sg:attribution ?attribution ; dcterms:license ?licence }",
    )
    assert len(rows) == 1
    _label, prefix, attribution, _licence = rows[0]
    assert prefix == ESCO_URI_PREFIX
    assert attribution == ATTRIBUTION
    (source,) = mini.meta["sources"]
    assert source["attribution"] == ATTRIBUTION
    assert source["uri_prefix"] == ESCO_URI_PREFIX


@pytest.mark.parametrize(
    ("level", "field", "fields"), [(1, "C2", 2), (3, "C251", 2), (4, "C2512", 3)]
)
def test_field_level_is_configurable(tmp_path, level, field, fields):
    store = import_esco(MINI, tmp_path / "store", field_level=level)
    assert objects(store, DEVELOPER, "sg:field") == {E + "isco/" + field}
    assert count(store, "?f a sg:Field") == fields
    assert store.meta["import"]["field_level"] == level


@pytest.mark.parametrize("level", [0, 5, "2"])
def test_field_level_out_of_range_is_refused_before_touching_the_store(tmp_path, level):
    with pytest.raises(InvalidParameter, match="field level"):
        import_esco(MINI, tmp_path / "store", field_level=level)
    assert not (tmp_path / "store").exists()


def test_progress_goes_to_the_callable_and_the_library_is_quiet_without_one(tmp_path, capsys):
    lines: list[str] = []
    import_esco(MINI, tmp_path / "a", progress=lines.append)
    assert any(line.startswith("occupations_en.csv: 3 occupations (") for line in lines)
    assert any("occupationSkillRelations.csv: 8 requirements" in line for line in lines)
    import_esco(MINI, tmp_path / "b")
    assert capsys.readouterr() == ("", "")


def test_merge_keeps_what_the_store_held_and_replace_does_not(tmp_path):
    location = tmp_path / "store"
    build_store(location, load_turtle(FIXTURES / "tiny.ttl"))
    before = len(open_store(location))
    merged = import_esco(MINI, location, merge=True)
    assert len(merged) > before
    assert count(merged, "?c a sg:Role . FILTER(!STRSTARTS(STR(?c), 'http://data.europa'))") > 0
    del merged
    replaced = import_esco(MINI, location)
    assert count(replaced, "?c a sg:Role") == 3
    assert len(list(iter_generations(location))) == 1


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))))
def test_any_text_survives_the_n_triples_escaping(text):
    line = f"<http://x/s> <http://x/p> {literal(text, 'en')} .\n".encode()
    (triple,) = ox.parse(line, format=ox.RdfFormat.N_TRIPLES)
    assert triple.object == ox.Literal(text, language="en")


# ----------------------------------------------------------------- the command line


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "SKILLGRAPH_STORE"}
    environment.update(env or {})
    return subprocess.run(
        [str(SKILLGRAPH), *args], capture_output=True, text=True, env=environment, timeout=300
    )


def test_cli_imports_and_prints_progress_summary_and_attribution(tmp_path):
    proc = run_cli(
        "import", "esco", str(MINI), "--store", str(tmp_path / "s"), "--field-level", "3"
    )
    assert proc.returncode == 0, proc.stderr
    assert "occupations_en.csv: 3 occupations" in proc.stderr
    assert "roles: 3" in proc.stdout
    assert "unknown occupation in occupationSkillRelations.csv: 2 rows" in proc.stdout
    assert ATTRIBUTION in proc.stdout
    store = open_store(tmp_path / "s")
    assert objects(store, DEVELOPER, "sg:field") == {E + "isco/C251"}


def test_cli_takes_the_store_from_the_environment(tmp_path):
    proc = run_cli("import", "esco", str(MINI), env={"SKILLGRAPH_STORE": str(tmp_path / "e")})
    assert proc.returncode == 0, proc.stderr
    assert count(open_store(tmp_path / "e"), "?c a sg:Role") == 3


def test_cli_without_a_store_is_an_error(tmp_path):
    proc = run_cli("import", "esco", str(MINI))
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        "error: import needs a store to write: --store PATH (or $SKILLGRAPH_STORE); "
        "the built-in taxonomy is read-only"
    )


def test_cli_merge_and_replace_exclude_each_other(tmp_path):
    proc = run_cli(
        "import", "esco", str(MINI), "--store", str(tmp_path / "s"), "--merge", "--replace"
    )
    assert proc.returncode == 2
    assert "not allowed with argument" in proc.stderr
    assert not (tmp_path / "s").exists()


# ----------------------------------------------------------------- the real ESCO v1.1.1


def read_esco(name: str) -> list[dict[str, str]]:
    csv.field_size_limit(2**31 - 1)
    with open(ESCO_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def esco(esco_store_path):
    """The session's real ESCO store (tests/conftest.py imports it once)."""
    return open_store(esco_store_path)


def test_esco_exact_counts(esco):
    assert count(esco, "?c a sg:Role") == 3007
    assert count(esco, "?c a sg:Skill") == 13896
    requirements = count(esco, "{ ?r sg:essentialSkill ?s } UNION { ?r sg:optionalSkill ?s }")
    assert requirements == 123788
    assert esco.meta["counts"]["requirements"] == 123788
    assert count(esco, "?c a sg:OccupationGroup") == 619
    assert count(esco, "?f a sg:Field") == 43
    # every role has a field (its ISCO sub-major group)
    assert count(esco, "?r a sg:Role FILTER NOT EXISTS { ?r sg:field ?f }") == 0


def test_esco_reports_the_67_rows_naming_an_unknown_occupation(esco):
    relations = read_esco("occupationSkillRelations.csv")
    known = {row["conceptUri"] for row in read_esco("occupations_en.csv")}
    orphans = [row["occupationUri"] for row in relations if row["occupationUri"] not in known]
    report = esco.meta["quality"]["unknown occupation in occupationSkillRelations.csv"]
    assert report["rows"] == len(orphans) == 67
    assert report["examples"] == sorted(set(orphans))
    assert len(relations) - len(orphans) == 123788


def test_esco_technical_director(esco):
    (row,) = [
        r for r in read_esco("occupations_en.csv") if r["preferredLabel"] == "technical director"
    ]
    uri = row["conceptUri"]
    assert objects(esco, uri, "skos:prefLabel") == {"technical director"}
    # ESCO repeats the preferred label among the alternative ones; SKOS keeps them apart.
    assert "technical director" in row["altLabels"].split("\n")
    assert objects(esco, uri, "skos:altLabel") == set(row["altLabels"].split("\n")) - {
        "technical director"
    }
    assert "head of technical department" in objects(esco, uri, "skos:altLabel")
    assert objects(esco, uri, "skos:notation") == {row["code"]}
    assert objects(esco, uri, "sg:occupationGroup") == {E + "isco/C" + row["iscoGroup"]}
    assert objects(esco, uri, "sg:field") == {E + "isco/C" + row["iscoGroup"][:2]}
    relations = read_esco("occupationSkillRelations.csv")
    counts = {}
    for kind in ("essential", "optional"):
        expected = {
            r["skillUri"]
            for r in relations
            if r["occupationUri"] == uri and r["relationType"] == kind
        }
        assert objects(esco, uri, f"sg:{kind}Skill") == expected
        counts[kind] = len(expected)
    assert counts == {"essential": 8, "optional": 0}  # counted with grep in the raw file


def test_esco_a_skill_with_alternative_labels(esco):
    (row,) = [
        r for r in read_esco("skills_en.csv") if r["preferredLabel"] == "manage musical staff"
    ]
    uri = row["conceptUri"]
    alts = set(row["altLabels"].split("\n")) - {row["preferredLabel"]}
    assert len(alts) >= 4
    assert objects(esco, uri, "skos:altLabel") == alts
    assert objects(esco, uri, "sg:skillType") == {row["skillType"]}
    assert objects(esco, uri, "sg:reuseLevel") == {row["reuseLevel"]}
    assert objects(esco, uri, "dcterms:description") == {row["description"].strip()}
    roles = {
        r["occupationUri"]
        for r in read_esco("occupationSkillRelations.csv")
        if r["skillUri"] == uri and r["relationType"] == "essential"
    }
    found = {r[0] for r in values(esco, f"SELECT ?r WHERE {{ ?r sg:essentialSkill <{uri}> }}")}
    assert found == roles


def test_esco_role_with_the_most_essential_skills(esco):
    relations = read_esco("occupationSkillRelations.csv")
    known = {row["conceptUri"] for row in read_esco("occupations_en.csv")}
    per_role: dict[str, int] = {}
    for r in relations:
        if r["relationType"] == "essential" and r["occupationUri"] in known:
            per_role[r["occupationUri"]] = per_role.get(r["occupationUri"], 0) + 1
    top = max(per_role, key=lambda uri: (per_role[uri], uri))
    rows = values(
        esco,
        "SELECT ?r (COUNT(?s) AS ?n) WHERE { ?r sg:essentialSkill ?s } "
        "GROUP BY ?r ORDER BY DESC(?n) DESC(STR(?r)) LIMIT 1",
    )
    assert rows == [(top, str(per_role[top]))]


def test_esco_source_names_the_version(esco):
    assert esco.meta["sources"][0]["name"] == "ESCO v1.1.1"
    assert values(
        esco, "SELECT ?l WHERE { ?s a sg:Source ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    ) == [("ESCO v1.1.1",)]


# ----------------------------------------------------------------- interrupted imports


def _snapshot(location: Path) -> tuple[str, set]:
    store = open_store(location)
    quads = {str(q) for q in store.ox.quads_for_pattern(None, None, None, None)}
    content = store.content_id
    del store
    return content, quads


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_an_import_stopped_half_way_leaves_the_old_store(tmp_path, sig):
    if not (ESCO_DIR / "occupations_en.csv").is_file():
        pytest.skip(f"real ESCO data not found at {ESCO_DIR} (../shared/data is absent)")
    location = tmp_path / "store"
    import_esco(MINI, location)
    content, quads = _snapshot(location)
    proc = subprocess.Popen(
        [str(SKILLGRAPH), "import", "esco", str(ESCO_DIR), "--store", str(location), "--replace"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # once the occupations are read the import is under way, its generation half written
    seen = ""
    for line in proc.stderr:
        seen += line
        if line.startswith("occupations_en.csv:"):
            break
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=120)
    err = seen + err
    assert "loaded" not in err, "the import finished before it could be stopped"
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL, err
    else:
        assert proc.returncode == 130, err
        assert err.rstrip().endswith("error: interrupted")
        # a clean interruption removes its half-built generation
        assert len(list(iter_generations(location))) == 1
    assert _snapshot(location) == (content, quads)
    # the next import still works and clears the debris a kill leaves
    fresh = import_esco(MINI, location)
    assert count(fresh, "?c a sg:Role") == 3
    assert len(list(iter_generations(location))) == 1


def test_a_duplicated_occupation_row_is_reported(tmp_path):
    import shutil

    data = tmp_path / "esco"
    shutil.copytree(MINI, data)
    occupations = data / "occupations_en.csv"
    text = occupations.read_text(encoding="utf-8")
    clerk = text[text.index("Occupation," + E + "occupation/mini-0003") :]
    occupations.write_text(text + clerk, encoding="utf-8")
    store = import_esco(data, tmp_path / "store")
    assert count(store, "?c a sg:Role") == 3
    report = store.meta["quality"]["duplicate occupation in occupations_en.csv"]
    assert report == {
        "rows": 1,
        "examples": [E + "occupation/mini-0003-office-clerk"],
        "first line": 11,
    }


def test_labels_stay_disjoint_as_skos_requires(tmp_path):
    """ESCO lists some preferred labels among the alternative ones; SKOS (S13) and skosify
    want the kinds of label disjoint."""
    import shutil

    data = tmp_path / "esco"
    shutil.copytree(MINI, data)
    occupations = data / "occupations_en.csv"
    text = occupations.read_text(encoding="utf-8")
    before = ',software developer,"software engineer'
    assert before in text
    text = text.replace(before, ',software developer,"software developer\nsoftware engineer')
    occupations.write_text(text, encoding="utf-8")
    store = import_esco(data, tmp_path / "store")
    alt = objects(store, E + "occupation/mini-0001-software-developer", "skos:altLabel")
    assert "software engineer" in alt and "software developer" not in alt


def test_importing_onto_an_existing_store_needs_merge_or_replace(tmp_path):
    location = tmp_path / "store"
    assert run_cli("import", "esco", str(MINI), "--store", str(location)).returncode == 0
    before = (location / "CURRENT").read_text()
    proc = run_cli("import", "esco", str(MINI), "--store", str(location))
    assert proc.returncode == 1
    assert "already holds a taxonomy: say --merge to add to it or --replace" in proc.stderr
    assert (location / "CURRENT").read_text() == before
    proc = run_cli("import", "esco", str(MINI), "--store", str(location), "--replace")
    assert proc.returncode == 0, proc.stderr
    assert (location / "CURRENT").read_text() != before
